import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateDates, readDateCases } from '../../src/eval/dates.ts';

test('the hand-written set has at least 150 expressions with a varied mix of reference dates', () => {
  const cases = readDateCases();
  assert.ok(cases.length >= 150, `only ${cases.length} cases`);
  const years = new Set(cases.map((c) => c.ref.slice(0, 4)));
  for (const y of ['2020', '2021', '2022', '2023', '2024', '2025']) assert.ok(years.has(y), `no reference date in ${y}`);
  for (const kind of ['point', 'since', 'until', 'interval', 'duration']) assert.ok(cases.some((c) => c.kind === kind), `no ${kind}`);
  for (const p of ['day', 'week', 'month', 'season', 'year']) assert.ok(cases.some((c) => c.precision === p), `no ${p}`);
});

test('TruceWatch resolves at least 95 % of the set exactly, 25 points above plain chrono-node', () => {
  const r = evaluateDates();
  assert.equal(r.trucewatch.total, r.chrono.total);
  assert.equal(r.trucewatch.total - r.trucewatch.correct, r.misses.length);
  assert.ok(r.trucewatch.accuracy >= 0.95, `accuracy ${r.trucewatch.accuracy}: ${JSON.stringify(r.misses.slice(0, 5), null, 1)}`);
  assert.ok(r.trucewatch.accuracy - r.chrono.accuracy >= 0.25, `TruceWatch ${r.trucewatch.accuracy} vs chrono ${r.chrono.accuracy}`);
  // Plain chrono must still be scored, not zeroed: it gets the plain absolute dates right.
  assert.ok(r.chrono.correct > 0);
});

test('a bad data file is an error naming the file, the line and the reason', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tw-dates-'));
  const file = join(dir, 'bad.jsonl');
  writeFileSync(file, `${JSON.stringify({ text: 'On May 5 it fell.', expr: 'May 5', ref: '2024-08-23', value: '2024-05-05', precision: 'day', kind: 'point' })}\n{"text": "x", "expr": "y"}\n`);
  assert.throws(() => evaluateDates(file), (err: Error) => err.message.includes(`${file}:2`) && /does not occur|missing/.test(err.message));
  writeFileSync(file, 'not json\n');
  assert.throws(() => readDateCases(file), new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1: not JSON`));
  assert.throws(() => readDateCases(join(dir, 'missing.jsonl')), /cannot read the date set/);
});
