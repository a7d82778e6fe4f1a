import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanDocument } from '../../src/ingest/clean.ts';
import { hamming, isNearDuplicate, simhash } from '../../src/ingest/identity.ts';

const CORPUS = join(import.meta.dirname, '../../../shared/corpus/articles');
const articles = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(CORPUS, f), 'utf8'));

const clean = (raw: string, source = 'a.txt') => cleanDocument({ source, name: source, format: 'text', raw });

test('the same report with different boilerplate and spacing has the same id and simhash', () => {
  const raw = articles[0];
  const a = clean(raw);
  const b = clean(`Home | World | Politics\n\n${raw.replace(/No comments:\n\nPost a Comment$/, 'Share this:\n\nLeave a Reply')}\n\nDonate\n`, 'b.html');
  const c = clean(raw.replace(/\n\n/g, '\n\n\n').replace(/ /g, '  '));
  assert.match(a.id, /^[0-9a-f]{64}$/);
  assert.equal(b.id, a.id);
  assert.equal(c.id, a.id);
  assert.equal(b.simhash, a.simhash);
  assert.match(a.simhash, /^[0-9a-f]{16}$/);
});

/** Copies of `raw` with `n` words replaced, at positions spread deterministically over the text. */
function edits(raw: string, n: number, copies: number): string[] {
  const words = raw.split(' ');
  return Array.from({ length: copies }, (_, k) => {
    const w = [...words];
    for (let j = 0; j < n; j++) w[(k * 37 + j * 101) % w.length] = `edited${k}`;
    return w.join(' ');
  });
}

test('lightly edited copies are near-duplicates; other reports on the same conflict are not', () => {
  const hashes = articles.map((raw) => clean(raw).simhash);
  // SimHash over ~1,000 shingles is noisy in its last bits: one changed word moves 0-4 bits
  // (measured), so the default threshold catches most single-word edits, and a wider one (12)
  // catches heavier edits while reports of the same theatre stay ~30 bits apart.
  let near = 0;
  let total = 0;
  articles.forEach((raw, i) => {
    for (const copy of edits(raw, 1, 20)) {
      const h = clean(copy).simhash;
      total++;
      if (isNearDuplicate(h, hashes[i])) near++;
    }
    for (const copy of edits(raw, 3, 10)) assert.ok(isNearDuplicate(clean(copy).simhash, hashes[i], 12));
    const paragraphs = raw.split('\n\n');
    for (let p = 0; p < paragraphs.length; p += 3) {
      const shorter = paragraphs.filter((_, j) => j !== p).join('\n\n');
      assert.ok(isNearDuplicate(clean(shorter).simhash, hashes[i], 12), `article ${i} without paragraph ${p}`);
    }
  });
  assert.ok(near / total >= 0.8, `only ${near} of ${total} one-word edits are near-duplicates at 3 bits`);
  for (let i = 0; i < hashes.length; i++) {
    for (let j = i + 1; j < hashes.length; j++) {
      assert.ok(hamming(hashes[i], hashes[j]) > 20, `articles ${i} and ${j} differ in only ${hamming(hashes[i], hashes[j])} bits`);
      assert.ok(!isNearDuplicate(hashes[i], hashes[j], 12));
    }
  }
});

test('hamming counts differing bits and refuses what is not a simhash', () => {
  assert.equal(hamming('0000000000000000', '0000000000000000'), 0);
  assert.equal(hamming('0000000000000000', 'ffffffffffffffff'), 64);
  assert.equal(hamming('00000000000000f0', '0000000000000001'), 5);
  assert.equal(isNearDuplicate('0000000000000007', '0000000000000000'), true);
  assert.equal(isNearDuplicate('000000000000000f', '0000000000000000'), false);
  assert.equal(isNearDuplicate('000000000000000f', '0000000000000000', 4), true);
  assert.throws(() => hamming('xyz', '0000000000000000'), /not a 64-bit simhash/);
  assert.equal(simhash(''), '0000000000000000');
  assert.equal(simhash('Two words'), simhash('two   WORDS'));
});
