// The pack loader: layering, extend, defaults, and one test per kind of PackError.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PackError, defaultPackDirs, loadKnowledge, loadPacks } from '../../src/knowledge/index.ts';
import { HAS_IRAQ } from './helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'tw-packs-'));
let n = 0;

/** Writes a pack folder; `files` maps file names to YAML text. pack.yaml is added unless given. */
function pack(files: Record<string, string>, name = `p${++n}`): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  if (!('pack.yaml' in files)) writeFileSync(join(dir, 'pack.yaml'), `name: ${name}\nversion: 1\ndescription: test\n`);
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return dir;
}

const BASE = pack({
  'actors.yaml': `
- { id: AAA, name: Alphaland, type: state, aliases: [Alpha], demonyms: [Alphan] }
- { id: AAA_GOV, name: Alpha Government, type: government_body, country: AAA }
- { id: GROUP_ONE, name: Group One, type: armed_group, country: AAA, aliases: [First Group], member_of: [{ id: AAA_GOV, from: "2014", to: "2020-05" }] }
`,
  'places.yaml': `
- { id: AAA, name: Alphaland, type: country, iso3: AAA, lat: 10, lon: 20 }
- { id: AAA_NORTH, name: North Province, type: province, parent: AAA }
`,
  'offices.yaml': `- { id: AAA_PM, org: AAA_GOV, titles: [Prime Minister] }\n`,
}, 'base');

/** Loads BASE then a pack made of `files`, and expects a PackError naming the file, the entry and the reason. */
function expectError(files: Record<string, string>, file: string, entry: string | null, reason: RegExp): void {
  const dir = pack(files);
  assert.throws(
    () => loadPacks([BASE, dir]),
    (e: unknown) => {
      assert.ok(e instanceof PackError, `expected a PackError, got ${String(e)}`);
      assert.equal(basename(e.file), file);
      assert.ok(e.file.startsWith(dir), `error names the file of the faulty pack: ${e.file}`);
      if (entry !== null) assert.match(e.message, new RegExp(`entry ${entry}\\b`));
      assert.match(e.message, reason);
      return true;
    },
  );
}

test('a later pack adds entries and extends earlier ones (aliases, context aliases, memberships)', () => {
  const later = pack({
    'actors.yaml': `
- { id: AAA, extend: true, aliases: [The Alpha Republic], demonyms: [Alphanese] }
- { id: GROUP_ONE, extend: true, context_aliases: [the Ones], member_of: [{ id: GROUP_TWO }] }
- { id: GROUP_TWO, name: Group Two, type: umbrella_group }
`,
    'places.yaml': `- { id: AAA_NORTH, extend: true, aliases: [the North] }\n`,
  });
  const k = loadPacks([BASE, later]);
  assert.deepEqual(k.actors.get('AAA')!.aliases, ['Alpha', 'The Alpha Republic']);
  assert.deepEqual(k.actors.get('AAA')!.demonyms, ['Alphan', 'Alphanese']);
  assert.deepEqual(k.actors.get('GROUP_ONE')!.contextAliases, ['the Ones']);
  assert.deepEqual(k.actors.get('GROUP_ONE')!.memberOf.map((m) => m.id), ['AAA_GOV', 'GROUP_TWO']);
  assert.equal(k.actors.get('GROUP_TWO')!.pack, basename(later));
  assert.deepEqual(k.places.get('AAA_NORTH')!.aliases, ['the North']);
  assert.deepEqual(k.packs.map((p) => p.name), ['base', basename(later)]);
  // Order matters: an extension before the pack it extends is an error.
  assert.throws(() => loadPacks([later, BASE]), (e: unknown) => e instanceof PackError && /extends unknown actor "AAA"/.test(e.message));
});

test('an empty list file and a missing optional file are fine; matching.yaml lists are merged', () => {
  const dir = pack({ 'actors.yaml': '', 'matching.yaml': 'force_nouns: [troops]\ncommon_words: [said]\ncoref_window: 300\n' });
  const k = loadPacks([BASE, dir]);
  assert.equal(k.actors.size, 3);
  assert.deepEqual(k.matching!.forceNouns, ['troops']);
  assert.equal(k.matching!.corefWindow, 300);
});

