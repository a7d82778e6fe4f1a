import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const MODULE = join(import.meta.dirname, '../../src/cli/progress.ts');
const ROOT = join(import.meta.dirname, '../..');

// A real program drawing a bar over three steps, then over an unknown total.
const PROGRAM = `
import { createProgress } from ${JSON.stringify(MODULE)};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const p = createProgress(3, 'reading');
for (const f of ['a.txt', 'b.txt', 'c.txt']) { p.tick(1, f); await sleep(100); }
p.done();
const q = createProgress(null, 'items');
q.tick(5); q.done();
process.stdout.write('result on stdout\\n');
`;
const ARGS = ['--import', 'tsx', '--input-type=module', '-e', PROGRAM];

test('progress prints nothing when stderr is piped', () => {
  const r = spawnSync(process.execPath, ARGS, { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, 'result on stdout\n');
});

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

test('progress draws a bar on a terminal', { skip: hasScript ? false : 'util-linux `script` is needed for a pseudo-terminal' }, () => {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, ...ARGS].map(quote).join(' ');
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /reading \[#{10}-{20}\] 1\/3 33% a\.txt/);
  assert.match(r.stdout, /reading \[#{30}\] 3\/3 100% c\.txt/);
  assert.match(r.stdout, /items 5/);
  assert.match(r.stdout, /\r\u001b\[K/, 'the bar line is cleared when done');
});
