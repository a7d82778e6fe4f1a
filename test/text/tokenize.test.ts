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
