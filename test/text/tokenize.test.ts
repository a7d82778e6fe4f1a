import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/text/tokenize.ts';

test('sentences keep their exact text and offsets', () => {
  const text = 'Rockets hit the base.  The group denied it.\n\nHeadline without a stop\n\nBody text.';
  const { sentences, tokens } = tokenize(text);
  assert.deepEqual(sentences.map((s) => s.text), ['Rockets hit the base.', 'The group denied it.', 'Headline without a stop', 'Body text.']);
  for (const s of sentences) assert.equal(text.slice(s.start, s.end), s.text);
  for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
});

test('a title abbreviation before a name ends no sentence', () => {
  const text = '"Actions speak louder than words," Pentagon spokesman Maj. Gen. Pat Ryder told reporters. Adm. John Kirby agreed. He left the Maj. 5 behind.';
  assert.deepEqual(tokenize(text).sentences.map((s) => s.text), [
    '"Actions speak louder than words," Pentagon spokesman Maj. Gen. Pat Ryder told reporters.',
    'Adm. John Kirby agreed.',
    'He left the Maj.',
    '5 behind.',
  ]);
});

test('a short line (a live blog\'s time stamp, a byline) is a sentence of its own; a long wrapped line is not', () => {
  const text = '14:30\nIran\'s foreign ministry condemned the US strikes as a violation of sovereignty, a statement said.\nBy Baghdad Today staff\nThe talks resumed.';
  assert.deepEqual(tokenize(text).sentences.map((s) => s.text), ['14:30', 'Iran\'s foreign ministry condemned the US strikes as a violation of sovereignty, a statement said.', 'By Baghdad Today staff', 'The talks resumed.']);
  const wrapped = 'The factions said on Monday that the truce with the United States had ended and that attacks\nwould resume against American forces across Iraq and Syria within days, officials said.';
  assert.equal(tokenize(wrapped).sentences.length, 1);
});