test('actors-*.yaml beside actors.yaml are read after it, in name order, as one pack; fuzzy: false is kept', () => {
  const dir = pack({
    'actors-b.yaml': '- { id: FROM_B, name: Bravo Front, type: armed_group, fuzzy: false }\n',
    'actors-a.yaml': '- { id: FROM_A, name: Alpha Front, type: armed_group, aliases: [Alpha Movement] }\n',
    'actors.yaml': '- { id: HAND_WRITTEN, name: Charlie Front, type: armed_group }\n',
    'actorsnot.txt': 'not a pack file',
  });
  const k = loadPacks([BASE, dir]);
  assert.deepEqual([...k.actors.keys()].slice(3), ['HAND_WRITTEN', 'FROM_A', 'FROM_B']);
  assert.equal(k.actors.get('FROM_B')!.fuzzy, false);
  assert.equal(k.actors.get('FROM_A')!.fuzzy, undefined);
  // Files of one pack share its rules: an alias names one actor across them, and errors name the file.
  expectError({ 'actors.yaml': '- { id: ONE_X, name: Xray Front, type: armed_group }\n', 'actors-gen.yaml': '- { id: TWO_X, name: Xray Front, type: armed_group }\n' },
    'actors-gen.yaml', 'TWO_X', /already names ONE_X/);
  expectError({ 'actors-gen.yaml': '- { id: FUZZY_X, name: X, type: ngo, fuzzy: maybe }\n' }, 'actors-gen.yaml', 'FUZZY_X', /field "fuzzy"/);
});

test('unknown field', () => {
  expectError({ 'actors.yaml': '- { id: X_ONE, name: X, type: armed_group, aliasses: [Y] }\n' }, 'actors.yaml', 'X_ONE', /unknown field "aliasses"/);
  expectError({ 'actors.yaml': '- { id: AAA, extend: true, name: Renamed }\n' }, 'actors.yaml', 'AAA', /unknown field "name"/);
  expectError({ 'pack.yaml': 'name: p\nversion: 1\nauthor: me\n' }, 'pack.yaml', null, /unknown field "author"/);
});

test('bad type or value', () => {
  expectError({ 'actors.yaml': '- { id: X_TWO, name: X, type: warlord }\n' }, 'actors.yaml', 'X_TWO', /field "type"/);
  expectError({ 'actors.yaml': '- { id: X_THREE, name: X, type: armed_group, aliases: Kataib }\n' }, 'actors.yaml', 'X_THREE', /field "aliases"/);
  expectError({ 'places.yaml': '- { id: P_ONE, name: P, type: town, lat: north, lon: 3 }\n' }, 'places.yaml', 'P_ONE', /field "lat"/);
  expectError({ 'actors.yaml': '- { id: lower_case, name: X, type: person }\n' }, 'actors.yaml', 'lower_case', /UPPER_SNAKE/);
  expectError({ 'actors.yaml': '- { name: No Id, type: person }\n' }, 'actors.yaml', '#1', /field "id"/);
  expectError({ 'actors.yaml': 'id: NOT_A_LIST\n' }, 'actors.yaml', null, /must be a YAML list/);
  expectError({ 'actors.yaml': '- { id: BROKEN, name: [unclosed\n' }, 'actors.yaml', null, /not valid YAML at line \d+/);
});

test('dangling references to unknown actors, offices, places and countries', () => {
  expectError({ 'actors.yaml': '- { id: X_FOUR, name: X, type: armed_group, member_of: [{ id: NOBODY }] }\n' }, 'actors.yaml', 'X_FOUR', /member_of refers to unknown actor id "NOBODY"/);
  expectError({ 'actors.yaml': '- { id: X_FIVE, name: X, type: person, offices: [{ office: NO_OFFICE }] }\n' }, 'actors.yaml', 'X_FIVE', /unknown office id "NO_OFFICE"/);
  expectError({ 'actors.yaml': '- { id: X_SIX, name: X, type: armed_group, country: ZZZ }\n' }, 'actors.yaml', 'X_SIX', /country refers to unknown country .*"ZZZ"/);
  expectError({ 'actors.yaml': '- { id: X_SEVEN, name: X, type: state_force, forces_of: GROUP_ONE }\n' }, 'actors.yaml', 'X_SEVEN', /forces_of refers to unknown country/);
  expectError({ 'actors.yaml': '- { id: X_EIGHT, name: X, type: umbrella_group, proxies_of: NOWHERE_LAND }\n' }, 'actors.yaml', 'X_EIGHT', /proxies_of refers to unknown country/);
  expectError({ 'offices.yaml': '- { id: O_ONE, org: NO_ORG, titles: [Chief] }\n' }, 'offices.yaml', 'O_ONE', /org refers to unknown actor id "NO_ORG"/);
  expectError({ 'places.yaml': '- { id: P_TWO, name: P, type: town, parent: NOWHERE }\n' }, 'places.yaml', 'P_TWO', /parent refers to unknown place id "NOWHERE"/);
  expectError({ 'reference-events.yaml': '- { id: R_ONE, name: R, date: "2020-01-03", actors: [GHOST], cues: [killed] }\n' }, 'reference-events.yaml', 'R_ONE', /unknown actor id "GHOST"/);
  expectError({ 'places.yaml': '- { id: P_THREE, extend: true, aliases: [x] }\n' }, 'places.yaml', 'P_THREE', /extends unknown place/);
});

