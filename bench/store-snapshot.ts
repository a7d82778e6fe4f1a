// `node --import tsx bench/store-snapshot.ts OUT.jsonl [--generated N] [--db URL] [--check BASELINE.jsonl]`
// Runs the pipeline on samples/, the shared scraped articles and N generated articles (default 150), then
// stores the results in a fresh store (a temporary SQLite file, or --db: an empty SQLite file or
// postgres://…?schema=NAME) as ingest does, and exercises the rest of the write path: near-duplicates,
// re-saving everything (a no-op), analysts' corrections of every kind, and re-extraction with and without
// changes (corrections re-applied). It writes the content of every table, one JSON line per row, without
// the timestamps (ingested_at, updated_at, created_at, at). A change to how the store writes must leave
// this file byte-identical; --check names the first difference.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import type { InputDoc } from '../src/pipeline/types.ts';
import { readInputs } from '../src/ingest/read.ts';
import { contentId } from '../src/ingest/identity.ts';
import { loadContext, processInput } from '../src/pipeline/run.ts';
import { connect } from '../src/store/dialect.ts';
import { openStore, type CorrectionInput } from '../src/store/index.ts';
import { generateArticles, loadTemplates, SAMPLES_DIR, SHARED_ARTICLES_DIR } from './generate.ts';
import { checkSnapshot, writeSnapshot } from './snapshot.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { generated: { type: 'string', default: '150' }, db: { type: 'string' }, check: { type: 'string' } },
});
const out = positionals[0];
if (!out) {
  process.stderr.write('usage: store-snapshot.ts OUT.jsonl [--generated N] [--db URL] [--check BASELINE.jsonl]\n');
  process.exit(2);
}

const ctx = loadContext();
const inputs: InputDoc[] = [];
for await (const r of readInputs([SAMPLES_DIR, SHARED_ARTICLES_DIR].filter((d) => existsSync(d)))) if (r.ok) inputs.push(r.input);
inputs.push(...generateArticles(await loadTemplates(ctx.knowledge), Number(values.generated), 11));
const results = inputs.map((input) => processInput(input, ctx));

const dir = values.db ? undefined : mkdtempSync(join(tmpdir(), 'tw-snapshot-'));
const url = values.db ?? join(dir!, 'snapshot.db');
const store = await openStore(url);
if ((await store.listDocuments({ limit: 1 })).total > 0) {
  process.stderr.write(`store-snapshot: ${url} is not empty; give a new SQLite file or PostgreSQL schema\n`);
  process.exit(2);
}
const tally: Record<string, number> = {};
const count = (status: string) => (tally[status] = (tally[status] ?? 0) + 1);

// Everything once, with mention offsets, as ingest stores it.
for (const r of results) count((await store.saveDocument(r.doc, r.extraction, { mentions: r.annotated })).status);
// Near-duplicates of every tenth report: one more word (another id), a simhash one bit away.
for (const r of results.filter((_, i) => i % 10 === 3)) {
  const text = `${r.doc.text} Updated.`;
  const flipped = (BigInt(`0x${r.doc.simhash}`) ^ 1n).toString(16).padStart(16, '0');
  const doc = { ...r.doc, id: contentId(text), text, raw: `${r.doc.raw} Updated.`, simhash: flipped, name: `copy of ${r.doc.name}` };
  count((await store.saveDocument(doc, r.extraction, { mentions: r.annotated })).status);
  count((await store.saveDocument(doc, r.extraction, { mentions: r.annotated })).status);
}
// Everything again: nothing changes.
for (const r of results) count((await store.saveDocument(r.doc, r.extraction, { mentions: r.annotated })).status);

