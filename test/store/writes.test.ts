// What saveDocument writes (src/store/writes.ts: statements prepared once on SQLite, multi-row INSERTs in
// chunks; compiled multi-row INSERTs on PostgreSQL): every table holds exactly the rows the pure conversion
// of rows.ts gives, in their order, for row counts on and around every chunk size; saves run only inside
// their own transaction, whatever else the store is doing at the same time. On SQLite and (when
// TRUCEWATCH_TEST_PG is set) PostgreSQL.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Annotated, Document, EventOut, Extraction } from '../../src/pipeline/types.ts';
import { connect } from '../../src/store/dialect.ts';
import { migrate } from '../../src/store/migrations.ts';
import { documentRow, extractionRows } from '../../src/store/rows.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { makeDoc, makeExtraction, sampleReport, targets } from './fixtures.ts';

type Mentions = Pick<Annotated, 'actors' | 'places' | 'times'>;

/** A report of n sentences, each an event, a statement (every third), an actor, place and time mention. */
function report(n: number, name: string): { doc: Document; x: Extraction; mentions: Mentions } {
  const sentence = (i: number) => `Strike ${String(i).padStart(4, '0')} on the base of Qa'im, «${name}».`;
  const text = Array.from({ length: n }, (_, i) => sentence(i)).join(' ') || `Nothing happened in ${name}.`;
  // The texts look alike: a simhash of their own keeps them from being taken for near-duplicates of each other.
  const doc = makeDoc(text, {
    name, source: `/tmp/${name}`, url: n % 2 ? `https://example.org/${name}` : undefined, title: n % 3 ? `Title ${name}` : undefined,
    simhash: createHash('sha256').update(name).digest('hex').slice(0, 16),
  });
  const prefix = doc.raw.length - text.length;
  const at = (i: number) => prefix + i * (sentence(0).length + 1);
  const len = sentence(0).length;
  const events: EventOut[] = Array.from({ length: n }, (_, i) => ({
    id: `e${i}`, type: i % 2 ? 'ASSAULT' : 'COERCE', mode: i % 3 ? 'drone' : '', trigger: 'strike', date: [null, '2024-08-05', '2024-08', '2023/2024'][i % 4],
    date_basis: 'test', source: i % 5 ? ['A'] : [], target: i % 4 ? ['B', 'A'] : ['B'], location: i % 2 ? 'Ain al-Asad Air Base' : 'Nowhere',
    status: 'occurred', fatalities: i % 3 ? i : null, injured: [null, 'several', 4][i % 3], attributed_to: i % 2 ? '' : 'officials',
    evidence: sentence(i), evidence_start: at(i), evidence_end: at(i) + len,
  }));
  const x = makeExtraction(doc, {
    events,
    statements: events.filter((_, i) => i % 3 === 0).map((e, k) => ({
      id: `s${k}`, speaker: 'officials', speaker_actor: 'A', role: '', channel: 'statement', date: e.date, topic: 'attacks', stance: 'other',
      stance_detail: '', evidence: e.evidence, evidence_start: e.evidence_start, evidence_end: e.evidence_end,
    })),
    claims: events.filter((_, i) => i % 7 === 1).map((e, k) => ({
      quantity: `strikes ${k}`, value: k + 0.5, qualifier: 'at least', interval: null, attributed_to: 'officials',
      evidence: e.evidence, evidence_start: e.evidence_start, evidence_end: e.evidence_end,
    })),
    truces: n ? [{ id: 't01', parties: ['B', 'A'], mediator: [], declared: null, conditions: '',
      state_as_of: events.slice(0, 3).map((e) => ({ date: '2024-08', state: 'in_force', evidence: e.evidence, evidence_start: e.evidence_start, evidence_end: e.evidence_end })) }] : [],
  });
  const mentions: Mentions = {
    actors: events.map((e) => ({ text: 'base', actorId: 'A', via: 'alias', score: 1, start: e.evidence_start + 14, end: e.evidence_start + 18 })),
    places: events.filter((_, i) => i % 2).map((e) => ({ text: "Qa'im", placeId: 'QAIM', via: 'alias', score: 1, start: e.evidence_start + 22, end: e.evidence_start + 27 })),
    times: [],
  };
  return { doc, x, mentions };
}

/** Row counts on and around the SQLite chunk sizes (32, 16, 8, 4, 2, 1), and past the PostgreSQL one (200). */
const SIZES = [0, 1, 2, 3, 15, 31, 32, 33, 64, 97, 210];

const omit = (r: Record<string, unknown>, keys: string[]) => Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k)));
const sorted = (rows: object[]) => rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1))))).sort();

