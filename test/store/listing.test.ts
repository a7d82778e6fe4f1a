// Event listings as the listing indexes serve them (migration 0003): date filters over every date
// precision, actor filters, corrections, capped counts and paging, and the upgrade of a store made
// before them. On SQLite and (when TRUCEWATCH_TEST_PG is set) PostgreSQL. Expected results are computed
// here from the plain definition (date spans that overlap the filter's days).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { EventOut } from '../../src/pipeline/types.ts';
import { addDays, dayRange } from '../../src/pipeline/date-range.ts';
import { connect } from '../../src/store/dialect.ts';
import { migrate } from '../../src/store/migrations.ts';
import { dateSpanClass, documentRow, eventKey, extractionRows, SPAN_BOUNDS } from '../../src/store/rows.ts';
import { COUNT_CAP, openStore, SEARCH_RANK_LIMIT, type EventFilter, type EventItem, type Store } from '../../src/store/index.ts';
import { makeDoc, makeExtraction, targets } from './fixtures.ts';

/** Every kind of date value: days, months, years, intervals short and long, a reversed interval, none. */
const DATES: (string | null)[] = [
  '2024-08-05', '2024-08', '2024', '2019-06-01/2024-06-30', '2024-07-30/2024-08-02', null, '2023-12-31',
  '2024-02-29', '2020-01/2020-03', '1999', '2024-08-05/2024-08-04', '2024-08-05', '2010/2030', '2024-06',
];
/** Actors per event: A and B on either side, A on both sides, nobody. */
const SIDES: [string[], string[]][] = [[['A'], ['B']], [['B'], ['A']], [['A'], ['A']], [[], []], [['B'], []], [['A', 'B'], ['C']]];

/** One document whose n events have the given dates and sides; evidence "Report 00001." at known offsets. */
function report(dates: (string | null)[], sides: (i: number) => [string[], string[]], name = 'listing.txt') {
  const sentence = (i: number) => `Report ${String(i).padStart(5, '0')}.`;
  const text = dates.map((_, i) => sentence(i)).join(' ');
  const doc = makeDoc(text, { name, source: `/tmp/${name}` });
  const prefix = doc.raw.length - text.length;
  const events: EventOut[] = dates.map((date, i) => {
    const start = prefix + i * (sentence(0).length + 1);
    const [source, target] = sides(i);
    return {
      id: `e${i}`, type: i % 2 ? 'ASSAULT' : 'COERCE', mode: '', trigger: 'report', date, date_basis: 'test', source, target,
      location: '', status: 'occurred', fatalities: null, injured: null, attributed_to: '',
      evidence: sentence(i), evidence_start: start, evidence_end: start + sentence(i).length,
    };
  });
  const actors = ['A', 'B', 'C', 'D'].map((id) => ({ id, name: `Actor ${id}`, type: 'armed_group', aliases: [], surface: [`Actor ${id}`] }));
  return { doc, x: makeExtraction(doc, { events, actors }) };
}

/** The plain definition: dated events whose span overlaps [from, to], of the actor, visible; newest first, undated last. */
function expected(events: EventItem[], f: EventFilter): string[] {
  const from = f.from ? dayRange(f.from)!.start : undefined;
  const to = f.to ? dayRange(f.to)!.end : undefined;
  return events
    .filter((e) => (from === undefined && to === undefined) || (e.date_start !== null && (from === undefined || e.date_end! >= from) && (to === undefined || e.date_start <= to)))
    .filter((e) => !f.actor || e.source.includes(f.actor) || e.target.includes(f.actor))
    .sort((a, b) => (a.date_start === b.date_start ? a.evidence_start - b.evidence_start : a.date_start === null ? 1 : b.date_start === null ? -1 : a.date_start < b.date_start ? 1 : -1))
    .map((e) => e.id);
}

