import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { readInputs, type ReadResult } from '../../src/ingest/read.ts';
import type { InputDoc } from '../../src/pipeline/types.ts';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'tw-read-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, content);
  return p;
}

async function readAll(paths: string[], opts?: { maxBytes?: number }): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for await (const r of readInputs(paths, opts)) out.push(r);
  return out;
}

function oks(results: ReadResult[]): InputDoc[] {
  return results.flatMap((r) => (r.ok ? [r.input] : []));
}

async function readOneError(path: string, opts?: { maxBytes?: number }): Promise<string> {
  const results = await readAll([path], opts);
  assert.equal(results.length, 1, JSON.stringify(results));
  const r = results[0];
  assert.ok(!r.ok, `expected an error for ${path}`);
  assert.equal(r.source, path);
  assert.doesNotMatch(r.error, /\n/, 'one-line reason');
  return r.error;
}

const PARA = 'The Iraqi government continued its talks with Washington over the withdrawal of coalition forces on Sunday. ';

const HTML_PAGE = `<!DOCTYPE html>
<html><head>
<title>Talks resume - Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-02-11T09:00:00Z">
<link rel="canonical" href="https://example.org/talks">
<script>var x = "not text";</script>
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>Talks resume</h1>
<p>${PARA.repeat(4)}</p>
<p>A second paragraph says the factions &amp; the government met again.</p>
</article>
<footer>Copyright Example News</footer>
</body></html>`;

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example Feed</title><link>https://example.org</link>
<item><title>First &amp; foremost</title><link>https://example.org/1</link>
<pubDate>Sun, 11 Feb 2024 10:00:00 GMT</pubDate>
<description><![CDATA[<p>First paragraph of item one.</p><p>Second &amp; last.</p>]]></description></item>
<item><title>Second</title><link>https://example.org/2</link>
<pubDate>Mon, 12 Feb 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Escaped &lt;b&gt;HTML&lt;/b&gt; &amp;amp; entities&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>Full text of item two.</p>]]></content:encoded></item>
<item><title>Empty</title><description></description></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Outlet</title>
<entry><title type="html">A &lt;i&gt;styled&lt;/i&gt; title</title>
<link rel="self" href="https://example.org/self"/><link rel="alternate" href="https://example.org/a1"/>
<id>tag:example.org,2024:1</id><updated>2024-08-23T10:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>One <i>two</i> three.</p><p>Four.</p></div></content></entry>
<entry><title>Plain</title><link href="https://example.org/a2"/><published>2024-08-24T00:00:00Z</published>
<summary>Summary text &amp; more.</summary></entry>
</feed>`;

test('plain text file', async () => {
  const p = file('plain/report.txt', 'Friday, August 23, 2024\n\nThe truce has ended, a faction said.\n');
  const [doc] = oks(await readAll([p]));
  assert.deepEqual([doc.format, doc.name, doc.source], ['text', 'report.txt', p]);
  assert.equal(doc.raw, 'Friday, August 23, 2024\n\nThe truce has ended, a faction said.\n');
});

test('HTML page: main text through Readability, metadata from the head', async () => {
  const p = file('page/talks.html', HTML_PAGE);
  const results = await readAll([p]);
  const [doc] = oks(results);
  assert.equal(doc.format, 'html');
  assert.equal(doc.name, 'talks.html');
  assert.match(doc.raw, /continued its talks with Washington/);
  assert.match(doc.raw, /the factions & the government met again\./);
  assert.match(doc.raw, /Sunday\.\n\nA second paragraph/, 'paragraphs stay apart');
  assert.doesNotMatch(doc.raw, /not text/, 'scripts are not text');
  assert.equal(doc.metaPublished, '2024-02-11T09:00:00Z');
  assert.equal(doc.outlet, 'Example News');
  assert.equal(doc.url, 'https://example.org/talks');
  assert.match(doc.title ?? '', /Talks resume/);
});

test('<time datetime> gives the date when there is no meta tag', async () => {
  const p = file('page/time.html', `<html><body><article><time datetime="2024-06-20">June 20</time><p>${PARA.repeat(3)}</p></article></body></html>`);
  const [doc] = oks(await readAll([p]));
  assert.equal(doc.metaPublished, '2024-06-20');
});

test('RSS 2.0: one input per item, HTML in the item turned into text, bad item is its own error', async () => {
  const p = file('feeds/news.rss', RSS);
  const results = await readAll([p]);
  assert.equal(results.length, 3);
  const [a, b] = oks(results);
  assert.deepEqual([a.format, a.source, a.name, a.title, a.url, a.outlet], ['feed-item', `${p}#1`, 'news.rss#1', 'First & foremost', 'https://example.org/1', 'Example Feed']);
  assert.equal(a.metaPublished, 'Sun, 11 Feb 2024 10:00:00 GMT');
  assert.equal(a.raw, 'First paragraph of item one.\n\nSecond & last.');
  assert.equal(b.raw, 'Full text of item two.', 'content:encoded is preferred over description');
  const bad = results[2];
  assert.ok(!bad.ok && bad.source === `${p}#3` && /no text/.test(bad.error));
});

