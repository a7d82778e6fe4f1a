// Finds actor and place mentions in text: exact names over normalised tokens (a token trie, longest
// match wins), guarded fuzzy matching for unseen transliterations, shared names resolved from the
// document's context, office titles resolved to their holder on a date, "<demonym> <force noun>"
// composition, and coreference cues ("the group") resolved to the nearest preceding armed group.
import type { ActorMention, PlaceMention } from '../pipeline/types.ts';
import { phoneticKey, skeleton, tokenSimilarity } from './fuzzy.ts';
import { actorCountry, holderOf, membershipsAt, placeAncestors, placeCountry } from './relations.ts';
import { isDateOrInterval } from './dates.ts';
import { emptyMatching } from './load.ts';
import { normalizeName } from './normalize.ts';
import { caseRules, nameTokens, type NameToken } from './tokens.ts';
import { insert, longest, newNode, type TrieNode } from './trie.ts';
import type { Actor, ActorType, Knowledge, Place } from './types.ts';

/** What a name in the trie stands for. */
type Target =
  | { kind: 'actor'; id: string }
  | { kind: 'context'; id: string }
  | { kind: 'office'; id: string }
  | { kind: 'demonym'; id: string }
  | { kind: 'coref'; types: ActorType[] }
  | { kind: 'place'; id: string };

/** A name of the fuzzy index: its normalised words and what it stands for. */
interface FuzzyName {
  norms: string[];
  target: Target;
}

export interface Matcher {
  readonly knowledge: Knowledge;
  readonly actorNames: TrieNode<Target>;
  readonly placeNames: TrieNode<Target>;
  readonly forceNouns: TrieNode<true>;
  readonly agentNouns: TrieNode<true>;
  readonly proxyNouns: TrieNode<true>;
  readonly backingWords: TrieNode<true>;
  /** Demonyms of one word ("iraqi"), normalised. */
  readonly demonymWords: Set<string>;
  /** State id → the collective that is its proxies (the first actor with that `proxies_of`). */
  readonly proxiesOf: Map<string, string>;
  /** Tries keyed by the phonetic skeleton of each word, to find fuzzy candidates. */
  readonly actorFuzzy: TrieNode<FuzzyName>;
  readonly placeFuzzy: TrieNode<FuzzyName>;
  /** Words of known names and common words: a text word that is one of them is a variant of another word only with the same phonetic key. */
  readonly exactOnly: Set<string>;
  /** Normalised common words (matching.yaml): a look-up may start with them ("the Prime Minister"). */
  readonly commonWords: Set<string>;
  /** State id → the actors whose forces_of it is, in definition order, each with the words of its names. */
  readonly forcesOf: Map<string, { id: string; words: Set<string> }[]>;
  readonly corefWindow: number;
  /** Agent nouns in lower case, for the word after an office title ("Pentagon chief spokesman"). */
  readonly agentNounWords: Set<string>;
  /** Honorifics in lower case: titles that may stand before a surname alone (matching.yaml). */
  readonly honorifics: Set<string>;
  /** Per-word work shared by the build and every scan, cached: a text repeats its words and news repeats its vocabulary. */
  readonly normal: (word: string) => string;
  readonly phonetic: (norm: string) => string;
  /** The fuzzy tries' key of a word: the skeleton of its phonetic key. */
  readonly fuzzyKey: (norm: string) => string;
}

/** Fuzzy matching is tried only for names of two words or more, or one word of at least this many letters. */
const FUZZY_MIN_SINGLE = 6;
const KIND_ORDER: Target['kind'][] = ['actor', 'context', 'office', 'demonym', 'coref'];

