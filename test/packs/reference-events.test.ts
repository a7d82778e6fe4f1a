// The iraq pack's reference events, through the real pipeline: a cue must tell the happening from others like it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadContext, processInput } from '../../src/pipeline/run.ts';

const ctx = loadContext();

test('a rocket attack on US forces somewhere is not the Ain al-Asad attack of August 2024', () => {
  const raw = [
    'BAGHDAD, Feb 19 (Reuters) - Iran-aligned armed groups in Iraq have largely halted attacks on U.S. forces since early February.',
    '',
    'The factions stood down a day after the drone strike that killed three U.S. soldiers in Jordan.',
    'Harakat al-Nujaba claimed a rocket attack on a U.S. base in Syria on Feb. 12, wounding no U.S. forces.',
  ].join('\n');
  const { annotated } = processInput({ source: 'test', name: 'test.txt', format: 'text', raw }, ctx);
  assert.equal(annotated.published.value, '2024-02-19', annotated.published.basis);
});
