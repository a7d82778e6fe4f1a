// Numeric claims, on reports written by the team, through the real pipeline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadContext, processInput } from '../../src/pipeline/run.ts';

const ctx = loadContext();

function claims(raw: string) {
  return processInput({ source: 'test', name: 'test.txt', format: 'text', raw: `Monday, March 4, 2024\n\n${raw}` }, ctx).extraction.claims;
}

test('a claim counts what it says and where, and its evidence ends on a word of its own', () => {
  const [c] = claims('Security forces arrested three suspects in the Abu Ghraib district the following day.');
  assert.equal(c.value, 3);
  assert.equal(c.quantity, 'suspects in the Abu Ghraib district');
  assert.equal(c.evidence, 'three suspects in the Abu Ghraib district');
  const [attacks] = claims('The factions have carried out more than 165 attacks on US forces since October.');
  assert.deepEqual([attacks.value, attacks.qualifier], [165, 'more than']);
});
