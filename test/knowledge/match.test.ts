// Mentions in text: exact offsets, case and punctuation rules, context, offices, composition, coreference, fuzzy guards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { createMatcher, findMentions, findNames, loadPacks, mentionsOn, type Matcher } from '../../src/knowledge/index.ts';
import { FIXTURE, WORLD, testKnowledge } from './helpers.ts';

const m = createMatcher(testKnowledge());

/** [text, actorId, via] of each actor mention. */
function actors(text: string, date?: string, matcher: Matcher = m): [string, string, string][] {
  return findMentions(matcher, text, { date }).actors.map((a) => [a.text, a.actorId, a.via]);
}
function places(text: string): [string, string][] {
  return findMentions(m, text).places.map((p) => [p.text, p.placeId]);
}

test('every mention is the exact substring at its offsets, articles included', () => {
  const text = 'On Monday, al-Sudani met the U.S. Secretary of State in Baghdad; Kata\u2019ib Hezbollah and al-Nujaba Movement fighters at Ain al-Asad (Al-Anbar Governorate) said Jordan\'s army was ready.';
  const r = findMentions(m, text, { date: '2023-05-01' });
  for (const x of [...r.actors, ...r.places]) assert.equal(text.slice(x.start, x.end), x.text);
  assert.deepEqual(actors(text, '2023-05-01'), [
    ['al-Sudani', 'MOHAMMED_SHIA_AL_SUDANI', 'alias'],
    ['U.S. Secretary of State', 'ANTONY_BLINKEN', 'office'],
    ['Kata\u2019ib Hezbollah', 'KATAIB_HEZBOLLAH', 'alias'],
    ['al-Nujaba Movement', 'NUJABA', 'alias'],
    ["Jordan's army", 'JOR', 'alias'],
  ]);
  // "U.S." inside "U.S. Secretary of State" and "Jordan" inside "Jordan's army" are parts of actor names, not locations.
  assert.deepEqual(places(text), [
    ['Baghdad', 'IRQ_CITY_BAGHDAD'],
    ['Ain al-Asad', 'IRQ_AIN_AL_ASAD'],
    ['Al-Anbar Governorate', 'IRQ_ANBAR'],
  ]);
});

test('offsets stay exact and nothing throws on arbitrary text', () => {
  const words = ['Iraq', 'Iraqi', 'forces', 'US', 'us', 'al-', 'Hezbollah', 'Kattayib', 'the group', 'Prime Minister', ',', '.', '"', '\n', ' ', 'Ain', 'Asad', 'é', '\u2019s', 'Anbar'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...words), { maxLength: 40 }), fc.string({ maxLength: 20 }), (parts, noise) => {
      const text = parts.join(' ') + noise;
      const r = findMentions(m, text, { date: '2021-01-01' });
      for (const x of [...r.actors, ...r.places]) {
        assert.equal(text.slice(x.start, x.end), x.text);
        assert.ok(x.start < x.end);
      }
    }),
    { numRuns: 300 },
  );
});

test('a place name shared by two countries means the one of the document\'s country', () => {
  // Natural Earth has an "Al Jawf" province in both Saudi Arabia and Yemen.
  assert.deepEqual(places('Houthi fighters in Yemen attacked Al Jawf.'), [['Yemen', 'YEM'], ['Al Jawf', 'YEM_JAWF']]);
  assert.deepEqual(places('Saudi Arabia reinforced Al Jawf.'), [['Saudi Arabia', 'SAU'], ['Al Jawf', 'SAU_JOWF']]);
});

test('case: acronyms only in capitals, one-word names only capitalised', () => {
  assert.deepEqual(actors('Tell us about it.'), []);
  assert.deepEqual(actors('The US said.'), [['US', 'USA', 'alias']]);
  assert.deepEqual(actors('We ate turkey. Turkey objected.'), [['Turkey', 'TUR', 'alias']]);
});

test('names do not run across commas, quotes or sentence ends; a longer name starting inside wins', () => {
  // "Iraqi forces" composes, "Iraqi. Forces" does not.
  assert.deepEqual(actors('Iraqi forces moved.'), [['Iraqi forces', 'IRAQ_SECURITY_FORCES', 'alias']]);
  assert.deepEqual(actors('He is Iraqi. Forces moved.'), []);
  assert.deepEqual(actors('Hezbollah, Brigades'), []);
  assert.deepEqual(actors('under the umbrella of the Islamic Resistance in Iraq today'), [['Islamic Resistance in Iraq', 'ISLAMIC_RESISTANCE_IN_IRAQ', 'alias']]);
});

