// Ingesting reports into the store: one input → pipeline → one transaction. Shared by the
// `ingest` and `start` commands, the queue worker and POST /api/ingest.
import type { InputDoc } from '../pipeline/types.ts';
import type { PipelineContext, PipelineResult } from '../pipeline/run.ts';
import type { SaveResult, Store } from './types.ts';

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
  onItem?: (item: IngestItem) => void;
}

/** Runs the pipeline on one input and stores it; a report already stored is skipped without extraction. */
export async function createIngester(store: Store, opts: Omit<IngestOptions, 'onItem'> = {}): Promise<(input: InputDoc) => Promise<IngestItem>> {
  const { cleanDocument } = await import('../ingest/clean.ts');
  // The pipeline and its packs load on the first report not yet stored: re-running a finished batch costs neither.
  let pipeline: Promise<(input: InputDoc) => PipelineResult> | undefined;
  const load = async () => {
    const { loadContext, processInput } = await import('../pipeline/run.ts');
    let ctx: PipelineContext;
    try {
      ctx = loadContext(opts.packs ?? []);
    } catch (e) {
      throw new ConfigError(`cannot load the knowledge packs: ${(e as Error).message}`);
    }
    return (input: InputDoc) => processInput(input, ctx);
  };
  return async (input) => {
    const base = { source: input.source, name: input.name };
    try {
      // Cleaning alone gives the id: a stored report is skipped without running the whole pipeline.
      const id = cleanDocument(input).id;
      if (!opts.replace && (await store.hasDocument(id))) return { ...base, status: 'unchanged', id };
      const r = (await (pipeline ??= load()))(input);
      return { ...base, ...(await store.saveDocument(r.doc, r.extraction, { mentions: r.annotated, replace: opts.replace })) };
    } catch (e) {
      if (e instanceof ConfigError) throw e;
      return { ...base, status: 'failed', error: (e as Error).message };
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

/**
 * Reads every input under `paths`, runs the pipeline and saves each document in its own transaction,
 * so an interrupted batch keeps what it stored and a re-run skips it.
 */
export async function ingestPaths(store: Store, paths: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const { readInputs } = await import('../ingest/read.ts');
  const ingest = await createIngester(store, opts);
  const summary = emptySummary();
  for await (const r of readInputs(paths)) {
    const item: IngestItem = r.ok ? await ingest(r.input) : { source: r.source, name: r.source, status: 'failed', error: r.error };
    tally(summary, item);
    opts.onItem?.(item);
  }
  return summary;
}

export function summaryLine(s: IngestSummary): string {
  return `${s.added} added, ${s.unchanged} unchanged, ${s.nearDuplicates} near-duplicates, ${s.failed} failed${s.updated ? `, ${s.updated} re-extracted` : ''}`;
}