test('a date span class never understates how long a span lasts (the date filters rely on it)', () => {
  const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;
  for (const start of ['2023-01-31', '2024-02-28', '2024-12-31', '2020-03-01']) {
    for (let n = -3; n <= 2000; n += n < 40 ? 1 : 7) {
      const end = addDays(start, n);
      const k = dateSpanClass(start, end)!;
      if (k < SPAN_BOUNDS.length) assert.ok(days(start, end) <= SPAN_BOUNDS[k], `${start}/${end} in class ${k}`);
    }
  }
  const of = (v: string) => dateSpanClass(dayRange(v)!.start, dayRange(v)!.end);
  assert.deepEqual(['2024-08-05', '2024-02', '2024-01', '2024', '2020/2023', '2019/2024'].map(of), [0, 2, 2, 4, 5, 6]);
  assert.equal(dateSpanClass(null, null), null);
  assert.equal(dateSpanClass('2024-08-05 ', '2024-08-05'), SPAN_BOUNDS.length, 'unreadable: the class without a bound');
});

const FROMS = [undefined, '1999', '2019-06', '2020-02-15', '2023', '2024-06-30', '2024-07', '2024-08-03', '2024-08-05', '2024-09', '2031'];
const TOS = [undefined, '1999-12', '2020', '2024-02', '2024-08-02', '2024-08-05', '2024'];