test('a name inside a longer place name is part of it; a country in its own region still names the state', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'tw-nested-')), 'airport');
  mkdirSync(dir);
  writeFileSync(join(dir, 'pack.yaml'), 'name: test-nested\nversion: 1\n');
  // "Baghdad" also stands for the government that sits there, as analysts' packs write it.
  writeFileSync(join(dir, 'actors.yaml'), '- { id: TEST_BAGHDAD_GOV, name: Test Baghdad Government, type: government_body, country: IRQ, aliases: [Baghdad] }\n');
  writeFileSync(join(dir, 'places.yaml'), '- { id: TEST_BAGHDAD_AIRPORT, name: Baghdad airport, type: base, parent: IRQ_CITY_BAGHDAD }\n');
  const nested = createMatcher(loadPacks([WORLD, FIXTURE, dir]));
  assert.deepEqual(actors('Rockets struck Baghdad airport on Monday.', undefined, nested), []);
  assert.deepEqual(findMentions(nested, 'Rockets struck Baghdad airport on Monday.').places.map((p) => p.placeId), ['TEST_BAGHDAD_AIRPORT']);
  assert.deepEqual(actors('Baghdad rejected the claim.', undefined, nested), [['Baghdad', 'TEST_BAGHDAD_GOV', 'alias']]);
  assert.deepEqual(actors('Israel invaded South Lebanon.'), [['Israel', 'ISR', 'alias'], ['Lebanon', 'LBN', 'alias']]);
});

test('context aliases: the document decides which Hezbollah', () => {
  assert.deepEqual(actors('Kataib Hezbollah fired. Later Hezbollah denied it.').map((a) => a[1]), ['KATAIB_HEZBOLLAH', 'KATAIB_HEZBOLLAH']);
  assert.deepEqual(actors('Lebanese Hezbollah fired. Later Hezbollah denied it.').map((a) => a[1]), ['LEBANESE_HEZBOLLAH', 'LEBANESE_HEZBOLLAH']);
  // Both named: the country of the document breaks the tie.
  assert.deepEqual(actors('Kataib Hezbollah and Lebanese Hezbollah met in Beirut, Lebanon. Hezbollah hosted.').map((a) => a[1]).slice(-1), ['LEBANESE_HEZBOLLAH']);
  // Only membership links it: the Islamic Resistance in Iraq is Kataib Hezbollah's umbrella from 2023-10.
  assert.deepEqual(actors('The Islamic Resistance in Iraq and Hezbollah.', '2024-01-01').map((a) => a[1]), ['ISLAMIC_RESISTANCE_IN_IRAQ', 'KATAIB_HEZBOLLAH']);
  assert.deepEqual(actors('Hezbollah spoke.'), []);
});

test('office titles resolve to the holder on the date, else to the office body', () => {
  const said = 'The Prime Minister said so.';
  assert.deepEqual(actors(said, '2019-06-01'), [['Prime Minister', 'ADIL_ABDUL_MAHDI', 'office']]);
  assert.deepEqual(actors(said, '2021-06-01'), [['Prime Minister', 'MUSTAFA_AL_KADHIMI', 'office']]);
  assert.deepEqual(actors(said, '2024-06-01'), [['Prime Minister', 'MOHAMMED_SHIA_AL_SUDANI', 'office']]);
  // A month date overlapping a hand-over picks whoever took office last.
  assert.deepEqual(actors(said, '2022-10'), [['Prime Minister', 'MOHAMMED_SHIA_AL_SUDANI', 'office']]);
  assert.deepEqual(actors(said, '2021-01-01/2021-02-01'), [['Prime Minister', 'MUSTAFA_AL_KADHIMI', 'office']]);
  assert.deepEqual(actors(said), [['Prime Minister', 'IRAQ_GOV', 'office']]);
  assert.throws(() => findMentions(m, said, { date: 'last Tuesday' }), /date "last Tuesday" is not/);
  assert.deepEqual(actors('the American Secretary of State', '2020-02-01'), [['American Secretary of State', 'MIKE_POMPEO', 'office']]);
});

test('a title before a name is that person\'s, or its body\'s when the name is another\'s or the title goes on', () => {
  // Kadhimi held the office in 2021: the title before Abdul-Mahdi's name is Abdul-Mahdi's.
  assert.deepEqual(actors('Former Prime Minister Adil Abdul-Mahdi said so.', '2021-06-01').map((a) => a[1]), ['ADIL_ABDUL_MAHDI', 'ADIL_ABDUL_MAHDI']);
  assert.deepEqual(actors('Prime Minister Ahmed Someone said so.', '2021-06-01').map((a) => a[1]), ['IRAQ_GOV']);
  assert.deepEqual(actors('The Prime Minister spokesman said so.', '2021-06-01').map((a) => a[1]), ['IRAQ_GOV']);
  // The holder's own name, even inside a longer name.
  assert.deepEqual(actors('Prime Minister Mustafa al-Kadhimi said so.', '2021-06-01').map((a) => a[1]), ['MUSTAFA_AL_KADHIMI', 'MUSTAFA_AL_KADHIMI']);
});

