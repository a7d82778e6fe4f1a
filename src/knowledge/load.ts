// Loads and validates knowledge packs (packs/README.md). Packs are layered in order: an id defined
// twice is an error naming both files, unless the later entry says `extend: true`. Nothing is cached:
// the caller keeps the returned Knowledge.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { ZodError, ZodType } from 'zod';
import {
  actorExtendSchema, actorSchema, matchingSchema, officeSchema, packSchema, placeExtendSchema, placeSchema,
  referenceEventSchema,
} from './schema.ts';
import { ordered } from './dates.ts';
import { normalizeName } from './normalize.ts';
import type { Actor, ActorType, Knowledge, MatchingRules, Office, PackInfo, Place, PlaceType } from './types.ts';
import { ROOT } from '../root.ts';

/** A pack file that cannot be used; the message names the file, the entry and what is wrong. */
export class PackError extends Error {
  constructor(
    readonly file: string,
    readonly entry: string | null,
    readonly reason: string,
  ) {
    super(`${file}${entry === null ? '' : `, entry ${entry}`}: ${reason}`);
    this.name = 'PackError';
  }
}

/** packs/ of the repository, found from this source file so that the cwd does not matter. */
export const PACKS_DIR = join(ROOT, 'packs');

/** Folders that hold lexicons for src/extract rather than knowledge of actors and places. */
const NOT_KNOWLEDGE = new Set(['lexicon', 'verbs']);

/** Matching rules before any pack's matching.yaml is read. */
export function emptyMatching(): MatchingRules {
  return { forceNouns: [], agentNouns: [], proxyNouns: [], backingWords: [], coref: [], corefWindow: 600, commonWords: [], honorifics: [] };
}

/** packs/world, then packs/iraq and any other theatre pack under packs/ (alphabetical), each with a pack.yaml. */
export function defaultPackDirs(root = PACKS_DIR): string[] {
  const theatres = readdirSync(root)
    .filter((n) => n !== 'world' && !NOT_KNOWLEDGE.has(n) && existsSync(join(root, n, 'pack.yaml')))
    .sort((a, b) => (a === 'iraq' ? -1 : b === 'iraq' ? 1 : a.localeCompare(b)));
  return [join(root, 'world'), ...theatres.map((n) => join(root, n))];
}

/** The default packs, then `extraDirs` (the CLI's --pack) in the order given. */
export function loadKnowledge(extraDirs: string[] = []): Knowledge {
  return loadPacks([...defaultPackDirs(), ...extraDirs]);
}

interface Ref {
  file: string;
  entry: string;
  what: string;
  id: string;
  kind: 'actor' | 'office' | 'place' | 'state';
}

/** Loads exactly the given pack folders, in order (later packs may extend earlier ones). */
export function loadPacks(dirs: string[]): Knowledge {
  const k: Knowledge = {
    packs: [],
    actors: new Map(),
    places: new Map(),
    offices: new Map(),
    referenceEvents: [],
    matching: emptyMatching(),
  };
  const definedIn = new Map<string, string>(); // "actor:ID" → file that defined it
  const refs: Ref[] = [];
  for (const dir of dirs) loadPack(resolve(dir), k, definedIn, refs);
  checkRefs(k, refs, definedIn);
  return k;
}

