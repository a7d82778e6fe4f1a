// The store's public contract: what callers (CLI, API, dashboard) pass in and get back.
import type { Document, Extraction } from '../pipeline/types.ts';
import type { DialectName, SearchHit } from './dialect.ts';
import type { CorrectionInput } from './corrections.ts';
import type { Mentions } from './rows.ts';

export const MAX_PAGE = 500;
/**
 * Event listings and search count their matches up to this many (or up to the page's end, when further): past it
 * `total` is a lower bound (`total_exact: false`). Counting a million matches costs more than the page.
 */
export const COUNT_CAP = 10_000;

export interface Page<T> {
  items: T[];
  total: number;
}

/**
 * A page of a listing that counts its matches only up to a cap (events, search): `total_exact` is false
 * when counting stopped there, and `total` is then a lower bound (there are at least that many, and always
 * more than `offset + limit` when another page follows).
 */
export interface CappedPage<T> extends Page<T> {
  total_exact: boolean;
}

export type EventPage = CappedPage<EventItem>;

/** Search ranks its matches by relevance only when at most this many rows match; past it, newest first. */
export const SEARCH_RANK_LIMIT = 1_000;

export interface SearchPage extends CappedPage<SearchHit> {
  /** True when the hits are ordered by relevance; false when more than SEARCH_RANK_LIMIT rows matched and the most recently indexed come first. */
  ranked: boolean;
}

export interface PageQuery {
  limit?: number;
  offset?: number;
}

export interface SaveOptions {
  /** Mention offsets (actors, places, times) to keep for the document view. */
  mentions?: Mentions;
  /** Re-extraction: replace the stored extraction of an already stored document (corrections are re-applied). */
  replace?: boolean;
}

export interface SaveResult {
  status: 'added' | 'unchanged' | 'near-duplicate' | 'updated';
  id: string;
  duplicateOf?: string;
}

/** One document of a batch save. */
export interface SaveItem {
  doc: Document;
  extraction: Extraction;
  opts?: SaveOptions;
}

/** A document of a batch that could not be saved; the others of the batch are. */
export interface SaveFailure {
  status: 'failed';
  id: string;
  error: string;
}

export interface EventFilter extends PageQuery {
  /** Day, month or year (inclusive): events whose date span overlaps [from, to]. */
  from?: string;
  to?: string;
  type?: string[];
  mode?: string[];
  status?: string[];
  /** Actor id taking part, as source or target. */
  actor?: string;
  /** Place id or location name. */
  place?: string;
  /** Words that must occur in the evidence or trigger. */
  text?: string;
  document?: string;
  /** Include rejected, merged and split items (hidden by default). */
  includeHidden?: boolean;
}

export interface StatementFilter extends PageQuery {
  from?: string;
  to?: string;
  actor?: string;
  topic?: string[];
  stance?: string[];
  text?: string;
  document?: string;
  includeHidden?: boolean;
}

export interface ClaimFilter extends PageQuery {
  text?: string;
  document?: string;
  includeHidden?: boolean;
}

export interface Review {
  review: string | null;
  merged_into: string | null;
  edited: boolean;
}

export interface DocumentSummary {
  id: string;
  name: string;
  source: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
  published: string | null;
  published_precision: string | null;
  near_duplicate_of: string | null;
  ingested_at: string;
  updated_at: string;
  events: number;
}

export interface Span {
  kind: string;
  ref: string;
  label: string;
  /** Offsets in the clean text (null when the span lies in text that cleaning dropped). */
  start: number | null;
  end: number | null;
}

export interface DocumentDetail extends DocumentSummary {
  format: string;
  published_basis: string;
  outlets_cited: string[];
  simhash: string;
  text: string;
  extraction_version: number | null;
  near_duplicates: string[];
  spans: Span[];
}

export interface EventItem extends Review {
  id: string;
  document_id: string;
  document: string;
  local_id: string;
  type: string;
  mode: string;
  trigger: string;
  status: string;
  date: string | null;
  date_start: string | null;
  date_end: string | null;
  date_basis: string;
  location: string;
  place_id: string | null;
  /** The place's enclosing places as the pack gives them ("Anbar Governorate, Iraq"); "" when unknown. */
  within: string;
  lat: number | null;
  lon: number | null;
  fatalities: number | null;
  injured: string | null;
  source: string[];
  target: string[];
  attributed_to: string;
  evidence: string;
  evidence_start: number;
  evidence_end: number;
  url: string | null;
  outlet: string | null;
  published: string | null;
}

