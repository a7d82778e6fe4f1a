// The typed values that flow through the pipeline, one stage to the next:
//   InputDoc → Document → Annotated → Extraction
// Every stage is a pure function from one of these to the next (see pipeline/run.ts).

/** Precision of a resolved date. */
export type Precision = 'day' | 'week' | 'month' | 'season' | 'year';

/** What a date expression denotes: a point, the start of an open interval ("since ..."), or a span of time ("for five months"). */
export type TimeKind = 'point' | 'since' | 'until' | 'interval' | 'duration';

/** A half-open character span [start, end) in a document's clean text. */
export interface Span {
  start: number;
  end: number;
}

/** One input as read from a file, feed item or JSON line, before cleaning. */
export interface InputDoc {
  /** Where it came from: a file path, "feed.xml#3", "items.jsonl:12". Used in error messages. */
  source: string;
  /** Short display name; for a file, its base name (the `document` field of the output). */
  name: string;
  format: 'text' | 'html' | 'feed-item' | 'jsonl';
  /** Text of the report as read (for HTML: readability's text content), not yet cleaned. */
  raw: string;
  url?: string;
  title?: string;
  outlet?: string;
  /** Publication date from metadata (feed pubDate, JSON `published`, HTML meta), ISO string as given. */
  metaPublished?: string;
}

/** Maps clean-text offsets back to raw-text offsets: cleaning only drops whole lines, so each kept piece is copied verbatim. */
export interface OffsetSegment {
  clean: number;
  raw: number;
  length: number;
}

export interface Published {
  /** ISO day, month, year, or "a/b" interval of days; null when unknown. */
  value: string | null;
  precision: 'day' | 'month' | 'year' | null;
  /** In words: "dateline at the top", "feed pubDate", "latest dated happening + 'On Sunday'". */
  basis: string;
}

/** A cleaned report. */
export interface Document {
  /** Content hash of the clean text (sha256 hex): the same report re-ingested is the same id. */
  id: string;
  source: string;
  name: string;
  format: InputDoc['format'];
  url?: string;
  title?: string;
  outlet?: string;
  metaPublished?: string;
  raw: string;
  /** Clean text: the report's sentences, verbatim, without scraping boilerplate. */
  text: string;
  offsets: OffsetSegment[];
  /** Media the article quotes or names as its source ("told Al-Araby Al-Jadeed"). */
  outletsCited: string[];
  /** SimHash of word shingles, 64-bit as 16 hex digits, for near-duplicate linking. */
  simhash: string;
}

export interface Token extends Span {
  text: string;
  /** Universal POS tag from wink-nlp. */
  pos: string;
  /** Index of the sentence the token belongs to. */
  sentence: number;
}

export interface Sentence extends Span {
  text: string;
  /** Index of its first token and one past its last. */
  tokenStart: number;
  tokenEnd: number;
}

/** A date expression found in text and resolved against a reference day. */
export interface TimeMention extends Span {
  text: string;
  /** ISO day "2024-08-05", month "2024-02", year "2024", or interval "2024-02-01/2024-02-10". */
  value: string;
  precision: Precision;
  kind: TimeKind;
}

export interface ActorMention extends Span {
  text: string;
  actorId: string;
  /** How it was found: exact alias, guarded fuzzy match, office title resolved on a date, or coreference. */
  via: 'alias' | 'fuzzy' | 'office' | 'coref';
  score: number;
}

export interface PlaceMention extends Span {
  text: string;
  placeId: string;
  via: 'alias' | 'fuzzy';
  score: number;
}

/** A document with its linguistic annotations and mentions. */
export interface Annotated {
  doc: Document;
  published: Published;
  sentences: Sentence[];
  tokens: Token[];
  actors: ActorMention[];
  places: PlaceMention[];
  times: TimeMention[];
}

// ---- Extraction: the GOLD_FORMAT shape (../shared/eval/GOLD_FORMAT.md), plus offsets ----

export type EventStatus = 'occurred' | 'claimed' | 'threatened' | 'conditional' | 'planned' | 'denied' | 'hypothetical';

export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;

export type PloverType = (typeof PLOVER_TYPES)[number];

export const STANCES = [
  'truce_proposed', 'truce_holding', 'truce_conditional', 'truce_support', 'truce_reject', 'truce_ended',
  'will_attack', 'support_attacks', 'oppose_attacks', 'claim_responsibility', 'deny_responsibility',
  'threaten', 'demand_withdrawal', 'support_presence', 'negotiations_progress', 'negotiations_stalled', 'other',
] as const;
export type Stance = (typeof STANCES)[number];

export type TruceState = 'proposed' | 'in_force' | 'strained' | 'contested' | 'ended' | 'resumed';

export type Topic = 'truce' | 'us_presence' | 'attacks' | 'negotiations' | 'other';

/** Evidence: an exact substring of the article and its offsets in the raw text. */
export interface EvidenceRef {
  evidence: string;
  evidence_start: number;
  evidence_end: number;
}

export interface ActorOut {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  surface: string[];
}

export interface PlaceOut {
  id: string;
  name: string;
  surface: string[];
  within: string;
  lat: number | null;
  lon: number | null;
}

export interface EventOut extends EvidenceRef {
  id: string;
  type: PloverType;
  mode: string;
  trigger: string;
  date: string | null;
  date_basis: string;
  source: string[];
  target: string[];
  location: string;
  status: EventStatus;
  fatalities: number | null;
  injured: number | string | null;
  attributed_to: string;
}

export interface StatementOut extends EvidenceRef {
  id: string;
  speaker: string;
  speaker_actor: string;
  role: string;
  channel: string;
  date: string | null;
  topic: Topic;
  stance: Stance;
  stance_detail: string;
}

export interface TruceStateOut extends EvidenceRef {
  date: string;
  state: TruceState;
}

export interface TruceOut {
  id: string;
  parties: string[];
  mediator: string[];
  declared: string | null;
  conditions: string;
  state_as_of: TruceStateOut[];
}

export interface ClaimOut extends EvidenceRef {
  quantity: string;
  value: number;
  qualifier: string;
  interval: string | null;
  attributed_to: string;
}

/** What `trucewatch extract --json` prints for one article. */
export interface Extraction {
  document: string;
  published: string | null;
  published_precision: Published['precision'];
  published_basis: string;
  outlets_cited: string[];
  actors: ActorOut[];
  places: PlaceOut[];
  events: EventOut[];
  statements: StatementOut[];
  truces: TruceOut[];
  claims: ClaimOut[];
}