export function createMatcher(k: Knowledge): Matcher {
  const rules = k.matching ?? emptyMatching();
  const actorNames = newNode<Target>();
  const placeNames = newNode<Target>();
  const forceNouns = newNode<true>();
  const agentNouns = newNode<true>();
  const proxyNouns = newNode<true>();
  const backingWords = newNode<true>();
  const proxiesOf = new Map<string, string>();
  const demonymWords = new Set<string>();
  const actorFuzzy = newNode<FuzzyName>();
  const placeFuzzy = newNode<FuzzyName>();
  const normal = memo(normalizeName);
  const phonetic = memo(phoneticKey);
  const key = memo((norm) => skeleton(phonetic(norm)));
  const commonWords = new Set(rules.commonWords.flatMap((w) => nameTokens(w, normal).map((t) => t.norm)));
  const vocabulary = new Set(commonWords);

  // `exact` (an actor's `fuzzy: false`): as written only, so not in the fuzzy index, with the capitals the name has,
  // and its words stay out of the vocabulary that guards fuzzy matching, which thus works for the others as before.
  const add = (trie: TrieNode<Target>, fuzzy: TrieNode<FuzzyName> | null, name: string, target: Target, exact = false) => {
    const toks = nameTokens(name, normal);
    if (toks.length === 0) return;
    const norms = toks.map((t) => t.norm);
    insert(trie, norms, target, target.kind === 'office' || target.kind === 'coref' ? norms.map(() => 'any') : caseRules(toks, name, exact));
    if (exact) return;
    norms.forEach((n) => vocabulary.add(n));
    if (fuzzy && (norms.length > 1 || norms[0].length >= FUZZY_MIN_SINGLE)) {
      insert(fuzzy, norms.map(key), { norms, target }, []);
    }
  };

  const forcesOf = new Map<string, { id: string; words: Set<string> }[]>();
  for (const a of k.actors.values()) {
    const exact = a.fuzzy === false;
    for (const n of [a.name, ...a.aliases]) add(actorNames, actorFuzzy, n, { kind: 'actor', id: a.id }, exact);
    for (const n of a.contextAliases) add(actorNames, actorFuzzy, n, { kind: 'context', id: a.id }, exact);
    // Demonyms are in the place trie too, so that "Sierra Leonean" is read as a demonym, not a misspelt place.
    for (const n of a.demonyms ?? []) for (const trie of [actorNames, placeNames]) add(trie, null, n, { kind: 'demonym', id: a.id });
    // "attacks against Americans", "killing four Iraqis": a demonym's plural, used as a noun, names the state's people.
    for (const n of a.demonyms ?? []) if (/(?:an|i)$/u.test(n)) add(actorNames, null, `${n}s`, { kind: 'actor', id: a.id });
    if (a.proxiesOf !== undefined && !proxiesOf.has(a.proxiesOf)) proxiesOf.set(a.proxiesOf, a.id);
    for (const n of a.demonyms ?? []) if (!/\s/u.test(n)) demonymWords.add(normal(n));
    if (a.forcesOf !== undefined) {
      const words = new Set([a.name, ...a.aliases].flatMap((n) => nameTokens(n, normal).map((t) => t.norm)));
      forcesOf.set(a.forcesOf, [...(forcesOf.get(a.forcesOf) ?? []), { id: a.id, words }]);
    }
  }
  for (const o of k.offices.values()) for (const t of o.titles) add(actorNames, null, t, { kind: 'office', id: o.id });
  for (const r of rules.coref) for (const c of r.cues) add(actorNames, null, c, { kind: 'coref', types: r.types });
  for (const p of k.places.values()) for (const n of [p.name, ...p.aliases]) add(placeNames, placeFuzzy, n, { kind: 'place', id: p.id });
  for (const [trie, nouns] of [[forceNouns, rules.forceNouns], [agentNouns, rules.agentNouns], [proxyNouns, rules.proxyNouns], [backingWords, rules.backingWords]] as const) {
    for (const n of nouns) {
      const norms = nameTokens(n, normal).map((t) => t.norm);
      if (norms.length > 0) insert(trie, norms, true as const, norms.map(() => 'any'));
    }
  }
  return {
    knowledge: k, actorNames, placeNames, forceNouns, agentNouns, proxyNouns, backingWords, proxiesOf, demonymWords, actorFuzzy, placeFuzzy, exactOnly: vocabulary, commonWords, forcesOf,
    corefWindow: rules.corefWindow, normal, phonetic, fuzzyKey: key,
    agentNounWords: new Set(rules.agentNouns.map((w) => w.toLowerCase())), honorifics: new Set(rules.honorifics.map((w) => w.toLowerCase())),
  };
}

/** Words a cache holds before it starts afresh, so that a long stream of documents cannot grow it without bound. */
const MEMO_LIMIT = 50_000;

/** A cache local to one matcher (nothing is cached globally). */
function memo(f: (s: string) => string): (s: string) => string {
  const seen = new Map<string, string>();
  return (s) => {
    let v = seen.get(s);
    if (v === undefined) {
      if (seen.size >= MEMO_LIMIT) seen.clear();
      seen.set(s, (v = f(s)));
    }
    return v;
  };
}

