// `trucewatch start` (npm start): ingests the bundled sample corpus, then serves it.
import type { Command } from 'commander';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../root.ts';

const SAMPLES = join(ROOT, 'samples');

/** The sample reports: everything in samples/ except the corpus's own README, which is not a report. */
function sampleFiles(): string[] {
  return readdirSync(SAMPLES).filter((n) => !/^readme(\.|$)/i.test(n)).sort().map((n) => join(SAMPLES, n));
}

export function register(program: Command): void {
  program
    .command('start')
    .description('ingest the bundled samples/ into the database, then serve it (what `npm start` runs)')
    .option('--db <url>', 'SQLite file or postgres:// URL (default: $TRUCEWATCH_DB or ./trucewatch.db)')
    .option('--port <n>', 'port (0 = any free port)', '8080')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .action(async (opts: { db?: string; port: string; host: string }) => {
      const { withStore, defaultDbUrl, EXIT } = await import('../../store/cli.ts');
      const { ingestPaths, summaryLine } = await import('../../store/ingest.ts');
      const { serveUntilStopped, portOption } = await import('../../server/listen.ts');
      const port = portOption(opts.port);
      if (port === null) return;
      const db = opts.db ?? defaultDbUrl();
      await withStore(db, async (store) => {
        const summary = await ingestPaths(store, sampleFiles(), {
          onItem: (item) => {
            if (item.status === 'failed') process.stderr.write(`error: ${item.source}: ${item.error}\n`);
          },
        });
        process.stdout.write(`samples: ${summaryLine(summary)}\n`);
        await serveUntilStopped(store, { host: opts.host, port }, (url) => {
          process.stdout.write(`TruceWatch: serving ${db} at ${url}  (API docs: ${url}/docs)\n`);
        });
        return EXIT.ok;
      });
    });
}
