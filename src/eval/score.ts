// The scorer of ../shared/eval/SCORING.md: compares one article's Extraction with its gold file.
// Pure functions; the article text is passed in only to place evidence strings.
import type { ClaimOut, EventOut, Extraction, Span, StatementOut, TruceOut } from '../pipeline/types.ts';
import { normalizeName } from '../knowledge/normalize.ts';
import type { GoldActor, GoldClaim, GoldDoc, GoldEvent, GoldStatement } from './gold.ts';
import { dayRange } from '../pipeline/date-range.ts';
import { dateExact, dateWithin, datesCompatible } from './range.ts';

export interface PRF {
  matched: number;
  system: number;
  gold: number;
  p: number;
  r: number;
  f1: number;
}

/** `accuracy` is null when there was nothing to judge (total 0). */
export interface Accuracy {
  correct: number;
  total: number;
  accuracy: number | null;
}

/** The figures judged on every matched event pair. */
export const EVENT_FIGURES = ['status', 'mode', 'source', 'target', 'location', 'date_exact'] as const;
export type EventFigure = (typeof EVENT_FIGURES)[number];

export interface Miss {
  id: string;
  summary: string;
  evidence: string;
}

export interface EventPair {
  system: string;
  gold: string;
  /** Secondary figures the system got wrong on this pair. */
  wrong: EventFigure[];
}

export type EventScore = PRF & Record<EventFigure, Accuracy> & {
  pairs: EventPair[];
  unmatched_gold: Miss[];
  unmatched_system: Miss[];
};

export interface StatementScore extends PRF {
  stance: Accuracy;
  pairs: Array<{ system: string; gold: string; stance: { system: string; gold: string } }>;
  unmatched_gold: Miss[];
  unmatched_system: Miss[];
}

export interface TruceEntryScore {
  truce: string;
  date: string;
  gold: string;
  system: string | null;
}

export interface ArticleScore {
  document: string;
  events: EventScore;
  statements: StatementScore;
  truces: Accuracy & { entries: TruceEntryScore[] };
  claims: PRF;
  published: { system: string | null; gold: string | null; exact: boolean };
}

export interface MicroScore {
  events: PRF & Record<EventFigure, Accuracy>;
  statements: PRF & { stance: Accuracy };
  truces: Accuracy;
  claims: PRF;
  published: Accuracy;
}

// ---------------------------------------------------------------- counting

/** Vacuous cases count as perfect (nothing to find, nothing found wrongly), so F1 is 0 only when one side is empty and the other is not. */
export function prf(matched: number, system: number, gold: number): PRF {
  const p = system === 0 ? 1 : matched / system;
  const r = gold === 0 ? 1 : matched / gold;
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { matched, system, gold, p, r, f1 };
}

export function accuracy(correct: number, total: number): Accuracy {
  return { correct, total, accuracy: total === 0 ? null : correct / total };
}

function tally(flags: boolean[]): Accuracy {
  return accuracy(flags.filter(Boolean).length, flags.length);
}

function sumAccuracy(list: Accuracy[]): Accuracy {
  return accuracy(list.reduce((n, a) => n + a.correct, 0), list.reduce((n, a) => n + a.total, 0));
}

function sumPRF(list: PRF[]): PRF {
  return prf(list.reduce((n, x) => n + x.matched, 0), list.reduce((n, x) => n + x.system, 0), list.reduce((n, x) => n + x.gold, 0));
}

// ---------------------------------------------------------------- actors

/**
 * Actor matching (SCORING.md "Matching actors"): a system actor's names are its id, canonical name
 * and registry aliases; a gold actor's are its actors.json name and aliases plus the spellings the
 * article's gold lists for it. They match when the normalised name sets intersect. Surface forms
 * of the system are left out on purpose: a wrongly resolved mention would otherwise match by its
 * spelling alone.
 */
export class ActorMatcher {
  private readonly system = new Map<string, Set<string>>();
  private readonly gold = new Map<string, Set<string>>();
  private readonly cache = new Map<string, boolean>();

  constructor(system: Extraction, gold: GoldDoc, goldActors: GoldActor[]) {
    for (const a of system.actors) addNames(this.system, a.id, [a.id, a.name, ...a.aliases]);
    for (const a of goldActors) addNames(this.gold, a.id, [a.name, ...a.aliases]);
    for (const a of gold.actors) addNames(this.gold, a.id, a.surface);
  }

  /** Normalised names of a system actor id (its id alone when the extraction does not list it). */
  systemNames(id: string): Set<string> {
    return this.system.get(id) ?? nameSet([id]);
  }

