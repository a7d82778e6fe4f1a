// Runs the API until SIGINT/SIGTERM (used by `serve` and `start`), then closes the server and the store.
import type { Store } from '../store/types.ts';
import { buildServer } from './app.ts';

export interface ListenOptions {
  host: string;
  port: number;
  packs?: string[];
}

/** Parses a --port value: an integer 0..65535 (0 = any free port). */
export function parsePort(value: string): number | null {
  const n = Number(value);
  return /^\d+$/.test(value) && n <= 65535 ? n : null;
}

/** The --port of a command, or null after saying why it is refused (exit code 2). */
export function portOption(value: string): number | null {
  const port = parsePort(value);
  if (port === null) {
    process.stderr.write(`error: --port must be an integer from 0 to 65535, not ${JSON.stringify(value)}\n`);
    process.exitCode = 2;
  }
  return port;
}

/** Listens and resolves when the process is asked to stop. The bearer token for writes comes from $TRUCEWATCH_TOKEN. */
export async function serveUntilStopped(store: Store, opts: ListenOptions, announce: (url: string) => void): Promise<void> {
  const app = await buildServer({ store, token: process.env.TRUCEWATCH_TOKEN || undefined, packs: opts.packs });
  const url = await app.listen({ host: opts.host, port: opts.port });
  announce(url);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await app.close();
}
