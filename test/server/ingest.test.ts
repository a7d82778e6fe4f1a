// POST /api/ingest runs the real pipeline on a real article and stores it; the document view's
// spans point at the evidence in the clean text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildServer } from '../../src/server/app.ts';
import { targets } from '../store/fixtures.ts';

const ARTICLE = join(import.meta.dirname, '../../../shared/corpus/articles/000_a28615a50a171252.txt');

test('POST /api/ingest stores an article once; its spans match its evidence', { timeout: 60_000 }, async () => {
  const { store, cleanup } = await targets[0].open();
  const app = await buildServer({ store, token: 't' });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const body = JSON.stringify({ text: readFileSync(ARTICLE, 'utf8'), title: 'Nujaba: truce over', outlet: 'Al-Araby Al-Jadeed' });
    const post = () => fetch(`${base}/api/ingest`, { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: 'Bearer t' } });
    const first = (await (await post()).json()) as { items: { status: string; id: string }[] };
    assert.equal(first.items[0].status, 'added');
    const again = (await (await post()).json()) as { items: { status: string }[] };
    assert.equal(again.items[0].status, 'unchanged');
    const id = first.items[0].id;
    const events = (await (await fetch(`${base}/api/events?document=${id}&limit=500`)).json()) as { items: { id: string; evidence: string }[]; total: number };
    assert.ok(events.total > 0);
    const doc = (await (await fetch(`${base}/api/documents/${id}`)).json()) as { text: string; outlet: string; spans: { kind: string; ref: string; start: number | null; end: number | null }[] };
    assert.equal(doc.outlet, 'Al-Araby Al-Jadeed');
    for (const e of events.items) {
      const span = doc.spans.find((s) => s.kind === 'event' && s.ref === e.id);
      assert.ok(span && span.start !== null, e.id);
      assert.equal(doc.text.slice(span.start, span.end!), e.evidence);
    }
    assert.ok(doc.spans.some((s) => s.kind === 'actor'), 'actor mentions are kept');
  } finally {
    await app.close();
    await store.close();
    await cleanup();
  }
});
