// The lexicon pack is validated on load: a slip an analyst can make is refused with the file and the entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLexicon } from '../../src/extract/lexicon.ts';
import { PhraseSet } from '../../src/text/phrase.ts';

const PACK = new URL('../../packs/lexicon/', import.meta.url).pathname;

test('a choice of several words ("abide by|adhere to") is refused, naming the file and the entry', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lexicon-'));
  try {
    cpSync(PACK, dir, { recursive: true });
    const file = join(dir, 'stances.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"calm the situation"', '"calm the situation", "abide by|adhere to ~ truce"'));
    assert.throws(() => loadLexicon(dir), (e: Error) => e.message.includes('stances.yaml') && /holds single words/.test(e.message));
    // Single-word choices, articles among them, are fine: the shipped pack loads.
    assert.ok(loadLexicon(PACK).stances);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('quotes around a word are no word to a phrase', () => {
  const set = new PhraseSet(['truce ~~ has ended', 'response is coming']);
  assert.deepEqual(set.findAll('the "truce" that the factions made "has ended"').map((m) => m.phrase), ['truce ~~ has ended']);
  assert.ok(set.test('the “response” is coming'));
  assert.ok(!set.test('the response, it is coming'));
});

test('a count opening the words "~" skips is not counted among its three', () => {
  const set = new PhraseSet(['fired ~ missiles']);
  assert.ok(set.test('Iran fired more than a dozen ballistic missiles at two bases'));
  assert.ok(set.test('they fired at least 20 Grad missiles'));
  assert.ok(!set.test('they fired on the convoy and later the missiles'), 'four words that are no count');
});

test('"US", "UK" and "UN" in a phrase match their dotted spellings, first word or later', () => {
  const set = new PhraseSet(['three US soldiers', 'US officials said', 'the UN envoy']);
  const text = 'U.S. officials said it killed three U.S. soldiers; the U.N. envoy and US officials said so.';
  assert.deepEqual(set.findAll(text).map((m) => text.slice(m.start, m.end)),
    ['U.S. officials said', 'three U.S. soldiers', 'the U.N. envoy', 'US officials said']);
  assert.ok(!set.test('three USB soldiers, U.S officials'));
});

test('a word class ("&truce") stands for each of its words; an unknown class is refused, naming the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lexicon-'));
  try {
    cpSync(PACK, dir, { recursive: true });
    writeFileSync(join(dir, 'words.yaml'), 'truce: ["truce", "hudna"]\n');
    const lexicon = loadLexicon(dir);
    const stance = (text: string) => lexicon.stanceOf[lexicon.stances.first(text)?.index ?? -1]?.stance;
    assert.equal(stance('the hudna with the Americans has ended'), 'truce_ended');
    assert.equal(stance('the truce with the Americans has ended'), 'truce_ended');
    assert.notEqual(stance('the ceasefire with the Americans has ended'), 'truce_ended');
    const file = join(dir, 'stances.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"calm the situation"', '"calm the situation", "&pause ~ is over"'));
    assert.throws(() => loadLexicon(dir), (e: Error) => e.message.includes('stances.yaml') && /no word class "pause"/.test(e.message));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
