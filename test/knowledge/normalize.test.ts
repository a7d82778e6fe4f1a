// normalizeName: its ASCII fast path gives exactly what the general (Unicode) definition gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { normalizeName, normalizeUnicode } from '../../src/knowledge/normalize.ts';
import { WORLD } from './helpers.ts';

test('examples: apostrophes, articles, doubled letters, punctuation, marks', () => {
  assert.equal(normalizeName("Kata'ib Hezbollah"), 'kataib hezbolah');
  assert.equal(normalizeName('Kattaib'), normalizeName('Kataib'));
  assert.equal(normalizeName('al-Sudani'), 'sudani');
  assert.equal(normalizeName('El Al'), '');
  assert.equal(normalizeName('All Allah'), 'al alah');
  assert.equal(normalizeName('U.S. 1990s -- forces'), 'u s 1990s forces');
  assert.equal(normalizeName('Manfred Wörner'), 'manfred worner');
});

test('the ASCII path equals the general definition, on any ASCII text and on every name of the packs', () => {
  const alphabet = fc.constantFrom(...'aAlLeEsS\'` -_.,19zZ\t\nbB()'.split(''));
  fc.assert(fc.property(fc.string({ unit: alphabet, maxLength: 24 }), (s) => normalizeName(s) === normalizeUnicode(s)), { numRuns: 20_000 });
  fc.assert(fc.property(fc.string({ unit: 'binary-ascii', maxLength: 40 }), (s) => normalizeName(s) === normalizeUnicode(s)), { numRuns: 20_000 });
  const text = readFileSync(join(WORLD, 'actors.yaml'), 'utf8') + readFileSync(join(WORLD, 'places.yaml'), 'utf8');
  for (const s of text.split(/["\n]/)) assert.equal(normalizeName(s), normalizeUnicode(s), JSON.stringify(s));
});
