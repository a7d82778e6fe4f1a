// Pure conversion of a pipeline Document + Extraction into table rows, and the stable keys
// that let corrections find "the same" item again after the document is re-extracted.
import { createHash } from 'node:crypto';
import type { Annotated, Document, Extraction, OffsetSegment } from '../pipeline/types.ts';
import { dayRange } from '../pipeline/date-range.ts';
import { toCleanOffset } from '../ingest/clean.ts';
import type { ActorsUsedTable, ClaimsTable, DocumentsTable, EventActorsTable, EventsTable, MentionsTable, PlacesUsedTable, SearchIndexTable, StatementsTable, TruceStatesTable, TrucesTable } from './schema.ts';

export type Mentions = Pick<Annotated, 'actors' | 'places' | 'times'>;

function hash(...parts: (string | number)[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}

/** Item keys depend on the document, the item kind, its type and its evidence offsets: not on the extractor's local numbering. */
export function eventKey(documentId: string, type: string, start: number, end: number): string {
  return `ev_${hash(documentId, type, start, end)}`;
}
export function statementKey(documentId: string, start: number, end: number): string {
  return `st_${hash(documentId, 'statement', start, end)}`;
}
export function claimKey(documentId: string, quantity: string, start: number, end: number): string {
  return `cl_${hash(documentId, quantity, start, end)}`;
}
export function partiesKey(parties: string[]): string {
  return [...parties].sort().join('+');
}
export function truceKey(documentId: string, parties: string[]): string {
  return `tr_${hash(documentId, partiesKey(parties))}`;
}

/** The 64-bit simhash (16 hex digits) in four 16-bit bands. */
export function simhashBands(simhash: string): [string, string, string, string] {
  const h = simhash.toLowerCase().padStart(16, '0');
  return [h.slice(0, 4), h.slice(4, 8), h.slice(8, 12), h.slice(12, 16)];
}

export function dateBounds(value: string | null | undefined): { start: string | null; end: string | null } {
  const r = value ? dayRange(value) : null;
  return { start: r?.start ?? null, end: r?.end ?? null };
}

/**
 * Upper bounds (in days, inclusive) of the date span classes: a day, a week, a month, a quarter, a year,
 * four years; anything longer (or unreadable) is class SPAN_BOUNDS.length. A date filter reads, per class,
 * only the events that start at most that many days before `from` (see `spanBranches` in index.ts).
 * The SQL of migration 0003 computes the same classes: change both together, in a new migration.
 */
export const SPAN_BOUNDS = [0, 7, 31, 100, 372, 1500] as const;

/** A day as a number that grows by at least one per calendar day: y·372 + (m−1)·31 + d, so spans are never underestimated. */
function dayNumber(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? Number(m[1]) * 372 + (Number(m[2]) - 1) * 31 + Number(m[3]) : null;
}

/** The span class of a date range (null when undated). */
export function dateSpanClass(start: string | null, end: string | null): number | null {
  if (start === null) return null;
  const a = dayNumber(start);
  const b = end === null ? null : dayNumber(end);
  if (a === null || b === null) return SPAN_BOUNDS.length;
  const k = SPAN_BOUNDS.findIndex((bound) => b - a <= bound);
  return k < 0 ? SPAN_BOUNDS.length : k;
}

/** The pipeline Document a stored row came from (a near-duplicate's has no text). */
export function storedDocument(r: DocumentsTable): Document {
  return {
    id: r.id, source: r.source, name: r.name, format: r.format as Document['format'], url: r.url ?? undefined, title: r.title ?? undefined,
    outlet: r.outlet ?? undefined, raw: r.raw, text: r.text, offsets: JSON.parse(r.offsets) as OffsetSegment[],
    outletsCited: JSON.parse(r.outlets_cited) as string[], simhash: r.simhash,
  };
}

/** The clean-text span of a raw-text span [start, end), or nulls where cleaning dropped the text. */
export function cleanSpan(doc: Document, start: number, end: number): { start: number | null; end: number | null } {
  try {
    const last = end > start ? toCleanOffset(doc, end - 1) : null;
    return { start: toCleanOffset(doc, start), end: last === null ? null : last + 1 };
  } catch {
    return { start: null, end: null };
  }
}

/** Ensures keys are unique within one document even if two items share type and evidence. */
function uniquer(): (key: string) => string {
  const seen = new Map<string, number>();
  return (key) => {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}.${n}`;
  };
}

export interface ExtractionRows {
  actors: ActorsUsedTable[];
  places: PlacesUsedTable[];
  mentions: Omit<MentionsTable, 'id'>[];
  events: EventsTable[];
  eventActors: EventActorsTable[];
  statements: StatementsTable[];
  claims: ClaimsTable[];
  truces: TrucesTable[];
  truceStates: TruceStatesTable[];
  search: SearchIndexTable[];
}

const unreviewed = { review: null, merged_into: null, edited: 0 };

export function documentRow(doc: Document, extraction: Extraction, now: string, nearDuplicateOf: string | null): DocumentsTable {
  const [b0, b1, b2, b3] = simhashBands(doc.simhash);
  // A near-duplicate keeps its identity and metadata but not its text: the original holds that.
  const dup = nearDuplicateOf !== null;
  return {
    id: doc.id, name: doc.name, source: doc.source, format: doc.format,
    url: doc.url ?? null, title: doc.title ?? null, outlet: doc.outlet ?? null,
    published: extraction.published, published_precision: extraction.published_precision, published_basis: extraction.published_basis,
    raw: dup ? '' : doc.raw, text: dup ? '' : doc.text, offsets: JSON.stringify(dup ? [] : doc.offsets),
    outlets_cited: JSON.stringify(doc.outletsCited),
    simhash: doc.simhash, sim_b0: b0, sim_b1: b1, sim_b2: b2, sim_b3: b3,
    near_duplicate_of: nearDuplicateOf, ingested_at: now, updated_at: now,
  };
}

/** The id of an event's place: the extraction names the place, the document's places list gives its id. */
export function placeIdOf(places: { id: string; name: string }[], location: string): string | null {
  if (!location) return null;
  return places.find((p) => p.name === location)?.id ?? null;
}

export function extractionRows(doc: Document, x: Extraction, mentions?: Mentions): ExtractionRows {
  const d = doc.id;
  const rows: ExtractionRows = { actors: [], places: [], mentions: [], events: [], eventActors: [], statements: [], claims: [], truces: [], truceStates: [], search: [] };
  rows.search.push({ kind: 'document', ref: d, document_id: d, body: [doc.title ?? '', doc.text].filter(Boolean).join('\n') });
  for (const a of x.actors) rows.actors.push({ document_id: d, actor_id: a.id, name: a.name, type: a.type, surface: JSON.stringify(a.surface) });
  for (const p of x.places) rows.places.push({ document_id: d, place_id: p.id, name: p.name, within: p.within, lat: p.lat, lon: p.lon, surface: JSON.stringify(p.surface) });
  if (mentions) {
    for (const m of mentions.actors) rows.mentions.push({ document_id: d, kind: 'actor', ref: m.actorId, text: m.text, start: m.start, end: m.end });
    for (const m of mentions.places) rows.mentions.push({ document_id: d, kind: 'place', ref: m.placeId, text: m.text, start: m.start, end: m.end });
    for (const m of mentions.times) rows.mentions.push({ document_id: d, kind: 'time', ref: m.value, text: m.text, start: m.start, end: m.end });
  }
  const unique = uniquer();
  for (const e of x.events) {
    const id = unique(eventKey(d, e.type, e.evidence_start, e.evidence_end));
    const b = dateBounds(e.date);
    rows.events.push({
      id, document_id: d, local_id: e.id, type: e.type, mode: e.mode, trigger: e.trigger, status: e.status,
      date: e.date, date_start: b.start, date_end: b.end, date_span: dateSpanClass(b.start, b.end), date_basis: e.date_basis,
      location: e.location, place_id: placeIdOf(x.places, e.location),
      fatalities: e.fatalities, injured: e.injured === null ? null : String(e.injured),
      source: JSON.stringify(e.source), target: JSON.stringify(e.target), attributed_to: e.attributed_to,
      evidence: e.evidence, evidence_start: e.evidence_start, evidence_end: e.evidence_end, ...unreviewed,
    });
    rows.eventActors.push(...eventActorRows(rows.events[rows.events.length - 1], e.source, e.target));
    rows.search.push({ kind: 'event', ref: id, document_id: d, body: e.evidence });
  }
  for (const s of x.statements) {
    const id = unique(statementKey(d, s.evidence_start, s.evidence_end));
    const b = dateBounds(s.date);
    rows.statements.push({
      id, document_id: d, local_id: s.id, speaker: s.speaker, speaker_actor: s.speaker_actor, role: s.role, channel: s.channel,
      date: s.date, date_start: b.start, date_end: b.end, topic: s.topic, stance: s.stance, stance_detail: s.stance_detail,
      evidence: s.evidence, evidence_start: s.evidence_start, evidence_end: s.evidence_end, ...unreviewed,
    });
    rows.search.push({ kind: 'statement', ref: id, document_id: d, body: s.evidence });
  }
  x.claims.forEach((c, i) => {
    const id = unique(claimKey(d, c.quantity, c.evidence_start, c.evidence_end));
    rows.claims.push({
      id, document_id: d, local_id: `c${String(i + 1).padStart(2, '0')}`, quantity: c.quantity, value: c.value, qualifier: c.qualifier,
      interval: c.interval, attributed_to: c.attributed_to,
      evidence: c.evidence, evidence_start: c.evidence_start, evidence_end: c.evidence_end, ...unreviewed,
    });
    rows.search.push({ kind: 'claim', ref: id, document_id: d, body: c.evidence });
  });
  for (const t of x.truces) {
    const id = unique(truceKey(d, t.parties));
    const pk = partiesKey(t.parties);
    rows.truces.push({
      id, document_id: d, local_id: t.id, parties_key: pk, parties: JSON.stringify(t.parties), mediator: JSON.stringify(t.mediator),
      declared: t.declared, conditions: t.conditions,
    });
    t.state_as_of.forEach((s, seq) => {
      const b = dateBounds(s.date);
      rows.truceStates.push({
        truce_id: id, seq, document_id: d, parties_key: pk, date: s.date, date_start: b.start, date_end: b.end, state: s.state,
        evidence: s.evidence, evidence_start: s.evidence_start, evidence_end: s.evidence_end,
      });
    });
  }
  return rows;
}

/**
 * The actors of an event row, one row per actor (an actor on both sides is `both`), with the event's listing columns.
 * `source` and `target` are the row's lists, parsed here unless the caller has them.
 */
export function eventActorRows(e: EventsTable, source = JSON.parse(e.source) as string[], target = JSON.parse(e.target) as string[]): EventActorsTable[] {
  const roles = new Map<string, string>();
  for (const a of source) roles.set(a, 'source');
  for (const a of target) roles.set(a, roles.get(a) === 'source' ? 'both' : 'target');
  return [...roles].map(([actor, role]) => ({
    event_id: e.id, actor_id: actor, role, document_id: e.document_id, evidence_start: e.evidence_start,
    date_start: e.date_start, date_end: e.date_end, date_span: e.date_span, review: e.review,
  }));
}
