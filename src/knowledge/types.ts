// In-memory shape of the knowledge packs (packs/<name>/*.yaml), after validation.
// The file format is documented in packs/README.md; the zod schema lives in knowledge/schema.ts.
import type { PloverType } from '../pipeline/types.ts';

export type ActorType =
  | 'state' | 'state_force' | 'government_body' | 'armed_group' | 'umbrella_group'
  | 'political_party' | 'person' | 'media_outlet' | 'igo' | 'ngo';

/** A date bound as written in a pack: "2024", "2024-02" or "2024-02-07"; absent = open. */
export type DateBound = string;

export interface Membership {
  id: string;
  from?: DateBound;
  to?: DateBound;
}

export interface OfficeTerm {
  office: string;
  from?: DateBound;
  to?: DateBound;
}

export interface Actor {
  id: string;
  name: string;
  type: ActorType;
  /** ISO 3166 alpha-3 of the country the actor belongs to, when it has one. */
  country?: string;
  /** Unambiguous names: any of them alone means this actor. */
  aliases: string[];
  /** Names shared with other actors ("Hezbollah"): they mean this actor only when the document's context supports it. */
  contextAliases: string[];
  memberOf: Membership[];
  /** People: offices held, with dates. */
  offices: OfficeTerm[];
  /** People: the organisation whose voice they speak with when no office applies. */
  organisation?: string;
  role?: string;
  note?: string;
  /** States: nationality adjectives and demonyms ("Iraqi"). Never a mention alone; they feed the
   * composition rule ("Iraqi forces") and the document's country count. */
  demonyms?: string[];
  /** State forces: the state (actor id) whose forces they are, so that "<demonym> <force noun>" resolves here. */
  forcesOf?: string;
  /** The state whose proxies this collective is ("Iran-backed militias", "pro-Iranian factions"): see the composition rule. */
  proxiesOf?: string;
  /** false: the names are matched only as written, never as a misspelling, and each capitalised word only
   * capitalised (large generated lists, whose names include ordinary words: "Red Line", "Direct Action"). */
  fuzzy?: false;
  /** Which pack it came from (for error messages and credits). */
  pack: string;
}

/** An office whose title in text ("the Prime Minister", "the Iraqi premier") resolves to its holder on a date. */
export interface Office {
  id: string;
  /** The body the office belongs to (an actor id). */
  org: string;
  titles: string[];
  pack: string;
}

export type PlaceType = 'country' | 'province' | 'district' | 'city' | 'town' | 'base' | 'zone' | 'crossing' | 'region' | 'water' | 'site';

export interface Place {
  id: string;
  name: string;
  type: PlaceType;
  aliases: string[];
  /** Id of the enclosing place. */
  parent?: string;
  /** ISO alpha-3 for countries. */
  iso3?: string;
  lat?: number;
  lon?: number;
  /** Actors whose forces the site hosts ("Ain al-Asad" hosts US forces): an attack on it with no target named hits them. */
  hosts: string[];
  pack: string;
}

/** A well-known dated happening that lets the pipeline date references to it. */
export interface ReferenceEvent {
  id: string;
  name: string;
  date: string;
  /** Actor ids of which at least one must be mentioned in the same sentence. */
  actors: string[];
  /** Words of which at least one must occur in that sentence ("killing", "strike", "assassination"). */
  cues: string[];
  /** The PLOVER types of mentions it may date (a strike is no suspension); empty: any. */
  types: PloverType[];
  pack: string;
}

export interface PackInfo {
  name: string;
  version: string;
  description: string;
  dir: string;
  credits?: string;
}

/** A coreference cue ("the group") and the actor types it may refer back to. */
export interface CorefRule {
  cues: string[];
  types: ActorType[];
}

/** Matching vocabulary from the packs' matching.yaml files, merged in load order. */
export interface MatchingRules {
  /** Nouns that, after a country's name or demonym, name that country's forces ("troops", "security forces"). */
  forceNouns: string[];
  /** Nouns that, after a country's name or demonym, name that state acting through its agents ("officials", "President"). */
  agentNouns: string[];
  /** Nouns for armed groups that, after "<country>-backed" or "pro-<country>", name the collective that is that country's proxies. */
  proxyNouns: string[];
  /** Words that join a country to a proxy noun: "Iran-backed", "Iran-aligned", "Tehran-allied". */
  backingWords: string[];
  coref: CorefRule[];
  /** How far back (characters) a coreference cue looks for its antecedent. */
  corefWindow: number;
  /** Words that are never taken as a fuzzy variant of a name ("Nations", "Islamic"). */
  commonWords: string[];
  /** Titles that may stand before a person's surname alone ("Sheikh al-Khazali"); any other capitalised word there is a given name of someone else. */
  honorifics: string[];
}

export interface Knowledge {
  packs: PackInfo[];
  actors: Map<string, Actor>;
  places: Map<string, Place>;
  offices: Map<string, Office>;
  referenceEvents: ReferenceEvent[];
  /** Filled by loadKnowledge; optional so that hand-built Knowledge values stay valid. */
  matching?: MatchingRules;
}
