// Which words are events: triggers in context, on reports written by the team, through the real pipeline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadContext, processInput } from '../../src/pipeline/run.ts';
import type { EventOut } from '../../src/pipeline/types.ts';

const ctx = loadContext();

function events(raw: string): EventOut[] {
  return processInput({ source: 'test', name: 'test.txt', format: 'text', raw: `Monday, March 4, 2024\n\n${raw}` }, ctx).extraction.events;
}

test('a progressive verb is an event, a bare participle is not', () => {
  assert.deepEqual(events('Kataib Hezbollah is demanding the release of its fighters held in Baghdad.').map((e) => e.type), ['REQUEST']);
  assert.deepEqual(events('Kataib Hezbollah held a rally on Sunday, denouncing the presence of foreign troops.').filter((e) => e.type === 'ACCUSE'), []);
});
