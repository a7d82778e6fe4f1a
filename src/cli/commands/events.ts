// `trucewatch events`: lists stored events with filters.
import type { Command } from 'commander';
import { addEventFilterOptions, eventFilter, type EventFilterOptions } from '../../store/filter-options.ts';

export function register(program: Command): void {
  addEventFilterOptions(program
    .command('events')
    .description('list stored events, newest first')
    .option('--db <url>', 'SQLite file or postgres:// URL (default: $TRUCEWATCH_DB or ./trucewatch.db)')
    .option('--limit <n>', 'at most this many (1..500)', '50')
    .option('--offset <n>', 'skip this many', '0')
    .option('--json', 'print {"items": [...], "total": N}'))
    .action(async (opts: EventFilterOptions & { db?: string; limit: string; offset: string; json?: boolean }) => {
      const { withStore, defaultDbUrl, printPage } = await import('../../store/cli.ts');
      await withStore(opts.db ?? defaultDbUrl(), (store) => printPage(
        () => store.listEvents({ ...eventFilter(opts), limit: Number(opts.limit), offset: Number(opts.offset) }),
        opts.json,
        (e) => {
          const who = `${e.source.join('+') || '-'} → ${e.target.join('+') || '-'}`;
          const where = e.location ? ` @ ${e.location}` : '';
          return `${e.date ?? '?'}  ${e.type}${e.mode ? `/${e.mode}` : ''} [${e.status}] ${who}${where}  «${e.evidence.slice(0, 100)}»  (${e.document})`;
        },
        'event',
      ));
    });
}