/** A name found in the text, before context resolution. */
interface Found {
  end: number;
  targets: Target[];
  via: 'alias' | 'fuzzy';
  score: number;
  /** The state a composed phrase names ("Iraqi" of "Iraqi forces"), which counts for the document's country. */
  country?: string;
}

interface Raw extends Omit<Found, 'end'> {
  start: number;
  end: number;
}

/** The longest exact or fuzzy name at token i; exact wins a tie. */
function nameAt(names: TrieNode<Target>, fuzzy: TrieNode<FuzzyName>, m: Matcher, toks: NameToken[], i: number, strict: boolean): Found | null {
  const exact = longest(names, toks, i, (t) => t.norm, strict);
  const fz = fuzzyAt(fuzzy, m, toks, i, strict);
  if (exact && (!fz || exact.end >= fz.end)) return { end: exact.end, targets: exact.values, via: 'alias', score: 1 };
  return fz;
}

/**
 * Fuzzy candidates share each word's phonetic skeleton with a known name; each differing word must
 * then be capitalised (when `strict`), not a known or common word, and alike enough (tokenSimilarity).
 */
function fuzzyAt(root: TrieNode<FuzzyName>, m: Matcher, toks: NameToken[], i: number, strict: boolean): Found | null {
  if (strict && !toks[i].cap) return null;
  let best: Found | null = null;
  let node: TrieNode<FuzzyName> | undefined = root;
  for (let j = i; j < toks.length && node && (j === i || toks[j].joined); j++) {
    node = node.next.get(m.fuzzyKey(toks[j].norm));
    if (!node) break;
    for (const { value } of node.values) {
      const score = fuzzyScore(value.norms, toks, i, m, strict);
      if (score === 0) continue;
      if (!best || j + 1 > best.end || score > best.score) best = { end: j + 1, targets: [value.target], via: 'fuzzy', score };
      else if (j + 1 === best.end && score === best.score) best.targets.push(value.target);
    }
  }
  return best;
}

function fuzzyScore(norms: string[], toks: NameToken[], i: number, m: Matcher, strict: boolean): number {
  // A one-word variant must stand alone, not be part of a longer proper name ("Mohsen Al-Mandalavi" is not
  // Mandali), nor open a sentence, where any word is capitalised ("Enough" is not "Inuf").
  const afterName = toks[i].joined && toks[i - 1].cap && !toks[i - 1].initial;
  const beforeName = toks[i + 1]?.joined === true && toks[i + 1].cap;
  if (norms.length === 1 && (afterName || beforeName || (strict && toks[i].initial))) return 0;
  let score = 1;
  let inexact = 0;
  for (let n = 0; n < norms.length; n++) {
    const t = toks[i + n];
    if (t.norm === norms[n]) continue;
    if ((strict && !t.cap) || m.commonWords.has(t.norm)) return 0;
    // A one-word name needs the same phonetic key: Jaro-Winkler alone confuses short words ("Geneva"/"Guinea").
    const s = norms.length === 1 && m.phonetic(t.norm) !== m.phonetic(norms[n]) ? 0 : tokenSimilarity(t.norm, norms[n], m.phonetic);
    // A word of another known name may still be a variant of this one, but only with the same phonetic key.
    if (s === 0 || (m.exactOnly.has(t.norm) && m.phonetic(t.norm) !== m.phonetic(norms[n]))) return 0;
    score = Math.min(score, s);
    inexact++;
  }
  return inexact > 0 ? score : 0;
}

/** The targets of the most specific kind present (an actor's own name beats a shared name, etc.). */
function primary(targets: Target[]): Target[] {
  for (const kind of KIND_ORDER) {
    const of = targets.filter((t) => t.kind === kind);
    // For unambiguous names the later pack's entry wins; shared kinds keep every candidate.
    if (of.length > 0) return kind === 'actor' ? [of[of.length - 1]] : of;
  }
  return [];
}

function ids(targets: Target[]): string[] {
  // Most names have one target.
  if (targets.length === 1) return 'id' in targets[0] ? [targets[0].id] : [];
  return [...new Set(targets.flatMap((t) => ('id' in t ? [t.id] : [])))];
}

/**
 * Leftmost-longest matches, except that a match gives way to one that starts inside it and ends
 * later ("the Islamic Resistance" inside "the Islamic Resistance in Iraq").
 */
