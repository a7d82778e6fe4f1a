// Cross-article event resolution: one ResolvedEvent per real happening, with every article that
// reports it kept as a mention. Precision first: two mentions are linked only when nothing speaks
// against it and something positive speaks for it.
//
// Linking rule (mentions a, b of two DIFFERENT articles; a mention links to a cluster only if it
// links to every mention already in it, so a vague mention cannot chain two happenings together):
//   must hold  - same PLOVER type;
//              - same realisation: both happened (occurred / claimed / denied) or both did not
//                (threatened / conditional / planned / hypothetical): a threat is not the attack;
//              - dates, when both are known, overlap with DATE_SLACK days of slack at their precision
//                ("early February" and "7 February" link; 5 and 9 February do not);
//              - sources, when both name some, overlap (unless the same person is the target: sources
//                often disagree on who carried out a killing); targets likewise (overlap = same actor after
//                mapping people to their organisation and forces to their state, or one a member of the
//                other: a faction and its umbrella overlap, two sibling factions do not);
//              - places, when both name one, are the same or nested (Ain al-Asad within Anbar).
//   for it     - a shared target or source actor; or, with no actors on one side, the same place, day
//                precision dates and similar wording (token Jaccard >= MIN_JACCARD_ALONE).
//              - when either date is vague (unknown or wider than WIDE_DAYS) the evidence must be strong:
//                a shared person as target, or both a shared source and a shared target.
//   tie-break  - among clusters it may join, the best mean score: shared person target 2, shared
//                target 1, shared source 1, same place 1, both dates day-precise 1, plus the Jaccard of
//                the words of trigger and evidence.
// Mentions are processed in a canonical order (date, precision, document id, offset), so the result
// does not depend on the order articles come in.
import type { EventOut, EventStatus, Extraction, PloverType } from '../pipeline/types.ts';
import type { Knowledge } from '../knowledge/types.ts';
import { addDays, overlaps as datesOverlap } from '../pipeline/date-range.ts';
import { placeAncestors } from '../knowledge/relations.ts';
import { anyOverlap, overlaps as actorsOverlap } from './actors.ts';
import { canonicalItems, cmp, span, stableId, width, type ResolveItem, type SourceRef } from './input.ts';

export const DATE_SLACK = 1;
export const WIDE_DAYS = 31;
export const MIN_JACCARD_ALONE = 0.3;

const HAPPENED = new Set<EventStatus>(['occurred', 'claimed', 'denied']);
/** When mentions disagree on the status, the most assertive one is shown (the others are kept as disagreements). */
const STATUS_ORDER: EventStatus[] = ['occurred', 'claimed', 'denied', 'planned', 'conditional', 'threatened', 'hypothetical'];

export interface EventMention extends SourceRef {
  /** The event's id within its article's extraction. */
  localId: string;
  published: string | null;
  type: PloverType;
  mode: string;
  trigger: string;
  date: string | null;
  source: string[];
  target: string[];
  location: string;
  placeId: string | null;
  status: EventStatus;
  fatalities: number | null;
  injured: number | string | null;
  attributed_to: string;
}

/** One source's casualty figures for the happening. */
export interface Figure {
  documentId: string;
  documentName: string;
  fatalities: number | null;
  injured: number | string | null;
}

/** A field on which the sources disagree, with what each one says. */
export interface Disagreement {
  field: 'fatalities' | 'injured' | 'source' | 'target' | 'status' | 'location';
  values: Array<{ documentId: string; value: unknown }>;
}

export interface ResolvedEvent {
  /** Stable: from the earliest mention's document id and evidence offsets. */
  id: string;
  type: PloverType;
  mode: string;
  /** The most precise date among the mentions. */
  date: string | null;
  /** The most specific place named (a place nested in another wins); "" when none. */
  location: string;
  placeId: string | null;
  status: EventStatus;
  /** Union over the mentions; disagreements list what each source said when they differ. */
  source: string[];
  target: string[];
  /** The figure when every source that gives one agrees, else null (see figures). */
  fatalities: number | null;
  injured: number | string | null;
  figures: Figure[];
  disagreements: Disagreement[];
  mentions: EventMention[];
}

export interface Resolution {
  items: ResolveItem[];
  events: ResolvedEvent[];
}

function placeIdOf(x: Extraction, location: string): string | null {
  if (!location) return null;
  const p = x.places.find((q) => q.name === location || q.surface.includes(location));
  return p?.id ?? null;
}