test('names found once resolve on any date as a fresh search on that date does', () => {
  const text = 'The Prime Minister met Kataib Hezbollah in Baghdad; Hezbollah and the Islamic Resistance in Iraq said the group would answer.';
  const names = findNames(m, text);
  for (const date of [null, '2019-06-01', '2021-01-01/2021-02-01', '2024-01-01', '2024']) {
    assert.deepEqual(mentionsOn(names, { date }), findMentions(m, text, { date }));
  }
  assert.throws(() => mentionsOn(names, { date: 'last Tuesday' }), /date "last Tuesday" is not/);
});

test('a title shared by two countries\' offices resolves by the document\'s country', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'tw-office-')), 'israel');
  mkdirSync(dir);
  writeFileSync(join(dir, 'pack.yaml'), 'name: test-israel\nversion: 1\n');
  writeFileSync(join(dir, 'actors.yaml'), '- { id: TEST_ISRAELI_PM_PERSON, name: Test Israeli Premier, type: person, offices: [{ office: TEST_ISRAEL_PM, from: "2022-12" }] }\n');
  writeFileSync(join(dir, 'offices.yaml'), '- { id: TEST_ISRAEL_PM, org: ISR, titles: [Prime Minister] }\n');
  const both = createMatcher(loadPacks([WORLD, FIXTURE, dir]));
  assert.deepEqual(actors('In Israel, the Prime Minister spoke to Israeli media.', '2024-01-01', both), [
    ['Israel', 'ISR', 'alias'],
    ['Prime Minister', 'TEST_ISRAELI_PM_PERSON', 'office'],
  ]);
  assert.deepEqual(actors('Iraqi parties said the Prime Minister met the Iraqi government.', '2024-01-01', both).map((a) => a[1]), ['MOHAMMED_SHIA_AL_SUDANI', 'IRAQ_GOV']);
  assert.deepEqual(actors('The Prime Minister spoke.', '2024-01-01', both), []);
});

test('composition: "<country>-backed <proxy noun>" and "pro-<country> <proxy noun>" name that country\'s proxies', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tw-proxies-'));
  writeFileSync(join(dir, 'pack.yaml'), 'name: test-proxies\nversion: 1\n');
  writeFileSync(join(dir, 'actors.yaml'), '- { id: TEST_PROXIES, name: Test proxy collective, type: umbrella_group, proxies_of: IRN }\n');
  const proxies = createMatcher(loadPacks([WORLD, dir]));
  assert.deepEqual(actors('Iran-backed armed factions, Iranian-aligned Iraqi militias and pro-Iranian groups attacked.', undefined, proxies), [
    ['Iran-backed armed factions', 'TEST_PROXIES', 'alias'],
    ['Iranian-aligned Iraqi militias', 'TEST_PROXIES', 'alias'],
    ['pro-Iranian groups', 'TEST_PROXIES', 'alias'],
  ]);
  // After the noun: "armed groups linked to Iran", "militias backed by Iran".
  assert.deepEqual(actors('Officials blamed armed groups linked to Iran and militias backed by Iran.', undefined, proxies), [
    ['armed groups linked to Iran', 'TEST_PROXIES', 'alias'],
    ['militias backed by Iran', 'TEST_PROXIES', 'alias'],
  ]);
  // Without a collective for the country, the country alone is named.
  assert.deepEqual(actors('Iran-backed armed factions attacked.', undefined, createMatcher(loadPacks([WORLD]))).map((a) => a[1]), ['IRN']);
});

test('composition: a country name or demonym and a force noun is that country\'s force', () => {
  assert.deepEqual(actors('American soldiers and US troops and U.S. military personnel'), [
    ['American soldiers', 'US_FORCES', 'alias'],
    ['US troops', 'US_FORCES', 'alias'],
    ['U.S. military personnel', 'US_FORCES', 'alias'],
  ]);
  // Of Iraq's two forces, the first whose names contain the noun; "Iraqi army" is an alias.
  assert.deepEqual(actors('Iraqi security forces and the Iraqi army'), [
    ['Iraqi security forces', 'IRAQ_SECURITY_FORCES', 'alias'],
    ['Iraqi army', 'IRAQ_SECURITY_FORCES', 'alias'],
  ]);
  // No pack defines Iran's forces here: the state itself acts; "Iranian" alone is no actor.
  assert.deepEqual(actors('Iranian forces crossed.'), [['Iranian forces', 'IRN', 'alias']]);
  assert.deepEqual(actors('An Iranian delegation and an Iranian carpet.'), [['Iranian delegation', 'IRN', 'alias']]);
});

