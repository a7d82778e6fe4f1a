// Checks the iraq knowledge pack's data on its own terms (counts, ids, references, coordinates,
// office terms, dates), then loads it with the real loader when that exists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { normalizeName } from '../../src/knowledge/normalize.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PACK = join(ROOT, 'packs', 'iraq');
const WORLD = join(ROOT, 'packs', 'world');

interface Term { id?: string; office?: string; from?: string; to?: string }
interface ActorRow {
  id: string; extend?: boolean; name?: string; type?: string; country?: string; forces_of?: string;
  aliases?: string[]; context_aliases?: string[]; member_of?: Term[]; offices?: Term[]; organisation?: string; role?: string;
}
interface OfficeRow { id: string; org: string; titles: string[] }
interface PlaceRow { id: string; extend?: boolean; name?: string; type?: string; parent?: string; aliases?: string[]; lat?: number; lon?: number }
interface EventRow { id: string; name: string; date: string; actors: string[]; cues: string[] }

function list<T>(dir: string, file: string): T[] {
  const path = join(dir, file);
  if (!existsSync(path)) return [];
  const data: unknown = parse(readFileSync(path, 'utf8'));
  assert.ok(Array.isArray(data), `${path} must be a YAML list`);
  return data as T[];
}

const actors = list<ActorRow>(PACK, 'actors.yaml');
const offices = list<OfficeRow>(PACK, 'offices.yaml');
const places = list<PlaceRow>(PACK, 'places.yaml');
const events = list<EventRow>(PACK, 'reference-events.yaml');
const defined = actors.filter((a) => a.extend !== true);
const people = defined.filter((a) => a.type === 'person');
const ownPlaces = places.filter((p) => p.extend !== true);

// Ids the world pack owns by the shared naming rule, so that this test stands even before packs/world is written.
const WORLD_PROVINCES = [
  'IRQ_ANBAR', 'IRQ_BABIL', 'IRQ_BAGHDAD', 'IRQ_BASRA', 'IRQ_DHI_QAR', 'IRQ_DIYALA', 'IRQ_DUHOK', 'IRQ_ERBIL', 'IRQ_KARBALA',
  'IRQ_KIRKUK', 'IRQ_MAYSAN', 'IRQ_MUTHANNA', 'IRQ_NAJAF', 'IRQ_NINEVEH', 'IRQ_QADISIYAH', 'IRQ_SALADIN', 'IRQ_SULAYMANIYAH',
  'IRQ_WASIT', 'SYR_DEIR_EZ_ZOR', 'SYR_HASAKAH', 'SYR_HOMS', 'SYR_RIF_DIMASHQ', 'SYR_DAMASCUS', 'SYR_ALEPPO', 'SYR_RAQQA',
  'JOR_MAFRAQ', 'JOR_AMMAN', 'JOR_ZARQA',
];
const WORLD_CAPITALS = ['IRQ_CITY_BAGHDAD', 'SYR_CITY_DAMASCUS', 'JOR_CITY_AMMAN', 'IRN_CITY_TEHRAN', 'LBN_CITY_BEIRUT', 'ISR_CITY_JERUSALEM'];
const worldActorIds = new Set(list<{ id: string }>(WORLD, 'actors.yaml').map((a) => a.id));
const worldPlaces = list<{ id: string; type?: string }>(WORLD, 'places.yaml');
const worldPlaceIds = new Set([...WORLD_PROVINCES, ...WORLD_CAPITALS, ...worldPlaces.map((p) => p.id)]);
// Country ids are the world pack's countries; before it exists, any three capitals stand for one.
const worldCountries = new Set(worldPlaces.filter((p) => p.type === 'country').map((p) => p.id));
const isIso3 = (id: string): boolean => (worldCountries.size > 0 ? worldCountries.has(id) : /^[A-Z]{3}$/.test(id));

const actorIds = new Set(defined.map((a) => a.id));
const officeIds = new Set(offices.map((o) => o.id));
const placeIds = new Set(ownPlaces.map((p) => p.id));
const knownActor = (id: string): boolean => actorIds.has(id) || worldActorIds.has(id) || isIso3(id);
const knownPlace = (id: string): boolean => placeIds.has(id) || worldPlaceIds.has(id) || isIso3(id);

/** Rough boxes (lat min, lat max, lon min, lon max) with a small margin, per country. */
const BOXES: Record<string, [number, number, number, number]> = {
  IRQ: [29.0, 37.5, 38.7, 48.7],
  SYR: [32.3, 37.4, 35.6, 42.5],
  JOR: [29.1, 33.5, 34.9, 39.4],
  LBN: [33.0, 34.7, 35.0, 36.7],
  ISR: [29.4, 33.4, 34.2, 35.9],
  PSE: [31.2, 32.6, 34.2, 35.6],
  IRN: [25.0, 39.8, 44.0, 63.4],
  TUR: [35.8, 42.2, 25.6, 44.9],
};

