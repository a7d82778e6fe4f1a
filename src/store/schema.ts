// Row types of the store's tables, shared by both dialects (Kysely's `Database` type).
// JSON columns hold text (the same in SQLite and PostgreSQL); dates are ISO strings so that
// string comparison orders them and both engines behave identically.
import type { Generated } from 'kysely';

export interface DocumentsTable {
  id: string;
  name: string;
  source: string;
  format: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
  published: string | null;
  published_precision: string | null;
  published_basis: string;
  raw: string;
  text: string;
  /** JSON OffsetSegment[] */
  offsets: string;
  /** JSON string[] */
  outlets_cited: string;
  simhash: string;
  /** The 64-bit simhash cut in four 16-bit bands: two hashes within distance 3 share at least one band exactly. */
  sim_b0: string;
  sim_b1: string;
  sim_b2: string;
  sim_b3: string;
  near_duplicate_of: string | null;
  ingested_at: string;
  updated_at: string;
}

export interface ExtractionsTable {
  document_id: string;
  /** JSON Extraction as the pipeline produced it (before corrections). */
  json: string;
  /** 1 on first extraction, +1 on each re-extraction. */
  version: number;
  created_at: string;
}

export interface ActorsUsedTable {
  document_id: string;
  actor_id: string;
  name: string;
  type: string;
  surface: string;
}

export interface PlacesUsedTable {
  document_id: string;
  place_id: string;
  name: string;
  within: string;
  lat: number | null;
  lon: number | null;
  surface: string;
}

export interface MentionsTable {
  id: Generated<number>;
  document_id: string;
  kind: string;
  ref: string;
  text: string;
  start: number;
  end: number;
}

/** Columns every correctable item (event, statement, claim) carries. */
interface ReviewColumns {
  id: string;
  document_id: string;
  local_id: string;
  evidence: string;
  evidence_start: number;
  evidence_end: number;
  /** null | confirmed | rejected | merged | split */
  review: string | null;
  merged_into: string | null;
  /** 1 when a correction edited the row */
  edited: number;
}

export interface EventsTable extends ReviewColumns {
  type: string;
  mode: string;
  trigger: string;
  status: string;
  date: string | null;
  date_start: string | null;
  date_end: string | null;
  /** How long the date span is, as a class (rows.ts `dateSpanClass`): bounds the index range a date filter reads. */
  date_span: number | null;
  date_basis: string;
  location: string;
  place_id: string | null;
  fatalities: number | null;
  injured: string | null;
  source: string;
  target: string;
  attributed_to: string;
}

/**
 * One row per actor taking part in an event. `role` is source, target or both. The other columns copy
 * the event's (dates, review, order) so that the events of one actor are listed from an index alone.
 */
export interface EventActorsTable {
  event_id: string;
  actor_id: string;
  role: string;
  document_id: string;
  evidence_start: number;
  date_start: string | null;
  date_end: string | null;
  date_span: number | null;
  review: string | null;
}

export interface StatementsTable extends ReviewColumns {
  speaker: string;
  speaker_actor: string;
  role: string;
  channel: string;
  date: string | null;
  date_start: string | null;
  date_end: string | null;
  topic: string;
  stance: string;
  stance_detail: string;
}

export interface ClaimsTable extends ReviewColumns {
  quantity: string;
  value: number;
  qualifier: string;
  interval: string | null;
  attributed_to: string;
}

export interface TrucesTable {
  id: string;
  document_id: string;
  local_id: string;
  /** Sorted party ids joined by '+': the same truce reported by several articles shares it. */
  parties_key: string;
  parties: string;
  mediator: string;
  declared: string | null;
  conditions: string;
}

export interface TruceStatesTable {
  truce_id: string;
  seq: number;
  document_id: string;
  parties_key: string;
  date: string;
  date_start: string | null;
  date_end: string | null;
  state: string;
  evidence: string;
  evidence_start: number;
  evidence_end: number;
}

export interface CorrectionsTable {
  id: Generated<number>;
  who: string;
  at: string;
  action: string;
  target: string;
  document_id: string;
  payload: string;
}

export interface ChangesTable {
  id: Generated<number>;
  at: string;
  kind: string;
  document_id: string | null;
  target: string | null;
  detail: string;
}

export interface SearchIndexTable {
  kind: string;
  ref: string;
  document_id: string;
  body: string;
}

export interface Database {
  documents: DocumentsTable;
  extractions: ExtractionsTable;
  actors_used: ActorsUsedTable;
  places_used: PlacesUsedTable;
  mentions: MentionsTable;
  events: EventsTable;
  event_actors: EventActorsTable;
  statements: StatementsTable;
  claims: ClaimsTable;
  truces: TrucesTable;
  truce_states: TruceStatesTable;
  corrections: CorrectionsTable;
  changes: ChangesTable;
  search_index: SearchIndexTable;
}
