// The ingest queue (pg-boss on PostgreSQL): `ingest --queue` enqueues inputs, `worker` processes them.
// Each job is one input; a worker saves it in one transaction, so jobs can be retried safely.
import PgBoss from 'pg-boss';
import type { InputDoc } from '../pipeline/types.ts';
import { EXIT } from './cli.ts';
import { isPostgresUrl } from './dialect.ts';
import { ConfigError, createIngester, type IngestItem, type IngestOptions } from './ingest.ts';
import type { Store } from './types.ts';

export const QUEUE = 'trucewatch-ingest';

export interface IngestJob {
  input: InputDoc;
  replace?: boolean;
}

/** Starts pg-boss on the store's PostgreSQL database; its tables go to `<schema>_queue` (or `pgboss`). */
export async function openQueue(url: string): Promise<PgBoss> {
  if (!isPostgresUrl(url)) throw new ConfigError('the ingest queue needs a PostgreSQL database: pass --db postgres://…');
  const u = new URL(url);
  const schema = u.searchParams.get('schema');
  u.searchParams.delete('schema');
  const boss = new PgBoss({ connectionString: u.toString(), schema: schema ? `${schema}_queue` : 'pgboss' });
  boss.on('error', (e) => process.stderr.write(`queue error: ${e.message}\n`));
  await boss.start();
  await boss.createQueue(QUEUE);
  return boss;
}

export async function enqueue(boss: PgBoss, job: IngestJob): Promise<string> {
  const id = await boss.send(QUEUE, job, { retryLimit: 3, retryDelay: 5 });
  if (!id) throw new Error(`${job.input.source}: the queue refused the job`);
  return id;
}

export interface WorkOptions extends Omit<IngestOptions, 'replace'> {
  /** Stop when the queue is empty instead of waiting for more jobs. */
  drain?: boolean;
  /** Resolves when the worker should stop (e.g. on SIGTERM). */
  stopped?: Promise<void>;
  pollMs?: number;
}

/**
 * Takes jobs one at a time until stopped (or, with `drain`, until none is left). A report that fails
 * completes its job with the error as its output (retrying would fail again); a configuration error
 * (packs that do not load) fails the job, so pg-boss retries it later, and stops the worker.
 */
export async function work(store: Store, boss: PgBoss, opts: WorkOptions = {}): Promise<void> {
  const ingesters = new Map<boolean, (input: InputDoc) => Promise<IngestItem>>();
  let stop = false;
  void opts.stopped?.then(() => (stop = true));
  while (!stop) {
    const [job] = await boss.fetch<IngestJob>(QUEUE, { batchSize: 1 });
    if (!job) {
      if (opts.drain) return;
      await Promise.race([new Promise((r) => setTimeout(r, opts.pollMs ?? 1000)), opts.stopped]);
      continue;
    }
    const replace = job.data.replace === true;
    let ingest = ingesters.get(replace);
    if (!ingest) ingesters.set(replace, (ingest = await createIngester(store, { packs: opts.packs, replace })));
    let item: IngestItem;
    try {
      item = await ingest(job.data.input);
    } catch (e) {
      await boss.fail(QUEUE, job.id, { error: (e as Error).message });
      throw e;
    }
    await boss.complete(QUEUE, job.id, item.status === 'failed' ? { status: 'failed', error: item.error } : { status: item.status, id: item.id });
    opts.onItem?.(item);
  }
}

/** `ingest --queue`: reads the inputs and enqueues each one; returns the exit code. Read errors are reported like `ingest`'s. */
export async function enqueuePaths(url: string, paths: string[], opts: { replace?: boolean; json?: boolean } = {}): Promise<number> {
  let boss: PgBoss;
  try {
    boss = await openQueue(url);
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    return EXIT.usage;
  }
  const { readInputs } = await import('../ingest/read.ts');
  let queued = 0;
  let failed = 0;
  try {
    for await (const r of readInputs(paths)) {
      if (!r.ok) {
        failed++;
        process.stderr.write(`error: ${r.source}: ${r.error}\n`);
        continue;
      }
      const id = await enqueue(boss, { input: r.input, replace: opts.replace });
      queued++;
      if (opts.json) process.stdout.write(`${JSON.stringify({ source: r.input.source, status: 'queued', job: id })}\n`);
    }
  } finally {
    await boss.stop({ graceful: false });
  }
  process.stdout.write(opts.json ? `${JSON.stringify({ summary: { queued, failed } })}\n` : `${queued} queued, ${failed} failed\n`);
  return failed > 0 ? EXIT.someFailed : EXIT.ok;
}
