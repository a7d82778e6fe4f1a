// The HTTP API over a real store, on a real server on 127.0.0.1 with an ephemeral port.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app.ts';
import { documentsPage } from '../../src/server/html.ts';
import type { Store } from '../../src/store/index.ts';
import { sampleReport, targets } from '../store/fixtures.ts';

const TOKEN = 'test-token-123';

describe('HTTP API', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  let app: FastifyInstance;
  let open: FastifyInstance;
  let base: string;
  let openBase: string;

  before(async () => {
    ({ store, cleanup } = await targets[0].open());
    const a = sampleReport();
    await store.saveDocument(a.doc, a.x);
    const evil = sampleReport('Kataib Hezbollah said the truce with Washington has ended. <script>alert(1)</script>', '<b>evil</b>.txt');
    await store.saveDocument(evil.doc, { ...evil.x, document: evil.doc.name });
    app = await buildServer({ store, token: TOKEN, bodyLimit: 64 * 1024 });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
    open = await buildServer({ store });
    openBase = await open.listen({ host: '127.0.0.1', port: 0 });
  });
  after(async () => {
    await app.close();
    await open.close();
    await store.close();
    await cleanup();
  });

  const get = async (path: string, from = base) => {
    const r = await fetch(from + path);
    return { status: r.status, type: r.headers.get('content-type') ?? '', body: /^application\/(geo\+)?json/.test(r.headers.get('content-type') ?? '') ? await r.json() : await r.text(), headers: r.headers };
  };
  const post = async (path: string, body: string, headers: Record<string, string> = {}, from = base) => {
    const r = await fetch(from + path, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
    return { status: r.status, body: await r.json() };
  };

  test('lists answer {items, total} and filter', async () => {
    const ev = await get('/api/events?type=ASSAULT&from=2024-08-06');
    assert.equal(ev.status, 200);
    assert.equal(ev.body.total, 1);
    assert.equal(ev.body.total_exact, true);
    assert.equal(ev.body.items[0].mode, 'drone');
    const docs = await get('/api/documents');
    assert.equal(docs.body.total, 2);
    const one = await get(`/api/documents/${docs.body.items[0].id}`);
    assert.equal(one.status, 200);
    assert.ok(typeof one.body.text === 'string' && Array.isArray(one.body.spans));
    for (const path of ['/api/actors', '/api/places', '/api/statements', '/api/claims', '/api/truces?as_of=2024-09-01', '/api/search?q=missile', '/api/changes?since=2020-01-01', '/api/corrections']) {
      const r = await get(path);
      assert.equal(r.status, 200, path);
      assert.ok(Array.isArray(r.body.items) && typeof r.body.total === 'number', path);
    }
    assert.equal((await get('/api/truces?as_of=2024-09-01')).body.items[0].state.state, 'ended');
    const hits = (await get('/api/search?q=missile')).body;
    assert.deepEqual([hits.total_exact, hits.ranked, typeof hits.items[0].rank], [true, true, 'number']);
  });

  test('bad queries are 400 with {error, message}; unknown ids 404', async () => {
    for (const path of ['/api/events?limit=501', '/api/events?limit=abc', '/api/events?from=yesterday', '/api/changes?since=notadate', '/api/search']) {
      const r = await get(path);
      assert.equal(r.status, 400, path);
      assert.ok(r.body.error && r.body.message, path);
    }
    const nf = await get('/api/documents/nope');
    assert.equal(nf.status, 404);
    assert.equal(nf.body.error, 'not_found');
    assert.equal((await get('/api/nothing-here')).status, 404);
  });

  test('SQL-injection strings in filters give normal empty results and change nothing', async () => {
    const before = (await get('/api/events?limit=500')).body.total;
    for (const evil of ["' OR 1=1 --", "x'); DROP TABLE events; --", '%25', '"']) {
      for (const key of ['actor', 'place', 'text', 'type', 'document']) {
        const r = await get(`/api/events?${key}=${encodeURIComponent(evil)}`);
        assert.equal(r.status, 200, `${key}=${evil}`);
        assert.equal(r.body.total, 0, `${key}=${evil}`);
      }
      assert.equal((await get(`/api/search?q=${encodeURIComponent(evil)}`)).status, 200);
    }
    assert.equal((await get('/api/events?limit=500')).body.total, before);
  });

  test('writes need the bearer token: 401 without or wrong, 403 when none is configured', async () => {
    const body = JSON.stringify({ who: 'ana', action: 'reject', target: 'ev_0000000000000000' });
    assert.equal((await post('/api/corrections', body)).status, 401);
    assert.equal((await post('/api/corrections', body, { authorization: 'Bearer wrong' })).status, 401);
    assert.equal((await post('/api/ingest', JSON.stringify({ text: 'x' }))).status, 401);
    const refused = await post('/api/corrections', body, { authorization: `Bearer ${TOKEN}` }, openBase);
    assert.equal(refused.status, 403);
    assert.match(refused.body.message, /TRUCEWATCH_TOKEN/);
    assert.equal((await post('/api/corrections', body, { authorization: `Bearer ${TOKEN}` })).status, 404);
  });

  test('malformed JSON is 400, oversize bodies 413, invalid corrections 400; a valid one applies', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const bad = await post('/api/corrections', '{"who": "ana", ', auth);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error, 'invalid_json');
    const big = await post('/api/ingest', JSON.stringify({ text: 'a'.repeat(70 * 1024) }), auth);
    assert.equal(big.status, 413);
    assert.equal(big.body.error, 'payload_too_large');
    assert.equal((await post('/api/corrections', JSON.stringify({ who: 'ana', action: 'explode', target: 'x' }), auth)).status, 400);
    const drone = (await get('/api/events?mode=drone')).body.items[0];
    const edit = await post('/api/corrections', JSON.stringify({ who: 'ana', action: 'edit', target: drone.id, payload: { fields: { fatalities: 'many' } } }), auth);
    assert.equal(edit.status, 400);
    assert.match(edit.body.message, /fatalities/);
    const ok = await post('/api/corrections', JSON.stringify({ who: 'ana', action: 'reject', target: drone.id }), auth);
    assert.equal(ok.status, 201);
    assert.equal((await get('/api/events?mode=drone')).body.total, 0);
    assert.equal((await get('/api/events?mode=drone&include_hidden=true')).body.items[0].review, 'rejected');
  });

  test('the start page escapes stored text and sends a CSP; OpenAPI and local docs are served', async () => {
    // `/` is the plain page, or the dashboard when it is built: either way HTML under a CSP.
    const page = await get('/');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src '(none|self)'/);
    const stored = await store.listDocuments();
    const html = documentsPage(stored.items, stored.total);
    assert.ok(!html.includes('<b>evil</b>'));
    assert.ok(html.includes('&#60;b&#62;evil&#60;/b&#62;.txt'));
    const spec = await get('/openapi.json');
    assert.equal(spec.body.openapi.slice(0, 2), '3.');
    assert.ok(spec.body.paths['/api/events'] && spec.body.paths['/api/ingest']);
    assert.match(spec.body.paths['/api/events'].get.description, /total_exact/, 'the capped count is documented');
    assert.match(spec.body.paths['/api/search'].get.description, /ranked/);
    const docs = await get('/docs/');
    assert.equal(docs.status, 200);
    assert.ok(!/https?:\/\/(unpkg|cdn)/.test(docs.body), 'no CDN');
  });

  test('exports: ACLED-style CSV, JSON lines, GeoJSON', async () => {
    const csv = await get('/api/export.csv');
    assert.equal(csv.status, 200);
    assert.match(csv.type, /text\/csv/);
    const lines = csv.body.trim().split('\n');
    assert.equal(lines[0], 'event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,actor2,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities');
    const missile = lines.find((l: string) => l.includes('Shelling/artillery/missile attack'));
    assert.ok(missile, csv.body);
    assert.ok(missile.includes(',Kataib Hezbollah,US forces,Anbar Governorate,Ain al-Asad Air Base,33.8,42.44,1,'));
    const jsonl = await get('/api/export.jsonl');
    assert.equal(jsonl.body.trim().split('\n').length, 1); // the drone event was rejected above
    const geo = await get('/api/export.geojson');
    assert.equal(geo.body.type, 'FeatureCollection');
    assert.deepEqual(geo.body.features[0].geometry.coordinates, [42.44, 33.8]);
  });
});