for (const target of targets) {
  describe(`event listings on ${target.name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    const r = report(DATES, (i) => SIDES[i % SIDES.length]);
    let all: EventItem[];

    before(async () => {
      ({ store, cleanup } = await target.open());
      assert.equal((await store.saveDocument(r.doc, r.x)).status, 'added');
      all = (await store.listEvents({ document: r.doc.id, limit: 500 })).items;
      assert.equal(all.length, DATES.length);
    });
    after(async () => {
      await store.close();
      await cleanup();
    });

    test('date filters find every event whose span overlaps them, of any precision, by actor or not, in order', async () => {
      for (const from of FROMS) {
        for (const to of TOS) {
          for (const actor of [undefined, 'A', 'B', 'C', 'D']) {
            const f = { from, to, actor };
            const page = await store.listEvents({ ...f, limit: 500 });
            assert.deepEqual(page.items.map((e) => e.id), expected(all, f), JSON.stringify(f));
            assert.equal(page.total, page.items.length, JSON.stringify(f));
            assert.equal(page.total_exact, true);
          }
        }
      }
    });

    test('an actor on both sides of an event is listed, and counted, once', async () => {
      const both = all.filter((e) => e.source.includes('A') && e.target.includes('A'));
      assert.ok(both.length > 0);
      const page = await store.listEvents({ actor: 'A', limit: 500 });
      assert.equal(new Set(page.items.map((e) => e.id)).size, page.items.length);
      assert.equal(page.total, expected(all, { actor: 'A' }).length);
      assert.equal((await store.listActors()).items.find((a) => a.id === 'A')?.events, page.total);
    });

    test('filters on the event itself combine with actor and date filters', async () => {
      const f = { actor: 'A', from: '2024', to: '2024' };
      const assaults = await store.listEvents({ ...f, type: ['ASSAULT'], limit: 500 });
      assert.deepEqual(assaults.items.map((e) => e.id), expected(all.filter((e) => e.type === 'ASSAULT'), f));
      const text = await store.listEvents({ ...f, text: 'report 0000', limit: 500 });
      assert.deepEqual(text.items.map((e) => e.id), expected(all.filter((e) => e.evidence.startsWith('Report 0000')), f));
      const paged = [];
      for (let offset = 0; offset < 20; offset += 2) paged.push(...(await store.listEvents({ ...f, limit: 2, offset })).items.map((e) => e.id));
      assert.deepEqual(paged, expected(all, f));
    });

    test('corrections change what the date and actor listings return at once', async () => {
      const august = { actor: 'A', from: '2024-08-05', to: '2024-08-05' };
      const listed = async (f: EventFilter) => (await store.listEvents({ ...f, limit: 500 })).items.map((e) => e.id);
      const [first, second] = await listed(august);
      assert.ok(first && second, 'two August events of A');
      await store.addCorrection({ who: 'ana', action: 'reject', target: first, payload: {} });
      assert.ok(!(await listed(august)).includes(first));
      assert.equal((await store.listEvents({ ...august, includeHidden: true })).items.find((e) => e.id === first)?.review, 'rejected');
      await store.addCorrection({ who: 'ana', action: 'edit', target: second, payload: { fields: { date: '2021-03', source: ['D'] } } });
      assert.ok(!(await listed(august)).includes(second));
      assert.deepEqual(await listed({ actor: 'D', from: '2021-03-31', to: '2021-03-31' }), [second]);
      await store.addCorrection({ who: 'ana', action: 'split', target: second, payload: { parts: [{ date: '2022-01-01' }, { date: '2022-02-01' }] } });
      assert.deepEqual(await listed({ actor: 'D' }), [`${second}~2`, `${second}~1`]);
      await store.addCorrection({ who: 'ana', action: 'merge', target: `${second}~2`, payload: { into: `${second}~1` } });
      assert.deepEqual(await listed({ actor: 'D', from: '2022' }), [`${second}~1`]);
      await store.addCorrection({ who: 'ana', action: 'confirm', target: `${second}~1`, payload: {} });
      assert.deepEqual(await listed({ actor: 'D' }), [`${second}~1`]);
      const actors = (await store.listActors()).items;
      for (const id of ['A', 'D']) assert.equal(actors.find((a) => a.id === id)?.events, (await store.listEvents({ actor: id })).total, id);
    });
  });

  describe(`counts past COUNT_CAP on ${target.name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    const n = COUNT_CAP + 60;
    // Days spread over 2020–2022; every event by A against B.
    const day = (i: number) => new Date(Date.UTC(2020, 0, 1) + (i % 1000) * 86_400_000).toISOString().slice(0, 10);
    const r = report(Array.from({ length: n }, (_, i) => day(i)), () => [['A'], ['B']], 'many.txt');

    before(async () => {
      ({ store, cleanup } = await target.open());
      assert.equal((await store.saveDocument(r.doc, r.x)).status, 'added');
    });
    after(async () => {
      await store.close();
      await cleanup();
    });

    test('a large match set reports "at least COUNT_CAP"; small ones stay exact', async () => {
      for (const f of [{}, { actor: 'A' }, { from: '2020' }, { type: ['ASSAULT', 'COERCE'] }]) {
        const page = await store.listEvents({ ...f, limit: 50 });
        assert.equal(page.items.length, 50);
        assert.equal(page.total, COUNT_CAP, JSON.stringify(f));
        assert.equal(page.total_exact, false, JSON.stringify(f));
      }
      const month = await store.listEvents({ from: '2021-03', to: '2021-03', actor: 'B', limit: 50 });
      const days = Array.from({ length: n }, (_, i) => day(i)).filter((d) => d.startsWith('2021-03')).length;
      assert.deepEqual([month.total, month.total_exact], [days, true]);
      assert.equal((await store.listEvents({ actor: 'C' })).total, 0);
    });

    test('search ranks a few matches by relevance, and gives the newest first when more than SEARCH_RANK_LIMIT match', async () => {
      const many = await store.search('reports', { limit: 20 });
      assert.deepEqual([many.items.length, many.total, many.total_exact, many.ranked], [20, COUNT_CAP, false, false]);
      const key = (i: number) => eventKey(r.doc.id, r.x.events[i].type, r.x.events[i].evidence_start, r.x.events[i].evidence_end);
      assert.deepEqual(many.items.slice(0, 2).map((h) => h.ref), [key(n - 1), key(n - 2)]);
      assert.ok(many.items.every((h) => h.rank === null && h.snippet.includes('[Report]')));
      const next = await store.search('reports', { limit: 20, offset: 20 });
      assert.equal(next.items[0].ref, key(n - 21));
      const few = await store.search('report 00042', { limit: 20 });
      assert.deepEqual([few.total, few.total_exact, few.ranked], [2, true, true]);
      assert.deepEqual(few.items.map((h) => h.kind).sort(), ['document', 'event']);
      assert.ok(few.items.every((h) => typeof h.rank === 'number'));
      assert.equal(SEARCH_RANK_LIMIT < COUNT_CAP, true);
    });

    test('past the cap the total still runs beyond the page, so paging by total reaches every event', async () => {
      // The count runs to the end of the page asked for, and one further.
      const near = await store.listEvents({ limit: 50, offset: COUNT_CAP });
      assert.deepEqual([near.items.length, near.total, near.total_exact], [50, COUNT_CAP + 51, false]);
      const deep = await store.listEvents({ limit: 50, offset: COUNT_CAP + 20 });
      assert.deepEqual([deep.items.length, deep.total, deep.total_exact], [40, n, true]);
      const seen = new Set<string>();
      let last = '9999-12-31';
      for (let offset = 0; ; offset += 500) {
        const page = await store.listEvents({ limit: 500, offset });
        for (const e of page.items) {
          seen.add(e.id);
          assert.ok(e.date_start! <= last, 'newest first across pages');
          last = e.date_start!;
        }
        if (seen.size >= page.total) {
          assert.equal(page.total_exact, true);
          break;
        }
      }
      assert.equal(seen.size, n);
    });
  });

  describe(`upgrading a store made before the listing indexes on ${target.name}`, () => {
    test('events keep their dates, actors (one row each) and reviews; new reports save as before', async () => {
      const { url, cleanup } = await target.fresh();
      try {
        const conn = await connect(url);
        await migrate(conn.db, conn.dialect, conn.schema, '0002_event_actors_cover');
        const r = report(DATES, (i) => SIDES[i % SIDES.length], 'old.txt');
        const rows = extractionRows(r.doc, r.x);
        await conn.db.insertInto('documents').values(documentRow(r.doc, r.x, new Date().toISOString(), null)).execute();
        await conn.db.insertInto('events').values(rows.events.map(({ date_span: _span, ...e }, i) => ({ ...e, review: i === 0 ? 'rejected' : null })) as never).execute();
        // The old shape: one row per actor and side.
        const old = r.x.events.flatMap((e, i) => [
          ...e.source.map((a) => ({ event_id: rows.events[i].id, actor_id: a, role: 'source' })),
          ...e.target.map((a) => ({ event_id: rows.events[i].id, actor_id: a, role: 'target' })),
        ]);
        await conn.db.insertInto('event_actors').values(old as never).execute();
        await conn.db.destroy();

        const store = await openStore(url);
        try {
          // The migration's SQL gives every event the span class rows.ts gives a new one.
          const check = await connect(url);
          const classes = await check.db.selectFrom('events').select(['date_start', 'date_end', 'date_span']).execute();
          await check.db.destroy();
          assert.deepEqual(classes.map((c) => c.date_span), classes.map((c) => dateSpanClass(c.date_start, c.date_end)));
          assert.ok(new Set(classes.map((c) => c.date_span)).size >= 5, 'several classes');
          const all = (await store.listEvents({ document: r.doc.id, limit: 500, includeHidden: true })).items;
          const visible = all.filter((e) => e.review === null);
          assert.equal(all.length, DATES.length);
          for (const f of [{ actor: 'A' }, { actor: 'A', from: '2024-03', to: '2024-03' }, { from: '2024-08-03', to: '2024-08' }, { actor: 'B', to: '2020-02' }]) {
            assert.deepEqual((await store.listEvents({ ...f, limit: 500 })).items.map((e) => e.id), expected(visible, f), JSON.stringify(f));
            assert.deepEqual((await store.listEvents({ ...f, limit: 500, includeHidden: true })).items.map((e) => e.id), expected(all, f), JSON.stringify(f));
          }
          const b = report(['2024-08-05'], () => [['A'], ['A']], 'new.txt');
          assert.equal((await store.saveDocument(b.doc, b.x)).status, 'added');
          assert.equal((await store.listEvents({ actor: 'A', from: '2024-08-05', to: '2024-08-05', document: b.doc.id })).total, 1);
          assert.equal((await store.listEvents({ actor: 'A', from: '2024-08-05', to: '2024-08-05' })).total, expected(visible, { actor: 'A', from: '2024-08-05', to: '2024-08-05' }).length + 1);
        } finally {
          await store.close();
        }
      } finally {
        await cleanup();
      }
    });
  });
}