for (const target of targets) {
  describe(`saved rows on ${target.name}`, () => {
    let store: Store;
    let db: Kysely<any>;
    let dialect: string;
    let cleanup: () => Promise<void>;

    before(async () => {
      let url: string;
      ({ store, url, cleanup } = await target.open());
      const conn = await connect(url);
      db = conn.db;
      dialect = conn.dialect;
    });
    after(async () => {
      await db.destroy();
      await store.close();
      await cleanup();
    });

    test('every table holds exactly the rows of the extraction, in order, for every row count', async () => {
      for (const n of SIZES) {
        const { doc, x, mentions } = report(n, `report-${n}.txt`);
        assert.equal((await store.saveDocument(doc, x, { mentions })).status, 'added');
        const expected = extractionRows(doc, x, mentions);
        const rows = async (table: string) => db.selectFrom(table).selectAll().where('document_id', '=', doc.id).execute();
        const d = await db.selectFrom('documents').selectAll().where('id', '=', doc.id).executeTakeFirstOrThrow();
        assert.deepEqual(omit(d, ['ingested_at', 'updated_at']), omit(documentRow(doc, x, '', null) as never, ['ingested_at', 'updated_at']));
        const ex = await db.selectFrom('extractions').selectAll().where('document_id', '=', doc.id).executeTakeFirstOrThrow();
        assert.deepEqual([JSON.parse(ex.json), ex.version], [x, 1]);
        for (const [table, want] of [['actors_used', expected.actors], ['places_used', expected.places], ['events', expected.events],
          ['statements', expected.statements], ['claims', expected.claims], ['truces', expected.truces], ['truce_states', expected.truceStates]] as const) {
          assert.deepEqual(sorted(await rows(table)), sorted(want), `${table}, ${n} sentences`);
        }
        const eventActors = await db.selectFrom('event_actors').selectAll().where('document_id', '=', doc.id).execute();
        assert.deepEqual(sorted(eventActors), sorted(expected.eventActors), `event_actors, ${n} sentences`);
        // Numbered rows keep the order they were given in.
        const stored = await db.selectFrom('mentions').selectAll().where('document_id', '=', doc.id).orderBy('id').execute();
        assert.deepEqual(stored.map((m) => omit(m, ['id'])), expected.mentions, `mentions, ${n} sentences`);
        const order = dialect === 'sqlite' ? sql`rowid` : sql`id`;
        const search = await sql<Record<string, unknown>>`select kind, ref, document_id, body from search_index where document_id = ${doc.id} order by ${order}`.execute(db);
        assert.deepEqual(search.rows, expected.search, `search_index, ${n} sentences`);
      }
      // And the listings read them back.
      const big = report(210, 'report-210.txt');
      assert.equal((await store.listEvents({ document: big.doc.id, limit: 500 })).total, 210);
      assert.deepEqual((await store.search('strike 0209')).items.map((h) => h.kind).sort(), ['document', 'event']);
    });

    test('a save runs inside its own transaction while other queries and corrections run at the same time', async () => {
      const reports = Array.from({ length: 12 }, (_, i) => report(5 + i, `concurrent-${i}.txt`));
      const first = sampleReport();
      await store.saveDocument(first.doc, first.x);
      const event = (await store.listEvents({ document: first.doc.id })).items[0];
      // Each report twice: once added, once unchanged (on PostgreSQL, in either order).
      const saves = reports.flatMap((r) => [r, r]).map((r) => store.saveDocument(r.doc, r.x, { mentions: r.mentions }));
      const others = [...reports.map(() => store.listEvents({ limit: 5 })), store.addCorrection({ who: 'ana', action: 'edit', target: event.id, payload: { fields: { fatalities: 3 } } })];
      const results = await Promise.all(saves);
      await Promise.all(others);
      for (let i = 0; i < reports.length; i++) assert.deepEqual([results[2 * i].status, results[2 * i + 1].status].sort(), ['added', 'unchanged']);
      for (const r of reports) assert.equal((await store.listEvents({ document: r.doc.id, limit: 500 })).total, r.x.events.length);
      assert.equal((await store.listEvents({ document: first.doc.id })).items.find((e) => e.id === event.id)?.fatalities, 3);
      // Re-extraction replays the edit.
      assert.equal((await store.saveDocument(first.doc, first.x, { replace: true })).status, 'updated');
      assert.equal((await store.listEvents({ document: first.doc.id })).items.find((e) => e.id === event.id)?.fatalities, 3);
    });

    test('a row that breaks a constraint in the middle of a chunk leaves nothing of the report, and the store goes on', async () => {
      const { doc, x, mentions } = report(40, 'broken.txt');
      const bad = structuredClone(x);
      bad.events[37] = { ...bad.events[37], type: null as never };
      await assert.rejects(store.saveDocument(doc, bad, { mentions }));
      assert.equal(await store.hasDocument(doc.id), false);
      for (const table of ['events', 'event_actors', 'mentions', 'actors_used', 'statements', 'extractions', 'search_index']) {
        assert.equal((await db.selectFrom(table).select('document_id').where('document_id', '=', doc.id).execute()).length, 0, table);
      }
      assert.equal((await store.saveDocument(doc, x, { mentions })).status, 'added');
      assert.equal((await store.listEvents({ document: doc.id, limit: 500 })).total, 40);
    });
  });
}