function greedy(n: number, find: (i: number) => Found | null): [number, Found][] {
  // The look-ahead inside a match asks again about tokens the scan may come back to.
  const seen: (Found | null | undefined)[] = new Array(n);
  const at = (i: number): Found | null => {
    let f = seen[i];
    if (f === undefined) seen[i] = f = find(i);
    return f;
  };
  const out: [number, Found][] = [];
  for (let i = 0; i < n; ) {
    const f = at(i);
    let overtaken = false;
    for (let j = i + 1; f && j < f.end && !overtaken; j++) overtaken = (at(j)?.end ?? 0) > f.end;
    if (!f || overtaken) {
      i++;
      continue;
    }
    out.push([i, f]);
    i = f.end;
  }
  return out;
}

/**
 * The actor name at token i, with composition: "<country name or demonym> <force noun | office title>"
 * is that country's force or office, "<country or demonym> <agent noun>" ("Hungarian officials",
 * "Russian President") is the state itself, and a force's own name followed by a force noun stays that
 * force. In "Hungarian and Romanian officials" both demonyms name their states.
 */
function actorAt(m: Matcher, toks: NameToken[], i: number, strict: boolean): Found | null {
  const k = m.knowledge;
  // "armed groups linked to Iran", "militias backed by Tehran": a proxy noun, a backing word and the state after it.
  const proxyNoun = m.proxiesOf.size > 0 ? longest(m.proxyNouns, toks, i) : null;
  if (proxyNoun) {
    const word = proxyNoun.end < toks.length && toks[proxyNoun.end].joined ? longest(m.backingWords, toks, proxyNoun.end) : null;
    const prep = word && word.end < toks.length && toks[word.end].joined && BACKING_PREPOSITIONS.has(toks[word.end].norm) ? word.end + 1 : -1;
    const g = prep > 0 && prep < toks.length && toks[prep].joined ? nameAt(m.actorNames, m.actorFuzzy, m, toks, prep, strict) : null;
    const id = g ? m.proxiesOf.get(stateOf(k, primary(g.targets)[0]) ?? '') : undefined;
    if (id !== undefined) return { end: g!.end, targets: [{ kind: 'actor', id }], via: 'alias', score: 1 };
  }
  // "pro-Iranian factions": the proxies of the state named after "pro".
  if (toks[i].norm === 'pro' && i + 1 < toks.length && toks[i + 1].joined) {
    const g = nameAt(m.actorNames, m.actorFuzzy, m, toks, i + 1, strict);
    const proxies = g ? proxiesAfter(m, stateOf(k, primary(g.targets)[0]), toks, g.end, false) : null;
    if (proxies) return proxies;
  }
  const f = nameAt(m.actorNames, m.actorFuzzy, m, toks, i, strict);
  if (!f) return null;
  const targets = primary(f.targets);
  // A one-word name of a person that another word of a proper name follows is someone else's name:
  // "Hussein al-Moussawi" is not King Hussein, "Sadr City" is not Muqtada al-Sadr.
  if (f.end === i + 1 && f.end < toks.length && toks[f.end].joined && toks[f.end].cap && !m.commonWords.has(toks[f.end].norm)
    && targets.every((x) => x.kind === 'actor' && k.actors.get(x.id)?.type === 'person')) return null;
  const t = targets[0];
  const next = f.end < toks.length && toks[f.end].joined ? f.end : -1;
  if (next < 0 || (t.kind !== 'actor' && t.kind !== 'demonym')) return { ...f, targets };
  const actor = t.kind === 'actor' ? k.actors.get(t.id)! : undefined;
  const force = longest(m.forceNouns, toks, next);
  if (actor?.forcesOf !== undefined) return { ...f, targets, end: force?.end ?? f.end };
  const state = stateOf(k, t);
  if (state === undefined) return { ...f, targets };
  const proxies = proxiesAfter(m, state, toks, next, true);
  if (proxies) return proxies;
  const title = longest(m.actorNames, toks, next, (x) => x.norm, strict);
  const offices = (title?.values ?? []).filter((v) => v.kind === 'office' && officeCountry(k, v.id) === state);
  const forceActor = force ? forceOf(m, state, toks.slice(next, force.end)) : undefined;
  if (force && forceActor !== undefined && (offices.length === 0 || force.end >= title!.end)) {
    return { end: force.end, targets: [{ kind: 'actor', id: forceActor }], via: 'alias', score: 1, country: state };
  }
  if (offices.length > 0) return { end: title!.end, targets: offices, via: 'alias', score: 1, country: state };
  const agent = longest(m.agentNouns, toks, next) ?? longest(m.forceNouns, toks, next);
  if (agent) return { end: agent.end, targets: [{ kind: 'actor', id: state }], via: 'alias', score: 1, country: state };
  if (toks[next].norm === 'and' && t.kind === 'demonym' && coordinatedAgent(m, toks, next + 1, strict)) {
    return { ...f, targets: [{ kind: 'actor', id: state }], country: state };
  }
  return { ...f, targets };
}

