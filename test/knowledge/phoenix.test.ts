// The actors generated from the PETRARCH2 Phoenix dictionaries (packs/world/actors-phoenix.yaml): the
// committed file is what the script makes, its names never shadow a curated one, and the real matcher finds
// world leaders, IGOs, NGOs and armed groups with their country while the curated names resolve as before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { actorCountry, createMatcher, findMentions, loadKnowledge, normalizeName } from '../../src/knowledge/index.ts';
import { curatedKnowledge } from '../../scripts/build-phoenix-actors.ts';
import { HAS_IRAQ, WORLD } from './helpers.ts';

const k = loadKnowledge();
const m = createMatcher(k);
const generated = [...k.actors.values()].filter((a) => a.id.startsWith('PHX_'));

/** [text, actor id, type, country] of each actor mention. */
function mentions(text: string, date?: string): [string, string, string, string | undefined][] {
  return findMentions(m, text, { date }).actors.map((x) => {
    const a = k.actors.get(x.actorId)!;
    return [x.text, a.id, a.type, actorCountry(a)];
  });
}

const SOURCES = join('..', 'shared', 'reference', 'phoenix-dictionaries');
const FILES = ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt', 'Phoenix.MilNonState.actors.txt'].map((f) => join(SOURCES, f));

test('the committed actors-phoenix.yaml is what the build script makes', { skip: !FILES.every(existsSync) && 'source data not on this machine' }, () => {
  const out = mkdtempSync(join(tmpdir(), 'tw-phoenix-'));
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-phoenix-actors.ts', ...FILES, out], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(join(out, 'actors-phoenix.yaml'), 'utf8'), readFileSync(join(WORLD, 'actors-phoenix.yaml'), 'utf8'));
});

test('generated actors: PHX_ ids, matched only as written, credited, and no name a curated pack already gives', () => {
  assert.ok(generated.length > 10_000, `${generated.length} generated actors`);
  const header = readFileSync(join(WORLD, 'actors-phoenix.yaml'), 'utf8').slice(0, 600);
  assert.match(header, /MIT/);
  assert.match(header, /Open Event Data Alliance/);
  assert.match(k.packs[0].credits ?? '', /Phoenix actor dictionaries/);
  const curated = new Set<string>();
  for (const a of k.actors.values()) {
    if (a.id.startsWith('PHX_')) continue;
    for (const n of [a.name, ...a.aliases, ...a.contextAliases, ...(a.demonyms ?? [])]) curated.add(normalizeName(n));
  }
  for (const o of k.offices.values()) for (const t of o.titles) curated.add(normalizeName(t));
  for (const p of k.places.values()) for (const n of [p.name, ...p.aliases]) curated.add(normalizeName(n));
  for (const a of generated) {
    assert.equal(a.fuzzy, false, a.id);
    assert.equal(a.pack, 'world', a.id);
    for (const n of [a.name, ...a.aliases]) {
      const key = normalizeName(n);
      assert.ok(!curated.has(key), `${a.id}: "${n}" is a curated name`);
      assert.ok(key.includes(' ') || key.length >= 5, `${a.id}: "${n}" is one short word`);
    }
  }
});

test('world leaders are people of their country, with or without title and demonym', () => {
  const mubarak = mentions('Egyptian President Hosni Mubarak said on Tuesday that the talks would resume.');
  assert.ok(mubarak.some(([text, id, type, country]) => /Hosni Mubarak$/.test(text) && id === 'PHX_HOSNI_MUBARAK' && type === 'person' && country === 'EGY'), JSON.stringify(mubarak));
  assert.deepEqual(mentions('Boris Yeltsin met Ryutaro Hashimoto.').map(([, , type, country]) => [type, country]), [['person', 'RUS'], ['person', 'JPN']]);
  // An international official speaks for the organisation the dictionary codes him with.
  assert.equal(k.actors.get('PHX_JAVIER_SOLANA')?.organisation, 'NATO');
});

test('international organisations, NGOs and armed groups by name', () => {
  assert.deepEqual(mentions('The Organization of African Unity called for a ceasefire.').map(([t, , type]) => [t, type]), [['Organization of African Unity', 'igo']]);
  assert.deepEqual(mentions('Amnesty International said the detainees were tortured.').map(([t, , type]) => [t, type]), [['Amnesty International', 'ngo']]);
  assert.deepEqual(mentions('Boko Haram fighters attacked the town.').map(([t, , type, c]) => [t, type, c]), [['Boko Haram', 'armed_group', 'NGA']]);
  assert.deepEqual(mentions('The Liberation Tigers of Tamil Eelam rejected the offer.').map(([t, , type, c]) => [t, type, c]), [['Liberation Tigers of Tamil Eelam', 'armed_group', 'LKA']]);
  // Names made of ordinary words match only capitalised; a country or a place is no generated actor.
  assert.deepEqual(mentions('The Shining Path struck; the shining path of reform went on.').map(([t]) => t), ['Shining Path']);
  assert.ok(!generated.some((a) => [a.name, ...a.aliases].some((n) => ['afghanistan', 'kabul', 'baghdad'].includes(normalizeName(n)))));
});

test('curated names resolve exactly as before: the generated file changes none of them in the samples', { skip: !HAS_IRAQ && 'no theatre pack' }, () => {
  const before = createMatcher(curatedKnowledge());
  const samples = join('samples');
  for (const f of readdirSync(samples).filter((n) => n.endsWith('.txt'))) {
    const text = readFileSync(join(samples, f), 'utf8');
    const curatedOnly = (ms: { actorId: string }[]) => ms.filter((x) => !x.actorId.startsWith('PHX_'));
    assert.deepEqual(curatedOnly(findMentions(m, text, { date: '2024-02-01' }).actors), findMentions(before, text, { date: '2024-02-01' }).actors, f);
  }
  assert.deepEqual(mentions('Kataib Hezbollah denied it; Hezbollah said the strike was an escalation.').map(([t, id]) => [t, id]), [
    ['Kataib Hezbollah', 'KATAIB_HEZBOLLAH'],
    ['Hezbollah', 'KATAIB_HEZBOLLAH'],
  ]);
  assert.deepEqual(mentions('Hezbollah fired rockets from southern Lebanon.').map(([t, id]) => [t, id]), [['Hezbollah', 'LEBANESE_HEZBOLLAH'], ['Lebanon', 'LBN']]);
  assert.deepEqual(mentions('Prime Minister Mohammed Shia al-Sudani met the envoy; al-Sudani said talks would go on.', '2024-02-01').map(([t, id]) => [t, id]), [
    ['Prime Minister', 'MOHAMMED_SHIA_AL_SUDANI'],
    ['Mohammed Shia al-Sudani', 'MOHAMMED_SHIA_AL_SUDANI'],
    ['al-Sudani', 'MOHAMMED_SHIA_AL_SUDANI'],
  ]);
});
