// Hostile HTTP requests against a real server on loopback over a real SQLite store: every one gets
// the right status with a plain {error, message} body, no stack trace leaks, and nothing changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { sampleReport } from '../store/fixtures.ts';

const TOKEN = 'robust-token-0123456789';
const BODY_LIMIT = 32 * 1024;
const INJECTIONS = ["' OR '1'='1", "1; DROP TABLE events; --", "x') UNION SELECT sql FROM sqlite_master --", '%', '_', '\\', '"', '*', 'NEAR(a b)', '\u0000', "'; DELETE FROM documents; --"];
// Every filter of the read routes.
const FILTERS: Record<string, string[]> = {
  '/api/events': ['from', 'to', 'type', 'mode', 'status', 'actor', 'place', 'text', 'document'],
  '/api/statements': ['from', 'to', 'actor', 'topic', 'stance', 'text', 'document'],
  '/api/claims': ['text', 'document'],
  '/api/actors': ['q'],
  '/api/places': ['q'],
  '/api/truces': ['as_of'],
  '/api/search': ['q', 'kind'],
  '/api/changes': ['since'],
  '/api/corrections': ['target', 'document'],
  '/api/export.csv': ['actor', 'text', 'place'],
};

let dir: string;
let store: Store;
let app: FastifyInstance;
let open: FastifyInstance;
let base: string;
let openBase: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trucewatch-api-robust-'));
  store = await openStore(join(dir, 'api.db'));
  const a = sampleReport();
  await store.saveDocument(a.doc, a.x);
  app = await buildServer({ store, token: TOKEN, bodyLimit: BODY_LIMIT });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
  open = await buildServer({ store });
  openBase = await open.listen({ host: '127.0.0.1', port: 0 });
});

after(async () => {
  await app.close();
  await open.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Row counts of everything a request could change. */
async function counts(): Promise<Record<string, number>> {
  const [d, e, s, c, x] = await Promise.all([
    store.listDocuments({ limit: 1 }), store.listEvents({ limit: 1, includeHidden: true }), store.listStatements({ limit: 1, includeHidden: true }),
    store.listCorrections({ limit: 1 }), store.changesSince('1970-01-01', { limit: 1 }),
  ]);
  return { documents: d.total, events: e.total, statements: s.total, corrections: c.total, changes: x.total };
}

/** No stack frames, source paths or SQL errors in a response body (echoed input aside). */
function assertNoLeak(body: string, what: string): void {
  assert.doesNotMatch(body, /\bat .+\.(ts|js):\d+|node_modules|\/work\/|\.ts:\d+|SQLITE_[A-Z]+|SqliteError|syntax error/, `${what} leaks internals: ${body.slice(0, 300)}`);
}

async function request(path: string, init: RequestInit = {}, from = base): Promise<{ status: number; text: string; json: { error?: string; message?: string } | null }> {
  const r = await fetch(from + path, init);
  const text = await r.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // Non-JSON bodies (CSV export) are checked as text.
  }
  assertNoLeak(text, `${init.method ?? 'GET'} ${path}`);
  return { status: r.status, text, json };
}

const post = (path: string, body: string, headers: Record<string, string> = {}, from = base) =>
  request(path, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } }, from);
const auth = { authorization: `Bearer ${TOKEN}` };

test('SQL-injection and wildcard strings in every filter: 200 or 400, never 500, nothing changes', async () => {
  const before = await counts();
  for (const [route, keys] of Object.entries(FILTERS)) {
    for (const key of keys) {
      for (const evil of INJECTIONS) {
        const path = `${route}?${key}=${encodeURIComponent(evil)}`;
        const r = await request(path);
        assert.ok(r.status === 200 || r.status === 400, `${path}: status ${r.status}`);
        if (r.status === 400) assert.ok(r.json?.error && r.json.message, `${path}: {error, message}`);
        // Wildcards and injections match literally: nothing in the store contains them; control characters are refused.
        if (evil === '\u0000' && ['text', 'actor', 'document', 'place'].includes(key)) assert.equal(r.status, 400, `${path}: a NUL is refused`);
        if (r.status === 200 && r.json && 'total' in r.json && ['text', 'q', 'actor', 'document', 'place'].includes(key) && route !== '/api/search'
          && !(route === '/api/actors' && evil === '_')) { // actor ids (US_FORCES) do contain '_'
          assert.equal((r.json as { total: number }).total, 0, `${path} matched something`);
        }
      }
    }
  }
  assert.deepEqual(await counts(), before);
});

test('malformed, oversized and hostile bodies: 400/413/415, nothing changes', async () => {
  const before = await counts();
  for (const path of ['/api/ingest', '/api/corrections']) {
    for (const body of ['{"text": ', '{', 'null', '[]', '"text"', '{"text": "a"}}', '\u0000', '{"__proto__": {"admin": true}}', `${'['.repeat(5000)}${']'.repeat(5000)}`]) {
      const r = await post(path, body, auth);
      assert.equal(r.status, 400, `${path} ${JSON.stringify(body.slice(0, 30))}: ${r.text.slice(0, 200)}`);
      assert.ok(r.json?.error && r.json.message, `${path}: {error, message}`);
    }
    const big = await post(path, JSON.stringify({ text: 'rockets '.repeat(BODY_LIMIT / 4) }), auth);
    assert.equal(big.status, 413, path);
    assert.equal(big.json?.error, 'payload_too_large');
    const wrongType = await request(path, { method: 'POST', body: 'text=hello', headers: { 'content-type': 'application/x-www-form-urlencoded', ...auth } });
    assert.equal(wrongType.status, 415, `${path} form body`);
  }
  const tooMany = await post('/api/ingest', JSON.stringify(Array.from({ length: 101 }, () => ({ text: 'x' }))), auth);
  assert.equal(tooMany.status, 400, 'more than 100 articles');
  assert.deepEqual(await counts(), before);
});

test('missing or wrong tokens: 401; writes disabled: 403; nothing changes', async () => {
  const before = await counts();
  const body = JSON.stringify({ text: 'Rockets struck the base in Baghdad on Monday.' });
  const wrong: Record<string, string>[] = [{}, { authorization: '' }, { authorization: 'Bearer' }, { authorization: 'Bearer ' }, { authorization: `bearer ${TOKEN}` },
    { authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` }, { authorization: `Bearer ${TOKEN}x` }, { authorization: `Bearer ${TOKEN.slice(0, -1)}` },
    { authorization: `Bearer ' OR 1=1 --` }];
  for (const path of ['/api/ingest', '/api/corrections']) {
    for (const headers of wrong) {
      const r = await post(path, body, headers);
      assert.equal(r.status, 401, `${path} with ${JSON.stringify(headers)}`);
      assert.equal(r.json?.error, 'unauthorized');
    }
    const refused = await post(path, body, auth, openBase);
    assert.equal(refused.status, 403, `${path} on a server without a token`);
  }
  assert.deepEqual(await counts(), before);
});