function loadPack(dir: string, k: Knowledge, definedIn: Map<string, string>, refs: Ref[]): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new PackError(dir, null, 'pack folder not found');
  const packFile = join(dir, 'pack.yaml');
  if (!existsSync(packFile)) throw new PackError(packFile, null, 'every pack needs a pack.yaml (name, version, description)');
  const meta = parseEntry(packSchema, readYaml(packFile), packFile, null);
  const clash = k.packs.find((p) => p.name === meta.name);
  if (clash) throw new PackError(packFile, null, `pack name "${meta.name}" is already used by ${join(clash.dir, 'pack.yaml')}`);
  const info: PackInfo = { name: meta.name, version: meta.version, description: meta.description, dir, credits: meta.credits };
  k.packs.push(info);
  const pack = meta.name;

  const aliasOwner = new Map<string, string>(); // normalised alias → actor id, within this pack
  for (const [raw, label, file] of actorFiles(dir).flatMap((name) => entries(dir, name))) {
    const ext = isExtend(raw);
    if (ext) {
      const e = parseEntry(actorExtendSchema, raw, file, label);
      const a = k.actors.get(e.id);
      if (!a) throw new PackError(file, e.id, `extends unknown actor "${e.id}" (define it in an earlier pack, or drop extend: true)`);
      a.aliases.push(...e.aliases);
      a.contextAliases.push(...e.context_aliases);
      a.demonyms = [...(a.demonyms ?? []), ...e.demonyms];
      a.memberOf.push(...e.member_of);
      a.offices.push(...e.offices);
      claimAliases(aliasOwner, e.id, e.aliases, file);
      refTerms(refs, file, e.id, e.member_of, e.offices);
      continue;
    }
    const e = parseEntry(actorSchema, raw, file, label);
    define(definedIn, 'actor', e.id, file);
    claimAliases(aliasOwner, e.id, [e.name, ...e.aliases], file);
    const actor: Actor = {
      id: e.id, name: e.name, type: e.type as ActorType, aliases: e.aliases, contextAliases: e.context_aliases,
      memberOf: e.member_of, offices: e.offices, pack,
      ...(e.country !== undefined && { country: e.country }),
      ...(e.organisation !== undefined && { organisation: e.organisation }),
      ...(e.role !== undefined && { role: e.role }),
      ...(e.note !== undefined && { note: e.note }),
      ...(e.demonyms.length > 0 && { demonyms: e.demonyms }),
      ...(e.forces_of !== undefined && { forcesOf: e.forces_of }),
      ...(e.proxies_of !== undefined && { proxiesOf: e.proxies_of }),
      ...(e.fuzzy === false && { fuzzy: false as const }),
    };
    k.actors.set(e.id, actor);
    if (e.country !== undefined) refs.push({ file, entry: e.id, what: 'country', id: e.country, kind: 'state' });
    if (e.forces_of !== undefined) refs.push({ file, entry: e.id, what: 'forces_of', id: e.forces_of, kind: 'state' });
    if (e.proxies_of !== undefined) refs.push({ file, entry: e.id, what: 'proxies_of', id: e.proxies_of, kind: 'state' });
    if (e.organisation !== undefined) refs.push({ file, entry: e.id, what: 'organisation', id: e.organisation, kind: 'actor' });
    refTerms(refs, file, e.id, e.member_of, e.offices);
  }

  for (const [raw, label, file] of entries(dir, 'offices.yaml')) {
    const e = parseEntry(officeSchema, raw, file, label);
    define(definedIn, 'office', e.id, file);
    const office: Office = { id: e.id, org: e.org, titles: e.titles, pack };
    k.offices.set(e.id, office);
    refs.push({ file, entry: e.id, what: 'org', id: e.org, kind: 'actor' });
  }

  for (const [raw, label, file] of entries(dir, 'places.yaml')) {
    if (isExtend(raw)) {
      const e = parseEntry(placeExtendSchema, raw, file, label);
      const p = k.places.get(e.id);
      if (!p) throw new PackError(file, e.id, `extends unknown place "${e.id}" (define it in an earlier pack, or drop extend: true)`);
      p.aliases.push(...e.aliases);
      continue;
    }
    const e = parseEntry(placeSchema, raw, file, label);
    define(definedIn, 'place', e.id, file);
    if ((e.lat === undefined) !== (e.lon === undefined)) throw new PackError(file, e.id, 'give both lat and lon, or neither');
    const place: Place = {
      id: e.id, name: e.name, type: e.type as PlaceType, aliases: e.aliases, hosts: e.hosts, pack,
      ...(e.parent !== undefined && { parent: e.parent }),
      ...(e.iso3 !== undefined && { iso3: e.iso3 }),
      ...(e.lat !== undefined && { lat: e.lat }),
      ...(e.lon !== undefined && { lon: e.lon }),
    };
    k.places.set(e.id, place);
    if (e.parent !== undefined) refs.push({ file, entry: e.id, what: 'parent', id: e.parent, kind: 'place' });
    for (const h of e.hosts) refs.push({ file, entry: e.id, what: 'hosts', id: h, kind: 'actor' });
  }

  for (const [raw, label, file] of entries(dir, 'reference-events.yaml')) {
    const e = parseEntry(referenceEventSchema, raw, file, label);
    define(definedIn, 'reference event', e.id, file);
    k.referenceEvents.push({ ...e, pack });
    for (const a of e.actors) refs.push({ file, entry: e.id, what: 'actors', id: a, kind: 'actor' });
  }

  // matching.yaml is written by hand; agents.yaml is generated (scripts/build-agent-nouns.ts) in the same shape.
  for (const name of ['matching.yaml', 'agents.yaml']) {
    const file = join(dir, name);
    if (existsSync(file)) mergeMatching(k.matching!, parseEntry(matchingSchema, readYaml(file) ?? {}, file, null));
  }
}

function mergeMatching(into: MatchingRules, m: ReturnType<typeof matchingSchema.parse>): void {
  into.forceNouns.push(...m.force_nouns);
  into.agentNouns.push(...m.agent_nouns);
  into.proxyNouns.push(...m.proxy_nouns);
  into.backingWords.push(...m.backing_words);
  into.coref.push(...m.coref.map((r) => ({ cues: r.cues, types: r.types as ActorType[] })));
  into.commonWords.push(...m.common_words);
  into.honorifics.push(...m.honorifics);
  if (m.coref_window !== undefined) into.corefWindow = m.coref_window;
}

