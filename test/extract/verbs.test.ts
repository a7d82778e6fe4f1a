import { test } from 'node:test';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findVerbEvents, loadVerbLexicon, type VerbHit } from '../../src/extract/verbs.ts';
import { tokenize } from '../../src/text/tokenize.ts';

const PACK = resolve(import.meta.dirname, '../../packs/verbs');
const lex = loadVerbLexicon();

function hits(text: string): VerbHit[] {
  const { tokens, sentences } = tokenize(text);
  return sentences.flatMap((s) => findVerbEvents(lex, tokens, s, text));
}

/** "text TYPE/mode" of each hit, for compact assertions. */
function coded(text: string): string[] {
  return hits(text).map((h) => `${h.text} ${h.type}${h.mode ? `/${h.mode}` : ''}`);
}

test('a verb alone takes its block default; offsets cover the verb', () => {
  const text = 'Rebels attacked the convoy near Tikrit.';
  const [h] = hits(text);
  assert.equal(h.lemma, 'attack');
  assert.equal(h.block, 'PHYSICAL_CONFLICT');
  assert.equal(h.cameo, '190');
  assert.equal(h.type, 'ASSAULT');
  assert.equal(h.mode, '');
  assert.equal(h.pattern, null);
  assert.equal(text.slice(h.start, h.end), 'attacked');
  assert.equal(h.tokenEnd - h.tokenStart, 1);
});

test('a verb with a code of its own keeps it within a block that has none', () => {
  assert.deepEqual(coded('The committee will investigate the incident.'), ['investigate ACCUSE/investigate']);
  assert.deepEqual(coded('Police arrested three suspects in Basra.'), ['arrested COERCE/arrest']);
});

test('a matching pattern overrides the default, and the most specific one wins', () => {
  // RETREAT's default (080, yield) is verbal; "withdraw ... from (the) border" is the military retreat 0874.
  const [h] = hits('Troops withdrew from the border on Monday.');
  assert.equal(h.cameo, '0874');
  assert.equal(`${h.type}/${h.mode}`, 'RETREAT/withdraw');
  assert.equal(h.pattern, '* from border');
  // "from" heads a phrase with "border": no particle of the verb.
  assert.equal(h.text, 'withdrew');
  // "* &hostage" (one word) is a RELEASE pattern; a sentence without it keeps the block's default.
  assert.deepEqual(coded('The militia released the hostages on Friday.'), ['released RETREAT/release']);
  assert.equal(hits('The militia released the hostages on Friday.')[0].pattern, '* &hostage');
});

test('a pattern coded "no event" wins over the default and yields nothing', () => {
  // DIE is 190 (fight), but dying "of natural causes" is explicitly no event.
  assert.deepEqual(coded('Two soldiers died in clashes near the border.'), ['died ASSAULT']);
  assert.deepEqual(coded('The former minister died of natural causes.'), []);
});

test('irregular forms come from the dictionary, regular ones are generated', () => {
  assert.deepEqual(coded('The army fought the rebels in the hills.'), ['fought ASSAULT']);
  assert.deepEqual(coded('Militants seized the town and took the airport.').map((c) => c.split(' ')[0]), ['seized', 'took']);
  assert.deepEqual(coded('Officials have banned the newspaper.'), ['banned COERCE/restrict']);
});

test('multi-word verbs and particles are part of the span', () => {
  const [off] = hits('The union called off the strike.');
  assert.equal(off.text, 'called off');
  assert.equal(off.lemma, 'call off');
  assert.equal(off.tokenEnd - off.tokenStart, 2);
  assert.equal(off.type, 'CONCEDE');
  // A separated particle: the object stands between, and the pattern still sees it.
  const [sep] = hits('The union called the strike off.');
  assert.equal(sep.text, 'called the strike off');
  assert.equal(sep.pattern, '* strike');
  const [up] = hits('They set up a committee to review the ceasefire.');
  assert.equal(up.text, 'set up');
  assert.equal(up.lemma, 'set up');
  // A pattern word right after the verb that wink tags as a particle joins the span.
  const [down] = hits('The minister stepped down after the vote.');
  assert.equal(down.text, 'stepped down');
  assert.equal(`${down.type}/${down.mode}`, 'RETREAT/resign');
});

