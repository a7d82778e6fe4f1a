// `npm run bench [-- --quick] [-- --json]`: throughput, memory, query latency and API load of
// TruceWatch on generated data, all on this machine in one process. Not part of `npm test`.
//   --quick            reduced sizes (see SIZES) so that the run takes minutes, not hours
//   --json             print one JSON object instead of the human-readable lines
//   --articles N       articles for the throughput run
//   --stream A,B       RSS checkpoints while streaming articles (the run goes up to B)
//   --events N         events seeded for the query and API runs
//   --queries N        queries of each kind timed for p50/p95
//   --budget S         stop the streaming run after S seconds (reports how far it got)
//   --only PARTS       run only these parts, comma-separated: throughput, matching, stream, store-stream, queries, api
//   --query-db FILE    seed the query store into FILE and keep it; a later run reuses it when it holds the events
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { loadContext, processInput, type PipelineContext } from '../src/pipeline/run.ts';
import { findMentions } from '../src/knowledge/index.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { BATCH, ingestInputs } from '../src/store/ingest.ts';
import { buildServer } from '../src/server/app.ts';
import { generateArticles, loadTemplates, prng, type Template } from './generate.ts';
import { ACTORS, seedEvents } from './seed.ts';

interface Sizes {
  articles: number;
  stream: [number, number];
  events: number;
  /** Queries of each kind timed for p50/p95. */
  queries: number;
  budgetS: number | null;
}
const SIZES: Record<'full' | 'quick', Sizes> = {
  full: { articles: 2000, stream: [10_000, 100_000], events: 1_000_000, queries: 300, budgetS: null },
  quick: { articles: 50, stream: [2_000, 10_000], events: 100_000, queries: 50, budgetS: 30 },
};
const PARTS = ['throughput', 'matching', 'stream', 'store-stream', 'queries', 'api'] as const;
type Part = (typeof PARTS)[number];
const API_SECONDS = 5;
const MB = 1024 * 1024;

const log = (quiet: boolean, s: string) => {
  if (!quiet) process.stderr.write(`${s}\n`);
};

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const rssMb = () => round(process.memoryUsage.rss() / MB, 1);

/**
 * End to end as `ingest` runs it (clean → annotate → extract → store in batches, in a temp SQLite DB) against
 * wink-nlp's bare readDoc on the same texts. The save time is measured apart: the same reports saved again,
 * in the same batches, into a second store.
 */
async function throughput(ctx: PipelineContext, templates: Template[], n: number, dir: string) {
  const inputs = [...generateArticles(templates, n, 11)];
  const bytes = inputs.reduce((s, i) => s + Buffer.byteLength(i.raw), 0);
  const store = await openStore(join(dir, 'throughput.db'));
  // One warm-up article so lazy initialisation is not timed.
  await ingestInputs(store, [{ ok: true, input: generateArticles(templates, 1, 12).next().value! }], { context: ctx });
  const t0 = performance.now();
  const summary = await ingestInputs(store, inputs.map((input) => ({ ok: true as const, input })), { context: ctx });
  const twMs = performance.now() - t0;
  await store.close();
  // A batch at a time, as ingest holds them: all the results at once would grow the heap the later parts run in.
  const again = await openStore(join(dir, 'throughput-save.db'));
  let saveMs = 0;
  for (let i = 0; i < inputs.length; i += BATCH) {
    const batch = inputs.slice(i, i + BATCH).map((input) => {
      const { doc, extraction, annotated: { actors, places, times } } = processInput(input, ctx);
      return { doc, extraction, opts: { mentions: { actors, places, times } } };
    });
    const s0 = performance.now();
    await again.saveBatch(batch);
    saveMs += performance.now() - s0;
  }
  await again.close();
  // wink's bare readDoc with its default pipe (the issue's baseline), and with only the annotations that
  // sentences and POS need (the pipe the tokenize stage uses).
  const winkTime = (nlp: ReturnType<typeof winkNLP>) => {
    nlp.readDoc(inputs[0].raw);
    const t1 = performance.now();
    for (const input of inputs) {
      const doc = nlp.readDoc(input.raw);
      doc.sentences().out();
      doc.tokens().out(nlp.its.pos);
    }
    return performance.now() - t1;
  };
  const winkMs = winkTime(winkNLP(model));
  const winkSbdPosMs = winkTime(winkNLP(model, ['sbd', 'pos']));
  return {
    articles: n, avg_article_bytes: Math.round(bytes / n), saved: summary,
    articles_per_s: round(n / (twMs / 1000)), mb_per_s: round(bytes / MB / (twMs / 1000), 3), save_ms_per_article: round(saveMs / n),
    wink_articles_per_s: round(n / (winkMs / 1000)), ratio_vs_wink: round(twMs / winkMs),
    wink_sbd_pos_articles_per_s: round(n / (winkSbdPosMs / 1000)), ratio_vs_wink_sbd_pos: round(twMs / winkSbdPosMs),
  };
}