/** "YYYY", "YYYY-MM" or "YYYY-MM-DD" → first and last day it can mean, or null when malformed or not a real date. */
function span(d: string): [string, string] | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(d);
  if (!m) return null;
  const [, y, mo, da] = m;
  if (mo === undefined) return [`${y}-01-01`, `${y}-12-31`];
  const month = Number(mo);
  if (month < 1 || month > 12) return null;
  const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (da === undefined) return [`${y}-${mo}-01`, `${y}-${mo}-${String(last).padStart(2, '0')}`];
  if (Number(da) < 1 || Number(da) > last) return null;
  return [d, d];
}

/** Every dated term of the pack with where it comes from, for the date checks. */
function allTerms(): { where: string; from?: string; to?: string }[] {
  return actors.flatMap((a) => [
    ...(a.member_of ?? []).map((m) => ({ where: `${a.id} member_of ${m.id}`, from: m.from, to: m.to })),
    ...(a.offices ?? []).map((o) => ({ where: `${a.id} offices ${o.office}`, from: o.from, to: o.to })),
  ]);
}

test('pack.yaml names the pack and describes it', () => {
  const meta = parse(readFileSync(join(PACK, 'pack.yaml'), 'utf8')) as Record<string, unknown>;
  assert.equal(meta.name, 'iraq');
  assert.equal(typeof meta.version, 'string');
  assert.ok(typeof meta.description === 'string' && meta.description.length > 40);
});

test('the pack is large enough to cover the theatre', () => {
  assert.ok(defined.length >= 100, `${defined.length} actors`);
  assert.ok(people.length >= 45, `${people.length} people`);
  const withOffices = people.filter((p) => (p.offices ?? []).length > 0).length;
  assert.ok(withOffices >= 40, `${withOffices} people with offices`);
  const outlets = defined.filter((a) => a.type === 'media_outlet').length;
  assert.ok(outlets >= 20, `${outlets} media outlets`);
  const located = ownPlaces.filter((p) => typeof p.lat === 'number' && typeof p.lon === 'number').length;
  assert.ok(located >= 60, `${located} places with coordinates`);
  assert.ok(events.length >= 20, `${events.length} reference events`);
  assert.ok(offices.length >= 12, `${offices.length} offices`);
});

test('ids are UPPER_SNAKE and unique within each kind', () => {
  for (const [kind, ids] of [
    ['actor', actors.map((a) => a.id)], ['office', offices.map((o) => o.id)],
    ['place', places.map((p) => p.id)], ['reference event', events.map((e) => e.id)],
  ] as const) {
    const seen = new Set<string>();
    for (const id of ids) {
      assert.match(id, /^[A-Z0-9][A-Z0-9_]*$/, `${kind} id "${id}" is not UPPER_SNAKE`);
      assert.ok(!seen.has(id), `${kind} id "${id}" is defined twice`);
      seen.add(id);
    }
  }
});

test('extend entries add to world entries and never redefine them', () => {
  for (const a of actors) {
    if (a.extend === true) assert.ok(isIso3(a.id) || worldActorIds.has(a.id), `actor extend ${a.id} is not a world id`);
    else assert.ok(!worldActorIds.has(a.id) && !isIso3(a.id), `actor ${a.id} redefines a world id (use extend: true)`);
  }
  for (const p of places) {
    if (p.extend === true) assert.ok(worldPlaceIds.has(p.id), `place extend ${p.id} is not a world id`);
    else assert.ok(!worldPlaceIds.has(p.id) && !isIso3(p.id), `place ${p.id} redefines a world id (use extend: true)`);
  }
});

test('every actor has a name, a known type and names that are not redundant', () => {
  const types = new Set(['state', 'state_force', 'government_body', 'armed_group', 'umbrella_group', 'political_party', 'person', 'media_outlet', 'igo']);
  for (const a of defined) {
    assert.ok(a.name && a.name.trim() !== '', `${a.id} has no name`);
    assert.ok(types.has(a.type ?? ''), `${a.id} has unknown type ${a.type}`);
    if (a.type === 'person') assert.ok(a.role !== undefined && a.role !== '', `${a.id} has no role`);
  }
  for (const a of actors) {
    // The matcher normalises case, marks, apostrophes, hyphens, "al-" and doubled letters: such variants are noise.
    const seen = new Map<string, string>();
    for (const n of [...(a.name ? [a.name] : []), ...(a.aliases ?? []), ...(a.context_aliases ?? [])]) {
      const key = normalizeName(n);
      assert.ok(key !== '', `${a.id}: name "${n}" normalises to nothing`);
      assert.ok(!seen.has(key), `${a.id}: "${n}" is the same name as "${seen.get(key)}" after normalisation`);
      seen.set(key, n);
    }
  }
});