test('RSS description with escaped HTML: XML escapes, then HTML entities, decoded in turn', async () => {
  const p = file('feeds/escaped.xml', RSS.replace(/<content:encoded>.*<\/content:encoded>/, ''));
  const docs = oks(await readAll([p]));
  // &lt;b&gt; is markup once the XML is decoded; &amp;amp; is an escaped HTML entity, i.e. '&'.
  assert.equal(docs[1].raw, 'Escaped HTML & entities');
});

test('Atom: alternate link, XHTML content in order, summary, updated/published dates', async () => {
  const p = file('feeds/atom.xml', ATOM);
  const [a, b] = oks(await readAll([p]));
  assert.equal(a.title, 'A styled title');
  assert.equal(a.url, 'https://example.org/a1');
  assert.equal(a.raw, 'One two three.\n\nFour.');
  assert.equal(a.metaPublished, '2024-08-23T10:00:00Z');
  assert.equal(a.outlet, 'Atom Outlet');
  assert.equal(b.raw, 'Summary text & more.');
  assert.equal(b.url, 'https://example.org/a2');
  assert.equal(b.metaPublished, '2024-08-24T00:00:00Z');
});

test('JSON Lines: one input per line; a bad line is its own error and the others go on', async () => {
  const lines = [
    JSON.stringify({ text: 'First report.', url: 'https://e.org/1', title: 'One', published: '2024-08-23', outlet: 'E' }),
    '',
    '{"text": "broken',
    JSON.stringify({ title: 'no text' }),
    JSON.stringify({ text: 'Third report.', published: 7 }),
    JSON.stringify({ text: 'Last report.' }),
  ];
  const p = file('jsonl/items.jsonl', lines.join('\n'));
  const results = await readAll([p]);
  assert.equal(results.length, 5);
  const docs = oks(results);
  assert.deepEqual(docs.map((d) => [d.raw, d.name, d.source]), [
    ['First report.', 'items.jsonl#1', `${p}:1`],
    ['Last report.', 'items.jsonl#6', `${p}:6`],
  ]);
  assert.deepEqual([docs[0].format, docs[0].url, docs[0].title, docs[0].metaPublished, docs[0].outlet], ['jsonl', 'https://e.org/1', 'One', '2024-08-23', 'E']);
  const errors = results.filter((r) => !r.ok) as { source: string; error: string }[];
  assert.deepEqual(errors.map((e) => e.source), [`${p}:3`, `${p}:4`, `${p}:5`]);
  assert.match(errors[0].error, /invalid JSON/);
  assert.match(errors[1].error, /field "text"/);
  assert.match(errors[2].error, /field "published"/);
});

test('a JSON array of records is read too', async () => {
  const p = file('jsonl/array.json', JSON.stringify([{ text: 'A.' }, { text: 'B.' }], null, 2));
  assert.deepEqual(oks(await readAll([p])).map((d) => d.raw), ['A.', 'B.']);
});

test('format is detected by content, not by extension', async () => {
  const html = file('detect/page.txt', HTML_PAGE);
  const feed = file('detect/feed.dat', RSS);
  const atom = file('detect/atom.txt', ATOM);
  const jsonl = file('detect/records.txt', '{"text": "From a .txt file."}\n');
  const text = file('detect/looks.html', 'Just words about a truce, with a < sign and no markup.\n');
  const docs = oks(await readAll([html, feed, atom, jsonl, text]));
  assert.deepEqual(
    docs.map((d) => d.format),
    ['html', 'feed-item', 'feed-item', 'feed-item', 'feed-item', 'jsonl', 'text'],
  );
  assert.doesNotMatch(docs[0].raw, /<p>|<\/?html/);
});

test('a directory is read recursively, in name order, skipping hidden files', async () => {
  file('tree/b.txt', 'B text.');
  file('tree/a.txt', 'A text.');
  file('tree/sub/c.txt', 'C text.');
  file('tree/.hidden.txt', 'hidden');
  file('tree/.git/config', 'hidden too');
  const docs = oks(await readAll([join(dir, 'tree')]));
  assert.deepEqual(docs.map((d) => d.raw), ['A text.', 'B text.', 'C text.']);
});

test('a symlink loop is followed once, without hanging', async () => {
  file('loop/x.txt', 'X text.');
  symlinkSync(join(dir, 'loop'), join(dir, 'loop', 'again'));
  symlinkSync(join(dir, 'loop', 'x.txt'), join(dir, 'loop', 'y.txt'));
  const results = await readAll([join(dir, 'loop')]);
  assert.deepEqual(oks(results).map((d) => d.raw), ['X text.']);
  assert.equal(results.length, 1);
});