// Corrections of every kind on every seventh report, then re-extraction: the same extraction for some,
// a changed one (events in another order, the last one gone) for the others.
const corrected = results.filter((r, i) => i % 7 === 0 && r.extraction.events.length >= 5);
for (const [n, r] of corrected.entries()) {
  const events = (await store.listEvents({ document: r.doc.id, includeHidden: true, limit: 500 })).items;
  const statements = (await store.listStatements({ document: r.doc.id, includeHidden: true, limit: 500 })).items;
  const claims = (await store.listClaims({ document: r.doc.id, includeHidden: true, limit: 500 })).items;
  const fix = async (c: CorrectionInput) => {
    await store.addCorrection(c);
    count(`correction.${c.action}`);
  };
  await fix({ who: 'snapshot', action: 'reject', target: events[0].id, payload: { note: 'not an attack' } });
  await fix({ who: 'snapshot', action: 'edit', target: events[1].id, payload: { fields: { fatalities: n + 1, source: ['US_FORCES'], date: '2024-02', location: events[2].location } } });
  await fix({ who: 'snapshot', action: 'split', target: events[2].id, payload: { parts: [{ date: '2024-01-05' }, { date: '2024-01-06', injured: 3 }] } });
  await fix({ who: 'snapshot', action: 'merge', target: events[3].id, payload: { into: events[4].id } });
  await fix({ who: 'snapshot', action: 'confirm', target: events[4].id });
  if (statements[0]) await fix({ who: 'snapshot', action: 'edit', target: statements[0].id, payload: { fields: { stance: 'other', date: '2024-03-01' } } });
  if (claims[0]) await fix({ who: 'snapshot', action: 'edit', target: claims[0].id, payload: { fields: { value: 7, qualifier: 'about' } } });
  const x = structuredClone(r.extraction);
  if (n % 2 === 1) {
    x.events.reverse();
    x.events.pop();
  }
  count((await store.saveDocument(r.doc, x, { mentions: r.annotated, replace: true })).status);
}
// A near-duplicate asked to re-extract stays as it is.
const copy = results.find((_, i) => i % 10 === 3);
if (copy) {
  const text = `${copy.doc.text} Updated.`;
  count((await store.saveDocument({ ...copy.doc, id: contentId(text), text }, copy.extraction, { replace: true })).status);
}
await store.close();

// The tables, rows in insertion order where the store numbers them, sorted otherwise; no timestamps.
const TIMESTAMPS = new Set(['ingested_at', 'updated_at', 'created_at', 'at']);
const TABLES = ['documents', 'extractions', 'actors_used', 'places_used', 'mentions', 'events', 'event_actors', 'statements', 'claims',
  'truces', 'truce_states', 'corrections', 'changes', 'search_index'];
const conn = await connect(url);
const db = conn.db as Kysely<any>;
const lines: string[] = [];
for (const table of TABLES) {
  const numbered = ['mentions', 'corrections', 'changes'].includes(table);
  let rows: Record<string, unknown>[];
  if (table === 'search_index') {
    // SQLite's FTS rowid or PostgreSQL's serial id: the order is kept, the number itself is not compared.
    const order = conn.dialect === 'sqlite' ? sql`rowid` : sql`id`;
    rows = (await sql<Record<string, unknown>>`select kind, ref, document_id, body from search_index order by ${order}`.execute(db)).rows;
  } else {
    rows = await db.selectFrom(table).selectAll().$if(numbered, (q) => q.orderBy('id')).execute();
  }
  let rendered = rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).filter(([k]) => !TIMESTAMPS.has(k)).sort(([a], [b]) => (a < b ? -1 : 1)))));
  if (!numbered && table !== 'search_index') rendered = rendered.sort();
  for (const r of rendered) lines.push(`${table}\t${r}`);
}
await db.destroy();
if (dir) rmSync(dir, { recursive: true, force: true });

const sha = writeSnapshot(out, lines);
const perTable = Object.fromEntries(TABLES.map((t) => [t, lines.filter((l) => l.startsWith(`${t}\t`)).length]));
process.stdout.write(`${results.length} reports; ${JSON.stringify(tally)}\nrows ${JSON.stringify(perTable)}\nsha256 ${sha}\n`);

if (values.check) checkSnapshot(lines, values.check, (i) => `line ${i + 1}`);
