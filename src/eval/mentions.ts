// Actor-mention recall and precision against the gold actors[].surface lists (issue "Knowledge
// packs"), for TruceWatch's annotated mentions and, side by side, for compromise's named entities
// on the same text. All spans are in the article as read (raw text), so the gold mentions on lines
// the cleaner dropped still count.
import type { Span } from '../pipeline/types.ts';

export interface MentionScore {
  system: number;
  gold: number;
  /** System mentions that overlap a gold mention. */
  correct: number;
  /** Gold mentions overlapped by a system mention. */
  found: number;
  p: number;
  r: number;
  f1: number;
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/**
 * Every case-sensitive occurrence of every surface string, at word boundaries (so "America" is not
 * found inside "American"); where occurrences overlap or nest, the longest is kept.
 */
export function surfaceOccurrences(text: string, surfaces: string[]): Span[] {
  const all: Span[] = [];
  for (const s of new Set(surfaces)) {
    if (s === '') continue;
    for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + 1)) {
      if (isWordChar(text[i - 1]) && isWordChar(s[0])) continue;
      if (isWordChar(text[i + s.length]) && isWordChar(s[s.length - 1])) continue;
      all.push({ start: i, end: i + s.length });
    }
  }
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Span[] = [];
  for (const m of all) if (!kept.some((k) => overlaps(k, m))) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** A system mention is correct when it overlaps a gold mention; a gold mention is found when a system mention overlaps it. Vacuous sides count as perfect. */
export function scoreMentions(system: Span[], gold: Span[]): MentionScore {
  const uniq = [...new Map(system.map((s) => [`${s.start}:${s.end}`, s])).values()];
  const correct = uniq.filter((s) => gold.some((g) => overlaps(s, g))).length;
  const found = gold.filter((g) => uniq.some((s) => overlaps(s, g))).length;
  return addRates({ system: uniq.length, gold: gold.length, correct, found });
}

function addRates(c: Omit<MentionScore, 'p' | 'r' | 'f1'>): MentionScore {
  const p = c.system === 0 ? 1 : c.correct / c.system;
  const r = c.gold === 0 ? 1 : c.found / c.gold;
  return { ...c, p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** Sums counts over articles, then takes ratios. */
export function sumMentions(list: MentionScore[]): MentionScore {
  const sum = (k: 'system' | 'gold' | 'correct' | 'found') => list.reduce((n, x) => n + x[k], 0);
  return addRates({ system: sum('system'), gold: sum('gold'), correct: sum('correct'), found: sum('found') });
}

export interface EntitySpans {
  people: Span[];
  organizations: Span[];
  places: Span[];
}

interface CompromiseMatch {
  offset?: { start: number; length: number };
}
interface CompromiseView {
  json(opts: { offset: true }): CompromiseMatch[];
}
interface CompromiseDoc {
  people(): CompromiseView;
  organizations(): CompromiseView;
  places(): CompromiseView;
}
export type Compromise = (text: string) => CompromiseDoc;

/** compromise's people, organizations and places on `text`, as spans of it. */
export function compromiseEntities(nlp: Compromise, text: string): EntitySpans {
  const doc = nlp(text);
  const spans = (v: CompromiseView): Span[] =>
    v.json({ offset: true }).flatMap((m) => (m.offset ? [{ start: m.offset.start, end: m.offset.start + m.offset.length }] : []));
  return { people: spans(doc.people()), organizations: spans(doc.organizations()), places: spans(doc.places()) };
}
