// `trucewatch worker`: processes inputs enqueued by `ingest --queue` (pg-boss on PostgreSQL).
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('worker')
    .description('extract and store the reports queued by `ingest --queue` (PostgreSQL), until stopped')
    .option('--db <url>', 'postgres:// URL (default: $TRUCEWATCH_DB)')
    .option('--pack <dir...>', 'extra knowledge pack folders', [])
    .option('--drain', 'exit when the queue is empty')
    .option('--json', 'print one JSON line per processed input')
    .action(async (opts: { db?: string; pack: string[]; drain?: boolean; json?: boolean }) => {
      const { withStore, defaultDbUrl, EXIT } = await import('../../store/cli.ts');
      const { openQueue, work } = await import('../../store/queue.ts');
      const { emptySummary, summaryLine, tally } = await import('../../store/ingest.ts');
      const { redact } = await import('../../store/dialect.ts');
      const db = opts.db ?? defaultDbUrl();
      await withStore(db, async (store) => {
        const boss = await openQueue(db);
        const stopped = new Promise<void>((resolve) => {
          process.once('SIGINT', () => resolve());
          process.once('SIGTERM', () => resolve());
        });
        const summary = emptySummary();
        try {
          if (!opts.drain) process.stdout.write(`TruceWatch worker: waiting for jobs on ${redact(db)}\n`);
          await work(store, boss, {
            packs: opts.pack, drain: opts.drain, stopped,
            onItem(item) {
              tally(summary, item);
              if (opts.json) process.stdout.write(`${JSON.stringify(item)}\n`);
              if (item.status === 'failed') process.stderr.write(`error: ${item.source}: ${item.error}\n`);
            },
          });
        } finally {
          await boss.stop({ graceful: false });
        }
        process.stdout.write(opts.json ? `${JSON.stringify({ summary })}\n` : `${summaryLine(summary)}\n`);
        return summary.failed > 0 ? EXIT.someFailed : EXIT.ok;
      });
    });
}