test('an unambiguous alias names one actor only (shared names belong in context_aliases)', () => {
  const owner = new Map<string, string>();
  for (const a of actors) {
    for (const n of [...(a.name ? [a.name] : []), ...(a.aliases ?? [])]) {
      const key = normalizeName(n);
      const other = owner.get(key);
      assert.ok(other === undefined || other === a.id, `"${n}" names both ${other} and ${a.id}`);
      owner.set(key, a.id);
    }
  }
});

// Words an exact alias must never normalise to: a name like "AAH" collapses to "ah" and would match everywhere.
const ENGLISH_WORDS = new Set(['a', 'ah', 'am', 'an', 'as', 'at', 'be', 'by', 'do', 'go', 'he', 'hit', 'i', 'if', 'in', 'is', 'it',
  'ks', 'me', 'my', 'no', 'of', 'oh', 'on', 'or', 'so', 'to', 'up', 'us', 'we', 'can', 'may', 'will', 'the', 'and', 'party', 'house']);

test('no exact alias of the pack is a common word', () => {
  const world = join(WORLD, 'matching.yaml');
  const common = existsSync(world) ? ((parse(readFileSync(world, 'utf8')) as { common_words?: string[] }).common_words ?? []) : [];
  const banned = new Set([...ENGLISH_WORDS, ...common.map(normalizeName)]);
  for (const a of actors) for (const n of [...(a.name ? [a.name] : []), ...(a.aliases ?? [])]) assert.ok(!banned.has(normalizeName(n)), `${a.id}: alias "${n}" is a common word`);
  for (const p of places) for (const n of [...(p.name ? [p.name] : []), ...(p.aliases ?? [])]) assert.ok(!banned.has(normalizeName(n)), `${p.id}: alias "${n}" is a common word`);
});

test('every reference resolves to an id of this pack or of the world pack', () => {
  for (const a of actors) {
    for (const m of a.member_of ?? []) assert.ok(m.id && knownActor(m.id), `${a.id}: member_of unknown actor ${m.id}`);
    for (const o of a.offices ?? []) assert.ok(o.office && officeIds.has(o.office), `${a.id}: unknown office ${o.office}`);
    if (a.organisation !== undefined) assert.ok(knownActor(a.organisation), `${a.id}: unknown organisation ${a.organisation}`);
    for (const c of [a.country, a.forces_of]) if (c !== undefined) assert.ok(knownActor(c), `${a.id}: unknown country ${c}`);
    for (const m of a.member_of ?? []) assert.notEqual(m.id, a.id, `${a.id} is a member of itself`);
  }
  for (const o of offices) {
    assert.ok(knownActor(o.org), `office ${o.id}: unknown org ${o.org}`);
    assert.ok(o.titles.length > 0, `office ${o.id} has no titles`);
  }
  for (const p of ownPlaces) if (p.parent !== undefined) assert.ok(knownPlace(p.parent), `place ${p.id}: unknown parent ${p.parent}`);
  for (const e of events) for (const id of e.actors) assert.ok(knownActor(id), `reference event ${e.id}: unknown actor ${id}`);
});

test('people with offices speak for an organisation, and every office has a holder', () => {
  const held = new Set(people.flatMap((p) => (p.offices ?? []).map((o) => o.office)));
  for (const o of offices) assert.ok(held.has(o.id), `office ${o.id} has no holder in the pack`);
  for (const p of people) assert.ok(p.organisation !== undefined || (p.offices ?? []).length === 0, `${p.id} has offices but no organisation`);
});

/** The country a place lies in: the ISO3 prefix of the nearest ancestor (or itself) that has one in BOXES. */
function countryOf(p: PlaceRow): string | undefined {
  const byId = new Map(ownPlaces.map((q) => [q.id, q]));
  for (let id: string | undefined = p.parent; id !== undefined; id = byId.get(id)?.parent) {
    const prefix = id.slice(0, 3);
    if (BOXES[prefix] !== undefined && (id.length === 3 || id[3] === '_')) return prefix;
  }
  return undefined;
}

test('coordinates lie inside the country of the place', () => {
  for (const p of ownPlaces) {
    assert.equal(typeof p.lat === 'number', typeof p.lon === 'number', `${p.id}: give both lat and lon`);
    if (typeof p.lat !== 'number' || typeof p.lon !== 'number') continue;
    assert.ok(Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180, `${p.id}: coordinates out of range`);
    if (p.type === 'water') continue;
    const iso = countryOf(p);
    assert.ok(iso !== undefined, `${p.id}: parent chain reaches no country with a box`);
    const [latMin, latMax, lonMin, lonMax] = BOXES[iso]!;
    assert.ok(p.lat >= latMin && p.lat <= latMax && p.lon >= lonMin && p.lon <= lonMax,
      `${p.id} (${p.lat}, ${p.lon}) is outside ${iso}`);
    // The id's own country prefix (IRQ_CITY_..., SYR_BASE_...) must agree with where the parent puts it.
    if (/^[A-Z]{3}_/.test(p.id) && BOXES[p.id.slice(0, 3)] !== undefined) assert.equal(p.id.slice(0, 3), iso, `${p.id}: id prefix disagrees with parent`);
  }
});

