import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { cleanDocument, toCleanOffset, toRawOffset, toRawSpan } from '../../src/ingest/clean.ts';
import type { Document, InputDoc } from '../../src/pipeline/types.ts';

const CORPUS = join(import.meta.dirname, '../../../shared/corpus/articles');

const input = (raw: string, source = 'test.txt'): InputDoc => ({ source, name: source, format: 'text', raw });

/** Every clean character is the raw character its offset maps to, and maps back. */
function assertOffsets(doc: Document): void {
  for (let i = 0; i < doc.text.length; i++) {
    const r = toRawOffset(doc, i);
    if (doc.raw[r] !== doc.text[i]) assert.fail(`clean ${i} → raw ${r}: ${JSON.stringify(doc.raw[r])} ≠ ${JSON.stringify(doc.text[i])}`);
    if (toCleanOffset(doc, r) !== i) assert.fail(`raw ${r} does not map back to clean ${i}`);
  }
}

const REPORT = [
  'Friday, August 23, 2024',
  'On August 5, the Ain al-Asad base was subjected to a missile attack.',
  'Two days later, the Iraqi authorities announced the arrest of five people.',
  'He told Al-Araby Al-Jadeed that the truce had ended.',
];

function withBoilerplate(lines: string[]): string {
  return lines.join('\n\n') + '\n\n';
}

test('each kind of boilerplate line is dropped and every report sentence kept', () => {
  const kinds: Record<string, string[]> = {
    see_also: ['See also  What are the implications of resolution 2722?', 'Read more: Gold climbs above $2000', 'Related: Another story'],
    comments: ['No comments:', 'Post a Comment', 'Leave a Reply', 'Leave a comment', '12 Comments', 'Your email address will not be published. Required fields are marked *'],
    share: ['Share this:', 'Share on Facebook', 'Share on Twitter', 'Follow us on Telegram'],
    donate: ['Donate', 'Support our journalism', 'Subscribe', 'Subscribe to our newsletter'],
    amounts: ['$5 $10 $25', '€10 €20'],
    markers: ['link', 'LINK', 'Advertisement'],
    credits: ['Sewell reported from Beirut.', 'Associated Press writer Lolita C. Baldor in Washington contributed to this report.'],
    navigation: ['Home | World | Politics | Iraq', 'Home » Middle East » Iraq'],
  };
  for (const [kind, lines] of Object.entries(kinds)) {
    const raw = withBoilerplate([REPORT[0], ...lines.slice(0, 1), REPORT[1], ...lines.slice(1), REPORT[2], REPORT[3]]);
    const doc = cleanDocument(input(raw));
    for (const line of lines) assert.ok(!doc.text.includes(line), `${kind}: ${JSON.stringify(line)} should be dropped`);
    for (const s of REPORT) assert.ok(doc.text.includes(s), `${kind}: ${JSON.stringify(s)} should be kept`);
    assert.equal(doc.text, REPORT.join('\n\n'), kind);
    assertOffsets(doc);
  }
});

test('lines that only resemble boilerplate are kept', () => {
  const keep = [
    'Home to 2,500 troops | the base | was hit | again by rockets on Tuesday night, officials said.',
    'Baghdad | 23 August 2024 | Reuters',
    'The spokesman said there was no link between the two attacks.',
    'Subscribers to the Telegram channel of the faction were told that the truce had ended, the group said in its statement on Sunday evening.',
    'No comments were made by the embassy about the strike.',
    'Share prices fell in Baghdad.',
    'A security source reported from Anbar that rockets hit the base.',
  ];
  const doc = cleanDocument(input(keep.join('\n')));
  assert.equal(doc.text, keep.join('\n'));
});

test('a trailing "link" marker is trimmed from its line; offsets stay exact', () => {
  const raw = 'First paragraph of the report.\u00a0 link\n\nSecond one, about a link.\nThird.\u00a0\u00a0 LINK\n';
  const doc = cleanDocument(input(raw));
  assert.equal(doc.text, 'First paragraph of the report.\n\nSecond one, about a link.\nThird.');
  assertOffsets(doc);
  const second = doc.text.indexOf('Second');
  assert.equal(doc.raw.slice(toRawOffset(doc, second), toRawOffset(doc, second) + 6), 'Second');
  assert.equal(toCleanOffset(doc, raw.indexOf('link')), null, 'the marker is not in the clean text');
});

test('a title shown twice keeps its first occurrence; the dateline stays', () => {
  const title = 'Did the government fail to maintain the truce?';
  const raw = ['Friday, August 23, 2024', `${title}, 23 AUGUST`, `\u00a0 ${title}`, 'The positions of the factions continue.', title].join('\n\n');
  const doc = cleanDocument(input(raw));
  assert.equal(doc.text, ['Friday, August 23, 2024', `${title}, 23 AUGUST`, 'The positions of the factions continue.'].join('\n\n'));
  // Short cues that recur are report text, not titles.
  const cues = ['He said:', '"We will respond."', 'He said:', '"We will not stop."', 'Friday'].join('\n');
  assert.equal(cleanDocument(input(cues)).text, cues);
});

test('blank lines left by dropped lines collapse; CRLF line ends are kept verbatim', () => {
  const raw = 'One.\r\n\r\nShare this:\r\n\r\n\r\nTwo.\r\n\r\nNo comments:\r\n';
  const doc = cleanDocument(input(raw));
  assert.equal(doc.text, 'One.\r\n\r\nTwo.');
  assertOffsets(doc);
});

