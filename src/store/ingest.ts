// Ingesting reports into the store: one input → pipeline → saved, alone (the queue worker, POST /api/ingest)
// or in batches of one transaction each (the `ingest` and `start` commands).
import type { Document, InputDoc } from '../pipeline/types.ts';
import type { ReadResult } from '../ingest/read.ts';
import type { PipelineContext, PipelineResult } from '../pipeline/run.ts';
import type { SaveFailure, SaveItem, SaveResult, Store } from './types.ts';

/** A problem with the set-up (packs, options) rather than with one input. */
export class ConfigError extends Error {}

export type IngestItem = { source: string; name: string } & (SaveResult | { status: 'failed'; error: string });

export interface IngestSummary {
  added: number;
  updated: number;
  unchanged: number;
  nearDuplicates: number;
  failed: number;
}

export interface IngestOptions {
  packs?: string[];
  /** Re-extract documents already stored (corrections are re-applied). */
  replace?: boolean;
  /** ingestPaths, ingestInputs: reports per transaction (default BATCH); 1 commits each report as soon as it is extracted. */
  batch?: number;
  /** Packs already loaded (loadContext), instead of loading `packs` on the first report to extract. */
  context?: PipelineContext;
  onItem?: (item: IngestItem) => void;
}

/**
 * An input after the pipeline: either settled (already stored, or failed) or what is to be saved of it. Only
 * that is kept while a batch fills: not the tokens and sentences, the bulk of a pipeline result.
 */
type Prepared = { item: IngestItem } | { base: { source: string; name: string }; save: SaveItem };

/** Runs the pipeline on one input; a report already stored is settled as unchanged without extraction. */
async function createPreparer(store: Store, opts: Omit<IngestOptions, 'onItem'>): Promise<(input: InputDoc) => Promise<Prepared>> {
  const { cleanDocument } = await import('../ingest/clean.ts');
  // The pipeline and its packs load on the first report not yet stored: re-running a finished batch costs neither.
  let pipeline: Promise<(doc: Document) => PipelineResult> | undefined;
  const load = async () => {
    const { loadContext, processDocument } = await import('../pipeline/run.ts');
    let ctx: PipelineContext;
    try {
      ctx = opts.context ?? loadContext(opts.packs ?? []);
    } catch (e) {
      throw new ConfigError(`cannot load the knowledge packs: ${(e as Error).message}`);
    }
    return (doc: Document) => processDocument(doc, ctx);
  };
  return async (input) => {
    const base = { source: input.source, name: input.name };
    try {
      // Cleaning alone gives the id: a stored report is skipped without running the rest of the pipeline.
      const doc = cleanDocument(input);
      if (!opts.replace && (await store.hasDocument(doc.id))) return { item: { ...base, status: 'unchanged', id: doc.id } };
      const { extraction, annotated: { actors, places, times } } = (await (pipeline ??= load()))(doc);
      return { base, save: { doc, extraction, opts: { mentions: { actors, places, times }, replace: opts.replace } } };
    } catch (e) {
      if (e instanceof ConfigError) throw e;
      return { item: { ...base, status: 'failed', error: (e as Error).message } };
    }
  };
}

/** Runs the pipeline on one input and stores it in its own transaction; a report already stored is skipped without extraction. */
export async function createIngester(store: Store, opts: Omit<IngestOptions, 'onItem'> = {}): Promise<(input: InputDoc) => Promise<IngestItem>> {
  const prepare = await createPreparer(store, opts);
  return async (input) => {
    const p = await prepare(input);
    if ('item' in p) return p.item;
    const { doc, extraction, opts: saveOpts } = p.save;
    try {
      return { ...p.base, ...(await store.saveDocument(doc, extraction, saveOpts)) };
    } catch (e) {
      return { ...p.base, status: 'failed', error: (e as Error).message };
    }
  };
}

export function emptySummary(): IngestSummary {
  return { added: 0, updated: 0, unchanged: 0, nearDuplicates: 0, failed: 0 };
}

export function tally(summary: IngestSummary, item: IngestItem): void {
  if (item.status === 'added') summary.added++;
  else if (item.status === 'updated') summary.updated++;
  else if (item.status === 'unchanged') summary.unchanged++;
  else if (item.status === 'near-duplicate') summary.nearDuplicates++;
  else summary.failed++;
}

/** Reports saved per transaction by ingestPaths unless told otherwise: one commit per report cost about a third of a save. */
export const BATCH = 32;

/**
 * Reads every input under `paths`, runs the pipeline and saves the documents in batches (opts.batch), one
 * transaction per batch with a savepoint per document: a document that fails is left out and reported,
 * the rest of the batch is stored. An interrupted run keeps every batch it committed, and a re-run skips
 * what is stored. Items are reported (onItem) once their batch is committed, in input order.
 */
export async function ingestPaths(store: Store, paths: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const { readInputs } = await import('../ingest/read.ts');
  return ingestInputs(store, readInputs(paths), opts);
}

/** ingestPaths over inputs already read (or generated, as the benchmark's). */
export async function ingestInputs(store: Store, inputs: AsyncIterable<ReadResult> | Iterable<ReadResult>, opts: IngestOptions = {}): Promise<IngestSummary> {
  const prepare = await createPreparer(store, opts);
  const summary = emptySummary();
  const pending: Prepared[] = [];
  const flush = async () => {
    const batch = pending.splice(0);
    const toSave = batch.flatMap((p) => ('save' in p ? [p.save] : []));
    let saved: Array<SaveResult | SaveFailure>;
    try {
      saved = await store.saveBatch(toSave);
    } catch (e) {
      saved = toSave.map(({ doc }) => ({ status: 'failed', id: doc.id, error: `not stored: ${(e as Error).message}` }));
    }
    let next = 0;
    for (const p of batch) {
      const item: IngestItem = 'item' in p ? p.item : toItem(p.base, saved[next++]);
      tally(summary, item);
      opts.onItem?.(item);
    }
  };
  for await (const r of inputs) {
    pending.push(r.ok ? await prepare(r.input) : { item: { source: r.source, name: r.source, status: 'failed', error: r.error } });
    if (pending.length >= (opts.batch ?? BATCH)) await flush();
  }
  await flush();
  return summary;
}

function toItem(base: { source: string; name: string }, r: SaveResult | SaveFailure): IngestItem {
  return r.status === 'failed' ? { ...base, status: 'failed', error: r.error } : { ...base, ...r };
}

export function summaryLine(s: IngestSummary): string {
  return `${s.added} added, ${s.unchanged} unchanged, ${s.nearDuplicates} near-duplicates, ${s.failed} failed${s.updated ? `, ${s.updated} re-extracted` : ''}`;
}
