// `ingest` and `start` end to end over the bundled samples: bad inputs are reported one per line,
// a batch killed with SIGKILL leaves no partial document, a re-run resumes cleanly, and `start`
// on that database finds everything stored and serves it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.ts';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/trucewatch.js');
const SAMPLES = join(ROOT, 'samples');

/** Runs a command until its stdout matches `until`, then applies `then` to the child; resolves with all stdout on exit. */
function runUntil(args: string[], until: RegExp, then: (child: ReturnType<typeof spawn>, out: string) => void): Promise<string> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let fired = false;
  return new Promise((resolve) => {
    child.stdout!.on('data', (d) => {
      out += d;
      if (!fired && until.test(out)) {
        fired = true;
        then(child, out);
      }
    });
    child.on('exit', () => resolve(out));
  });
}

test('ingest survives SIGKILL mid-batch and resumes; start then serves the stored samples', { timeout: 180_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tw-ingest-'));
  try {
    const batch = join(dir, 'batch');
    mkdirSync(batch);
    const files = readdirSync(SAMPLES).filter((n) => !/^readme/i.test(n));
    for (const n of files) copyFileSync(join(SAMPLES, n), join(batch, n));
    writeFileSync(join(batch, '50_binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xfe, 0, 1, 2, 3]));
    writeFileSync(join(batch, '51_empty.txt'), '');
    const db = join(dir, 'tw.db');

    // Kill the run as soon as the first batch (four reports, one transaction) is stored.
    const killed = await runUntil(['ingest', batch, '--db', db, '--json', '--batch', '4'], /"status":"added"/, (child) => child.kill('SIGKILL'));
    assert.doesNotMatch(killed, /"summary"/, 'killed before the end of the batch');

    const store = await openStore(db);
    const docs = (await store.listDocuments({ limit: 500 })).items;
    assert.ok(docs.length >= 1 && docs.length < files.length, `stored ${docs.length}`);
    for (const d of docs) {
      // Every stored document is whole: its extraction and its events are there.
      assert.equal((await store.getDocument(d.id))?.extraction_version, d.near_duplicate_of ? null : 1, d.name);
      assert.ok(d.near_duplicate_of || (await store.listEvents({ document: d.id })).total > 0, d.name);
    }
    await store.close();

    const rerun = spawnSync(process.execPath, [BIN, 'ingest', batch, '--db', db], { encoding: 'utf8', timeout: 150_000 });
    assert.equal(rerun.status, 1, rerun.stderr);
    const errors = rerun.stderr.trim().split('\n');
    assert.equal(errors.length, 2, rerun.stderr);
    assert.match(errors[0], /^error: .*50_binary\.txt: \S/);
    assert.match(errors[1], /^error: .*51_empty\.txt: \S/);
    const m = /^(\d+) added, (\d+) unchanged, (\d+) near-duplicates, (\d+) failed$/m.exec(rerun.stdout);
    assert.ok(m, rerun.stdout);
    const [added, unchanged, , failed] = m.slice(1).map(Number);
    assert.equal(unchanged, docs.length);
    assert.ok(added > 0);
    assert.equal(failed, 2);

    // `start` over the same samples: everything is already stored (ids are content hashes), then it serves.
    let startOut = '';
    await runUntil(['start', '--db', db, '--port', '0'], /at http:\/\/127\.0\.0\.1:\d+/, (child, out) => {
      startOut = out;
      const url = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1];
      void (async () => {
        try {
          const list = (await (await fetch(`${url}/api/documents?limit=500`)).json()) as { total: number };
          startOut += `\ndocuments=${list.total}`;
          startOut += `\npage=${(await (await fetch(url)).text()).includes('TruceWatch')}`;
        } finally {
          child.kill('SIGTERM');
        }
      })();
    });
    const stored = added + unchanged + Number(m[3]);
    assert.match(startOut, new RegExp(`^samples: 0 added, ${stored} unchanged, 0 near-duplicates, 0 failed$`, 'm'));
    assert.match(startOut, new RegExp(`documents=${stored}`));
    assert.match(startOut, /page=true/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a reader that stops early ends the output quietly: no stack trace, exit code 0', async () => {
  const bin = join(ROOT, 'bin/trucewatch.js');
  // Many lines, so the command is still writing when the reader closes the pipe.
  const text = Array.from({ length: 3000 }, (_, i) => `On Sunday ${i}, and on March ${(i % 28) + 1}, 2024.`).join(' ');
  const child = spawn(process.execPath, [bin, 'dates', text, '--ref', '2024-03-04'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  assert.equal(code, 0, err);
  assert.doesNotMatch(err, /EPIPE|Error/);
});
