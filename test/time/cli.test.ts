import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, ['bin/trucewatch.js', 'dates', ...args], { cwd: ROOT, encoding: 'utf8' });

test('trucewatch dates --json prints one object per expression', () => {
  const r = run('On August 5, the base was hit. Two days later, five were arrested.', '--ref', '2024-08-23', '--json');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
  assert.deepEqual(out.map((o) => [o.value, o.precision, o.kind]), [['2024-08-05', 'day', 'point'], ['2024-08-07', 'day', 'point']]);
  assert.deepEqual(Object.keys(out[0]).sort(), ['end', 'kind', 'precision', 'start', 'text', 'value']);
});

test('trucewatch dates prints a table, and a bad --ref is a clear error', () => {
  const table = run('since mid-October', '--ref', '2024-01-15');
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, /since mid-October\s+0-17\s+2023-10\s+month\s+since/);
  const bad = run('On Sunday', '--ref', '15/01/2024');
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /reference date "15\/01\/2024" is not an ISO day/);
});