export interface StatementItem extends Review {
  id: string;
  document_id: string;
  local_id: string;
  speaker: string;
  speaker_actor: string;
  role: string;
  channel: string;
  date: string | null;
  topic: string;
  stance: string;
  stance_detail: string;
  evidence: string;
  evidence_start: number;
  evidence_end: number;
}

export interface ClaimItem extends Review {
  id: string;
  document_id: string;
  quantity: string;
  value: number;
  qualifier: string;
  interval: string | null;
  attributed_to: string;
  evidence: string;
  evidence_start: number;
  evidence_end: number;
}

export interface ActorItem {
  id: string;
  name: string;
  type: string;
  documents: number;
  events: number;
}

export interface PlaceItem {
  id: string;
  name: string;
  within: string;
  lat: number | null;
  lon: number | null;
  documents: number;
}

export interface TruceStateItem {
  date: string;
  state: string;
  document_id: string;
  evidence: string;
  evidence_start: number;
  evidence_end: number;
}

/** One truce across every article that reports it (same parties). */
export interface TruceItem {
  id: string;
  parties: string[];
  mediator: string[];
  declared: string | null;
  conditions: string[];
  documents: string[];
  /** The latest reported state on or before `as_of` (null when none is known). */
  state: TruceStateItem | null;
  /** Other states reported for the same date as `state` that disagree with it. */
  disputed_by: TruceStateItem[];
  states: TruceStateItem[];
}

export interface ChangeItem {
  id: number;
  at: string;
  kind: string;
  document_id: string | null;
  target: string | null;
  detail: Record<string, unknown>;
}

export interface CorrectionItem {
  id: number;
  who: string;
  at: string;
  action: string;
  target: string;
  document_id: string;
  payload: Record<string, unknown>;
}

export interface Store {
  readonly dialect: DialectName;
  saveDocument(doc: Document, extraction: Extraction, opts?: SaveOptions): Promise<SaveResult>;
  /**
   * Saves several documents in one transaction, each as saveDocument would, under its own savepoint: one
   * that fails is left out and reported, the others are stored. One commit for the batch is much cheaper
   * than one per document. Throws only when the batch as a whole cannot be committed (nothing is stored).
   */
  saveBatch(items: SaveItem[]): Promise<Array<SaveResult | SaveFailure>>;
  hasDocument(id: string): Promise<boolean>;
  listDocuments(q?: PageQuery): Promise<Page<DocumentSummary>>;
  getDocument(id: string): Promise<DocumentDetail | null>;
  listEvents(f?: EventFilter): Promise<EventPage>;
  listStatements(f?: StatementFilter): Promise<Page<StatementItem>>;
  listClaims(f?: ClaimFilter): Promise<Page<ClaimItem>>;
  listActors(q?: PageQuery & { q?: string }): Promise<Page<ActorItem>>;
  listPlaces(q?: PageQuery & { q?: string }): Promise<Page<PlaceItem>>;
  listTruces(q?: PageQuery & { asOf?: string }): Promise<Page<TruceItem>>;
  search(q: string, opts?: PageQuery & { kinds?: string[] }): Promise<SearchPage>;
  /** Changes strictly after the ISO timestamp `since`, oldest first. */
  changesSince(since: string, q?: PageQuery): Promise<Page<ChangeItem>>;
  /** Records and applies a correction; throws StoreError('not_found') when the target is unknown. */
  addCorrection(c: CorrectionInput): Promise<CorrectionItem>;
  listCorrections(q?: PageQuery & { target?: string; document?: string }): Promise<Page<CorrectionItem>>;
  close(): Promise<void>;
}

/** An error the caller can map to a status: bad input or a missing item. */
export class StoreError extends Error {
  constructor(readonly code: 'invalid' | 'not_found', message: string) {
    super(message);
  }
}