test('composition: a country or demonym and an agent noun is the state; coordinated demonyms share the noun', () => {
  // A made-up surname: the world pack knows real presidents ("Russian President Yeltsin" is Boris Yeltsin).
  assert.deepEqual(actors('Senior Hungarian and Romanian officials met Russian President Petrovsky and the Turkish side.'), [
    ['Hungarian', 'HUN', 'alias'],
    ['Romanian officials', 'ROU', 'alias'],
    ['Russian President', 'RUS', 'alias'],
    ['Turkish side', 'TUR', 'alias'],
  ]);
  // Without an agent noun after it, "and" joins nothing: "Hungarian and Romanian wines" names no actor.
  assert.deepEqual(actors('Hungarian and Romanian wines'), []);
});

test('coreference: "the group" is the nearest preceding armed group within the window', () => {
  assert.deepEqual(actors('Kataib Hezbollah struck. The group said it would go on.'), [
    ['Kataib Hezbollah', 'KATAIB_HEZBOLLAH', 'alias'],
    ['The group', 'KATAIB_HEZBOLLAH', 'coref'],
  ]);
  // The nearest armed group wins; a government is not an antecedent of "the group".
  assert.deepEqual(actors('Kataib Hezbollah and the Nujaba Movement spoke. The Iraqi government objected. The movement said no.').slice(-1), [['The movement', 'NUJABA', 'coref']]);
  assert.deepEqual(actors('The Iraqi government spoke. The group said no.'), [['Iraqi government', 'IRAQ_GOV', 'alias']]);
  // A plural stands for a collective ("the factions"), not for one group.
  const dir = mkdtempSync(join(tmpdir(), 'tw-collective-'));
  writeFileSync(join(dir, 'pack.yaml'), 'name: test-collective\nversion: 1\n');
  writeFileSync(join(dir, 'actors.yaml'), '- { id: TEST_COLLECTIVE, name: Test armed factions, type: umbrella_group }\n');
  const collective = createMatcher(loadPacks([WORLD, FIXTURE, dir]));
  assert.deepEqual(actors('Kataib Hezbollah and the Test armed factions spoke. The factions said no.', undefined, collective).slice(-1), [['The factions', 'TEST_COLLECTIVE', 'coref']]);
  assert.deepEqual(actors('Kataib Hezbollah spoke. The factions said no.'), [['Kataib Hezbollah', 'KATAIB_HEZBOLLAH', 'alias']]);
  const far = `Kataib Hezbollah struck. ${'Nothing else happened that day. '.repeat(30)}The group said.`;
  assert.deepEqual(actors(far).map((a) => a[2]), ['alias']);
});

test('fuzzy matching finds unseen transliterations, with guards', () => {
  assert.deepEqual(actors('Kattayib Hizballah fired.'), [['Kattayib Hizballah', 'KATAIB_HEZBOLLAH', 'fuzzy']]);
  assert.deepEqual(actors('Mustafa al-Kazimi spoke.'), [['Mustafa al-Kazimi', 'MUSTAFA_AL_KADHIMI', 'fuzzy']]);
  // Near-misses and lower case never match fuzzily.
  assert.deepEqual(actors('On Sunday, Sudanese students visited Sudan.'), [['Sudan', 'SDN', 'alias']]);
  assert.deepEqual(actors('kattayib hizballah'), []);
  assert.deepEqual(places('Bashar al-Assad said.'), []);
});

test('fuzzy: false names match only as written: no spelling variant, and capitalised words only capitalised', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tw-exact-'));
  writeFileSync(join(dir, 'pack.yaml'), 'name: exact\nversion: 1\n');
  writeFileSync(join(dir, 'actors.yaml'), `
- { id: LISTED, name: Red Line Brigade, type: armed_group, aliases: [Kattayib Sayf], fuzzy: false }
- { id: CURATED, name: Kataib Sayyid, type: armed_group }
`);
  const exact = createMatcher(loadPacks([WORLD, dir]));
  assert.deepEqual(actors('The Red Line Brigade and Kattayib Sayf fired.', undefined, exact), [['Red Line Brigade', 'LISTED', 'alias'], ['Kattayib Sayf', 'LISTED', 'alias']]);
  // Lower case: a red line is no group. A misspelling finds the curated name, never the listed one.
  assert.deepEqual(actors('They crossed a red line brigade by brigade.', undefined, exact), []);
  assert.deepEqual(actors('Kattayib Sayyid fired.', undefined, exact), [['Kattayib Sayyid', 'CURATED', 'fuzzy']]);
  assert.deepEqual(actors('Red Lyne Brigade fired.', undefined, exact), []);
});

test('a demonym in the plural, used as a noun, names the state', () => {
  const named = (text: string, name: string) => actors(text).filter(([t]) => t === name).map(([, id]) => id);
  assert.deepEqual(named('The Brigades announced a halt to attacks against Americans.', 'Americans'), ['USA']);
  assert.deepEqual(named('British aircraft killed 4 Iraqis in Basra.', 'Iraqis'), ['IRQ']);
});