test('binary file (NUL bytes) is refused', async () => {
  const p = file('bad/image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
  assert.match(await readOneError(p), /binary.*NUL/);
});

test('text full of control characters is refused as binary', async () => {
  const bytes = Buffer.alloc(400);
  for (let i = 0; i < bytes.length; i++) bytes[i] = i % 3 === 0 ? 0x01 + (i % 8) : 0x41;
  assert.match(await readOneError(file('bad/controls.txt', bytes)), /binary.*control characters/);
});

test('empty and whitespace-only files are refused', async () => {
  assert.match(await readOneError(file('bad/empty.txt', '')), /empty file/);
  assert.match(await readOneError(file('bad/blank.txt', ' \n\t\n\u00a0 \n')), /only white space/);
});

test('a file over the size limit is refused with its size, without being read', async () => {
  const p = file('bad/huge.txt', '');
  truncateSync(p, 25 * 1024 * 1024);
  assert.match(await readOneError(p), /too large: 25\.0 MB, over the 20\.0 MB limit/);
  assert.match(await readOneError(file('bad/small.txt', 'x'.repeat(2000)), { maxBytes: 1000 }), /too large: 2\.0 KB/);
});

test('invalid UTF-8 is refused with the byte where it goes wrong', async () => {
  const p = file('bad/latin1.txt', Buffer.concat([Buffer.from('Caf\u00e9 \uFFFD ok, then '), Buffer.from([0xe9, 0x20, 0x41])]));
  // "Café " is 6 bytes, U+FFFD written in the file is 3 valid bytes, " ok, then " 10: the bad byte is at 19.
  assert.match(await readOneError(p), /invalid UTF-8 at byte 19/);
});

test('malformed HTML with no readable text is refused; a broken XML feed is refused naming the problem', async () => {
  assert.match(await readOneError(file('bad/broken.html', '<!DOCTYPE html><html><body><div><script>x()</script><p>')), /HTML page has no readable text/);
  assert.match(await readOneError(file('bad/broken.xml', '<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</item></channel></rss>')), /malformed XML feed: .*title/);
  assert.match(await readOneError(file('bad/other.xml', '<?xml version="1.0"?><config><a>1</a></config>')), /root <config>/);
  assert.match(await readOneError(file('bad/noitems.xml', '<rss version="2.0"><channel><title>T</title></channel></rss>')), /no items/);
});

test('missing path and a path through a file are refused', async () => {
  assert.match(await readOneError(join(dir, 'does-not-exist.txt')), /no such file/);
  const f = file('bad/plain.txt', 'text');
  assert.match(await readOneError(join(f, 'child.txt')), /not a directory/);
});

test('unreadable file (chmod 000) is refused', async (t) => {
  const p = file('bad/locked/secret.txt', 'secret');
  chmodSync(p, 0o000);
  if (process.getuid?.() !== 0) {
    assert.match(await readOneError(p), /cannot read: permission denied/);
    return;
  }
  // Root reads any file, so the reader runs in a child process as the unprivileged user "nobody".
  for (const d of [dir, join(dir, 'bad'), join(dir, 'bad', 'locked')]) chmodSync(d, 0o755);
  const program = `import { readInputs } from ${JSON.stringify(join(import.meta.dirname, '../../src/ingest/read.ts'))};
for await (const r of readInputs([${JSON.stringify(p)}])) console.log(JSON.stringify(r));`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', program], {
    cwd: join(import.meta.dirname, '../..'),
    uid: 65534,
    gid: 65534,
    encoding: 'utf8',
  });
  if (r.status !== 0 && /EACCES|permission denied/i.test(r.stderr)) {
    t.skip('the sources are not readable by "nobody" on this machine');
    return;
  }
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { ok: false, source: p, error: 'cannot read: permission denied' });
});

test('a mixed batch: bad inputs do not stop the good ones', async () => {
  const good1 = file('mixed/1-good.txt', 'The first good report.');
  const binary = file('mixed/2-binary.bin', Buffer.from([0, 1, 2, 3]));
  const feed = file('mixed/3-feed.xml', RSS);
  const empty = file('mixed/4-empty.txt', '');
  const good2 = file('mixed/5-good.txt', 'The second good report.');
  const missing = join(dir, 'mixed', 'missing.txt');
  const results = await readAll([join(dir, 'mixed'), missing]);
  assert.deepEqual(
    results.map((r) => (r.ok ? r.input.source : `ERR ${r.source}`)),
    [good1, `ERR ${binary}`, `${feed}#1`, `${feed}#2`, `ERR ${feed}#3`, `ERR ${empty}`, good2, `ERR ${missing}`],
  );
});