  goldNames(id: string): Set<string> {
    return this.gold.get(id) ?? nameSet([id]);
  }

  matches(systemId: string, goldId: string): boolean {
    const key = `${systemId}\u0000${goldId}`;
    let r = this.cache.get(key);
    if (r === undefined) {
      r = intersects(this.systemNames(systemId), this.goldNames(goldId));
      this.cache.set(key, r);
    }
    return r;
  }

  /** Gold actors of `goldIds` matched by at least one of `systemIds`. */
  countMatched(systemIds: string[], goldIds: string[]): number {
    return goldIds.filter((g) => systemIds.some((s) => this.matches(s, g))).length;
  }

  /** Both lists name the same actors: a one-to-one pairing of all of them exists (two empty lists agree). */
  sameSet(systemIds: string[], goldIds: string[]): boolean {
    const sys = [...new Set(systemIds)];
    const gold = [...new Set(goldIds)];
    if (sys.length !== gold.length) return false;
    const used = new Array<boolean>(sys.length).fill(false);
    const assign = (gi: number): boolean => {
      if (gi === gold.length) return true;
      for (let si = 0; si < sys.length; si++) {
        if (used[si] || !this.matches(sys[si], gold[gi])) continue;
        used[si] = true;
        if (assign(gi + 1)) return true;
        used[si] = false;
      }
      return false;
    };
    return assign(0);
  }
}

function nameSet(names: string[]): Set<string> {
  return new Set(names.map(normalizeName).filter((n) => n !== ''));
}

function addNames(index: Map<string, Set<string>>, id: string, names: string[]): void {
  const set = index.get(id) ?? new Set<string>();
  for (const n of nameSet(names)) set.add(n);
  index.set(id, set);
}