test('offsets: every clean character maps to the same raw character, for any mix of lines', () => {
  const line = fc.oneof(
    fc.constantFrom('No comments:', 'Post a Comment', 'See also  Another story', 'link', '$5 $10', 'Home | World | Politics', '', ' ', 'Title line', 'Title line, 5 MAY'),
    fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, ' ')),
    fc.string({ maxLength: 30 }).map((s) => `${s.replace(/[\r\n]/g, ' ')}. link`),
  );
  fc.assert(
    fc.property(fc.array(line, { maxLength: 25 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
      const doc = cleanDocument(input(lines.join(eol)));
      assertOffsets(doc);
      const last = doc.offsets[doc.offsets.length - 1];
      if (doc.text.length > 0) assert.equal(toRawOffset(doc, doc.text.length), last.raw + last.length);
    }),
    { numRuns: 300 },
  );
});

test('toRawSpan maps a span ending at a line end inside the line; bad offsets are refused with a reason', () => {
  const doc = cleanDocument(input('A line.\nSee also  x\nB line.'));
  const span = { start: doc.text.indexOf('A'), end: doc.text.indexOf('.') + 1 };
  assert.deepEqual(toRawSpan(doc, span), { start: 0, end: 7 });
  assert.throws(() => toRawOffset(doc, doc.text.length + 1), /test\.txt: clean offset .* outside/);
  assert.throws(() => toCleanOffset(doc, -1), /raw offset -1 is outside/);
});

test('outlets cited: names as written, from quotation patterns and photo credits', () => {
  const text = [
    'A deputy confirmed to Al-Araby Al-Jadeed that the truce held.',
    'Reliable sources told Asharq al-Awsat, "The team is under pressure."',
    'Reuters reported that talks resumed.',
    'According to Rudaw, the meeting was held.',
    'He added during a BBC interview in Baghdad that tensions were high.',
    'In an interview with The New York Times, the minister spoke.',
    'Hussein Allawi said in a statement to Shafaq News, "We resumed."',
    'A picture was carried during the funeral on Friday (AFP).',
    'B-1 bombers participated in strikes last week (US Air Force website)',
    'Sources told Iraqi officials nothing, according to the government.',
    'He told Al-Araby Al-Jadeed again that nothing changed.',
  ].join('\n\n');
  const doc = cleanDocument(input(text));
  assert.deepEqual(doc.outletsCited, [
    'Al-Araby Al-Jadeed',
    'Asharq al-Awsat',
    'Reuters',
    'Rudaw',
    'BBC',
    'New York Times',
    'Shafaq News',
    'AFP',
    'US Air Force website',
  ]);
});

test('the three real articles: boilerplate gone, report sentences and datelines kept', () => {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();
  assert.equal(files.length, 3);
  const docs = files.map((f) => cleanDocument(input(readFileSync(join(CORPUS, f), 'utf8'), f)));
  for (const doc of docs) {
    assert.doesNotMatch(doc.text, /^No comments:?$/m, doc.name);
    assert.doesNotMatch(doc.text, /^Post a Comment$/m, doc.name);
    assert.doesNotMatch(doc.text, /^See also/m, doc.name);
    assert.doesNotMatch(doc.text, /^Leave a Reply$/m, doc.name);
    assert.doesNotMatch(doc.text, /Required fields are marked/, doc.name);
    assert.doesNotMatch(doc.text, /\blink\s*$/im, `${doc.name}: trailing link marker`);
    assertOffsets(doc);
    // Every line of the raw text that is not boilerplate is still there, verbatim.
    const kept = doc.raw.split('\n').filter((l) => l.trim() !== '' && doc.text.includes(l));
    assert.ok(kept.length >= doc.raw.split('\n').filter((l) => l.trim() !== '').length - 6, doc.name);
  }
  const [a, b, c] = docs;
  assert.match(a.text, /^Friday, August 23, 2024$/m);
  assert.match(b.text, /^Thursday, June 20, 2024$/m);
  assert.ok(a.text.includes('On August 5, the Ain al-Asad base was subjected to a missile attack'));
  assert.ok(a.text.includes('Abu Baqir al-Saadi, stressing that this comes to pave the way for the Iraqi government'));
  assert.ok(b.text.includes('The first round of bilateral dialogue between Baghdad and Washington, which was held in Baghdad, on January 27'));
  assert.ok(c.text.includes('Since the middle of the three-month period, US forces and the international coalition in Iraq and Syria have been subject to more than 165 attacks'));
  assert.equal(a.text.split('Did the Iraqi government fail to maintain the truce').length - 1, 1, 'the repeated title is dropped');
  assert.deepEqual(a.outletsCited, ['Al-Araby Al-Jadeed']);
  assert.deepEqual(b.outletsCited, ['Al-Arabi Al-Jadeed']);
  assert.deepEqual(c.outletsCited, ['US Air Force website', 'Asharq al-Awsad', 'BBC', 'AFP']);
});

test('the gold evidence strings of the real articles are all in the clean text', () => {
  const gold = join(import.meta.dirname, '../../../shared/eval/gold');
  for (const f of readdirSync(CORPUS).filter((f) => f.endsWith('.txt'))) {
    const doc = cleanDocument(input(readFileSync(join(CORPUS, f), 'utf8'), f));
    const evidence = [...readFileSync(join(gold, `${f}.gold.json`), 'utf8').matchAll(/"evidence": "((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
    assert.ok(evidence.length > 10);
    for (const e of evidence) {
      for (const piece of e.split('...').map((p) => p.trim()).filter(Boolean)) {
        assert.ok(doc.text.includes(piece), `${f}: evidence dropped: ${piece}`);
      }
    }
  }
});