const BACKING_PREPOSITIONS = new Set(['to', 'by', 'with']);

/** The state a name's target is, if it names one (a demonym or the state itself). */
function stateOf(k: Knowledge, t: Target | undefined): string | undefined {
  if (t?.kind === 'demonym') return t.id;
  return t?.kind === 'actor' && k.actors.get(t.id)?.type === 'state' ? t.id : undefined;
}

/**
 * "Iran-backed armed factions", "Tehran-aligned Iraqi militias", "pro-Iran groups": after a state's name, a word of
 * backing (unless after "pro"), perhaps "armed" and a demonym, then a proxy noun name the collective that is that
 * state's proxies, when a pack defines one (`proxies_of`).
 */
function proxiesAfter(m: Matcher, state: string | undefined, toks: NameToken[], j: number, backing: boolean): Found | null {
  const id = state === undefined ? undefined : m.proxiesOf.get(state);
  if (id === undefined || j >= toks.length || !toks[j].joined) return null;
  if (backing) {
    const word = longest(m.backingWords, toks, j);
    if (!word || word.end >= toks.length || !toks[word.end].joined) return null;
    j = word.end;
  }
  // Words between: "armed", a demonym ("Iraqi"), each joined to the next.
  for (let n = 0; n < 2 && j < toks.length && !longest(m.proxyNouns, toks, j); n++) {
    const between = toks[j].norm === 'armed' || m.demonymWords.has(toks[j].norm);
    if (!between || j + 1 >= toks.length || !toks[j + 1].joined) return null;
    j++;
  }
  const noun = j < toks.length ? longest(m.proxyNouns, toks, j) : null;
  return noun ? { end: noun.end, targets: [{ kind: 'actor', id }], via: 'alias', score: 1 } : null;
}

/** Whether a demonym or country name composed with an agent noun starts at token i ("... and Romanian officials"). */
function coordinatedAgent(m: Matcher, toks: NameToken[], i: number, strict: boolean): boolean {
  if (i >= toks.length || !toks[i].joined) return false;
  const f = nameAt(m.actorNames, m.actorFuzzy, m, toks, i, strict);
  const t = f ? primary(f.targets)[0] : undefined;
  const state = t?.kind === 'demonym' || (t?.kind === 'actor' && m.knowledge.actors.get(t.id)?.type === 'state');
  return state && f!.end < toks.length && toks[f!.end].joined && longest(m.agentNouns, toks, f!.end) !== null;
}

function scanActors(m: Matcher, toks: NameToken[], strict: boolean): Raw[] {
  return greedy(toks.length, (i) => actorAt(m, toks, i, strict)).map(([i, f]) => ({
    start: toks[i].lead,
    end: toks[f.end - 1].end,
    targets: f.targets,
    via: f.via,
    score: f.score,
    ...(f.country !== undefined && { country: f.country }),
  }));
}

/**
 * The force a "<country> <noun>" phrase names: of the country's forces_of actors, the first whose
 * names contain the noun's words ("Iranian forces" → the armed forces, not the IRGC), else the first.
 */
function forceOf(m: Matcher, state: string, noun: NameToken[]): string | undefined {
  const forces = m.forcesOf.get(state) ?? [];
  return (forces.find((f) => noun.every((t) => f.words.has(t.norm))) ?? forces[0])?.id;
}

function scanPlaces(m: Matcher, toks: NameToken[], strict: boolean): Raw[] {
  return greedy(toks.length, (i) => nameAt(m.placeNames, m.placeFuzzy, m, toks, i, strict))
    .map(([i, f]) => ({ start: toks[i].lead, end: toks[f.end - 1].end, targets: f.targets.filter((t) => t.kind === 'place'), via: f.via, score: f.score }))
    .filter((r) => r.targets.length > 0);
}

function officeCountry(k: Knowledge, officeId: string): string | undefined {
  const org = k.actors.get(k.offices.get(officeId)?.org ?? '');
  return org ? actorCountry(org) : undefined;
}

