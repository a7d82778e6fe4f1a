// What the store's commands (ingest, serve, start, events, export, documents, worker) share:
// exit codes, the database URL default, and opening the store with a clear error.
import { openStore } from './index.ts';
import { ConfigError } from './ingest.ts';
import { StoreError, type Store } from './types.ts';

/** Exit codes of the commands. */
export const EXIT = { ok: 0, someFailed: 1, usage: 2 } as const;

export function defaultDbUrl(): string {
  return process.env.TRUCEWATCH_DB || './trucewatch.db';
}

/** Opens the store, runs `fn`, closes; a store that cannot be opened is a configuration error (exit 2). */
export async function withStore(url: string, fn: (store: Store) => Promise<number | void>): Promise<void> {
  let store: Store;
  try {
    store = await openStore(url);
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    process.exitCode = EXIT.usage;
    return;
  }
  try {
    const code = await fn(store);
    if (code !== undefined) process.exitCode = code;
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    process.exitCode = e instanceof ConfigError ? EXIT.usage : EXIT.someFailed;
  } finally {
    await store.close();
  }
}

/** Prints one page of a listing as JSON or one line per item; a filter the store rejects is a usage error. */
export async function printPage<T>(list: () => Promise<{ items: T[]; total: number; total_exact?: boolean }>, json: boolean | undefined, line: (item: T) => string, noun: string): Promise<number> {
  let page: { items: T[]; total: number; total_exact?: boolean };
  try {
    page = await list();
  } catch (e) {
    if (!(e instanceof StoreError)) throw e;
    process.stderr.write(`error: ${e.message}\n`);
    return EXIT.usage;
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(page, null, 1)}\n`);
    return EXIT.ok;
  }
  for (const item of page.items) process.stdout.write(`${line(item)}\n`);
  process.stdout.write(`${page.items.length} of ${page.total_exact === false ? 'at least ' : ''}${page.total} ${noun}(s)\n`);
  return EXIT.ok;
}
