// What every extractor needs about one document: its sentences with the mentions inside each,
// the lexicon and the knowledge. Built once per document by extract/index.ts.
import type { ActorMention, Annotated, PlaceMention, Sentence, TimeMention } from '../pipeline/types.ts';
import type { Actor, Knowledge } from '../knowledge/types.ts';
import type { Lexicon } from './lexicon.ts';
import { normalizeName } from '../knowledge/normalize.ts';
import { tokenSimilarity } from '../knowledge/fuzzy.ts';
import { actorCountry } from '../knowledge/relations.ts';

export interface SentenceView {
  index: number;
  sentence: Sentence;
  actors: ActorMention[];
  places: PlaceMention[];
  times: TimeMention[];
  /** Where the sentence's own words start: after a dateline lead-in ("BAGHDAD, Feb 3 (Reuters) - "), else its start. */
  opening: number;
}

export interface DocContext {
  annotated: Annotated;
  text: string;
  knowledge: Knowledge;
  lexicon: Lexicon;
  sentences: SentenceView[];
  /** Resolves a name to an actor id through the packs ("the government" → the government the packs know). */
  lookup: (name: string) => string | null;
  /** ISO day used as "today" of the article: the publication day (interval start when only an interval is known). */
  today: string | null;
  /** Index of the token that starts at an offset, or -1. */
  tokenAt: (start: number) => number;
}

function inside<T extends { start: number; end: number }>(items: T[], s: Sentence): T[] {
  return items.filter((m) => m.start >= s.start && m.end <= s.end);
}

/**
 * "BAGHDAD, Feb 3 (Reuters) -", "WASHINGTON/BAGHDAD, Feb 3", "ERBIL, Iraq, March 11 (Reuters) -": a place in capitals
 * opening a sentence, and what follows it up to the dateline's dash, names no actor.
 */