test('only tokens wink tags VERB are verbs: a noun "attack" is not', () => {
  assert.deepEqual(coded('The attack killed five people.'), ['killed ASSAULT']);
  assert.deepEqual(coded('The attack on the base was the third this month.'), []);
});

test('synonym-set patterns match any member, plural included', () => {
  const [h] = hits('Israeli warplanes bombed positions in the south.');
  assert.equal(h.pattern, '&aircraft *');
  assert.equal(`${h.type}/${h.mode}`, 'ASSAULT/aerial');
});

test('a block without a code, and a verb coded 01/02 (dropped by PLOVER), give nothing', () => {
  assert.deepEqual(coded('The group accelerated the process.'), []);
  assert.deepEqual(coded('The minister described the situation.'), []);
  assert.deepEqual(coded('The council appealed for calm.'), []);
});

test('the CAMEO to PLOVER table sets types and modes', () => {
  const cases: [string, string, string][] = [
    ['Gunmen kidnapped two engineers near Kirkuk.', '181', 'ASSAULT/abduct'],
    ['Protesters blocked the road to the airport.', '144', 'PROTEST/obstruct'],
    ['Police detained the journalists overnight.', '173', 'COERCE/arrest'],
    ['The army withdrew its troops from the valley.', '0874', 'RETREAT/withdraw'],
    ['The two factions agreed to a truce on Sunday.', '0356', 'AGREE'],
  ];
  for (const [text, cameo, plover] of cases) {
    const [h] = hits(text);
    assert.ok(h, text);
    assert.equal(h.cameo, cameo, text);
    assert.equal(h.mode ? `${h.type}/${h.mode}` : h.type, plover, text);
  }
});

test("patterns stay in the verb's clause", () => {
  // "said" has a pattern for a following "attack"; the attack here is another clause, with its own subject.
  assert.deepEqual(coded('Officials said militants attacked the base.'), ['attacked ASSAULT']);
  // "according to" is no verb, although wink tags "according" VERB.
  assert.deepEqual(coded('Four people were arrested, according to the police.'), ['arrested COERCE/arrest']);
});

test('words a pattern matched are not read as verbs again', () => {
  // "vowed ... attack" is a threat; the threatened "attack" is not also coded as an assault.
  assert.deepEqual(coded('The militia vowed to attack the bases.'), ['vowed THREATEN/violence']);
});

function packWith(edit: (verbs: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'verbs-pack-'));
  for (const f of ['pack.yaml', 'matching.yaml', 'cameo-plover.yaml']) copyFileSync(join(PACK, f), join(dir, f));
  writeFileSync(join(dir, 'verbs.yaml'), edit(readFileSync(join(PACK, 'verbs.yaml'), 'utf8')));
  return dir;
}

test('a malformed pack file is refused with the file, the entry and the reason', () => {
  const badMode = packWith((v) => v.replace('"plover":"ASSAULT/abduct"', '"plover":"ASSAULT/laser"'));
  assert.throws(() => loadVerbLexicon(badMode), /verbs\.yaml: entry blocks\.\d+ \(\w+\)\.\w+\.\d+.*: "laser" is not a mode of ASSAULT/);
  const badPattern = packWith((v) => v.replace('"pattern":"* &hostage"', '"pattern":"* &hostages"'));
  assert.throws(() => loadVerbLexicon(badPattern), /verbs\.yaml: entry blocks\.\d+ \(\w+\)\.patterns\.\d+: unknown synonym set &hostages/);
  const badShape = packWith((v) => v.replace('{"lemma":"kidnap",', '{"lemma":"kidnap","forms":[],"extra":1,'));
  assert.throws(() => loadVerbLexicon(badShape), /verbs\.yaml: entry blocks\.\d+ \(KIDNAP\)\.verbs\.\d+/);
  assert.throws(() => loadVerbLexicon(join(PACK, 'sources')), /not a verb pack/);
});