/** Streams generated articles through the pipeline into SQLite as `ingest` does (batches of reports, one transaction each), sampling RSS. */
async function memory(ctx: PipelineContext, templates: Template[], [at1, at2]: [number, number], budgetS: number | null, dir: string, quiet: boolean) {
  const store = await openStore(join(dir, 'stream.db'));
  const rss: Record<number, number> = {};
  const t0 = performance.now();
  let done = 0;
  let stoppedBy: 'size' | 'budget' = 'size';
  // Generated lazily, so that only the reports of the batch in hand are in memory; the budget ends the stream.
  function* inputs() {
    for (const input of generateArticles(templates, at2, 23)) {
      if (budgetS !== null && performance.now() - t0 > budgetS * 1000) {
        stoppedBy = 'budget';
        return;
      }
      yield { ok: true as const, input };
    }
  }
  await ingestInputs(store, inputs(), {
    context: ctx,
    onItem() {
      done++;
      if (done === at1 || done === at2 || done % 1000 === 0) {
        rss[done] = rssMb();
        log(quiet, `  streamed ${done}: rss ${rss[done]} MB`);
      }
    },
  });
  rss[done] = rssMb();
  await store.close();
  return {
    streamed: done, stopped_by: stoppedBy, seconds: round((performance.now() - t0) / 1000, 1),
    rss_mb_at: rss, rss_mb_first: rss[at1] ?? null, rss_mb_last: rss[at2] ?? null,
    peak_rss_mb: round(process.resourceUsage().maxRSS / 1024, 1),
  };
}

/**
 * The store alone: 50 pipeline results saved over and over as new reports (each with its own id and
 * simhash, so every one is stored in full), sampling RSS and the JS heap. Anything the store layer kept per
 * document would show as growth here, at a pace the pipeline cannot feed.
 */
async function storeMemory(ctx: PipelineContext, templates: Template[], [at1, at2]: [number, number], budgetS: number | null, dir: string, quiet: boolean) {
  const results = [...generateArticles(templates, 50, 31)].map((input) => processInput(input, ctx));
  const rand = prng(37);
  const hex32 = () => Math.floor(rand() * 2 ** 32).toString(16).padStart(8, '0');
  const store = await openStore(join(dir, 'store-stream.db'));
  const rss: Record<number, number> = {};
  const heap: Record<number, number> = {};
  const t0 = performance.now();
  let done = 0;
  let stoppedBy: 'size' | 'budget' = 'size';
  while (done < at2) {
    const r = results[done % results.length];
    const id = createHash('sha256').update(`${r.doc.id}:${done}`).digest('hex');
    const saved = await store.saveDocument({ ...r.doc, id, simhash: hex32() + hex32() }, r.extraction, { mentions: r.annotated });
    if (saved.status !== 'added') throw new Error(`store stream: report ${done} was ${saved.status}, not added`);
    done++;
    if (done === at1 || done === at2 || done % 5000 === 0) {
      rss[done] = rssMb();
      heap[done] = round(process.memoryUsage().heapUsed / MB, 1);
      log(quiet, `  stored ${done}: rss ${rss[done]} MB, heap ${heap[done]} MB`);
    }
    if (budgetS !== null && performance.now() - t0 > budgetS * 1000) {
      stoppedBy = 'budget';
      break;
    }
  }
  rss[done] = rssMb();
  heap[done] = round(process.memoryUsage().heapUsed / MB, 1);
  const seconds = (performance.now() - t0) / 1000;
  await store.close();
  return { stored: done, stopped_by: stoppedBy, seconds: round(seconds, 1), reports_per_s: round(done / seconds, 1), rss_mb_at: rss, heap_mb_at: heap };
}

async function timed(n: number, q: (i: number) => Promise<unknown>): Promise<{ p50_ms: number; p95_ms: number }> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await q(i);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50_ms: round(percentile(ms, 50)), p95_ms: round(percentile(ms, 95)) };
}

