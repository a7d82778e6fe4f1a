// The same storage suite on embedded SQLite and (when TRUCEWATCH_TEST_PG is set) PostgreSQL.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { hamming, simhash } from '../../src/ingest/identity.ts';
import { StoreError, type Store } from '../../src/store/index.ts';
import { ARTICLE, event, makeDoc, makeExtraction, sampleReport, targets } from './fixtures.ts';

for (const target of targets) {
  describe(`store on ${target.name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    const a = sampleReport();
    const b = sampleReport('Iraqi forces arrested three members of a cell in Basra on 2024-03-02. The government said talks with Washington made progress.', 'b.txt');

    before(async () => {
      ({ store, cleanup } = await target.open());
    });
    after(async () => {
      await store.close();
      await cleanup();
    });

    test('saves a document with its extraction, and re-saving it is a no-op', async () => {
      const t0 = new Date(Date.now() - 1000).toISOString();
      assert.deepEqual(await store.saveDocument(a.doc, a.x), { status: 'added', id: a.doc.id });
      assert.deepEqual(await store.saveDocument(a.doc, a.x), { status: 'unchanged', id: a.doc.id });
      const docs = await store.listDocuments();
      assert.equal(docs.total, 1);
      assert.equal(docs.items[0].events, 2);
      const events = await store.listEvents({ document: a.doc.id });
      assert.equal(events.total, 2);
      const changes = await store.changesSince(t0);
      assert.deepEqual(changes.items.map((c) => c.kind), ['document.added']);
      const detail = await store.getDocument(a.doc.id);
      assert.ok(detail);
      assert.equal(detail.text, ARTICLE);
      assert.equal(detail.extraction_version, 1);
      // Evidence offsets are raw-text offsets; the document view gives them in the clean text.
      const span = detail.spans.find((s) => s.kind === 'event' && s.label.startsWith('ASSAULT') && s.start === 0);
      assert.ok(span, 'event span mapped to clean text');
      assert.equal(detail.text.slice(span.start!, span.end!), a.x.events[0].evidence);
    });

    test('a failure in the middle of a save leaves nothing behind', async () => {
      const doc = makeDoc('A rocket attack hit the Victory base on 2024-01-20. Another missile attack followed.', { name: 'c.txt' });
      const c = { doc, x: makeExtraction(doc, { events: [event(doc, 'A rocket attack hit the Victory base', { date: '2024-01-20' }), event(doc, 'Another missile attack followed', { id: 'e02', date: '2024-01-20' })] }) };
      const bad = structuredClone(c.x);
      // The second row violates a NOT NULL column after the document and the first rows were written.
      bad.events.push({ ...event(c.doc, 'A rocket attack hit', { id: 'e03' }), type: null as never });
      await assert.rejects(store.saveDocument(c.doc, bad));
      assert.equal(await store.hasDocument(c.doc.id), false);
      assert.equal((await store.listEvents({ document: c.doc.id, includeHidden: true })).total, 0);
      assert.equal((await store.search('Victory')).total, 0);
      // And the same document saves cleanly afterwards.
      assert.equal((await store.saveDocument(c.doc, c.x)).status, 'added');
    });

    test('a batch is saved in one transaction; a document that fails in it is left out whole and reported', async () => {
      const ok1 = sampleReport('Rockets hit the Harir base on 2024-02-03. Officials counted the damage.', 'batch1.txt');
      const ok2 = sampleReport('Iraqi forces arrested four members of a cell in Mosul on 2024-02-04.', 'batch2.txt');
      const doc = makeDoc('A drone attack hit the Erbil base on 2024-02-05. Another rocket attack followed.', { name: 'batch-bad.txt' });
      const bad = makeExtraction(doc, { events: [event(doc, 'A drone attack hit the Erbil base', { date: '2024-02-05' }), { ...event(doc, 'Another rocket attack followed', { id: 'e02' }), type: null as never }] });
      const results = await store.saveBatch([
        { doc: ok1.doc, extraction: ok1.x },
        { doc, extraction: bad },
        { doc: ok2.doc, extraction: ok2.x },
        // The same report twice in one batch: the second sees the first.
        { doc: ok1.doc, extraction: ok1.x },
      ]);
      assert.deepEqual(results.map((r) => r.status), ['added', 'failed', 'added', 'unchanged']);
      assert.match((results[1] as { error: string }).error, /\S/);
      assert.equal(await store.hasDocument(ok1.doc.id), true);
      assert.equal(await store.hasDocument(ok2.doc.id), true);
      assert.equal(await store.hasDocument(doc.id), false);
      assert.equal((await store.listEvents({ document: doc.id, includeHidden: true })).total, 0);
      assert.equal((await store.search('Erbil')).total, 0);
      assert.deepEqual(await store.saveBatch([]), []);
    });

    test('a near-duplicate is linked to the original, not stored twice', async () => {
      const text = ARTICLE.replace('two fighters', 'two members');
      assert.ok(hamming(simhash(text), simhash(ARTICLE)) <= 3);
      const dup = sampleReport(text, 'copy.txt');
      const r = await store.saveDocument(dup.doc, dup.x);
      assert.deepEqual(r, { status: 'near-duplicate', id: dup.doc.id, duplicateOf: a.doc.id });
      assert.equal((await store.listEvents({ document: dup.doc.id })).total, 0);
      assert.deepEqual((await store.getDocument(a.doc.id))?.near_duplicates, [dup.doc.id]);
      assert.equal((await store.saveDocument(dup.doc, dup.x)).status, 'unchanged');
      // A different report is not a near-duplicate.
      assert.equal((await store.saveDocument(b.doc, b.x)).status, 'added');
    });

    test('filters events by date range, type, status, actor, place and text, with pagination', async () => {
      const all = await store.listEvents({ limit: 500 });
      assert.ok(all.total >= 3);
      const aug = await store.listEvents({ from: '2024-08-06', to: '2024-08' });
      assert.deepEqual(aug.items.map((e) => e.date), ['2024-08-07']);
      assert.equal((await store.listEvents({ from: '2024-08-05', to: '2024-08-05' })).total, 1);
      const byActor = await store.listEvents({ actor: 'US_FORCES' });
      assert.equal(byActor.total, 2 + 2); // the sample's two events and the Victory base report's two
      const atBase = await store.listEvents({ place: 'AIN_AL_ASAD', document: a.doc.id });
      assert.equal(atBase.total, 1);
      assert.equal(atBase.items[0].lat, 33.8);
      assert.equal(atBase.items[0].within, 'Anbar Governorate, Iraq');
      assert.equal((await store.listEvents({ place: 'ain al-asad air base', document: a.doc.id })).total, 1);
      assert.equal((await store.listEvents({ text: 'DRONE strike' })).total, 1);
      assert.equal((await store.listEvents({ type: ['COERCE'] })).total, 0);
      assert.equal((await store.listEvents({ status: ['occurred'], mode: ['drone'] })).total, 1);
      const p1 = await store.listEvents({ limit: 1, offset: 0 });
      const p2 = await store.listEvents({ limit: 1, offset: 1 });
      assert.equal(p1.items.length, 1);
      assert.equal(p1.total, all.total);
      assert.notEqual(p1.items[0].id, p2.items[0].id);
      assert.deepEqual([...all.items.map((e) => e.date_start)], [...all.items.map((e) => e.date_start)].sort().reverse());
      await assert.rejects(store.listEvents({ limit: 501 }), StoreError);
      await assert.rejects(store.listEvents({ from: 'yesterday' }), /from is not a date/);
    });

    test('SQL in filter values is data: empty results, nothing changed', async () => {
      const before = await store.listEvents({ limit: 500 });
      for (const evil of ["x' OR '1'='1", "'; DROP TABLE events; --", '%', '_', '\\']) {
        assert.equal((await store.listEvents({ actor: evil })).total, 0);
        assert.equal((await store.listEvents({ place: evil })).total, 0);
        assert.equal((await store.listEvents({ text: evil })).total, 0, `text ${evil}`);
        assert.equal((await store.search(evil)).total, 0);
        // '_' is an ordinary character (ids contain it), never LIKE's any-character wildcard.
        const actors = await store.listActors({ q: evil, limit: 500 });
        assert.ok(actors.items.every((x) => x.id.toLowerCase().includes(evil.toLowerCase()) || x.name.toLowerCase().includes(evil.toLowerCase())), evil);
      }
      assert.equal((await store.listActors({ q: '%' })).total, 0);
      assert.equal((await store.listEvents({ limit: 500 })).total, before.total);
    });

    test('full-text search over document text and evidence, stemmed', async () => {
      const hits = await store.search('attack');
      assert.deepEqual([hits.total_exact, hits.ranked], [true, true]);
      assert.ok(hits.items.every((h, i) => i === 0 || h.rank! <= hits.items[i - 1].rank!), 'best first');
      const kinds = new Set(hits.items.map((h) => h.kind));
      assert.ok(kinds.has('document') && kinds.has('event') && kinds.has('claim'), [...kinds].join());
      const claim = (await store.search('102 attacks', { kinds: ['claim'] })).items;
      assert.equal(claim.length, 1);
      assert.match(claim[0].snippet, /\[102\]/);
      assert.equal((await store.search('Basra arrested')).items[0].document_id, b.doc.id);
      assert.equal((await store.search('zzzunknownword')).total, 0);
    });

    test('actors, places, statements, claims and truces as of a date', async () => {
      const actors = await store.listActors();
      const kh = actors.items.find((x) => x.id === 'KATAIB_HEZBOLLAH');
      assert.ok(kh);
      assert.ok(kh.events >= 2);
      assert.equal((await store.listPlaces()).items[0].id, 'AIN_AL_ASAD');
      assert.equal((await store.listStatements({ actor: 'KATAIB_HEZBOLLAH', stance: ['truce_ended'] })).total, 1);
      assert.equal((await store.listClaims({ text: 'attacks' })).items[0].value, 102);
      const before = await store.listTruces({ asOf: '2024-05-01' });
      assert.equal(before.total, 1);
      assert.equal(before.items[0].state, null);
      assert.equal(before.items[0].id, 'KATAIB_HEZBOLLAH+US');
      const afterEnd = await store.listTruces({ asOf: '2024-09-01' });
      assert.equal(afterEnd.items[0].state?.state, 'ended');
      assert.equal((await store.listTruces({ asOf: '2023-01-01' })).total, 0);
    });

    test('corrections apply at once and survive re-extraction', async () => {
      const events = (await store.listEvents({ document: a.doc.id })).items;
      const missile = events.find((e) => e.mode === 'heavy-weapons')!;
      const drone = events.find((e) => e.mode === 'drone')!;
      await store.addCorrection({ who: 'ana', action: 'edit', target: missile.id, payload: { fields: { fatalities: 1, source: ['ISLAMIC_RESISTANCE_IN_IRAQ'] } } });
      await store.addCorrection({ who: 'ana', action: 'reject', target: drone.id });
      const check = async () => {
        const evs = (await store.listEvents({ document: a.doc.id })).items;
        assert.deepEqual(evs.map((e) => e.id), [missile.id]);
        assert.equal(evs[0].fatalities, 1);
        assert.equal(evs[0].edited, true);
        assert.equal((await store.listEvents({ actor: 'ISLAMIC_RESISTANCE_IN_IRAQ' })).total, 1);
        assert.equal((await store.listEvents({ actor: 'KATAIB_HEZBOLLAH', document: a.doc.id })).total, 0);
        const hidden = await store.listEvents({ document: a.doc.id, includeHidden: true });
        assert.equal(hidden.items.find((e) => e.id === drone.id)?.review, 'rejected');
      };
      await check();
      // Re-extraction: same evidence, different local ids and order, one new event.
      const x2 = structuredClone(a.x);
      x2.events.reverse().forEach((e, i) => (e.id = `e0${i + 5}`));
      x2.events.push(event(a.doc, 'Pentagon sources counted', { id: 'e09', type: 'ACCUSE', mode: '', date: '2024-08-23' }));
      assert.equal((await store.saveDocument(a.doc, x2, { replace: true })).status, 'updated');
      const evs = (await store.listEvents({ document: a.doc.id })).items;
      assert.equal(evs.length, 2);
      assert.equal(evs.find((e) => e.id === missile.id)?.fatalities, 1);
      assert.equal(evs.some((e) => e.id === drone.id), false);
      assert.equal((await store.getDocument(a.doc.id))?.extraction_version, 2);
    });

    test('statements and claims take corrections too', async () => {
      const st = (await store.listStatements({ document: a.doc.id })).items[0];
      await store.addCorrection({ who: 'cy', action: 'edit', target: st.id, payload: { fields: { stance: 'truce_holding', date: '2024-08' } } });
      assert.equal((await store.listStatements({ stance: ['truce_ended'], document: a.doc.id })).total, 0);
      const edited = (await store.listStatements({ stance: ['truce_holding'], from: '2024-08-30' })).items;
      assert.deepEqual(edited.map((x) => [x.id, x.date, x.edited]), [[st.id, '2024-08', true]]);
      await assert.rejects(store.addCorrection({ who: 'cy', action: 'edit', target: st.id, payload: { fields: { stance: 'happy' } } }), /stance/);
      const claim = (await store.listClaims({ document: a.doc.id })).items[0];
      await store.addCorrection({ who: 'cy', action: 'reject', target: claim.id });
      assert.equal((await store.listClaims({ document: a.doc.id })).total, 0);
      assert.equal((await store.listClaims({ document: a.doc.id, includeHidden: true })).items[0].review, 'rejected');
    });

    test('split and merge corrections; invalid corrections are refused with a reason', async () => {
      const evs = (await store.listEvents({ document: a.doc.id })).items;
      const accuse = evs.find((e) => e.type === 'ACCUSE')!;
      const missile = evs.find((e) => e.type === 'ASSAULT')!;
      await store.addCorrection({ who: 'bo', action: 'split', target: missile.id, payload: { parts: [{ date: '2024-08-05' }, { date: '2024-08-06', fatalities: 0 }] } });
      const parts = (await store.listEvents({ document: a.doc.id, type: ['ASSAULT'] })).items;
      assert.deepEqual(parts.map((e) => e.id).sort(), [`${missile.id}~1`, `${missile.id}~2`]);
      await store.addCorrection({ who: 'bo', action: 'merge', target: `${missile.id}~2`, payload: { into: `${missile.id}~1` } });
      assert.equal((await store.listEvents({ document: a.doc.id, type: ['ASSAULT'] })).total, 1);
      await store.addCorrection({ who: 'bo', action: 'confirm', target: accuse.id });
      assert.equal((await store.listEvents({ document: a.doc.id, type: ['ACCUSE'] })).items[0].review, 'confirmed');
      await assert.rejects(store.addCorrection({ who: 'bo', action: 'edit', target: accuse.id, payload: { fields: { type: 'EXPLODE' } } }), (e: unknown) => e instanceof StoreError && e.code === 'invalid' && /type/.test(e.message));
      await assert.rejects(store.addCorrection({ who: 'bo', action: 'reject', target: 'ev_0000000000000000' }), (e: unknown) => e instanceof StoreError && e.code === 'not_found');
      await assert.rejects(store.addCorrection({ who: 'bo', action: 'reject', target: 'nonsense' }), /not an event/);
      // Replayed in order after another re-extraction, the split and merge give the same result.
      await store.saveDocument(a.doc, makeExtraction(a.doc, { events: sampleReport().x.events }), { replace: true });
      assert.equal((await store.listEvents({ document: a.doc.id, type: ['ASSAULT'] })).items.map((e) => e.id).join(), `${missile.id}~1`);
      const log = await store.listCorrections({ document: a.doc.id });
      assert.equal(log.total, 7);
      assert.deepEqual(log.items.map((c) => c.action), ['edit', 'reject', 'edit', 'reject', 'split', 'merge', 'confirm']);
    });
  });
}