function readYaml(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  // Generated packs are written as JSON (which is YAML): parsing that as JSON is far faster.
  const body = text.replace(/^(?:\s*#.*\n)+/, '');
  if (body.startsWith('[') || body.startsWith('{')) {
    try {
      return JSON.parse(body);
    } catch {
      // Not plain JSON after all: the YAML parser below reads it, and reports errors with a line.
    }
  }
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    const where = err.linePos ? `line ${err.linePos[0].line}, column ${err.linePos[0].col}` : 'somewhere';
    throw new PackError(file, null, `not valid YAML at ${where}: ${err.message.split('\n')[0]}`);
  }
  return doc.toJS();
}

/**
 * actors.yaml and any actors-*.yaml beside it (generated lists such as actors-phoenix.yaml), sorted by
 * name without the extension, so that the hand-written actors.yaml comes first.
 */
function actorFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => /^actors.*\.yaml$/.test(n))
    .sort((a, b) => a.replace(/\.yaml$/, '').localeCompare(b.replace(/\.yaml$/, '')));
}

/** The entries of a list file, each with a label for messages (its id, else "#index"); a missing or empty file is an empty list. */
function entries(dir: string, name: string): [unknown, string, string][] {
  const file = join(dir, name);
  if (!existsSync(file)) return [];
  const data = readYaml(file);
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) throw new PackError(file, null, 'must be a YAML list of entries (each starting with "- id: ...")');
  return data.map((raw, i) => [raw, entryLabel(raw, i), file]);
}

function entryLabel(raw: unknown, i: number): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? `${id} (#${i + 1})` : `#${i + 1}`;
}

function isExtend(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { extend?: unknown }).extend !== undefined;
}

function parseEntry<T>(schema: ZodType<T>, raw: unknown, file: string, label: string | null): T {
  const r = schema.safeParse(raw);
  if (!r.success) throw new PackError(file, label, describe(r.error));
  return r.data;
}

function describe(err: ZodError): string {
  return err.issues
    .map((i) => {
      const at = i.path.length > 0 ? `field "${i.path.join('.')}"` : 'entry';
      if (i.code === 'unrecognized_keys') return `${i.path.length > 0 ? `${at}: ` : ''}unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((x) => `"${x}"`).join(', ')}`;
      return `${at}: ${i.message}`;
    })
    .join('; ');
}

function define(definedIn: Map<string, string>, kind: string, id: string, file: string): void {
  const key = `${kind}:${id}`;
  const first = definedIn.get(key);
  if (first !== undefined) {
    const hint = kind === 'actor' || kind === 'place' ? ' (use extend: true to add to it)' : '';
    throw new PackError(file, id, `duplicate ${kind} id "${id}", already defined in ${first}${hint}`);
  }
  definedIn.set(key, file);
}

/** Within one pack an alias names one actor; across packs the later pack wins (the matcher's rule). */
function claimAliases(owner: Map<string, string>, id: string, aliases: string[], file: string): void {
  for (const alias of aliases) {
    const key = normalizeName(alias);
    const other = owner.get(key);
    if (other !== undefined && other !== id) {
      throw new PackError(file, id, `alias "${alias}" already names ${other} in this pack (use context_aliases for shared names)`);
    }
    owner.set(key, id);
  }
}

function refTerms(refs: Ref[], file: string, entry: string, member: { id: string; from?: string; to?: string }[], offices: { office: string; from?: string; to?: string }[]): void {
  for (const m of member) {
    if (!ordered(m)) throw new PackError(file, entry, `member_of ${m.id}: from ${m.from} is after to ${m.to}`);
    refs.push({ file, entry, what: 'member_of', id: m.id, kind: 'actor' });
  }
  for (const o of offices) {
    if (!ordered(o)) throw new PackError(file, entry, `offices ${o.office}: from ${o.from} is after to ${o.to}`);
    refs.push({ file, entry, what: 'offices', id: o.office, kind: 'office' });
  }
}

function checkRefs(k: Knowledge, refs: Ref[], definedIn: Map<string, string>): void {
  for (const r of refs) {
    const ok =
      r.kind === 'actor' ? k.actors.has(r.id)
      : r.kind === 'office' ? k.offices.has(r.id)
      : r.kind === 'place' ? k.places.has(r.id)
      : k.actors.get(r.id)?.type === 'state' || k.places.get(r.id)?.type === 'country';
    if (!ok) {
      const what = r.kind === 'state' ? 'country (a state actor or country place)' : r.kind;
      throw new PackError(r.file, r.entry, `${r.what} refers to unknown ${what} id "${r.id}"`);
    }
  }
  for (const p of k.places.values()) {
    const seen = new Set<string>();
    for (let q: Place | undefined = p; q?.parent !== undefined; q = k.places.get(q.parent)) {
      if (seen.has(q.id)) throw new PackError(definedIn.get(`place:${p.id}`)!, p.id, `parent chain loops back to ${q.id}`);
      seen.add(q.id);
    }
  }
}
