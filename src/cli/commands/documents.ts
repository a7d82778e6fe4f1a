// `trucewatch documents`: lists stored documents.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('documents')
    .description('list stored documents, newest publication first')
    .option('--db <url>', 'SQLite file or postgres:// URL (default: $TRUCEWATCH_DB or ./trucewatch.db)')
    .option('--limit <n>', 'at most this many (1..500)', '100')
    .option('--offset <n>', 'skip this many', '0')
    .option('--json', 'print {"items": [...], "total": N}')
    .action(async (opts: { db?: string; limit: string; offset: string; json?: boolean }) => {
      const { withStore, defaultDbUrl, printPage } = await import('../../store/cli.ts');
      await withStore(opts.db ?? defaultDbUrl(), (store) => printPage(
        () => store.listDocuments({ limit: Number(opts.limit), offset: Number(opts.offset) }),
        opts.json,
        (d) => `${d.id.slice(0, 12)}  ${d.published ?? '?'}  ${d.events} event(s)  ${d.title ?? d.name}${d.near_duplicate_of ? `  near-duplicate of ${d.near_duplicate_of.slice(0, 12)}` : ''}`,
        'document',
      ));
    });
}