function intersects(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

// ---------------------------------------------------------------- evidence

const ELLIPSIS = /\.\.\.|…/;

/**
 * Where an evidence string sits in the text. System evidence carries offsets, used when they point
 * at the string. Otherwise the first occurrence; evidence shortened with "..." spans from its
 * first piece to the end of its last piece.
 */
export function locateEvidence(text: string, evidence: string, start?: number, end?: number): Span | null {
  if (start !== undefined && end !== undefined && end > start && text.slice(start, end) === evidence) return { start, end };
  const whole = text.indexOf(evidence);
  if (whole >= 0 && evidence !== '') return { start: whole, end: whole + evidence.length };
  const pieces = evidence.split(ELLIPSIS).map((p) => p.trim()).filter((p) => p !== '');
  if (pieces.length < 2) return null;
  const first = text.indexOf(pieces[0]);
  if (first < 0) return null;
  let from = first + pieces[0].length;
  for (const piece of pieces.slice(1)) {
    const at = text.indexOf(piece, from);
    if (at < 0) return null;
    from = at + piece.length;
  }
  return { start: first, end: from };
}

function overlap(a: Span | null, b: Span | null): number {
  if (!a || !b) return 0;
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function systemSpan(text: string, x: { evidence: string; evidence_start: number; evidence_end: number }): Span | null {
  return locateEvidence(text, x.evidence, x.evidence_start, x.evidence_end);
}

// ---------------------------------------------------------------- one-to-one matching

/**
 * Best-first one-to-one matching: every eligible pair gets a key (an array compared
 * lexicographically, larger is better); pairs are taken in decreasing key order, ties in gold
 * then system order, skipping items already taken.
 */
export function matchBestFirst(systemCount: number, goldCount: number, key: (si: number, gi: number) => number[] | null): Array<[number, number]> {
  const cands: Array<{ si: number; gi: number; k: number[] }> = [];
  for (let gi = 0; gi < goldCount; gi++) {
    for (let si = 0; si < systemCount; si++) {
      const k = key(si, gi);
      if (k) cands.push({ si, gi, k });
    }
  }
  cands.sort((a, b) => {
    for (let i = 0; i < Math.max(a.k.length, b.k.length); i++) {
      const d = (b.k[i] ?? 0) - (a.k[i] ?? 0);
      if (d !== 0) return d;
    }
    return a.gi - b.gi || a.si - b.si;
  });
  const usedS = new Set<number>();
  const usedG = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const c of cands) {
    if (usedS.has(c.si) || usedG.has(c.gi)) continue;
    usedS.add(c.si);
    usedG.add(c.gi);
    out.push([c.si, c.gi]);
  }
  return out;
}

function unmatched<T>(items: T[], taken: Set<number>, miss: (x: T) => Miss): Miss[] {
  return items.filter((_, i) => !taken.has(i)).map(miss);
}

// ---------------------------------------------------------------- events

function eventMiss(e: { id: string; type: string; date: string | null; source: string[]; target: string[]; status: string; evidence: string }): Miss {
  return { id: e.id, summary: `${e.type} ${e.date ?? 'no date'} [${e.source.join(',')}] → [${e.target.join(',')}] ${e.status}`, evidence: e.evidence };
}

function locationMatches(system: string, gold: string, doc: GoldDoc): boolean {
  const g = normalizeName(gold);
  const s = normalizeName(system);
  if (s === g) return true;
  // The gold's place entry lists the article's spellings of the same place.
  const place = doc.places.find((p) => normalizeName(p.name) === g);
  return place !== undefined && place.surface.some((x) => normalizeName(x) === s);
}

/**
 * Events match on type, compatible dates and one shared actor (SCORING.md). Among eligible pairs,
 * "best" is, in order: evidence spans that overlap in the text (the same sentence is the surest
 * sign of the same happening), more actors matched in the same role, more actors matched in any
 * role, an exact date, more characters of evidence overlap.
 */
function scoreEvents(system: EventOut[], gold: GoldEvent[], actors: ActorMatcher, doc: GoldDoc, text: string): EventScore {
  const sSpans = system.map((e) => systemSpan(text, e));
  const gSpans = gold.map((e) => locateEvidence(text, e.evidence));
  const pairs = matchBestFirst(system.length, gold.length, (si, gi) => {
    const s = system[si];
    const g = gold[gi];
    if (s.type !== g.type || !datesCompatible(s.date, g.date)) return null;
    const sAll = [...s.source, ...s.target];
    const gAll = [...g.source, ...g.target];
    const any = actors.countMatched(sAll, gAll);
    if (sAll.length + gAll.length > 0 && any === 0) return null;
    const ov = overlap(sSpans[si], gSpans[gi]);
    const roles = actors.countMatched(s.source, g.source) + actors.countMatched(s.target, g.target);
    return [ov > 0 ? 1 : 0, roles, any, dateExact(s.date, g.date) ? 1 : 0, ov];
  });
  const judged: EventPair[] = pairs.map(([si, gi]) => {
    const s = system[si];
    const g = gold[gi];
    const right: Record<EventFigure, boolean> = {
      status: s.status === g.status,
      mode: s.mode === g.mode,
      source: actors.sameSet(s.source, g.source),
      target: actors.sameSet(s.target, g.target),
      location: locationMatches(s.location, g.location, doc),
      date_exact: dateExact(s.date, g.date),
    };
    return { system: s.id, gold: g.id, wrong: EVENT_FIGURES.filter((f) => !right[f]) };
  });
  const figures = Object.fromEntries(
    EVENT_FIGURES.map((f) => [f, tally(judged.map((p) => !p.wrong.includes(f)))]),
  ) as Record<EventFigure, Accuracy>;
  return {
    ...prf(pairs.length, system.length, gold.length),
    ...figures,
    pairs: judged,
    unmatched_gold: unmatched(gold, new Set(pairs.map((p) => p[1])), eventMiss),
    unmatched_system: unmatched(system, new Set(pairs.map((p) => p[0])), eventMiss),
  };
}

// ---------------------------------------------------------------- statements

function statementMiss(s: { id: string; speaker: string; speaker_actor: string; stance: string; evidence: string }): Miss {
  return { id: s.id, summary: `${s.speaker || '?'} (${s.speaker_actor || 'no actor'}) ${s.stance}`, evidence: s.evidence };
}

/** By actor (the speakers' actor ids match) or by name (the system's speaker, or its actor's names, equal the gold speaker's name). */
function speakerMatches(s: StatementOut, g: GoldStatement, actors: ActorMatcher): boolean {
  if (s.speaker_actor !== '' && g.speaker_actor !== '' && actors.matches(s.speaker_actor, g.speaker_actor)) return true;
  const goldName = normalizeName(g.speaker);
  if (goldName === '') return false;
  if (normalizeName(s.speaker) === goldName) return true;
  return s.speaker_actor !== '' && actors.systemNames(s.speaker_actor).has(goldName);
}

/** Statements match on speaker and overlapping evidence; best = more characters of overlap. */
function scoreStatements(system: StatementOut[], gold: GoldStatement[], actors: ActorMatcher, text: string): StatementScore {
  const sSpans = system.map((s) => systemSpan(text, s));
  const gSpans = gold.map((g) => locateEvidence(text, g.evidence));
  const pairs = matchBestFirst(system.length, gold.length, (si, gi) => {
    const ov = overlap(sSpans[si], gSpans[gi]);
    return ov > 0 && speakerMatches(system[si], gold[gi], actors) ? [ov] : null;
  });
  return {
    ...prf(pairs.length, system.length, gold.length),
    stance: tally(pairs.map(([si, gi]) => system[si].stance === gold[gi].stance)),
    pairs: pairs.map(([si, gi]) => ({
      system: system[si].id,
      gold: gold[gi].id,
      stance: { system: system[si].stance, gold: gold[gi].stance },
    })),
    unmatched_gold: unmatched(gold, new Set(pairs.map((p) => p[1])), statementMiss),
    unmatched_system: unmatched(system, new Set(pairs.map((p) => p[0])), statementMiss),
  };
}

// ---------------------------------------------------------------- truces

/**
 * The system's state of a truce on a date: among the system truces whose parties match the gold
 * parties one-to-one, the latest state_as_of entry starting on or before the end of the gold date
 * (on equal starts, the one listed last). Null when there is no such entry.
 */
export function systemTruceState(system: TruceOut[], goldParties: string[], goldDate: string, actors: ActorMatcher): string | null {
  const g = dayRange(goldDate);
  if (!g) return null;
  let best: { start: string; state: string } | null = null;
  for (const t of system) {
    if (!actors.sameSet(t.parties, goldParties)) continue;
    for (const e of t.state_as_of) {
      const r = dayRange(e.date);
      if (!r || r.start > g.end) continue;
      if (!best || r.start >= best.start) best = { start: r.start, state: e.state };
    }
  }
  return best?.state ?? null;
}

function scoreTruces(system: TruceOut[], gold: GoldDoc['truces'], actors: ActorMatcher): ArticleScore['truces'] {
  const entries: TruceEntryScore[] = gold.flatMap((t) =>
    t.state_as_of.map((e) => ({ truce: t.id, date: e.date, gold: e.state, system: systemTruceState(system, t.parties, e.date, actors) })),
  );
  return { ...tally(entries.map((e) => e.system === e.gold)), entries };
}

// ---------------------------------------------------------------- claims

function scoreClaims(system: ClaimOut[], gold: GoldClaim[], text: string): PRF {
  const sSpans = system.map((c) => systemSpan(text, c));
  const gSpans = gold.map((c) => locateEvidence(text, c.evidence));
  const pairs = matchBestFirst(system.length, gold.length, (si, gi) => {
    const ov = overlap(sSpans[si], gSpans[gi]);
    return ov > 0 && system[si].value === gold[gi].value ? [ov] : null;
  });
  return prf(pairs.length, system.length, gold.length);
}

// ---------------------------------------------------------------- article, micro-average

/**
 * Scores one article. `text` is the article as read (the system's evidence offsets point into
 * it); `goldActors` is actors.json.
 */
export function scoreArticle(system: Extraction, gold: GoldDoc, goldActors: GoldActor[], text: string): ArticleScore {
  const actors = new ActorMatcher(system, gold, goldActors);
  return {
    document: gold.document,
    events: scoreEvents(system.events, gold.events, actors, gold, text),
    statements: scoreStatements(system.statements, gold.statements, actors, text),
    truces: scoreTruces(system.truces, gold.truces, actors),
    claims: scoreClaims(system.claims, gold.claims, text),
    // Exact at the gold's precision: inside the gold day, month, year or interval (a system day inside a gold "a/b" interval, or that interval itself).
    published: { system: system.published, gold: gold.published, exact: dateWithin(system.published, gold.published) },
  };
}

/** Sums counts over articles, then takes ratios: every event, statement and entry weighs the same. */
export function microAverage(scores: ArticleScore[]): MicroScore {
  const figures = Object.fromEntries(
    EVENT_FIGURES.map((f) => [f, sumAccuracy(scores.map((s) => s.events[f]))]),
  ) as Record<EventFigure, Accuracy>;
  return {
    events: { ...sumPRF(scores.map((s) => s.events)), ...figures },
    statements: { ...sumPRF(scores.map((s) => s.statements)), stance: sumAccuracy(scores.map((s) => s.statements.stance)) },
    truces: sumAccuracy(scores.map((s) => s.truces)),
    claims: sumPRF(scores.map((s) => s.claims)),
    published: tally(scores.map((s) => s.published.exact)),
  };
}
