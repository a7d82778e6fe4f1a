// Who did what to whom, where, with how many casualties: the arguments of an event mention,
// read from the sentence around its trigger (active and passive voice, "by X", "X claimed
// responsibility", "against/on/with X", reported speech).
import type { ActorMention, PlaceMention, PloverType, Span } from '../pipeline/types.ts';
import type { Knowledge } from '../knowledge/types.ts';
import { placeAncestors } from '../knowledge/index.ts';
import type { DocContext, SentenceView } from './context.ts';
import { sideOf, STATE_BODIES, voiceOf } from './context.ts';
import type { Report } from './attribution.ts';
import type { PhraseSet } from '../text/phrase.ts';

export interface Arguments {
  source: string[];
  target: string[];
  location: string;
  fatalities: number | null;
  injured: number | string | null;
}

/** Types whose actor is whoever speaks: a refusal, a threat, a request is made by the speaker. */
const VERBAL: ReadonlySet<PloverType> = new Set(['REJECT', 'THREATEN', 'REQUEST', 'AGREE', 'ACCUSE', 'SUPPORT', 'CONCEDE']);
/** Types whose two sides act together: "A agreed with B" and "B agreed with A" tell one agreement. */
export const MUTUAL: ReadonlySet<PloverType> = new Set(['AGREE', 'CONSULT', 'COOPERATE']);
/** Types whose participants are all actors (no recipient) when several are named together. */
const JOINT: ReadonlySet<PloverType> = new Set(['CONSULT']);

