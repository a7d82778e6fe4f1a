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

test('acts counted in times are a claim on the passive\'s subject or the verb\'s object', () => {
  const [c] = claims('The Pentagon says US forces in Iraq and Syria have been attacked more than 165 times since February 1.');
  assert.deepEqual([c.quantity, c.value, c.qualifier, c.interval, c.evidence],
    ['attacks on US forces', 165, 'more than', '2024-02-01/2024-03-04', 'US forces in Iraq and Syria have been attacked more than 165 times']);
  const [d] = claims('Militants attacked the base three times last month.');
  assert.deepEqual([d.quantity, d.value], ['attacks on base', 3]);
});

test('a claim is from whose words hold it or whom it is according to; its quantity stops before "and" and before a time', () => {
  const [a] = claims('US forces have been attacked at least 61 times since February 1, according to the Pentagon.');
  assert.equal(a.attributed_to, 'Pentagon');
  const [b] = claims('The United States keeps about 2,500 troops in Iraq and about 900 in Syria.');
  assert.deepEqual([b.quantity, b.value, b.qualifier], ['troops in Iraq', 2500, 'about']);
  const [c] = claims('The group said it targeted the base with two drones on Tuesday.');
  assert.deepEqual([c.quantity, c.evidence], ['drones', 'two drones']);
});