/** The country most often named in the document (states, demonyms, actors' countries, places); none on a tie. */
function topCountry(k: Knowledge, actors: Raw[], places: Place[]): string | undefined {
  const counts = new Map<string, number>();
  const bump = (c: string | undefined) => c !== undefined && counts.set(c, (counts.get(c) ?? 0) + 1);
  for (const r of actors) {
    const t = r.targets[0];
    bump(r.country);
    if (r.targets.length !== 1) continue;
    if (t.kind === 'demonym') bump(t.id);
    else if (t.kind === 'actor') bump(actorCountry(k.actors.get(t.id)!));
  }
  for (const p of places) bump(placeCountry(k, p.id));
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return ranked.length > 0 && (ranked.length === 1 || ranked[0][1] > ranked[1][1]) ? ranked[0][0] : undefined;
}

/** The one candidate in `country`, if exactly one is. */
function byCountry(candidates: string[], country: string | undefined, countryOf: (id: string) => string | undefined): string | undefined {
  if (country === undefined) return undefined;
  const hits = candidates.filter((c) => countryOf(c) === country);
  return hits.length === 1 ? hits[0] : undefined;
}

/**
 * A shared name ("Hezbollah") means the candidate the document otherwise names, else the one linked
 * by membership to an actor it names (or the force of a state it names), else the one of the document's main
 * country; else nothing.
 */
function resolveContext(k: Knowledge, candidates: string[], named: Set<string>, country: string | undefined, date: string | undefined): { id: string; score: number } | null {
  const actorCountryOf = (id: string) => actorCountry(k.actors.get(id)!);
  const direct = candidates.filter((c) => named.has(c));
  if (direct.length === 1) return { id: direct[0], score: 0.9 };
  // Linked: a member or the body of an actor the document names, or the force of a state it names.
  const linked = candidates.filter(
    (c) => membershipsAt(k, c, date).some((ms) => named.has(ms.id)) || [...named].some((n) => membershipsAt(k, n, date).some((ms) => ms.id === c)) ||
      named.has(k.actors.get(c)?.forcesOf ?? ''),
  );
  const pool = direct.length > 1 ? direct : linked.length > 0 ? linked : candidates;
  if (pool === linked && linked.length === 1) return { id: linked[0], score: 0.8 };
  const id = byCountry(pool, country, actorCountryOf);
  return id === undefined ? null : { id, score: 0.7 };
}

export interface Scan {
  actors: ActorMention[];
  places: PlaceMention[];
}

/** The names found in a text and what does not depend on a date: the date only picks office holders and memberships. */
export interface NameScan {
  readonly matcher: Matcher;
  readonly text: string;
  readonly actors: Raw[];
  /** Places resolved, before those inside an actor's name are dropped. */
  readonly places: PlaceMention[];
  /** The document's main country, if one is. */
  readonly country: string | undefined;
  /** Actors named unambiguously by their own names. */
  readonly named: Set<string>;
}

