// The store's commands as a user runs them: `node bin/trucewatch.js …` over a real database file.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.ts';
import { sampleReport } from '../store/fixtures.ts';

const BIN = join(import.meta.dirname, '../../bin/trucewatch.js');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('store commands', () => {
  let dir: string;
  let db: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tw-cli-'));
    db = join(dir, 'tw.db');
    const store = await openStore(db);
    const a = sampleReport();
    await store.saveDocument(a.doc, a.x);
    await store.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('events, with filters', () => {
    const drone = run(['events', '--db', db, '--from', '2024-08-06', '--type', 'ASSAULT']);
    assert.equal(drone.code, 0, drone.err);
    assert.match(drone.out, /2024-08-07 {2}ASSAULT\/drone \[occurred\] US_FORCES → KATAIB_HEZBOLLAH/);
    assert.match(drone.out, /1 of 1 event/);
    const bad = run(['events', '--db', db, '--from', 'last week']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /^error: from is not a date/m);
  });

  test('documents and export', () => {
    const docs = run(['documents', '--db', db, '--json']);
    assert.equal(docs.code, 0, docs.err);
    assert.equal(JSON.parse(docs.out).items[0].events, 2);
    const out = join(dir, 'events.csv');
    const csv = run(['export', '--format', 'csv', '--db', db, '--out', out]);
    assert.equal(csv.code, 0, csv.err);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0], /^event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,actor2,admin1/);
    const wrong = run(['export', '--format', 'xlsx', '--db', db]);
    assert.equal(wrong.code, 2);
    assert.match(wrong.err, /--format must be one of csv, jsonl, geojson/);
  });

  test('a database that cannot be opened is a configuration error (exit 2)', () => {
    const r = run(['documents', '--db', join(dir, 'no/such/dir/x.db')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /^error: cannot open SQLite database .*no\/such\/dir/m);
  });

  test('serve prints its URL, answers, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await new Promise<string>((resolve, reject) => {
      let buf = '';
      child.stdout.on('data', (d) => {
        buf += d;
        const m = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(buf);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`serve exited early with ${code}`)));
      setTimeout(() => reject(new Error('serve did not print its URL')), 20_000);
    });
    const r = await fetch(`${url}/api/documents`);
    assert.equal(r.status, 200);
    assert.equal(((await r.json()) as { total: number }).total, 1);
    const code = await new Promise<number | null>((resolve) => {
      child.on('exit', (c) => resolve(c));
      child.kill('SIGTERM');
    });
    assert.equal(code, 0);
    assert.equal(run(['serve', '--port', 'eighty']).code, 2);
  });
});