/** p50/p95 of the three store queries the dashboard and API lean on. */
async function queries(store: Store, n: number) {
  const WORDS = ['rockets', 'drone attack', 'truce', 'convoy airport', 'ceasefire withdrawal'];
  const monthOf = (i: number) => `${2020 + (i % 5)}-${String(1 + (i % 12)).padStart(2, '0')}`;
  return {
    events_by_date_and_actor: await timed(n, (i) => store.listEvents({ from: `${monthOf(i)}-01`, to: `${monthOf(i)}-28`, actor: ACTORS[i % ACTORS.length], limit: 50 })),
    truce_state_as_of: await timed(n, (i) => store.listTruces({ asOf: `${monthOf(i)}-15` })),
    full_text_search: await timed(n, (i) => store.search(WORDS[i % WORDS.length], { limit: 20 })),
  };
}

type Autocannon = (o: { url: string; connections: number; duration: number }) => Promise<{
  requests: { average: number }; latency: { p50: number; p99: number }; errors: number; timeouts: number; non2xx: number;
}>;

/** GET routes under load with autocannon (10 connections, API_SECONDS each) on loopback. */
async function api(store: Store) {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const app = await buildServer({ store });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const out: Record<string, { rps: number; p50_ms: number; p99_ms: number; errors: number }> = {};
  try {
    for (const path of ['/api/events?limit=50', '/api/truces']) {
      const r = await autocannon({ url: base + path, connections: 10, duration: API_SECONDS });
      out[path] = { rps: round(r.requests.average, 1), p50_ms: r.latency.p50, p99_ms: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx };
    }
  } finally {
    await app.close();
  }
  return out;
}

/** Actor and place matching on the same text repeated 1× and 10×: time per KB should stay flat (linear cost). */
function matching(ctx: PipelineContext, templates: Template[]) {
  const base = [...generateArticles(templates, 20, 7)].map((d) => d.raw).join('\n\n');
  const perKb = (text: string) => {
    findMentions(ctx.matcher, text, { date: '2024-06-01' });
    const t = performance.now();
    findMentions(ctx.matcher, text, { date: '2024-06-01' });
    return (performance.now() - t) / (text.length / 1024);
  };
  const small = perKb(base);
  const large = perKb(Array.from({ length: 10 }, () => base).join('\n\n'));
  return { matcher_kb: round(base.length / 1024), matcher_ms_per_kb: round(small, 2), matcher_ms_per_kb_10x: round(large, 2), matcher_linearity: round(large / small, 2) };
}

