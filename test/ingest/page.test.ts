import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInputs } from '../../src/ingest/read.ts';
import { cleanDocument, toRawOffset } from '../../src/ingest/clean.ts';

const ARTICLE = join(import.meta.dirname, '../../../shared/corpus/articles/000_a28615a50a171252.txt');

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

test('a scraped blog page (real article text in HTML) through read and clean', async () => {
  const paragraphs = readFileSync(ARTICLE, 'utf8').split('\n\n');
  const html = `<!DOCTYPE html><html><head><title>Did the Iraqi government fail to maintain the truce?</title>
<meta property="og:site_name" content="Example Blog"></head><body>
<div class="menu"><a>Home</a> | <a>World</a> | <a>Politics</a></div>
<div class="post">${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p>Share this:</p><p>Share on Facebook</p>
<p>See also&nbsp; Gold climbs above $2000...but falls again!</p>
</div>
<div class="donate"><p>Support our journalism</p><p>$5 $10 $25</p></div>
</body></html>`;
  const dir = mkdtempSync(join(tmpdir(), 'tw-page-'));
  try {
    const path = join(dir, 'page.html');
    writeFileSync(path, html);
    const results = [];
    for await (const r of readInputs([path])) results.push(r);
    assert.equal(results.length, 1);
    const r = results[0];
    assert.ok(r.ok);
    const doc = cleanDocument(r.input);
    assert.equal(doc.format, 'html');
    assert.equal(doc.outlet, 'Example Blog');
    for (const gone of ['No comments', 'Post a Comment', 'Share this', 'Share on Facebook', 'See also', 'Support our journalism', '$5 $10', 'Home | World']) {
      assert.ok(!doc.text.includes(gone), `${gone} should be gone`);
    }
    assert.doesNotMatch(doc.text, /\blink\s*$/m);
    const sentence = 'On August 5, the Ain al-Asad base was subjected to a missile attack';
    const at = doc.text.indexOf(sentence);
    assert.ok(at >= 0);
    const raw = toRawOffset(doc, at);
    assert.equal(doc.raw.slice(raw, raw + sentence.length), sentence);
    assert.deepEqual(doc.outletsCited, ['Al-Araby Al-Jadeed']);
    // The same report read from the plain-text scrape has the same content id.
    const fromText = cleanDocument({ source: ARTICLE, name: 'a.txt', format: 'text', raw: readFileSync(ARTICLE, 'utf8') });
    assert.equal(doc.simhash, fromText.simhash);
    assert.equal(doc.id, fromText.id);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