function mentionOf(item: ResolveItem, e: EventOut): EventMention {
  return {
    documentId: item.documentId, documentName: item.documentName, published: item.published, localId: e.id,
    evidence: e.evidence, evidence_start: e.evidence_start, evidence_end: e.evidence_end,
    type: e.type, mode: e.mode, trigger: e.trigger, date: e.date, source: [...e.source], target: [...e.target],
    location: e.location, placeId: placeIdOf(item.extraction, e.location), status: e.status,
    fatalities: e.fatalities, injured: e.injured, attributed_to: e.attributed_to,
  };
}

function mentionOrder(a: EventMention, b: EventMention): number {
  return cmp(span(a.date).start, span(b.date).start) || width(a.date) - width(b.date) || cmp(a.documentId, b.documentId) || a.evidence_start - b.evidence_start;
}

/** Which mention came first: the earliest published article, then document id and offset (for the stable id). */
function earliestOrder(a: EventMention, b: EventMention): number {
  return cmp(span(a.published).start, span(b.published).start) || cmp(a.documentId, b.documentId) || a.evidence_start - b.evidence_start;
}

const wordCache = new WeakMap<EventMention, Set<string>>();

function words(m: EventMention): Set<string> {
  let w = wordCache.get(m);
  if (!w) {
    w = new Set(`${m.trigger} ${m.evidence}`.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((x) => x.length > 2));
    wordCache.set(m, w);
  }
  return w;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  let both = 0;
  for (const w of a) if (b.has(w)) both++;
  const all = a.size + b.size - both;
  return all === 0 ? 0 : both / all;
}

/** Same place or one nested in the other; null when either has none. */
function samePlace(k: Knowledge, a: EventMention, b: EventMention): boolean | null {
  if (!a.location || !b.location) return null;
  if (a.placeId && b.placeId) {
    return a.placeId === b.placeId || placeAncestors(k, a.placeId).some((p) => p.id === b.placeId) || placeAncestors(k, b.placeId).some((p) => p.id === a.placeId);
  }
  return a.location.toLowerCase() === b.location.toLowerCase();
}

function isPerson(k: Knowledge, id: string): boolean {
  return k.actors.get(id)?.type === 'person';
}

/** How strongly two mentions are the same happening; null when they must not be linked (rule in the header). */
export function linkScore(k: Knowledge, a: EventMention, b: EventMention): number | null {
  if (a.documentId === b.documentId || a.type !== b.type) return null;
  if (HAPPENED.has(a.status) !== HAPPENED.has(b.status)) return null;
  if (a.date && b.date && !datesOverlap(a.date, b.date, DATE_SLACK)) return null;
  const day = span(a.date ?? b.date).start;
  const sharedSource = a.source.length > 0 && b.source.length > 0 ? anyOverlap(k, a.source, b.source, day) : null;
  const sharedTarget = a.target.length > 0 && b.target.length > 0 ? anyOverlap(k, a.target, b.target, day) : null;
  const personTarget = a.target.some((t) => isPerson(k, t) && b.target.some((u) => actorsOverlap(k, t, u, day) && isPerson(k, u)));
  // Sources often disagree on who carried out a killing; the same person hit on the same days is one happening.
  if ((sharedSource === false && !personTarget) || sharedTarget === false) return null;
  const place = samePlace(k, a, b);
  if (place === false) return null;
  const precise = width(a.date) <= 1 && width(b.date) <= 1;
  const similar = jaccard(words(a), words(b));
  if (!sharedSource && !sharedTarget && !(place && precise && similar >= MIN_JACCARD_ALONE)) return null;
  const vague = width(a.date) > WIDE_DAYS || width(b.date) > WIDE_DAYS;
  if (vague && !personTarget && !(sharedSource && sharedTarget)) return null;
  return (personTarget ? 2 : 0) + (sharedTarget ? 1 : 0) + (sharedSource ? 1 : 0) + (place ? 1 : 0) + (precise ? 1 : 0) + similar;
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0]?.[0] ?? '';
}

function disagreement<T>(field: Disagreement['field'], ms: EventMention[], value: (m: EventMention) => T, given: (v: T) => boolean): Disagreement[] {
  const values = ms.filter((m) => given(value(m))).map((m) => ({ documentId: m.documentId, value: value(m) }));
  return new Set(values.map((v) => JSON.stringify(v.value))).size > 1 ? [{ field, values }] : [];
}