test('duplicate ids across packs and within a file, duplicate aliases within a pack', () => {
  const dir = pack({ 'actors.yaml': '- { id: GROUP_ONE, name: Again, type: armed_group }\n' });
  assert.throws(
    () => loadPacks([BASE, dir]),
    (e: unknown) => e instanceof PackError && e.message.includes(join(dir, 'actors.yaml')) && e.message.includes(join(BASE, 'actors.yaml')) && /duplicate actor id "GROUP_ONE"/.test(e.message),
  );
  expectError({ 'places.yaml': '- { id: P_FOUR, name: A, type: town }\n- { id: P_FOUR, name: B, type: town }\n' }, 'places.yaml', 'P_FOUR', /duplicate place id/);
  expectError({ 'actors.yaml': '- { id: X_EIGHT, name: X, type: person, aliases: [Abu Ali] }\n- { id: X_NINE, name: Y, type: person, aliases: ["abu-ali"] }\n' }, 'actors.yaml', 'X_NINE', /alias "abu-ali" already names X_EIGHT/);
  const again = pack({ 'pack.yaml': 'name: base\nversion: 1\n' });
  assert.throws(() => loadPacks([BASE, again]), (e: unknown) => e instanceof PackError && /pack name "base" is already used/.test(e.message));
});

test('bad date bounds', () => {
  expectError({ 'actors.yaml': '- { id: X_TEN, name: X, type: armed_group, member_of: [{ id: AAA_GOV, from: "2024-13" }] }\n' }, 'actors.yaml', 'X_TEN', /field "member_of.0.from": date must be/);
  expectError({ 'actors.yaml': '- { id: X_ELEVEN, name: X, type: person, offices: [{ office: AAA_PM, from: "2023-02-30" }] }\n' }, 'actors.yaml', 'X_ELEVEN', /date must be/);
  expectError({ 'actors.yaml': '- { id: X_TWELVE, name: X, type: person, offices: [{ office: AAA_PM, from: "2022-10", to: "2020" }] }\n' }, 'actors.yaml', 'X_TWELVE', /from 2022-10 is after to 2020/);
  expectError({ 'reference-events.yaml': '- { id: R_TWO, name: R, date: "3 January 2020", actors: [AAA], cues: [x] }\n' }, 'reference-events.yaml', 'R_TWO', /date must be/);
});

test('coordinates out of range, or half given', () => {
  expectError({ 'places.yaml': '- { id: P_FIVE, name: P, type: town, lat: 95, lon: 10 }\n' }, 'places.yaml', 'P_FIVE', /latitude must be within -90..90/);
  expectError({ 'places.yaml': '- { id: P_SIX, name: P, type: town, lat: 10, lon: 200 }\n' }, 'places.yaml', 'P_SIX', /longitude must be within -180..180/);
  expectError({ 'places.yaml': '- { id: P_SEVEN, name: P, type: town, lat: 10 }\n' }, 'places.yaml', 'P_SEVEN', /both lat and lon/);
});

test('parent loops, a missing pack.yaml and a missing folder', () => {
  expectError({ 'places.yaml': '- { id: P_A, name: A, type: town, parent: P_B }\n- { id: P_B, name: B, type: town, parent: P_A }\n' }, 'places.yaml', 'P_A', /loops/);
  const noMeta = join(root, 'no-meta');
  mkdirSync(noMeta);
  assert.throws(() => loadPacks([noMeta]), (e: unknown) => e instanceof PackError && e.file === join(noMeta, 'pack.yaml') && /needs a pack.yaml/.test(e.message));
  assert.throws(() => loadPacks([join(root, 'absent')]), (e: unknown) => e instanceof PackError && /pack folder not found/.test(e.message));
});

test('default packs: world first, then theatre packs, never the lexicon or verb packs; --pack folders last', () => {
  const dirs = defaultPackDirs();
  assert.equal(basename(dirs[0]), 'world');
  assert.ok(!dirs.some((d) => basename(d) === 'lexicon' || basename(d) === 'verbs'));
  if (HAS_IRAQ) assert.equal(basename(dirs[1]), 'iraq');
  const extra = pack({ 'actors.yaml': '- { id: TEST_EXTRA_GROUP, name: Extra Group Test, type: armed_group, country: IRQ }\n' });
  const k = loadKnowledge([extra]);
  assert.equal(k.packs[0].name, 'world');
  assert.equal(k.packs[k.packs.length - 1].name, basename(extra));
  assert.equal(k.actors.get('TEST_EXTRA_GROUP')!.country, 'IRQ');
});

test('a place\'s hosts must be actors the packs define', () => {
  expectError({ 'places.yaml': '- { id: P_BASE, name: Base, type: base, hosts: [NOBODY] }\n' }, 'places.yaml', 'P_BASE', /hosts refers to unknown actor id "NOBODY"/);
});