test('a hand-written YAML pack is read as well as the generated JSON, with the documented word rules', () => {
  const dir = packWith(() => [
    'modes: {ASSAULT: [abduct, aerial], COERCE: [arrest]}',
    'synsets:',
    '  hostage: [hostage, prisoner, captive]',
    'blocks:',
    '  - block: SEIZE',
    '    code: "171"',
    '    plover: COERCE',
    '    verbs:',
    '      - {lemma: grab, forms: [grab, grabs, grabbed, grabbing]}',
    '      - {lemma: nab, forms: [nab, nabbed], code: null, plover: null}',
    '    patterns:',
    '      - {pattern: "* &hostage", code: "181", plover: ASSAULT/abduct}',
    '      - {pattern: "* cooperat", code: "173", plover: COERCE/arrest}',
    '      - {pattern: "* aid", code: "173", plover: COERCE/arrest}',
    '      - {pattern: "* {peace talks} venue_", code: "173", plover: COERCE/arrest}',
    '',
  ].join('\n'));
  const own = loadVerbLexicon(dir);
  const run = (text: string): string[] => {
    const { tokens, sentences } = tokenize(text);
    return sentences.flatMap((s) => findVerbEvents(own, tokens, s, text)).map((h) => `${h.cameo} ${h.pattern}`);
  };
  assert.deepEqual(run('Gunmen grabbed two prisoners at dawn.'), ['181 * &hostage']);
  // A word of five letters or more is a stem; a shorter one takes only its plural.
  assert.deepEqual(run('Police grabbed the cooperation files.'), ['173 * cooperat']);
  assert.deepEqual(run('Police grabbed the aid trucks.'), ['173 * aid']);
  assert.deepEqual(run('Police grabbed the aide of the minister.'), ['171 null']);
  // {...} is consecutive words; "venue_" only the word itself.
  assert.deepEqual(run('Police grabbed the peace talks venue.'), ['173 * {peace talks} venue_']);
  assert.deepEqual(run('Police grabbed the peace venue talks.'), ['171 null']);
  assert.deepEqual(run('Police grabbed the peace talks venues.'), ['171 null']);
  // A verb's own null code: that verb alone is no event, although its block has a default.
  assert.deepEqual(run('Police nabbed a man.'), []);
});

test('verbs.yaml is what the converter makes of the committed source', () => {
  const out = mkdtempSync(join(tmpdir(), 'verbs-convert-'));
  execFileSync(process.execPath, ['--import', 'tsx', join(PACK, '../../scripts/convert-cameo-verbs.ts'), join(PACK, 'sources/CAMEO.2.0.txt'), out], { stdio: 'pipe' });
  assert.equal(readFileSync(join(out, 'verbs.yaml'), 'utf8'), readFileSync(join(PACK, 'verbs.yaml'), 'utf8'));
});

test('a light verb alone is no event; its patterns are', () => {
  for (const t of ['The factions have taken a clear position on the talks.', 'The minister gave a long speech in the square.', 'The delegation went home on Friday.']) {
    assert.deepEqual(coded(t), [], t);
  }
  // "* over &town": taking over a town is an assault.
  assert.deepEqual(coded('Rebels took over the town on Monday.'), ['took ASSAULT']);
});

test('a light verb\'s pattern of function words alone is no event', () => {
  assert.deepEqual(coded('The attack led to new strikes on the depots.'), []);
});

test('a pattern of function words alone counts only as the particle of a phrasal verb', () => {
  // OVERSEE_MANAGE's "* to" would make an order an intent to cooperate.
  assert.ok(!coded('The judge ordered the former minister to appear in court.').some((c) => c.startsWith('ordered AGREE')));
  assert.deepEqual(coded('The minister stepped down after the vote.'), ['stepped down RETREAT/resign']);
});