test('dates are real dates and no term ends before it starts', () => {
  for (const t of allTerms()) {
    for (const d of [t.from, t.to]) if (d !== undefined) assert.ok(typeof d === 'string' && span(d) !== null, `${t.where}: bad date ${String(d)}`);
    if (t.from !== undefined && t.to !== undefined) assert.ok(span(t.from)![0] <= span(t.to)![1], `${t.where}: from ${t.from} is after to ${t.to}`);
  }
  for (const e of events) assert.ok(typeof e.date === 'string' && span(e.date) !== null, `reference event ${e.id}: bad date ${String(e.date)}`);
});

test('terms of the same office do not overlap', () => {
  const byOffice = new Map<string, { who: string; from?: string; to?: string }[]>();
  for (const p of people) for (const o of p.offices ?? []) {
    if (o.office === undefined) continue;
    byOffice.set(o.office, [...(byOffice.get(o.office) ?? []), { who: p.id, from: o.from, to: o.to }]);
  }
  for (const [office, terms] of byOffice) {
    const sorted = [...terms].sort((a, b) => (a.from === undefined ? '' : span(a.from)![0]).localeCompare(b.from === undefined ? '' : span(b.from)![0]));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      const next = sorted[i]!;
      assert.ok(prev.to !== undefined, `${office}: ${prev.who}'s term is open but ${next.who} follows`);
      // A hand-over on the same day (or within an imprecise month/year) is not an overlap.
      assert.ok(next.from !== undefined && span(prev.to!)![0] <= span(next.from)![1],
        `${office}: ${prev.who} (to ${prev.to}) overlaps ${next.who} (from ${next.from})`);
    }
  }
});

test('reference events have cues and at least one actor', () => {
  for (const e of events) {
    assert.ok(e.name.length > 10, `${e.id}: name too short`);
    assert.ok(e.actors.length > 0 && e.cues.length > 0, `${e.id}: needs actors and cues`);
  }
});

test('places have a type and a name, and aliases are not repeated after normalisation', () => {
  const types = new Set(['province', 'district', 'city', 'town', 'base', 'zone', 'crossing', 'region', 'water', 'site']);
  for (const p of ownPlaces) {
    assert.ok(p.name && types.has(p.type ?? ''), `${p.id}: needs a name and a known type (countries are the world pack's)`);
    assert.ok(p.type === 'water' || p.parent !== undefined, `${p.id}: needs a parent`);
  }
  for (const p of places) {
    const seen = new Set<string>();
    for (const n of [...(p.name ? [p.name] : []), ...(p.aliases ?? [])]) {
      const key = normalizeName(n);
      assert.ok(!seen.has(key), `${p.id}: "${n}" repeats another name after normalisation`);
      seen.add(key);
    }
  }
});

test('the real loader accepts the packs', async (t) => {
  const loader = join(ROOT, 'src', 'knowledge', 'load.ts');
  if (!existsSync(loader) || !readdirSync(WORLD).includes('pack.yaml')) {
    t.skip('src/knowledge/load.ts or packs/world not there yet');
    return;
  }
  interface Loaded { actors: Map<string, { aliases: string[]; contextAliases: string[] }>; places: Map<string, unknown>; offices: Map<string, unknown> }
  const { loadKnowledge } = (await import(loader)) as { loadKnowledge: () => Loaded };
  let k: Loaded;
  try {
    k = loadKnowledge();
  } catch (e) {
    assert.fail(`loader rejected the packs: ${(e as Error).message}`);
  }
  for (const a of defined) assert.ok(k.actors.has(a.id), `${a.id} not loaded`);
  for (const p of ownPlaces) assert.ok(k.places.has(p.id), `${p.id} not loaded`);
  for (const o of offices) assert.ok(k.offices.has(o.id), `${o.id} not loaded`);
  // The extensions reached the world's entries.
  for (const a of actors.filter((x) => x.extend === true)) {
    const loaded = k.actors.get(a.id);
    assert.ok(loaded, `${a.id} missing`);
    for (const n of a.aliases ?? []) assert.ok(loaded.aliases.includes(n), `${a.id} lacks extended alias ${n}`);
    for (const n of a.context_aliases ?? []) assert.ok(loaded.contextAliases.includes(n), `${a.id} lacks extended context alias ${n}`);
  }
});