/** Events already in the query store at `path` (0 when it does not exist or is not one). */
function seededEvents(path: string): number {
  if (!existsSync(path)) return 0;
  const db = new SQLite(path, { readonly: true });
  try {
    return (db.prepare('select count(*) as n from events').get() as { n: number }).n;
  } catch {
    return 0;
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean' }, json: { type: 'boolean' }, articles: { type: 'string' }, stream: { type: 'string' },
      events: { type: 'string' }, queries: { type: 'string' }, budget: { type: 'string' }, only: { type: 'string' }, 'query-db': { type: 'string' },
    },
  });
  const mode = values.quick ? 'quick' : 'full';
  const count = (s: string | undefined, name: string): number | undefined => {
    if (s === undefined) return undefined;
    const n = Number(s);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got ${JSON.stringify(s)}`);
    return n;
  };
  const stream = values.stream?.split(',').map((s) => count(s, 'stream')!);
  if (stream && (stream.length !== 2 || stream[0] > stream[1])) throw new Error('--stream takes two increasing counts, e.g. 2000,10000');
  const sizes: Sizes = {
    articles: count(values.articles, 'articles') ?? SIZES[mode].articles,
    stream: (stream as [number, number] | undefined) ?? SIZES[mode].stream,
    events: count(values.events, 'events') ?? SIZES[mode].events,
    queries: count(values.queries, 'queries') ?? SIZES[mode].queries,
    budgetS: count(values.budget, 'budget') ?? SIZES[mode].budgetS,
  };
  const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
  for (const p of only ?? []) if (!PARTS.includes(p as Part)) throw new Error(`--only takes ${PARTS.join(', ')}; got ${JSON.stringify(p)}`);
  const runs = (p: Part) => !only || only.includes(p);
  const quiet = !!values.json;
  const dir = mkdtempSync(join(tmpdir(), 'trucewatch-bench-'));
  try {
    const result: Record<string, unknown> = {
      mode, sizes, parts: PARTS.filter(runs), date: new Date().toISOString(),
      machine: { nproc: cpus().length, cpu: cpus()[0]?.model ?? '', memory_gb: round(totalmem() / 1024 ** 3, 1), node: process.version, loadavg: loadavg().map((x) => round(x)) },
    };
    log(quiet, `mode ${mode}: ${JSON.stringify(sizes)}; parts ${PARTS.filter(runs).join(', ')}`);
    if (runs('throughput') || runs('matching') || runs('stream') || runs('store-stream')) {
      const tLoad = performance.now();
      const ctx = loadContext();
      const loadMs = performance.now() - tLoad;
      const templates = await loadTemplates(ctx.knowledge);
      log(quiet, `${templates.length} base reports; packs loaded in ${Math.round(loadMs)} ms`);
      result.packs_load_ms = Math.round(loadMs);
      if (runs('stream')) {
        log(quiet, `memory: streaming up to ${sizes.stream[1]} articles${sizes.budgetS ? ` (budget ${sizes.budgetS} s)` : ''}…`);
        const mem = await memory(ctx, templates, sizes.stream, sizes.budgetS, dir, quiet);
        Object.assign(result, {
          memory_mode: `pipeline + store into SQLite as \`ingest\` does: ${BATCH} reports per transaction`,
          streamed: mem.streamed, stream_stopped_by: mem.stopped_by, stream_seconds: mem.seconds,
          rss_mb_10k: mem.rss_mb_first, rss_mb_100k: mem.rss_mb_last, rss_mb_at: mem.rss_mb_at, peak_rss_mb: mem.peak_rss_mb,
        });
      }
      if (runs('store-stream')) {
        log(quiet, `store memory: saving up to ${sizes.stream[1]} reports${sizes.budgetS ? ` (budget ${sizes.budgetS} s)` : ''}…`);
        result.store_stream = await storeMemory(ctx, templates, sizes.stream, sizes.budgetS, dir, quiet);
      }
      // After the memory parts, as is the matcher below: the throughput part builds two more wink pipelines and a
      // second store, and V8 keeps the heap they grew (RSS with it), which `ingest` never holds.
      if (runs('throughput')) {
        log(quiet, `throughput: ${sizes.articles} articles…`);
        const tp = await throughput(ctx, templates, sizes.articles, dir);
        log(quiet, `  ${tp.articles_per_s} articles/s, ${tp.mb_per_s} MB/s, wink ${tp.wink_articles_per_s} articles/s, ratio ${tp.ratio_vs_wink} (${tp.ratio_vs_wink_sbd_pos} to wink with sentences + POS only)`);
        Object.assign(result, tp);
      }
      // Its ten-fold text grows the heap, which V8 keeps, and RSS with it.
      if (runs('matching')) {
        const match = matching(ctx, templates);
        log(quiet, `matching: ${match.matcher_ms_per_kb} ms/KB on ${match.matcher_kb} KB, ${match.matcher_ms_per_kb_10x} ms/KB on 10×: linearity ${match.matcher_linearity} (1 = linear)`);
        Object.assign(result, match);
      }
    }
    if (runs('queries') || runs('api')) {
      const qPath = values['query-db'] ?? join(dir, 'query.db');
      const have = seededEvents(qPath);
      if (have !== sizes.events) {
        if (have > 0) throw new Error(`--query-db ${qPath} holds ${have} events, not ${sizes.events}: remove it or pass --events ${have}`);
        log(quiet, `queries: seeding ${sizes.events} events…`);
        const tSeed = performance.now();
        (await openStore(qPath)).close();
        const seeded = seedEvents(qPath, sizes.events, 5);
        result.seeded = { ...seeded, seconds: round((performance.now() - tSeed) / 1000, 1) };
      } else {
        log(quiet, `queries: reusing the ${have} events of ${qPath}`);
        result.seeded = { events: have, reused: qPath };
      }
      const tOpen = performance.now();
      const store = await openStore(qPath);
      result.open_ms = Math.round(performance.now() - tOpen);
      try {
        if (runs('queries')) {
          const q = await queries(store, sizes.queries);
          log(quiet, `  ${JSON.stringify(q)}`);
          Object.assign(result, {
            query_p50_ms: Math.max(...Object.values(q).map((x) => x.p50_ms)), query_p95_ms: Math.max(...Object.values(q).map((x) => x.p95_ms)), queries: q,
          });
        }
        if (runs('api')) {
          log(quiet, `api: autocannon ${API_SECONDS} s per route…`);
          const load = await api(store);
          log(quiet, `  ${JSON.stringify(load)}`);
          const routes = Object.values(load);
          Object.assign(result, {
            api_rps: round(Math.min(...routes.map((r) => r.rps)), 1), api_p99_ms: Math.max(...routes.map((r) => r.p99_ms)),
            api_errors: routes.reduce((s, r) => s + r.errors, 0), api: load,
          });
        }
      } finally {
        await store.close();
      }
    }
    process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${(e as Error).message}\n`);
  process.exitCode = 1;
});