function inDateline(text: string, s: Sentence, m: ActorMention, opening: number): boolean {
  if (m.end <= opening) return true;
  return !/\p{Ll}/u.test(m.text) && /^\s*(?:\p{Lu}[\p{Lu}\s.'-]*\/\s*)*$/u.test(text.slice(s.start, m.start)) &&
    /^\s*(?:\/|,|\(|[-–—])/u.test(text.slice(m.end, m.end + 3));
}

const POSSESSED = /^['’]s\s+(?:[\p{Ll}-]+\s+){0,2}$/u;
// "Iran-backed", "Iran-aligned", "pro-Iran": a name inside a modifier describes the noun after it; it does no act
// ("US-led" stays: the leader acts).
const MODIFIER_AFTER = /^-(?:backed|aligned|allied|affiliated|supported|sponsored|funded|linked|based|leaning|friendly)(?![\p{L}-])/iu;
const MODIFIER_BEFORE = /(?:^|[^\p{L}-])(?:pro|anti)-$/iu;

/**
 * A mention that only describes another: a name in a modifier ("the Iran-backed militia"), or a collective's
 * description right before the name of the one it is ("the Iraqi armed group Harakat Hezbollah al-Nujaba").
 */
function describesAnother(text: string, knowledge: Knowledge, m: ActorMention, next: ActorMention | undefined): boolean {
  if (MODIFIER_AFTER.test(text.slice(m.end, m.end + 16)) || MODIFIER_BEFORE.test(text.slice(Math.max(0, m.start - 5), m.start))) return true;
  // "Iraq's main armed factions", "Iran's Quds Force": the state before them only says whose the named one is.
  if (next !== undefined && knowledge.actors.get(m.actorId)?.type === 'state' && POSSESSED.test(text.slice(m.end, next.start))) return true;
  return next !== undefined && /^\s+$/u.test(text.slice(m.end, next.start)) && /\p{Ll}$/u.test(m.text) &&
    knowledge.actors.get(m.actorId)?.type === 'umbrella_group' && next.actorId !== m.actorId;
}

// "BAGHDAD, March 3 (Wire) - ", "BAGHDAD, Monday, March 4, 2024 — ", "BAGHDAD (Reuters) - ", "BAGHDAD — ", and a
// place not in capitals only with the agency in brackets: "Baghdad, Aug 3 (Xinhua) -- ".
const DATELINE = new RegExp(String.raw`^\s*(?:\p{Lu}[\p{Lu}\s.'\/-]*\p{Lu}(?:,[^,\n–—-]{1,40}){0,3}\s*(?:\([^)\n]{1,30}\)\s*)?|` +
  String.raw`\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+){0,2}(?:,[^,\n–—-]{1,40}){0,3}\s*\([^)\n]{1,30}\)\s*)(?:[-–—]|--)\s|` +
  // "Baghdad - The Security Media Cell announced": a place in one or two words and a spaced dash.
  String.raw`^\s*\p{Lu}[\p{L}'’]+(?:\s\p{Lu}[\p{L}'’]+)?\s+[-–—]\s+(?=\p{Lu})`, 'u');

export function buildContext(annotated: Annotated, knowledge: Knowledge, lexicon: Lexicon, lookup: (name: string, date: string | null) => string | null): DocContext {
  const text = annotated.doc.text;
  const sentences = annotated.sentences.map((sentence, index) => {
    const named = inside(annotated.actors, sentence);
    // "Iraq: Kataib Hezbollah says it will respond": a country labelling a headline, as a dateline does.
    const label = named[0] && knowledge.actors.get(named[0].actorId)?.type === 'state' && /^\s*$/u.test(text.slice(sentence.start, named[0].start)) &&
      /^:\s+\p{Lu}/u.test(text.slice(named[0].end, named[0].end + 3)) ? named[0].end + 1 - sentence.start : 0;
    const opening = sentence.start + (DATELINE.exec(text.slice(sentence.start, Math.min(sentence.end, sentence.start + 120)))?.[0].length ?? label);
    return {
      index,
      sentence,
      actors: named.filter((m, i) => !inDateline(text, sentence, m, opening) && !describesAnother(text, knowledge, m, named[i + 1])),
      places: inside(annotated.places, sentence),
      times: inside(annotated.times, sentence),
      opening,
    };
  });
  const published = annotated.published.value;
  const today = published ? published.split('/')[0] : null;
  // Names as this document resolved them ("the government" → the government it is about) come before the packs' own look-up.
  const local = new Map<string, string>();
  for (const m of annotated.actors) local.set(normalizeName(m.text.replace(/^the\s+/iu, '')), m.actorId);
  const resolve = (name: string): string | null => local.get(normalizeName(name.replace(/^the\s+/iu, ''))) ?? lookup(name, today) ?? samePerson(name);
  // A translation may spell one person two ways in one article ("al-Sudani", "Al-Sutani"): a name no pack knows
  // is a person the document names when its last word is a close spelling of theirs, and of no one else's (their
  // spellings are gathered on the first such name).
  let people: Map<string, Set<string>> | undefined;
  const peopleOf = (): Map<string, Set<string>> => {
    if (people) return people;
    people = new Map();
    for (const m of annotated.actors) {
      const a = knowledge.actors.get(m.actorId);
      // Named, not reached through a title ("the Prime Minister") or a pronoun.
      if (a?.type !== 'person' || (m.via !== 'alias' && m.via !== 'fuzzy')) continue;
      for (const n of [m.text, a.name, ...a.aliases]) {
        const last = normalizeName(n).split(' ').at(-1);
        if (last) people.set(last, (people.get(last) ?? new Set()).add(a.id));
      }
    }
    return people;
  };
  const samePerson = (name: string): string | null => {
    if (!/^\p{Lu}/u.test(name.trim())) return null;
    const last = normalizeName(name).split(' ').at(-1) ?? '';
    const ids = new Set([...peopleOf()].filter(([w]) => tokenSimilarity(last, w) > 0).flatMap(([, set]) => [...set]));
    return ids.size === 1 ? [...ids][0] : null;
  };
  const starts = new Map(annotated.tokens.map((t, i) => [t.start, i]));
  return { annotated, text: annotated.doc.text, knowledge, lexicon, sentences, today, lookup: resolve, tokenAt: (start) => starts.get(start) ?? -1 };
}

/** Actor types of the armed factions. */
export const FACTION_TYPES: ReadonlySet<string> = new Set(['armed_group', 'umbrella_group']);
/** Actor types of a state and its bodies (not a group that merely has a country). */
export const STATE_BODIES: ReadonlySet<string> = new Set(['state', 'state_force', 'government_body']);

/** The organisation a person speaks or acts for: their organisation, else their first membership. Non-persons are themselves. */
export function voiceOf(k: Knowledge, actorId: string): string {
  const a = k.actors.get(actorId);
  if (!a || a.type !== 'person') return actorId;
  return a.organisation ?? a.memberOf[0]?.id ?? actorId;
}

/** The state an actor belongs to (a state is its own), else the actor itself. */
export function sideOf(k: Knowledge, id: string): string {
  const a = k.actors.get(id);
  return (a && actorCountry(a)) ?? id;
}

export function actorOf(k: Knowledge, id: string): Actor | undefined {
  return k.actors.get(id);
}

/** Text of the sentence from `from` (absolute offset) to `to`, for cue look-ups. */
export function slice(ctx: DocContext, from: number, to: number): string {
  return ctx.text.slice(Math.max(0, from), Math.max(from, to));
}
