// `trucewatch serve`: the HTTP API and start page over a store.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the API (/api, /docs, /openapi.json) and a start page; writes need $TRUCEWATCH_TOKEN')
    .option('--db <url>', 'SQLite file or postgres:// URL (default: $TRUCEWATCH_DB or ./trucewatch.db)')
    .option('--port <n>', 'port (0 = any free port)', '8080')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--pack <dir...>', 'extra knowledge pack folders for POST /api/ingest', [])
    .action(async (opts: { db?: string; port: string; host: string; pack: string[] }) => {
      const { withStore, defaultDbUrl } = await import('../../store/cli.ts');
      const { serveUntilStopped, portOption } = await import('../../server/listen.ts');
      const port = portOption(opts.port);
      if (port === null) return;
      const db = opts.db ?? defaultDbUrl();
      await withStore(db, (store) => serveUntilStopped(store, { host: opts.host, port, packs: opts.pack }, (url) => {
        process.stdout.write(`TruceWatch: serving ${db} at ${url}  (API docs: ${url}/docs)\n`);
      }));
    });
}
