import { test } from 'node:test';
import assert from 'node:assert/strict';
import nlp from 'compromise';
import { compromiseEntities, scoreMentions, sumMentions, surfaceOccurrences, type Compromise } from '../../src/eval/mentions.ts';

const TEXT = 'The Iraqi Hezbollah Brigades attacked American forces. America said Hezbollah would pay; the Americans agreed.';

test('gold mentions: case-sensitive occurrences at word boundaries, the longest of overlapping ones', () => {
  const spans = surfaceOccurrences(TEXT, ['Iraqi Hezbollah Brigades', 'Hezbollah', 'America', 'american forces', '']);
  assert.deepEqual(spans.map((s) => TEXT.slice(s.start, s.end)), ['Iraqi Hezbollah Brigades', 'America', 'Hezbollah']);
});

test('mention precision counts system mentions overlapping gold; recall gold mentions overlapped', () => {
  const gold = surfaceOccurrences(TEXT, ['Iraqi Hezbollah Brigades', 'America', 'Hezbollah']);
  const at = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });
  const system = [at('Hezbollah Brigades'), at('Hezbollah Brigades'), at('American forces'), at('America said')];
  const m = scoreMentions(system, gold);
  // Duplicates count once; "American forces" overlaps no gold mention ("America" there is not a word).
  assert.deepEqual({ system: m.system, gold: m.gold, correct: m.correct, found: m.found }, { system: 3, gold: 3, correct: 2, found: 2 });
  assert.equal(m.p, 2 / 3);
  const total = sumMentions([m, scoreMentions([], [])]);
  assert.equal(total.p, 2 / 3);
  assert.equal(scoreMentions([], gold).f1, 0);
});

test('compromise entities come back as spans of the text', () => {
  const text = 'Yesterday, the United Nations said Joe Biden met officials in Baghdad.';
  const e = compromiseEntities(nlp as unknown as Compromise, text);
  const words = (spans: Array<{ start: number; end: number }>) => spans.map((s) => text.slice(s.start, s.end));
  assert.ok(words(e.people).some((w) => w.includes('Joe Biden')), JSON.stringify(words(e.people)));
  assert.ok(words(e.organizations).some((w) => w.includes('United Nations')), JSON.stringify(words(e.organizations)));
  assert.ok(words(e.places).some((w) => w.includes('Baghdad')), JSON.stringify(words(e.places)));
});