function merge(k: Knowledge, cluster: EventMention[]): ResolvedEvent {
  const mentions = [...cluster].sort(earliestOrder);
  const first = mentions[0];
  const byPrecision = [...mentions].sort((a, b) => width(a.date) - width(b.date) || mentionOrder(a, b));
  // The most specific place is the one with the most enclosing places (Ain al-Asad over Anbar over Iraq).
  const placed = mentions.filter((m) => m.location).sort((a, b) =>
    (b.placeId ? placeAncestors(k, b.placeId).length : -1) - (a.placeId ? placeAncestors(k, a.placeId).length : -1) || earliestOrder(a, b));
  const statuses = [...new Set(mentions.map((m) => m.status))].sort((a, b) => STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b));
  const figures = mentions.filter((m) => m.fatalities !== null || m.injured !== null)
    .map((m) => ({ documentId: m.documentId, documentName: m.documentName, fatalities: m.fatalities, injured: m.injured }));
  const agreed = <T>(vs: T[]): T | null => (new Set(vs.map((v) => JSON.stringify(v))).size === 1 ? vs[0] : null);
  const sorted = (xs: string[]) => [...xs].sort();
  const place = placed[0];
  return {
    id: stableId('ev', first.documentId, String(first.evidence_start), String(first.evidence_end)),
    type: first.type,
    mode: mostCommon(mentions.map((m) => m.mode)),
    date: byPrecision[0].date,
    location: place ? (place.placeId ? k.places.get(place.placeId)?.name ?? place.location : place.location) : '',
    placeId: place?.placeId ?? null,
    status: statuses[0],
    source: sorted([...new Set(mentions.flatMap((m) => m.source))]),
    target: sorted([...new Set(mentions.flatMap((m) => m.target))]),
    fatalities: agreed(figures.map((f) => f.fatalities).filter((v) => v !== null)),
    injured: agreed(figures.map((f) => f.injured).filter((v) => v !== null)),
    figures,
    disagreements: [
      ...disagreement('fatalities', mentions, (m) => m.fatalities, (v) => v !== null),
      ...disagreement('injured', mentions, (m) => m.injured, (v) => v !== null),
      ...disagreement('source', mentions, (m) => sorted(m.source), () => true),
      ...disagreement('target', mentions, (m) => sorted(m.target), () => true),
      ...disagreement('status', mentions, (m) => m.status, () => true),
      ...disagreement('location', mentions, (m) => m.location, (v) => v !== ''),
    ],
    mentions,
  };
}

/** All event mentions of the articles, in canonical order. */
export function eventMentions(items: readonly ResolveItem[]): EventMention[] {
  return canonicalItems(items).flatMap((it) => it.extraction.events.map((e) => mentionOf(it, e))).sort(mentionOrder);
}

/** Groups event mentions of many articles into one event per happening (rule in the header). */
export function resolveEvents(items: readonly ResolveItem[], k: Knowledge): ResolvedEvent[] {
  const clusters: EventMention[][] = [];
  // Only clusters of the same type whose dates can still fit are tried. Mentions come by start day, so a
  // cluster one of whose dated mentions ended (with slack) before this start can take no later mention.
  const open = new Map<string, Array<{ cluster: EventMention[]; until: string }>>();
  for (const m of eventMentions(items)) {
    let best: { cluster: EventMention[]; score: number } | null = null;
    const start = span(m.date).start;
    // Undated mentions come last and may join any cluster of their type.
    const bucket = (open.get(m.type) ?? []).filter((c) => !m.date || c.until >= start);
    open.set(m.type, bucket);
    for (const { cluster } of bucket) {
      const scores = cluster.map((c) => linkScore(k, c, m));
      if (scores.some((s) => s === null)) continue;
      const score = (scores as number[]).reduce((a, b) => a + b, 0) / scores.length;
      if (!best || score > best.score) best = { cluster, score };
    }
    const until = m.date ? addDays(span(m.date).end, DATE_SLACK) : '9999-12-31';
    if (best) {
      best.cluster.push(m);
      const entry = bucket.find((c) => c.cluster === best.cluster);
      if (entry && until < entry.until) entry.until = until;
    } else {
      clusters.push([m]);
      bucket.push({ cluster: clusters[clusters.length - 1], until });
    }
  }
  return clusters.map((c) => merge(k, c)).sort((a, b) => mentionOrder(a.mentions[0], b.mentions[0]) || cmp(a.id, b.id));
}

export function emptyResolution(): Resolution {
  return { items: [], events: [] };
}

/** Adds one article. Linking is global (a new article can bridge or reorder earlier ones), so the
 * clusters are recomputed from all items: the result is always the same as resolving all at once. */
export function addToResolution(state: Resolution, item: ResolveItem, k: Knowledge): Resolution {
  // A re-ingested article replaces its earlier extraction.
  const items = canonicalItems([...state.items.filter((i) => i.documentId !== item.documentId), item]);
  return { items, events: resolveEvents(items, k) };
}
