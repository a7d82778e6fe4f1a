// `trucewatch ingest <paths...>`: reads, extracts and stores reports, one transaction per batch of documents.
import { InvalidArgumentError, type Command } from 'commander';
// Light: the ingest module loads the pipeline and the store only when it runs.
import { BATCH } from '../../store/ingest.ts';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of at least 1');
  return n;
}

export function register(program: Command): void {
  program
    .command('ingest <paths...>')
    .description('read files, folders, feeds or JSON lines, extract them and store the results (re-running skips stored reports)')
    .option('--db <url>', 'SQLite file or postgres:// URL (default: $TRUCEWATCH_DB or ./trucewatch.db)')
    .option('--pack <dir...>', 'extra knowledge pack folders', [])
    .option('--reextract', 're-extract reports already stored (analyst corrections are re-applied)')
    .option('--queue', 'enqueue the inputs for `trucewatch worker` instead of extracting them here (PostgreSQL only)')
    .option('--json', 'print one JSON line per input and a JSON summary')
    .option('--batch <n>', `reports stored per transaction (default ${BATCH}); 1 stores each report as soon as it is extracted`, positiveInt)
    .action(async (paths: string[], opts: { db?: string; pack: string[]; reextract?: boolean; queue?: boolean; json?: boolean; batch?: number }) => {
      const { withStore, defaultDbUrl, EXIT } = await import('../../store/cli.ts');
      const { ingestPaths, summaryLine } = await import('../../store/ingest.ts');
      const { createProgress } = await import('../progress.ts');
      const db = opts.db ?? defaultDbUrl();
      if (opts.queue) {
        const { enqueuePaths } = await import('../../store/queue.ts');
        process.exitCode = await enqueuePaths(db, paths, { replace: opts.reextract, json: opts.json });
        return;
      }
      await withStore(db, async (store) => {
        const progress = createProgress(null, 'ingest');
        const summary = await ingestPaths(store, paths, {
          packs: opts.pack,
          replace: opts.reextract,
          batch: opts.batch,
          onItem(item) {
            progress.tick(1, item.name);
            if (opts.json) process.stdout.write(`${JSON.stringify(item)}\n`);
            if (item.status === 'failed') {
              progress.done();
              process.stderr.write(`error: ${item.source}: ${item.error}\n`);
            }
          },
        });
        progress.done();
        process.stdout.write(opts.json ? `${JSON.stringify({ summary })}\n` : `${summaryLine(summary)}\n`);
        return summary.failed > 0 ? EXIT.someFailed : EXIT.ok;
      });
    });
}
