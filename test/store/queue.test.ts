// The pg-boss ingest queue on PostgreSQL (runs when TRUCEWATCH_TEST_PG is set): enqueue, then a
// draining worker extracts and stores each input once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore } from '../../src/store/index.ts';
import { enqueue, openQueue, work } from '../../src/store/queue.ts';
import type { IngestItem } from '../../src/store/ingest.ts';

const pgUrl = process.env.TRUCEWATCH_TEST_PG;
const ARTICLE = join(import.meta.dirname, '../../../shared/corpus/articles/001_886702d4e5dac6fe.txt');

test('queued inputs are processed once by a draining worker', { skip: !pgUrl && 'TRUCEWATCH_TEST_PG not set', timeout: 60_000 }, async () => {
  const schema = `tw_test_${randomBytes(6).toString('hex')}`;
  const url = `${pgUrl}${pgUrl!.includes('?') ? '&' : '?'}schema=${schema}`;
  const store = await openStore(url);
  const boss = await openQueue(url);
  try {
    const input = { source: ARTICLE, name: '001.txt', format: 'text' as const, raw: readFileSync(ARTICLE, 'utf8') };
    await enqueue(boss, { input });
    await enqueue(boss, { input });
    const items: IngestItem[] = [];
    await work(store, boss, { drain: true, onItem: (i) => items.push(i) });
    assert.deepEqual(items.map((i) => i.status), ['added', 'unchanged']);
    assert.equal((await store.listDocuments()).total, 1);
    assert.ok((await store.listEvents()).total > 0);
    items.length = 0;
    await work(store, boss, { drain: true, onItem: (i) => items.push(i) });
    assert.equal(items.length, 0);
  } finally {
    await boss.stop({ graceful: false });
    await store.close();
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    await c.query(`drop schema if exists "${schema}" cascade; drop schema if exists "${schema}_queue" cascade`);
    await c.end();
  }
});
