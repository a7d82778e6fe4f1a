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
      const { withStore, defaultDbUrl, EXIT } = await import('../../store/cli.ts');
      const { StoreError } = await import('../../store/types.ts');
      await withStore(opts.db ?? defaultDbUrl(), async (store) => {
        let page;
        try {
          page = await store.listDocuments({ limit: Number(opts.limit), offset: Number(opts.offset) });
        } catch (e) {
          if (!(e instanceof StoreError)) throw e;
          process.stderr.write(`error: ${e.message}\n`);
          return EXIT.usage;
        }
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(page, null, 1)}\n`);
          return EXIT.ok;
        }
        for (const d of page.items) {
          const dup = d.near_duplicate_of ? `  near-duplicate of ${d.near_duplicate_of.slice(0, 12)}` : '';
          process.stdout.write(`${d.id.slice(0, 12)}  ${d.published ?? '?'}  ${d.events} event(s)  ${d.title ?? d.name}${dup}\n`);
        }
        process.stdout.write(`${page.items.length} of ${page.total} document(s)\n`);
        return EXIT.ok;
      });
    });
}