/** Index of the last mention (in text order) starting at or before `pos`; -1 if none. */
function lastStartingBy(mentions: { start: number }[], pos: number): number {
  let lo = 0;
  let hi = mentions.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function scanNames(m: Matcher, text: string, strict: boolean): NameScan {
  const k = m.knowledge;
  const toks = nameTokens(text, m.normal);
  const rawPlaces = scanPlaces(m, toks, strict);
  const rawActors = scanActors(m, toks, strict);

  const unambiguous = rawPlaces.flatMap((r) => (r.targets.length === 1 ? ids(r.targets) : []));
  const country = topCountry(k, rawActors, unambiguous.map((id) => k.places.get(id)!));
  // A name shared by several places means one in the document's main country if any, and of those the
  // most specific (the city Baghdad, not the province).
  const placeOf = (r: Raw): Place => {
    const all = ids(r.targets).map((id) => k.places.get(id)!);
    const local = all.filter((p) => placeCountry(k, p.id) === country);
    const cands = local.length > 0 ? local : all;
    const depth = (p: Place) => placeAncestors(k, p.id).length;
    const deepest = Math.max(...cands.map(depth));
    return cands.find((p) => depth(p) === deepest)!;
  };
  const places: PlaceMention[] = rawPlaces.map((r) => ({ start: r.start, end: r.end, text: text.slice(r.start, r.end), placeId: placeOf(r).id, via: r.via, score: r.score }));
  const named = new Set(rawActors.flatMap((r) => (r.targets.length === 1 && r.targets[0].kind === 'actor' ? [r.targets[0].id] : [])));
  return { matcher: m, text, actors: rawActors, places, country, named };
}

function resolve(names: NameScan, date: string | undefined): Scan {
  const { matcher: m, text, country, named } = names;
  const k = m.knowledge;
  const actors: ActorMention[] = [];
  const push = (r: Raw, actorId: string, via: ActorMention['via'], score: number) =>
    actors.push({ start: r.start, end: r.end, text: text.slice(r.start, r.end), actorId, via, score });
  // A name inside a longer place name ("Baghdad airport", "Erbil International Airport") is part of that name, not its
  // actor; but a country named in one of its own regions ("South Lebanon") still names its state.
  const inPlace = (r: Raw) => {
    const p = names.places[lastStartingBy(names.places, r.start)];
    if (p === undefined || r.end > p.end || p.end - p.start <= r.end - r.start) return false;
    const t = r.targets[0];
    return !(t.kind === 'actor' && k.actors.get(t.id)?.type === 'state' && placeCountry(k, p.placeId) === t.id);
  };
  // The given names of a person: every word of their names but the last (the surname).
  const given = (a: { name: string; aliases: string[] }): string[] => [a.name, ...a.aliases].flatMap((n) => n.toLowerCase().split(/[\s-]+/u).slice(0, -1));
  // "Saad al-Saadi", "Saraya Thar al-Muhandis": a person's surname alone after a capitalised word that is neither a title
  // nor one of their own names is part of another name.
  const givenBefore = (end: number): string | undefined => /(\p{Lu}[\p{L}'’.]*)[ \t]+(?:(?:al|el)-)?$/u.exec(text.slice(Math.max(0, end - 30), end))?.[1];
  const otherName = (r: Raw, id: string): boolean => {
    const a = k.actors.get(id);
    if (a?.type !== 'person' || /\s/u.test(text.slice(r.start, r.end))) return false;
    // Alone ("Al-Saadi said"), the surname stands for the full name told last with it ("Saad al-Saadi").
    const bare = text.slice(r.start, r.end).replace(/^(?:al|el)-/iu, '').replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
    const w = givenBefore(r.start) ?? [...text.slice(0, r.start).matchAll(new RegExp(`(?:(?:al|el)-)?${bare}(?![\\p{L}])`, 'giu'))]
      .map((x) => givenBefore(x.index)).filter((g) => g !== undefined).at(-1);
    // Their own given name may be spelt another way ("Anne" for "Ann", "Qassem" for "Qasem").
    const own = (x: string, y: string) => x === y || (Math.min(x.length, y.length) >= 3 && x.slice(0, 3) === y.slice(0, 3));
    return w !== undefined && !m.honorifics.has(w.toLowerCase()) && !given(a).some((x) => own(x, w.toLowerCase()));
  };
  const isPerson = (x: Raw | undefined) => x !== undefined && x.targets.some((t) => t.kind === 'actor' && k.actors.get(t.id)?.type === 'person');
  for (const [i, r] of names.actors.entries()) {
    if (inPlace(r)) continue;
    const kind = r.targets[0].kind;
    if (kind === 'actor') {
      const id = ids(r.targets)[0];
      // "Hussein" after "Fuad Hussein": a surname alone is the person of that surname the report named before.
      const surname = text.slice(r.start, r.end).toLowerCase();
      const before = k.actors.get(id)?.type === 'person' && !/\s/u.test(surname) ?
        actors.findLast((x) => x.actorId !== id && k.actors.get(x.actorId)?.type === 'person' && /\s/u.test(x.text) && x.text.toLowerCase().endsWith(` ${surname}`)) : undefined;
      if (before) push(r, before.actorId, r.via, r.score);
      else if (!otherName(r, id)) push(r, id, r.via, r.score);
    } else if (kind === 'context') {
      const hit = resolveContext(k, ids(r.targets), named, country, date);
      if (hit && !otherName(r, hit.id)) push(r, hit.id, r.via, Math.min(r.score, hit.score));
    } else if (kind === 'office') {
      const cands = ids(r.targets);
      const office = cands.length === 1 ? cands[0] : byCountry(cands, country, (id) => officeCountry(k, id));
      if (office === undefined) continue;
      // A title before a name is no reference to whoever held the office: before a known person it is that person's
      // ("Quds Force commander Qassem Soleimani"), before another name or a longer title its body's ("military
      // spokesman Abdul Karim Khalaf", "Pentagon chief spokesman").
      const next = names.actors[i + 1];
      const person = isPerson(next) && /^\s+$/u.test(text.slice(r.end, next.start)) ? ids(next.targets)[0] : undefined;
      const after = text.slice(r.end, r.end + 40);
      const word = /^\s+([\p{L}'’-]+)/u.exec(after)?.[1];
      const holder = date === undefined ? null : holderOf(k, office, date);
      // The name after the title may be the holder's own ("Prime Minister Mohammed Shia al-Sudani's government").
      const surname = holder?.name.split(/\s+/u).at(-1)?.replace(/^(?:al|el)-/iu, '');
      const holderNamed = surname !== undefined && surname.length > 2 && after.toLowerCase().includes(surname.toLowerCase());
      const titled = word !== undefined && (m.agentNounWords.has(word.toLowerCase()) || (/^\p{Lu}\p{Ll}/u.test(word) && !holderNamed));
      push(r, person ?? (titled ? undefined : holder?.id) ?? k.offices.get(office)!.org, 'office', 0.9);
    } else if (kind === 'coref') {
      const types = new Set(r.targets.flatMap((t) => (t.kind === 'coref' ? t.types : [])));
      // Mentions come in text order: look back only as far as the window reaches.
      for (let j = actors.length - 1; j >= 0 && actors[j].start >= r.start - m.corefWindow; j--) {
        if (types.has(k.actors.get(actors[j].actorId)!.type)) {
          push(r, actors[j].actorId, 'coref', 0.5);
          break;
        }
      }
    }
  }
  // A place named inside a longer actor name ("Islamic Resistance in Iraq", "US forces") is part of that name, not a location;
  // nor is a close spelling of a place that is exactly an actor's name ("Al Mayadeen" the channel, not Mayadin).
  const inName = (p: PlaceMention) => {
    const a = actors[lastStartingBy(actors, p.start)];
    return a !== undefined && p.end <= a.end && (a.end - a.start > p.end - p.start || (p.via === 'fuzzy' && a.via === 'alias' && a.start === p.start));
  };
  return { actors, places: names.places.filter((p) => !inName(p)) };
}

/**
 * Actor and place mentions of `text`, in text order; `text` of each is the exact substring at its
 * offsets. `date` ("YYYY[-MM[-DD]]" or an interval "A/B") picks office holders and memberships.
 */
export function findMentions(m: Matcher, text: string, opts: { date?: string | null } = {}): Scan {
  return mentionsOn(findNames(m, text), opts);
}

/** The names of `text`, to be resolved on one date or several (mentionsOn) without scanning the text again. */
export function findNames(m: Matcher, text: string): NameScan {
  return scanNames(m, text, true);
}

/** The mentions of scanned names on `date` (as in findMentions). */
export function mentionsOn(names: NameScan, opts: { date?: string | null } = {}): Scan {
  const date = opts.date ?? undefined;
  if (date !== undefined && !isDateOrInterval(date)) throw new Error(`findMentions: date "${date}" is not YYYY, YYYY-MM, YYYY-MM-DD or an interval A/B`);
  return resolve(names, date);
}

/** Whether a mention covers the whole name, but for leading common words ("the"). */
function whole(m: Matcher, name: string, x: { start: number; end: number }): boolean {
  const toks = nameTokens(name, m.normal);
  if (toks.length === 0 || x.end !== toks[toks.length - 1].end) return false;
  return toks.every((t) => t.start >= x.start || m.commonWords.has(t.norm));
}

/** The actor a name means on a date: an id, an exact name (any case), an office title, or a guarded fuzzy match. */
export function lookupActor(m: Matcher, name: string, date?: string): Actor | null {
  const k = m.knowledge;
  const byId = k.actors.get(name.trim());
  if (byId) return byId;
  const hit = resolve(scanNames(m, name, false), date).actors.find((a) => whole(m, name, a));
  return hit ? k.actors.get(hit.actorId)! : null;
}

/** The place a name means: an id, an exact name (any case), or a guarded fuzzy match. */
export function lookupPlace(m: Matcher, name: string): Place | null {
  const k = m.knowledge;
  const byId = k.places.get(name.trim());
  if (byId) return byId;
  const hit = resolve(scanNames(m, name, false), undefined).places.find((p) => whole(m, name, p));
  return hit ? k.places.get(hit.placeId)! : null;
}