// A report without a title: the fixtures' makeExtraction shape, saved with no mentions at all.
describe('saved rows without mentions', () => {
  test('no mention rows, the rest as usual', async () => {
    const { store, url, cleanup } = await targets[0].open();
    try {
      const doc = makeDoc('Nothing at all happened on the front today.', { name: 'quiet.txt' });
      assert.equal((await store.saveDocument(doc, makeExtraction(doc))).status, 'added');
      const conn = await connect(url);
      assert.equal((await conn.db.selectFrom('mentions').select('id').execute()).length, 0);
      assert.equal((await conn.db.selectFrom('actors_used').select('actor_id').where('document_id', '=', doc.id).execute()).length, 2);
      await conn.db.destroy();
    } finally {
      await store.close();
      await cleanup();
    }
  });
});

// Re-extraction deletes the document's rows first: found by index (truces, truce states) and, on SQLite, by the
// rowids of its full-text rows (search_ranges, migration 0004), also in a store made before, where the
// documents' full-text rows are interleaved.
for (const target of targets) {
  describe(`re-extraction on ${target.name}`, () => {
    test('replaces exactly the document\'s rows, in a store upgraded from 0003 too, and when the recorded range is wrong', async () => {
      const { url, cleanup } = await target.fresh();
      try {
        const a = report(6, 'old-a.txt');
        const b = report(4, 'old-b.txt');
        const conn = await connect(url);
        await migrate(conn.db, conn.dialect, conn.schema, '0003_event_listing');
        const old = [a, b].map((r) => extractionRows(r.doc, r.x, r.mentions));
        for (const [i, r] of [a, b].entries()) {
          await conn.db.insertInto('documents').values(documentRow(r.doc, r.x, new Date().toISOString(), null)).execute();
          await conn.db.insertInto('extractions').values({ document_id: r.doc.id, json: JSON.stringify(r.x), version: 1, created_at: new Date().toISOString() }).execute();
          await conn.db.insertInto('truces').values(old[i].truces).execute();
          await conn.db.insertInto('truce_states').values(old[i].truceStates).execute();
        }
        // The two documents' full-text rows interleaved, as a store written by other means may have them.
        for (let k = 0; k < Math.max(old[0].search.length, old[1].search.length); k++) {
          for (const rows of old) if (rows.search[k]) await conn.db.insertInto('search_index').values(rows.search[k]).execute();
        }
        await conn.db.destroy();

        const store = await openStore(url);
        const check = await connect(url);
        const db = check.db as Kysely<any>;
        const order = check.dialect === 'sqlite' ? sql`rowid` : sql`id`;
        const searchOf = async (id: string) => (await sql<Record<string, unknown>>`select kind, ref, document_id, body from search_index where document_id = ${id} order by ${order}`.execute(db)).rows;
        const trucesOf = async (id: string) => [
          sorted(await db.selectFrom('truces').selectAll().where('document_id', '=', id).execute()),
          sorted(await db.selectFrom('truce_states').selectAll().where('document_id', '=', id).execute()),
        ];
        try {
          if (check.dialect === 'sqlite') {
            const ranges = await db.selectFrom('search_ranges').selectAll().orderBy('document_id').execute();
            assert.deepEqual(ranges.map((r) => r.row_count).sort(), [old[0].search.length, old[1].search.length].sort());
          }
          // Re-extracted with fewer events: the old rows go, the new ones come, the other document keeps its own.
          const x2 = structuredClone(a.x);
          x2.events = x2.events.slice(2);
          x2.truces[0].state_as_of.pop();
          assert.equal((await store.saveDocument(a.doc, x2, { replace: true })).status, 'updated');
          const now = extractionRows(a.doc, x2);
          assert.deepEqual(await searchOf(a.doc.id), now.search);
          assert.deepEqual(await trucesOf(a.doc.id), [sorted(now.truces), sorted(now.truceStates)]);
          assert.deepEqual(await searchOf(b.doc.id), old[1].search);
          assert.deepEqual(await trucesOf(b.doc.id), [sorted(old[1].truces), sorted(old[1].truceStates)]);
          if (check.dialect === 'sqlite') {
            // A range that misses some of the rows (were rowids ever not given in order): the whole table is read instead.
            await sql`update search_ranges set first_rowid = first_rowid + 1, last_rowid = last_rowid + 1 where document_id = ${a.doc.id}`.execute(db);
            assert.equal((await store.saveDocument(a.doc, a.x, { replace: true })).status, 'updated');
            assert.deepEqual(await searchOf(a.doc.id), extractionRows(a.doc, a.x).search);
            assert.deepEqual(await searchOf(b.doc.id), old[1].search);
            const range = await db.selectFrom('search_ranges').selectAll().where('document_id', '=', a.doc.id).executeTakeFirstOrThrow();
            assert.equal(range.row_count, extractionRows(a.doc, a.x).search.length);
            assert.equal(range.last_rowid - range.first_rowid + 1, range.row_count);
          }
          assert.equal((await store.search('strike 0005')).items.filter((h) => h.document_id === a.doc.id).length, 2);
        } finally {
          await db.destroy();
          await store.close();
        }
      } finally {
        await cleanup();
      }
    });
  });
}