/** What a thing belongs to: "supplies for", "the headquarters of", "a convoy belonging to". */
const OWNER_BEFORE = /\b(?:for|of|belonging to|affiliated with|owned by)\s+(?:the\s+)?$/iu;
const PASSIVE = /\b(?:was|were|been|being|is|are)\s+(?:\S+\s+){0,2}?(?:subjected|targeted|attacked|hit|struck|killed|wounded|injured|arrested|bombed|shelled)\b|\bcame under\b/iu;
/** Text that ends with a preposition: an actor right after it is not a clause's subject. Shared with attribution.ts. */
// "in northeastern Jordan": a compass word may stand between.
export const PREPOSITION_BEFORE = /\b(?:of|to|with|against|on|at|in|for|from|into|about|toward|towards|by|over|under|regarding|allied with|backed by)\s+(?:the\s+|its\s+|their\s+)?(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west)ern\s+|central\s+)?[“"‘']?\s*$/iu;
const PLACE_PREP = String.raw`(?:in|at|near|inside|outside|across|throughout|within)\s+(?:the\s+)?[“"‘']?\s*`;
/** Nothing but a preposition of place between the act and the name ("strikes in Iraq"). */
const LOCATIVE_ONLY = new RegExp(`^\\s*${PLACE_PREP}$`, 'iu');
const COMPASS = String.raw`(?:(?:north|south)(?:-?(?:east|west))?|east|west)`;
// Also the second of two places joined to one preposition ("in Iraq and Syria"), and a bearing ("north of Baghdad").
const LOCATIVE_PREP = new RegExp(String.raw`(?:\b${PLACE_PREP}|\b${COMPASS}\s+of\s+)(?:[\p{Lu}][\p{L}-]*\s+(?:and|or)\s+)?$`, 'u');
/** Words that open the telling of another happening than the act's. */
const OTHER_HAPPENING = 'after|before|since|following|retaliation for|response to|revenge for|because';
const ANOTHER_HAPPENING = new RegExp(String.raw`\b(?:${OTHER_HAPPENING})\b`, 'iu');
// Where the trigger's clause ends: a subordinate clause, another happening, a relative clause, a second verb joined
// by "and" ("condemned the attack, and said he had directed the security services"), or a participle's clause ("met
// the leaders, urging them to stop targeting American forces"), unless that names the target or reports words.
const CLAUSE_AFTER = new RegExp(String.raw`\b(?:if|unless|when|whenever|while|although|though|whereas|so that|so as|in order|until|${OTHER_HAPPENING})\b|;|\.\.|,\s*(?:which|who|whose)\b|\b(?:who|whom|whose)\b|\s(?:and|but)\s+(?:also\s+)?(?:said|told|(?!(?:armed|allied|united|affiliated|related|backed|aligned|linked)\b)\p{Ll}+ed)\b|,\s*(?!(?:targeting|including|adding|saying|noting|stressing|indicating|explaining|stating|pointing|warning)\b)\p{Ll}+ing\b`, 'iu');
const NOUN_RECIPIENT = /^\s*(?:against|on|at|targeting)\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}-]+\s+(?:of|for|belonging to|used by)\s+(?:the\s+)?)?[“"‘']?$/iu;
const TARGET_PREP = /\b(?:against|on|at|targeting|targeted|with|to|toward|towards)\s+(?:the\s+|its\s+|their\s+|a\s+|an\s+)?[“"‘']?\s*$/iu;

/**
 * "X has been indicted by Y": a participle (regular, or an irregular ending: taken, shown, caught, held,
 * sent, kept, struck, shot, begun) right after a form of "be" is passive whatever its verb.
 */
export function passive(text: string, view: SentenceView, trigger: Span): boolean {
  return /\b(?:was|were|been|being|is|are|be)\s+(?:\p{L}+ly\s+)?$/iu.test(text.slice(Math.max(view.sentence.start, trigger.start - 30), trigger.start)) &&
    /(?:ed|en|wn|ught|ld|lt|nt|pt|ck|ung|ot|un|et|it|ut)$/iu.test(text.slice(trigger.start, trigger.end).split(/\s/)[0]) &&
    // "is prepared to strike", "is determined to expel": an adjective before an infinitive.
    !/^\p{L}+\s+to\s/iu.test(text.slice(trigger.start, trigger.end));
}

/** The actors named in a "by" phrase after the trigger ("indicted by the UN court"). */
export function agentsAfter(ctx: DocContext, view: SentenceView, trigger: Span): ActorMention[] {
  return view.actors.filter((m) => m.start >= trigger.end && m.start - trigger.end <= 90 && /\bby\s+(?:the\s+)?[“"‘']?\s*$/iu.test(ctx.text.slice(trigger.end, m.start)));
}

/** "in Iraq", "in Iraq and Syria": the mention is the object of a preposition, alone or coordinated with one. */
function inPrepositionalPhrase(text: string, view: SentenceView, mentions: ActorMention[], m: ActorMention): boolean {
  const before = text.slice(Math.max(view.sentence.start, m.start - 30), m.start);
  if (PREPOSITION_BEFORE.test(before)) return true;
  if (!/(?:,|\band|\bor)\s*$/iu.test(before)) return false;
  const prev = mentions.filter((o) => o.end <= m.start && /^\s*(?:,|and|or|,\s*and)\s*$/iu.test(text.slice(o.end, m.start))).pop();
  return prev !== undefined && inPrepositionalPhrase(text, view, mentions, prev);
}

function unique(ids: string[]): string[] {
  return [...new Set(ids.filter(Boolean))];
}

function usable(ctx: DocContext, m: ActorMention, trigger: Span): boolean {
  const type = ctx.knowledge.actors.get(m.actorId)?.type;
  return type !== 'media_outlet' && (m.end <= trigger.start || m.start >= trigger.end);
}

const demonymIndexes = new WeakMap<Knowledge, Map<string, string>>();

/** The state whose demonym is the word right before `at` ("an Israeli attack" → ISR), if any. */
function demonymBefore(ctx: DocContext, at: Span): string | undefined {
  let index = demonymIndexes.get(ctx.knowledge);
  if (!index) {
    index = new Map();
    for (const a of ctx.knowledge.actors.values()) for (const d of a.demonyms ?? []) index.set(d.toLowerCase(), a.id);
    demonymIndexes.set(ctx.knowledge, index);
  }
  const word = /([\p{L}-]+)\s+$/u.exec(ctx.text.slice(Math.max(0, at.start - 30), at.start))?.[1];
  return word ? index.get(word.toLowerCase()) : undefined;
}

const CONJUNCTION = /^\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?$/iu;

/**
 * Mention `m` with the actors coordinated with it among `mentions` ("Iraq and the United States agreed",
 * "Baghdad, Tehran and Damascus"), and a demonym joined to it ("the Iraqi and American delegations").
 */
function withConjuncts(ctx: DocContext, mentions: ActorMention[], m: ActorMention): string[] {
  const text = ctx.text;
  const i = mentions.indexOf(m);
  let first = i;
  while (first > 0 && CONJUNCTION.test(text.slice(mentions[first - 1].end, mentions[first].start))) first--;
  let last = i;
  while (last + 1 < mentions.length && CONJUNCTION.test(text.slice(mentions[last].end, mentions[last + 1].start))) last++;
  const ids = mentions.slice(first, last + 1).map((x) => x.actorId);
  const and = /\band\s+$/iu.exec(text.slice(Math.max(0, mentions[first].start - 6), mentions[first].start));
  const at = mentions[first].start - (and?.[0].length ?? 0);
  const demonym = and ? demonymBefore(ctx, { start: at, end: at }) : undefined;
  return [...new Set([...(demonym ? [demonym] : []), ...ids])];
}

function casualties(ctx: DocContext, view: SentenceView): { fatalities: number | null; injured: number | string | null } {
  const text = ctx.text.slice(view.sentence.start, view.sentence.end);
  const numbers = ctx.lexicon.claims.numbers;
  const count = ctx.lexicon.casualtyCount;
  count.lastIndex = 0;
  let fatalities: number | null = null;
  let injured: number | string | null = null;
  for (let m = count.exec(text); m; m = count.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    // "on February 7 killed a commander": a number of a date counts nobody.
    const at = view.sentence.start + m.index + m[0].indexOf(m[1]);
    if (view.times.some((t) => t.start <= at && at < t.end)) continue;
    const raw = m[1].toLowerCase();
    const n = /^\d/.test(raw) ? Number(raw.replace(/,/g, '')) : numbers[raw];
    // "killed one member and injured 18 others": each count goes with the nearest word of either kind.
    const own = m[0];
    const hurt = ctx.lexicon.injuredWords.endsWith(own) ? 0 : distance(ctx.lexicon.injuredWords, before, after);
    const dead = ctx.lexicon.killedWords.endsWith(own) ? 0 : distance(ctx.lexicon.killedWords, before, after);
    if (hurt < dead) injured ??= n ?? m[1];
    else if (dead < Infinity && n !== undefined) fatalities ??= n;
  }
  // Then the counts that follow their verb with no noun: "killing at least three and wounding five".
  const bare = ctx.lexicon.casualtyVerbCount;
  bare.lastIndex = 0;
  for (let m = bare.exec(text); m; m = bare.exec(text)) {
    const at = view.sentence.start + m.index + m[0].length - m[2].length;
    if (view.times.some((t) => t.start <= at && at < t.end)) continue;
    const raw = m[2].toLowerCase();
    const n = /^\d/.test(raw) ? Number(raw.replace(/,/g, '')) : numbers[raw];
    if (ctx.lexicon.injuredWords.test(m[1])) injured ??= n ?? m[2];
    else if (n !== undefined) fatalities ??= n;
  }
  return { fatalities, injured };
}

/** Characters between a count and the nearest phrase of the set, in the text just before it or just after it. */
function distance(words: PhraseSet, before: string, after: string): number {
  const back = words.findAll(before).map((w) => before.length - w.end);
  const ahead = words.findAll(after).map((w) => w.start);
  return Math.min(...back, ...ahead);
}

/** Event types whose direct object may be the place struck ("rockets hit Erbil"). */
const FORCE_TYPES: ReadonlySet<PloverType> = new Set(['ASSAULT', 'COERCE']);
/** Characters between two place names that still name one place in two steps ("Al Asad airbase in western Iraq"). */
const NEXT_TO = 30;
// A locative preposition, with a compass word perhaps ("in", "near the", "in north-eastern"), introduces where
// something happened (LOCATIVE_PREP above is the narrower set that tells a place from a recipient); a compass
// word alone ("southern", "north of") says that a name is a place.
// "struck the vicinity of the airport" lands at the airport, "targeted the occupation base of Ain al-Assad" at the base.
const LOCATIVE = new RegExp(String.raw`(?:\b(?:in|at|on|near|inside|outside|from)\s+(?:the\s+)?(?:${COMPASS}ern\s+|central\s+)?|\b(?:vicinity|outskirts|perimeter|surroundings|base|airbase|camp|compound)\s+of\s+(?:the\s+)?)$`, 'iu');
const PLACE_CONTEXT = new RegExp(String.raw`${LOCATIVE.source}|(?:\b${COMPASS}ern|\bcentral|\b(?:${COMPASS}|outskirts|edge|heart|centre|center|suburbs?)\s+of(?:\s+the)?)\s+$`, 'iu');

const HIT_GAP = /^\s*(?:(at|on|near|against|into)\s+)?(?:the\s+)?$/iu;

/** Whether place `p` is named right after the trigger as what it hit: directly ("struck Camp Taji") or, unless `direct`, after "at", "on", "near", "against" or "into" ("fired at the base"). */
export function placeHit(ctx: DocContext, trigger: Span, p: Span, direct = false): boolean {
  const gap = p.start >= trigger.end ? HIT_GAP.exec(ctx.text.slice(trigger.end, p.start)) : null;
  return gap !== null && !(direct && gap[1] !== undefined);
}

/**
 * Where the happening took place: the place the trigger hit or a place after it introduced by a locative
 * preposition ("in", "near"), whichever comes first, else one shortly before it, else the sentence's first;
 * then a place inside that one named next to it, if any. A name that also names an actor stands for that actor
 * ("talks with Washington", "the US response"), not a place, unless a locative preposition introduces it or
 * force landed on it ("rockets struck Erbil").
 */
function locationOf(ctx: DocContext, view: SentenceView, trigger: Span, type: PloverType): PlaceMention | undefined {
  // Only force lands on a place; what is accused, asked or met is an actor ("accused Israel").
  const hit = (p: Span) => FORCE_TYPES.has(type) && placeHit(ctx, trigger, p, true);
  const placeLike = (p: Span) => hit(p) || PLACE_CONTEXT.test(ctx.text.slice(Math.max(0, p.start - 30), p.start));
  // A place named inside a longer actor name ("at the US embassy", "on US bases") is part of that name.
  const withinName = (p: Span) => view.actors.some((a) => a.start <= p.start && p.end <= a.end && a.end - a.start > p.end - p.start);
  const places = view.places.filter((p) => !view.actors.some((a) => a.start < p.end && p.start < a.end) || (placeLike(p) && (!withinName(p) || hit(p))));
  if (places.length === 0) return FORCE_TYPES.has(type) ? siteNamedBefore(ctx, view, trigger) : undefined;
  // The place the trigger hit is more precise than the area named after it ("struck Camp Taji, north of Baghdad").
  const after = places.filter((p) => p.start >= trigger.end && (hit(p) || LOCATIVE.test(ctx.text.slice(Math.max(trigger.end, p.start - 30), p.start))));
  const first = after[0] ?? places.find((p) => p.end <= trigger.start && p.start >= trigger.start - 80) ?? places[0];
  // A place inside the one chosen and named next to it is the more precise answer ("Al Asad airbase in western
  // Iraq", "Baghdad's Green Zone").
  const near = (p: Span) => Math.max(p.start, first.start) - Math.min(p.end, first.end) <= NEXT_TO;
  return places.find((p) => near(p) && placeAncestors(ctx.knowledge, p.placeId).some((a) => a.id === first.placeId)) ?? first;
}

// "rockets struck the base", "the attack that targeted the airport": a site by its kind, after the act.
const SITE_KIND = /^(?:\s*|[^.;]{0,30}?\b(?:at|on|near|inside|into|against|targeted|targeting|struck|hit)\s+)the\s+(airport|air\s?base|base|embassy|camp|consulate)\b/iu;

/** The site "the base", "the airport" after the trigger stands for: the last place of that kind named before in the article. */
function siteNamedBefore(ctx: DocContext, view: SentenceView, trigger: Span): PlaceMention | undefined {
  const kind = SITE_KIND.exec(ctx.text.slice(trigger.end, view.sentence.end))?.[1].toLowerCase().replace(/\s/gu, '');
  if (!kind) return undefined;
  const word = kind === 'airbase' ? /\b(?:air\s?base|base)\b/iu : new RegExp(String.raw`\b${kind}\b`, 'iu');
  return ctx.annotated.places.filter((p) => p.end <= view.sentence.start && word.test(ctx.knowledge.places.get(p.placeId)?.name ?? p.text)).at(-1);
}


/** Whether an actor is a state or one of its bodies (not a group that merely has a country). */
function ofState(ctx: DocContext, id: string): boolean {
  const a = ctx.knowledge.actors.get(id);
  return a !== undefined && STATE_BODIES.has(a.type);
}

/**
 * The agents of an act, less a state's bodies when it hits that state: no side attacks itself ("CENTCOM said the
 * commander planned attacks on US forces" names no American agent).
 */
export function agentsOf(ctx: DocContext, type: PloverType, source: string[], target: string[]): string[] {
  if (type !== 'ASSAULT' || target.length === 0) return source;
  const hit = new Set(target.filter((id) => ofState(ctx, id)).map((id) => sideOf(ctx.knowledge, id)));
  return source.filter((id) => !(ofState(ctx, id) && hit.has(sideOf(ctx.knowledge, id))));
}

/**
 * "the Jordan attack", "after Jordan strike", "The Syria strikes killed": a country written by its name before a noun,
 * where its demonym would name an agent, is where it happened (not "the US strike": an acronym has no such choice;
 * nor a headline's "Israel strike kills 20").
 */
function countryAsPlace(ctx: DocContext, m: ActorMention): boolean {
  const a = ctx.knowledge.actors.get(m.actorId);
  // The country's own name: not an acronym, not a demonym, not a composed name ("The German government").
  if (a?.type !== 'state' || (a.demonyms?.length ?? 0) === 0 || /^[\p{Lu}.]+$/u.test(m.text) || /\s\p{Ll}/u.test(m.text) || a.demonyms!.includes(m.text)) return false;
  if (!/\b(?:the|after|before|since|following|over|for|of)\s+$/iu.test(ctx.text.slice(Math.max(0, m.start - 10), m.start))) return false;
  const next = ctx.annotated.tokens[ctx.tokenAt(m.end + (ctx.text[m.end] === ' ' ? 1 : 0))];
  return next?.pos === 'NOUN' && /^\p{Ll}/u.test(next.text) && !ctx.annotated.times.some((t) => t.start <= next.start && next.start < t.end);
}

/** Whether an actor's name is that of a place other than a country ("Baghdad" for the government seated there). */
function inCity(ctx: DocContext, view: SentenceView, m: ActorMention): boolean {
  return view.places.some((p) => p.start <= m.start && m.end <= p.end && ctx.knowledge.places.get(p.placeId)?.type !== 'country');
}

/**
 * The body or group a pronoun stands for: the last of `mentions` ending by `end`, not one of `skip`, nor a person or an
 * outlet (nor a state, with `noState`); "it" for one named in the singular, "they" preferably for one in the plural,
 * "them" for any.
 */
function bodyBefore(ctx: DocContext, mentions: readonly ActorMention[], end: number, pronoun: string, skip: ReadonlySet<string> = new Set(), noState = false): ActorMention | undefined {
  const bodies = mentions.filter((m) => m.end <= end && !skip.has(m.actorId) &&
    !['person', 'media_outlet', ...(noState ? ['state'] : [])].includes(ctx.knowledge.actors.get(m.actorId)?.type ?? ''));
  const p = pronoun.toLowerCase();
  if (p === 'it' || p === 'its') return bodies.filter((m) => !PLURAL_NAME.test(m.text)).at(-1);
  return (p === 'they' || p === 'their' ? bodies.filter((m) => PLURAL_NAME.test(m.text)).at(-1) : undefined) ?? bodies.at(-1);
}

/** How far before the sentence the body "its" stands for may be named (characters). */
const POSSESSOR_REACH = 400;
const POSSESSED_MEMBERS = /^\s*(?:\p{L}+\s+){0,3}?(?:of\s+)?(its|their)\s+(?:\p{Ll}+\s+)?(?:commanders?|members?|leaders?|fighters?|officials?|cadres?|men|operatives?)\b/iu;
const PLURAL_NAME = /(?:forces|troops|factions|militias|soldiers|members|groups|brigades)$/iu;
const FRAMEWORK_OF = /\b(?:(?:within|in)\s+the\s+framework|under\s+the\s+(?:auspices|umbrella|sponsorship))\s+of\s+(?:the\s+)?$/iu;
const CITY_QUARTER = new RegExp(String.raw`\b(?:in|of)\s+(?:the\s+)?(?:${COMPASS}ern|central|downtown)\s+$`, 'iu');

/** Whether a token tagged VERB starts in [from, to) of the sentence. */
export function verbBetween(ctx: DocContext, view: SentenceView, from: number, to: number): boolean {
  const tokens = ctx.annotated.tokens;
  for (let i = view.sentence.tokenStart; i < view.sentence.tokenEnd && tokens[i].start < to; i++) if (tokens[i].start >= from && tokens[i].pos === 'VERB') return true;
  return false;
}

/** Clause openings: the subject of a verb after one of these is looked for after it. */
const CLAUSE_OPEN = /(?:,\s*and|;|\.\.|\bbut|,\s*which|,\s*who|\bthat|\b(?:after|before|when|while|because|although|though|if|unless|until|once|whereas))\s+/giu;
/** A subordinate clause opened before the end of a text, and not closed by a comma or semicolon since. */
const SUBORDINATE_OPENED = /\b(?:after|before|when|while|because|although|though|if|unless|until|once|whereas)\s+[^,;]*$/iu;
/** A relative clause about a person or thing opened before the end of a text, and not closed since. */
const RELATIVE_OPENED = /\b(?:who|whom|whose)\s+[^,;]*$/iu;
/** People of a group, right before its name: "members of", "gunmen from", "fighters loyal to". */
const MEMBERS_OF = /\b(?:members?|fighters?|gunmen|men|elements?|militants?|militiamen|supporters?|followers?|operatives?)\s+(?:of|from|belonging to|affiliated with|loyal to)\s+(?:the\s+)?[“"‘']?\s*$/iu;
/** A subordinate clause opening a text and closed by its comma, right before what follows. */
const FRONTED_CLAUSE = /^\s*(?:if|when|unless|once|after|before|while|because|although|though|until)\s+[^;]*,\s*(?:the\s+)?$/iu;
/** Parts of speech of the word before a relative "that" ("the attack that", "one that"), not a verb's ("said that"). */
const RELATIVE_HEAD = new Set(['NOUN', 'PROPN', 'NUM', 'PRON']);
/** Openings of a subordinate clause: its subject is its own, never the main clause's. */
const SUBORDINATOR = /^(?:after|before|when|while|because|although|though|if|unless|until|once|whereas)\s+$/iu;

/**
 * The subject of the trigger's clause: its first actor not inside a prepositional phrase, else the
 * sentence's, unless the clause is subordinate ("... hours after a drone hit the base": the drone, not
 * the main clause's subject).
 */
function subjectOf(ctx: DocContext, view: SentenceView, trigger: Span, before: ActorMention[]): ActorMention | undefined {
  const text = ctx.text;
  const head = text.slice(view.sentence.start, trigger.start);
  let clauseStart = view.sentence.start;
  let subordinate = false;
  for (const m of head.matchAll(CLAUSE_OPEN)) {
    clauseStart = view.sentence.start + m.index + m[0].length;
    // "one that killed three soldiers": "that" after a noun opens a relative clause, whose subject is that noun.
    const at = view.sentence.start + m.index;
    // Not "told Reuters that": the noun is then the hearer of a reporting verb; and "attacks that harmed civilians and
    // blamed ...": a verb after "and" is the main clause's again.
    subordinate = SUBORDINATOR.test(m[0]) || (/^that\s/iu.test(m[0]) && RELATIVE_HEAD.has(ctx.annotated.tokens[ctx.tokenAt(at) - 1]?.pos ?? '') &&
      !ctx.lexicon.reportingVerbs.endsWithin(text.slice(Math.max(view.sentence.start, at - 40), at), 3) && !/\sand\s/iu.test(text.slice(at, trigger.start)));
  }
  // "if the Americans insisted on staying, the factions would use": a fronted subordinate clause ends at its comma,
  // after its own verb (not the comma of an apposition: "after the commander of the Quds Force, Esmail Qaani, visited").
  const comma = text.lastIndexOf(',', trigger.start);
  if (subordinate && comma >= clauseStart && !verbBetween(ctx, view, comma + 1, trigger.start) && verbBetween(ctx, view, clauseStart, comma)) {
    clauseStart = comma + 1;
    subordinate = false;
  }
  // A subject stands before its clause's first verb: "a drone hit the base and wounded ..." has no actor subject.
  // "armed men from the Brigades surrounded": the group whose members act is the subject.
  const free = (m: ActorMention, from: number): boolean => (!PREPOSITION_BEFORE.test(text.slice(from, m.start)) || MEMBERS_OF.test(text.slice(from, m.start))) &&
    !verbBetween(ctx, view, from, m.start) && !countryAsPlace(ctx, m);
  // A headline's ".." parts are sentences of their own ("Qaani in Baghdad.. Iranian pressure behind the halt").
  const part = Math.max(view.sentence.start, text.lastIndexOf('..', trigger.start) + 2);
  return before.find((m) => m.start >= clauseStart && free(m, clauseStart)) ?? (subordinate ? undefined : before.find((m) => m.start >= part && free(m, part)));
}

const THAT_PRONOUN = /\bthat\s+(it|they)\s+(?:[\p{Ll}-]+\s+){0,3}$/iu;
const PRONOUN_SUBJECT = /^\s*[“"‘']?\s*(he|she|it|they)\s+(?:[\p{Ll}-]+\s+){0,3}$/iu;

/**
 * "Kataib Hezbollah issued a statement. It threatened to ...": a pronoun opening the sentence, right before
 * its verb, stands for the subject of the sentence before, a person for "he" and "she", a body or group for
 * "it" and "they".
 */
export function pronounSubject(ctx: DocContext, view: SentenceView, trigger: Span, from = view.sentence.start): string | undefined {
  const pronoun = PRONOUN_SUBJECT.exec(ctx.text.slice(from, trigger.start))?.[1].toLowerCase();
  const prev = ctx.sentences[view.index - 1];
  if (!pronoun || !prev) return undefined;
  const person = pronoun === 'he' || pronoun === 'she';
  const subject = prev.actors.find((m) => !PREPOSITION_BEFORE.test(ctx.text.slice(prev.sentence.start, m.start)));
  const type = subject && ctx.knowledge.actors.get(subject.actorId)?.type;
  return subject && type !== 'media_outlet' && (type === 'person') === person ? subject.actorId : undefined;
}

/**
 * Arguments of the event whose trigger spans `trigger` in `view`; `report` is the sentence's reported-speech frame, if any;
 * `subjectNoun` the weapon or attack noun that is the trigger verb's subject ("a US drone strike hit"), whose phrase alone
 * can name the agent.
 */
export function argumentsOf(ctx: DocContext, view: SentenceView, trigger: Span, type: PloverType, report: Report | undefined, subordinate = false, subjectNoun?: Span): Arguments {
  const text = ctx.text;
  const clauseStart = Math.max(view.sentence.start, text.lastIndexOf(';', trigger.start) + 1);
  const mentions = view.actors.filter((m) => usable(ctx, m, trigger));
  const before = mentions.filter((m) => m.end <= trigger.start && m.start >= clauseStart);
  // The trigger's own clause: its objects stop where a subordinate clause opens ("... if America strikes"). A phrase
  // that opens the sentence ends at its comma: "Four days after the American strikes on 85 targets in Iraq and Syria,
  // the office of Prime Minister ... proposed".
  const window = text.slice(trigger.end, Math.min(view.sentence.end, trigger.end + 90));
  const fronted = subordinate && !verbBetween(ctx, view, view.sentence.start, trigger.start) ? window.search(/[,;]/u) : -1;
  // Words a trailing speaker is cited for end where the speaker starts: "gunmen attacked a checkpoint, the ministry said".
  const cited = report && !report.own && trigger.start >= report.content.start && trigger.end <= report.content.end ? report.content.end : Infinity;
  const clauseEnd = Math.min(cited, trigger.end + Math.min(CLAUSE_AFTER.exec(window)?.index ?? 90, fronted < 0 ? 90 : fronted));
  const after = mentions.filter((m) => m.start >= trigger.end && m.start < clauseEnd);
  let source: string[] = [];
  let target: string[] = [];

  // Passive: "the base was subjected to an attack", "three soldiers were killed in an attack".
  const passiveVerb = passive(text, view, trigger);
  // The subject is the head of its phrase, not a name inside it ("US forces in Iraq and Syria were attacked").
  // The subject of the passive stands before it with no reporting verb between ("The government said 16 people were
  // killed": the government is the speaker, not the killed).
  const passiveSubject = subjectNoun ? undefined : before.filter((m) => (PASSIVE.test(text.slice(m.end, trigger.start)) || passiveVerb) && text.slice(m.end, trigger.start).length < 60 &&
    !inPrepositionalPhrase(text, view, before, m) && !ctx.lexicon.reportingVerbs.test(text.slice(m.end, trigger.start))).pop();
  if (passiveSubject) target.push(passiveSubject.actorId);
  // "A convoy carrying supplies for the international coalition was targeted", "the headquarters of the PMF was hit":
  // with no actor at the head of the subject, the one it belongs to is the patient.
  const owner = passiveSubject || subjectNoun ? undefined : before.filter((m) => OWNER_BEFORE.test(text.slice(Math.max(clauseStart, m.start - 20), m.start)) &&
    (PASSIVE.test(text.slice(m.end, trigger.end)) || passiveVerb) && text.slice(m.end, trigger.start).length < 60 && !/[,;]/u.test(text.slice(m.end, trigger.start)) &&
    !ctx.lexicon.reportingVerbs.test(text.slice(m.end, trigger.start))).pop();
  if (owner) target.push(owner.actorId);

  // Agent phrases after the trigger: "by X", "for which X claimed responsibility", "claimed by X".
  // An active verb has its agent before it: "struck sites used by X" names no agent of the strike.
  const active = !passiveVerb && !/\b(?:by|under|subjected)\b/iu.test(text.slice(trigger.start, trigger.end)) && ctx.annotated.tokens[ctx.tokenAt(trigger.start)]?.pos === 'VERB';
  // A trigger may end with its own "by" ("the truce announced by X").
  const byFrom = /\bby$/iu.test(text.slice(trigger.start, trigger.end)) ? trigger.end - 2 : trigger.end;
  for (const m of after) {
    const gap = text.slice(byFrom, m.start);
    const tail = text.slice(m.end, Math.min(view.sentence.end, m.end + 40));
    if ((!active && /\bby\s+(?:the\s+)?[“"‘']?\s*$/iu.test(gap)) || /^\s*[”"’]?\s*(?:claimed|claims)\s+responsibility/iu.test(tail) || /\bcalling itself\s*[“"‘']?\s*$/iu.test(gap)) source.push(m.actorId);
  }

  // "a US strike", "an Israeli attack": the actor (or the state of the demonym) right before the noun is its agent.
  const head = subjectNoun ?? trigger;
  // Not a name in a phrase of place before a verb ("US strikes in Iraq killed"); "rockets fired by X struck" is X's act.
  // ("a U.S. airstrike": the abbreviation's last period is not part of the name.)
  // "the latest Baghdad attack": a city before the noun is where it happened, not who did it (a state is: "a US strike",
  // unless named where its demonym would be: "the Jordan attack").
  const nounHead = ctx.annotated.tokens[ctx.tokenAt(head.start)]?.pos === 'NOUN';
  const cityName = (m: ActorMention): boolean => nounHead && inCity(ctx, view, m);
  // Inside a phrase, a name right after its article premodifies the noun ("in retaliation for the US strike"); a name
  // in a phrase of place is not the subject of the verb after it ("an attack on Tower 22 in northeastern Jordan kills").
  const premodified = before.find((m) => !cityName(m) && !countryAsPlace(ctx, m) && /^[\s“"‘']*$/u.test(text.slice(m.end + (/\.\p{Lu}$/u.test(m.text) && text[m.end] === '.' ? 1 : 0), head.start)) && head.start - m.end <= 2 &&
    (!PREPOSITION_BEFORE.test(text.slice(clauseStart, m.start)) || /\b(?:by\s+(?:the\s+)?|(?:for|of|against|after|to|on)\s+(?:the|a|an)\s+)[“"‘']?\s*$/iu.test(text.slice(clauseStart, m.start))));
  const premodifier = premodified ? withConjuncts(ctx, before, premodified) : [demonymBefore(ctx, head)].filter((id): id is string => id !== undefined);
  if (source.length === 0) source.push(...premodifier);

  // A passive names its agent only in a by-phrase: its subject is the patient, the speaker no agent.
  if (source.length === 0 && !passiveSubject && !passiveVerb) {
    // "statements by the Iraqi government confirming the postponement": an agent before a nominal trigger.
    const agent = active ? undefined : [...before].reverse().find((m) => trigger.start - m.end < 40 && /\bby\s+(?:the\s+)?[“"‘']?\s*$/iu.test(text.slice(clauseStart, m.start)));
    const subject = subordinate ? undefined : subjectOf(ctx, view, trigger, before);
    const inReport = report !== undefined && trigger.start >= report.content.start && trigger.end <= report.content.end && report.own;
    if (agent) source.push(agent.actorId);
    // A weapon or attack as subject: its phrase's head ("Russian aircraft including helicopter gunships"), never the speaker.
    else if (subjectNoun) {
      if (subject && (!inReport || subject.start >= report.content.start)) source.push(subject.actorId);
    } else if (inReport) {
      // Inside reported words the subject is the one named at their start ("... that the factions ended"), else the speaker.
      // "said the Americans began to withdraw": the name right before a verb that the act continues is its subject.
      const catenated = before.findLast((m) => m.start >= report.content.start && /^\s+\S+\s+to\s+$/u.test(text.slice(m.end, trigger.start)) &&
        ctx.lexicon.catenativeVerbs.endsWith(text.slice(m.end, trigger.start).replace(/\s*to\s+$/u, '')));
      // "announced the end of the truce, a day after a US airstrike ... killed four fighters": a subordinate clause's own subject.
      // "… that if the Americans stayed, the factions would use …": the main clause's subject after a fronted one.
      const opensClause = (m: ActorMention): boolean => SUBORDINATE_OPENED.test(text.slice(report.content.start, m.start)) ||
        FRONTED_CLAUSE.test(text.slice(report.content.start, m.start));
      // "quoted diplomatic sources as saying Washington had set conditions": the name opening the words said.
      const opening = verbBetween(ctx, view, report.content.start, trigger.start) ? undefined : before.find((m) => m.start >= report.content.start &&
        m.start - report.content.start <= 40 && !PREPOSITION_BEFORE.test(text.slice(report.content.start, m.start)));
      // A subject far into the words said still opens them when no verb stands before it ("that the commander of the
      // Iranian Revolutionary Guard's Quds Force, Esmail Qaani, visited").
      const own = catenated ?? (subject && subject.start >= report.content.start && (subject.start - report.content.start <= 40 || opensClause(subject) ||
        !verbBetween(ctx, view, report.content.start, subject.start)) ? subject : opening);
      if (own) source.push(own.actorId);
      // "against militants who were attempting to launch attack drones": the relative clause's subject is its noun, not the speaker.
      else if (report.speaker.actorId && (!subordinate || VERBAL.has(type)) && !RELATIVE_OPENED.test(text.slice(report.content.start, trigger.start))) {
        source.push(report.speaker.actorId);
      }
    } else if (subject) source.push(...withConjuncts(ctx, before, subject));
    else {
      // "He warned that if the Americans insisted ...": the pronoun before the trigger is its subject, whoever speaks later.
      const antecedent = subordinate ? undefined : pronounSubject(ctx, view, trigger);
      // "The announcement by Kataib Hezbollah that it was suspending operations": "it" after "that" is the body named before.
      const that = THAT_PRONOUN.exec(text.slice(view.sentence.start, trigger.start));
      const named = that ? bodyBefore(ctx, before, view.sentence.start + that.index, that[1]) : undefined;
      if (antecedent) source.push(antecedent);
      else if (named) source.push(named.actorId);
      else if (report?.own && report.speaker.actorId && VERBAL.has(type)) source.push(report.speaker.actorId);
    }
  }

  // "talks between Baghdad and Washington": the two sides of a joint act are its agents.
  const between = MUTUAL.has(type) ? after.find((m) => /^\s*(?:\S+\s+){0,2}?between\s+(?:the\s+)?$/iu.test(text.slice(trigger.end, m.start))) : undefined;
  if (between) source = [...new Set([...source, ...withConjuncts(ctx, after, between)])];

  // Recipient: the first actor after the trigger, preferably after "against/on/with/to".
  const sourceSet = new Set(source);
  // "in eastern Baghdad" is a place; "in western Iraq" may name the country hit.
  const quarter = (m: ActorMention): boolean => inCity(ctx, view, m) && CITY_QUARTER.test(text.slice(Math.max(trigger.end, m.start - 30), m.start));
  // "within the framework of the Supreme Military Council", "under the auspices of the UN": where it is done, not to whom.
  const framework = (m: ActorMention): boolean => FRAMEWORK_OF.test(text.slice(Math.max(trigger.end, m.start - 40), m.start));
  const objects = after.filter((m) => !sourceSet.has(m.actorId) && !quarter(m) && !framework(m) && (active || !/\bby\s+(?:the\s+)?[“"‘']?\s*$/iu.test(text.slice(byFrom, m.start))));
  const marked = objects.find((m) => TARGET_PREP.test(text.slice(trigger.end, m.start)));
  // A place where it happened ("strikes in Iraq") is a recipient only when nothing else is named, and only right
  // after the act: in "operations against the bases of the occupation in Iraq" the bases were the recipient.
  const object = marked ?? objects.find((m) => !LOCATIVE_PREP.test(text.slice(trigger.end, m.start))) ??
    objects.find((m) => LOCATIVE_ONLY.test(text.slice(trigger.end, m.start)));
  // "days after Washington blamed it for a drone strike", "wrote to the Security Council urging it to act": a pronoun
  // right after a verb that is no attack stands for the nearest body or group named before it ("it" for no plural).
  const pronoun = active && type !== 'ASSAULT' ? /^\s+(it|them)\b/iu.exec(text.slice(trigger.end, trigger.end + 6))?.[1] : undefined;
  // "The Brigades, whom Washington holds responsible for the attack": the object is the name "whom" follows.
  const whom = active ? /,\s*whom\s+[^,;]*$/iu.exec(text.slice(view.sentence.start, trigger.start)) : null;
  const pronounObject = whom ? view.actors.filter((m) => m.end <= view.sentence.start + whom.index && !sourceSet.has(m.actorId)).at(-1)
    : pronoun ? bodyBefore(ctx, view.actors, trigger.start, pronoun, sourceSet) : undefined;
  // "killed one of its commanders", "the arrest of two of their members": "its" or "their" before a member noun is the
  // nearest body or group named before.
  const possessed = FORCE_TYPES.has(type) || type === 'COERCE' ? POSSESSED_MEMBERS.exec(text.slice(trigger.end, Math.min(view.sentence.end, trigger.end + 60))) : null;
  const possessor = possessed ? bodyBefore(ctx, ctx.annotated.actors.filter((m) => m.start >= view.sentence.start - POSSESSOR_REACH), trigger.start, possessed[1], sourceSet, true) : undefined;
  // "called on the House of Representatives to intervene": a name inside the trigger, after its verb, is its object.
  const inner = view.actors.find((m) => m.start > trigger.start && m.end <= trigger.end && ctx.knowledge.actors.get(m.actorId)?.type !== 'media_outlet');
  if (inner && target.length === 0 && !passiveSubject) {
    target.push(inner.actorId);
    source = source.filter((id) => id !== inner.actorId);
  } else if (pronounObject && target.length === 0) {
    target.push(pronounObject.actorId);
  } else if (possessor && target.length === 0 && (!object || object.start > trigger.end + possessed!.index + possessed![0].length)) {
    // "the killing of one of its commanders in a US drone strike in Baghdad": the group whose member was hit.
    target.push(possessor.actorId);
  } else if (object && target.length === 0) {
    target.push(object.actorId);
    // "the leader of the Iraqi Hezbollah Brigades, Abu Baqir al-Saadi": the apposition is a recipient too.
    const next = objects[objects.indexOf(object) + 1];
    // Not a clause after the comma ("…, in order not to embarrass the Iraqi government").
    if (next && /^\s*,\s*(?:[\p{Ll}\s-]+\s)?$/u.test(text.slice(object.end, next.start)) && !/\b(?:to|not|in|so|and|but|which|who|while)\b/u.test(text.slice(object.end, next.start)) &&
      next.start - object.end < 40) target.push(next.actorId);
  }

  // "a US airstrike on a base of the PMF killed four fighters": the recipient named in the attack noun's own phrase.
  if (subjectNoun && target.length === 0) {
    const own = before.find((m) => m.start >= subjectNoun.end && !sourceSet.has(m.actorId) && NOUN_RECIPIENT.test(text.slice(subjectNoun.end, m.start)));
    if (own) target.push(own.actorId);
  }
  if (type === 'ASSAULT' && target.length === 0) {
    // "... which resulted in the injury of a number of American soldiers": the casualties are the recipients.
    // Not a victim of another happening the sentence goes on to ("hit 85 targets, its first retaliation for the drone
    // attack that killed three American soldiers").
    const other = ANOTHER_HAPPENING.exec(text.slice(trigger.end, view.sentence.end));
    // Nor the speaker the words are cited from ("at least one soldier was wounded, CENTCOM said").
    const victimEnd = Math.min(cited, other ? trigger.end + other.index : view.sentence.end);
    const victim = mentions.find((m) => m.start < victimEnd && !sourceSet.has(m.actorId) && (
      ctx.lexicon.killedWords.test(text.slice(Math.max(view.sentence.start, m.start - 35), m.start)) ||
      ctx.lexicon.injuredWords.test(text.slice(Math.max(view.sentence.start, m.start - 35), m.start)) ||
      /^\s*(?:were|was|(?:have|has|had)\s+been)\s+(?:killed|wounded|injured)/iu.test(text.slice(m.end, m.end + 24))));
    if (victim) target.push(victim.actorId);
  }
  if (JOINT.has(type) && target.length > 0) {
    // "talks between Baghdad and Washington": all are participants; not a place where they met ("met in Baghdad").
    const isPlace = (m: ActorMention) => view.places.some((p) => p.start < m.end && m.start < p.end);
    const met = new Set(after.filter((m) => isPlace(m) && LOCATIVE_PREP.test(text.slice(Math.max(trigger.end, m.start - 20), m.start))).map((m) => m.actorId));
    source = [...source, ...target.filter((id) => !met.has(id) || source.length === 0)];
    target = [];
  }
  // A person acts for their organisation; a person hit keeps their name and their group.
  source = unique(source.map((id) => voiceOf(ctx.knowledge, id)));
  target = unique(target.flatMap((id) => (ctx.knowledge.actors.get(id)?.type === 'person' ? [voiceOf(ctx.knowledge, id), id] : [id]))).filter((id) => !source.includes(id));
  const { fatalities, injured } = casualties(ctx, view);
  source = agentsOf(ctx, type, source, target);
  const place = locationOf(ctx, view, trigger, type);
  const site = place && ctx.knowledge.places.get(place.placeId);
  // "rockets fell near the Ain al-Asad base": an attack on a site that hosts foreign forces, with no target named,
  // hits them (not when their own side strikes there).
  if (type === 'ASSAULT' && target.length === 0 && site) {
    const sides = new Set(source.map((id) => sideOf(ctx.knowledge, id)));
    target = site.hosts.filter((id) => !sides.has(sideOf(ctx.knowledge, id)));
  }
  return { source, target, location: site?.name ?? place?.text ?? '', fatalities, injured };
}
