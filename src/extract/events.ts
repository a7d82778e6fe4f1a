// Event mentions: PLOVER triggers from the lexicon, kept when eventive, with modality,
// arguments and date; mentions of the same happening in one article merged into one event.
import type { ActorMention, EventOut, PloverType, Span } from '../pipeline/types.ts';
import type { Place } from '../knowledge/types.ts';
import { sideOf, voiceOf, type DocContext, type SentenceView } from './context.ts';
import type { Lexicon, Trigger } from './lexicon.ts';
import { accordingToTail, type Report } from './attribution.ts';
import { modalityOf, untimed } from './status.ts';
import { agentsAfter, agentsOf, argumentsOf, MUTUAL, passive, placeHit, PREPOSITION_BEFORE, verbBetween } from './arguments.ts';
import { Dater } from './dating.ts';
import { evidenceOf } from './evidence.ts';
import { findVerbEvents } from './verbs.ts';
import { addDays, dayRange, overlaps as datesOverlap } from '../pipeline/date-range.ts';
import { clauseAround, governingTime, isTimeWord, offsetDays } from '../time/index.ts';

interface Hit extends Span {
  trigger: Trigger;
  /** Found by the general verb lexicon (packs/verbs) rather than a phrase of the trigger lexicon. */
  coded?: boolean;
  /** The weapon or attack noun that is the verb's subject (see armed()). */
  subject?: Span;
}

/** A verb of the general lexicon: after every phrase of the trigger lexicon, which is the more specific. */
function verbTrigger(ctx: DocContext, type: PloverType, mode: string): Trigger {
  return { type, mode, kind: 'general', rank: ctx.lexicon.triggerOf.length };
}

/** Words up to a relative pronoun that opens the clause after a noun's phrase ("on the base in Jordan, which"). */
const RELATIVE_OPENS = /^[^;.!?]{0,80}?(?:,\s*)?\b(?:that|which|who)\s+$/iu;
const IMPACT = /^\s+(?:landed|crashed|impacted)\b/iu;

/** Trigger matches of one sentence, overlaps resolved: earlier lexicon entries first, then longer. */
function hits(ctx: DocContext, view: SentenceView): Hit[] {
  const s = view.sentence;
  // A time expression is no word of a phrase: "agreed on Tuesday to suspend attacks" is "agreed to suspend attacks";
  // the dateline ("BAGHDAD, Oct 20 (Tigris Monitor) -") holds none.
  const text = untimed(ctx.text, s.start, s.end, [...view.times, { start: s.start, end: view.opening }]);
  const found: Hit[] = ctx.lexicon.triggers.findAll(text).map((m) => ({ start: s.start + m.start, end: s.start + m.end, trigger: ctx.lexicon.triggerOf[m.index] }));
  // Weapons named in the singular are no events: they only arm the attacks around them (see armed()).
  const weapons = found.filter((h) => h.trigger.kind === 'weapon');
  // A word of a time expression is no trigger ("at the end of March", "in May").
  const timed = (h: Span): boolean => view.times.some((t) => t.start <= h.start && h.end <= t.end);
  // Capitalised words inside a name the packs know are that name ("the Joint Operations Command said").
  const inName = (h: Span): boolean => view.actors.some((m) => m.start <= h.start && h.end <= m.end) && /^\p{Lu}\S*(?:\s+\p{Lu}\S*)*$/u.test(ctx.text.slice(h.start, h.end));
  // "a rocket landed near the base", "a drone crashed inside it": a weapon whose impact no verb of the lexicons tells is
  // the attack itself.
  const impact = (h: Hit): boolean => h.trigger.kind === 'weapon' && IMPACT.test(ctx.text.slice(h.end, Math.min(s.end, h.end + 16)));
  const all = found.filter((h) => (h.trigger.kind !== 'weapon' || impact(h)) && !timed(h) && !inName(h));
  for (const v of findVerbEvents(ctx.lexicon.verbs, ctx.annotated.tokens, s, ctx.text)) {
    // A support verb ("staged a hunger strike", "launched strikes", "took responsibility for the attack") takes
    // its meaning from its object, a nominal trigger of the lexicon.
    if (ctx.lexicon.supportVerbs.startsWith(ctx.text.slice(v.start, s.end))) continue;
    // A reporting verb introduces a statement, not an event; a vague default code names no act.
    if (ctx.lexicon.reportingVerbs.startsWith(v.text) || (v.pattern === null && ctx.lexicon.vagueVerbCodes.some((c) => v.cameo.startsWith(c))) || timed(v) || inName(v) ||
      v.start < view.opening) continue;
    // "announced a halt to attacks": the pattern's object is what is halted, no happening.
    if (v.objectStart > v.end && ctx.lexicon.haltedBefore.endsWithin(ctx.text.slice(v.end, v.objectStart), 2)) continue;
    // A coded verb of force, told of a thing ("any escalation will harm Iraq"), is a danger too.
    if ((v.type === 'THREATEN' || v.type === 'ASSAULT') && danger(ctx, ctx.text.slice(Math.max(s.start, v.start - 50), v.start))) continue;
    all.push({ start: v.start, end: v.end, trigger: verbTrigger(ctx, v.type, v.mode), coded: true });
  }
  // A general verb that is no verb here ("rallies" as a noun) leaves its words to the nominal triggers.
  // It also yields to a phrase of the lexicon over the same words ("opened fire" names its mode, "open* fire" does not).
  const named = (h: Hit): boolean => all.some((o) => o.trigger.kind !== 'general' && o.start === h.start && o.end === h.end);
  for (let i = all.length - 1; i >= 0; i--) if (all[i].trigger.kind === 'general' && (!isVerb(ctx, view, all[i]) || named(all[i]))) all.splice(i, 1);
  all.sort((a, b) => a.trigger.rank - b.trigger.rank || b.end - b.start - (a.end - a.start));
  // A phrase that contains another ("announced a halt to attacks" ⊃ "attacks") is the more specific reading.
  // A verb of the general lexicon ("captured part") never swallows a phrase of the trigger lexicon ("captured").
  const contained = (h: Hit): boolean => all.some((o) => o !== h && o.start <= h.start && h.end <= o.end && o.end - o.start > h.end - h.start && !(o.coded && !h.coded));
  // "a US strike that killed a leader": the relative clause tells the strike again, it is not a second act.
  // So does one after the attack noun's own phrase ("the attack on the Tower 22 base in Jordan, which killed").
  const relative = (h: Hit): boolean => h.trigger.kind !== 'noun' &&
    all.some((o) => o !== h && o.trigger.type === h.trigger.type && o.end <= h.start && RELATIVE_OPENS.test(ctx.text.slice(o.end, h.start)) &&
      (o.trigger.kind === 'noun' || /^\s*(?:that|which|who)\s+$/iu.test(ctx.text.slice(o.end, h.start))) && !verbBetween(ctx, view, o.end, h.start - 1));
  // "announced the suspension of its military operations against": a noun that begins inside a verb phrase of the
  // lexicon is that phrase's object, however far the noun's own phrase reaches.
  const object = (h: Hit): boolean => h.trigger.kind === 'noun' && all.some((o) => o.trigger.kind === 'verb' && !o.coded && o.start < h.start && h.start < o.end && o.end < h.end);
  // "is ready to resume its operations": readiness for a threat or an attack is that act's modality, no agreement.
  const readiness = (h: Hit): boolean => h.trigger.type === 'AGREE' && /\b(?:ready|willing|prepared)\s+to$/iu.test(ctx.text.slice(h.start, h.end)) &&
    all.some((o) => o !== h && (o.trigger.type === 'THREATEN' || o.trigger.type === 'ASSAULT') && o.start >= h.end && o.start - h.end <= 3);
  const kept: Hit[] = [];
  for (const h of all) if (!contained(h) && !relative(h) && !object(h) && !readiness(h) && !kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
  return casualtiesOf(ctx, armed(ctx, view, [...all, ...weapons], kept.sort((a, b) => a.start - b.start)));
}

/** "killed one member and injured 18 others", "were killed and 34 others were injured": the toll of the attack told before. */
function casualtiesOf(ctx: DocContext, hits: Hit[]): Hit[] {
  const lx = ctx.lexicon;
  const toll = (h: Hit): boolean => {
    const words = ctx.text.slice(h.start, h.end);
    return h.trigger.type === 'ASSAULT' && h.trigger.kind !== 'noun' && (lx.killedWords.test(words) || lx.injuredWords.test(words));
  };
  // A verb with an attack of its own as subject ("and U.S. retaliatory strikes killed a commander") tells another.
  return hits.filter((h, i) => !(i > 0 && toll(h) && !h.subject && hits[i - 1].trigger.type === 'ASSAULT' && /\band\b/iu.test(ctx.text.slice(hits[i - 1].end, h.start)) &&
    !/[;:]/u.test(ctx.text.slice(hits[i - 1].end, h.start))));
}

/**
 * Between a subject and its verb (time expressions aside): nothing, or a passive's auxiliary, after at most one
 * phrase of place or target with no verb ("US strikes in Iraq killed", "an airstrike on a base of the Popular
 * Mobilization Forces (PMF) south of Baghdad killed"), which a second place in commas may follow ("the strikes in
 * al-Qaim and Akashat, near the Syrian border, killed").
 */
const SUBJECT_GAP = /^\s*(?:(?:in|on|near|at|against|across)\s+(?![^,;]*\b(?:which|whom|where|who|that)\b)[^\s,;]+(?:\s+[^\s,;]+){0,10}(?:,\s*(?:in|on|near|at|outside|north|south|east|west)\s+[^\s,;]+(?:\s+[^\s,;]+){0,4},)?\s+)?(?:(?:was|were|is|are|has been|have been|had been|being)\s+)?$/iu;

/**
 * An attack verb whose subject is a weapon or the attack itself ("rockets were fired at", "a US drone strike hit",
 * "the American strikes killed") tells that attack: the noun is no second event, and the verb's agent can only be
 * named in the noun's phrase ("a US drone strike"). The verb also takes the mode of the weapon named inside it
 * ("fired three Katyusha rockets at"), after an instrument cue ("attacked the base with drones") or as its subject.
 */
function armed(ctx: DocContext, view: SentenceView, all: readonly Hit[], kept: Hit[]): Hit[] {
  const lx = ctx.lexicon;
  const noun = (h: Hit): boolean => h.trigger.type === 'ASSAULT' && (h.trigger.kind === 'noun' || h.trigger.kind === 'weapon');
  const weapon = (h: Hit): boolean => noun(h) && lx.weaponModes.has(h.trigger.mode);
  const used = new Set<Hit>();
  const out = kept.map((k, i) => {
    if (k.trigger.type !== 'ASSAULT' || k.trigger.kind === 'noun') return k;
    const subject = all.find((w) => noun(w) && w.end <= k.start && SUBJECT_GAP.test(untimed(ctx.text, w.end, k.start, ctx.annotated.times)) &&
      !verbBetween(ctx, view, w.end, k.start));
    if (subject) used.add(subject);
    const told: Hit = subject ? { ...k, subject: { start: subject.start, end: subject.end } } : k;
    // "targeted the group with attacks", "attacked the base with drones": the instrument is the act itself.
    const until = kept[i + 1]?.end ?? Infinity;
    const after = all.filter((w) => noun(w) && w.start >= k.end && w.end <= until).sort((a, b) => a.start - b.start)
      // ("targeted, with drones, a vital target": the instrument may stand in commas.)
      .find((w) => !/[,;]/u.test(ctx.text.slice(k.end, w.start).replace(/^\s*,/u, '')) && lx.instrumentCues.endsWithin(ctx.text.slice(k.end, w.start), 2));
    if (after) used.add(after);
    // A mode that is no weapon ("targeted", "abduct") says more than the weapon does.
    if (k.trigger.mode !== '' && !lx.weaponModes.has(k.trigger.mode)) return told;
    const inside = all.find((w) => weapon(w) && k.start <= w.start && w.start < k.end);
    const w = inside ?? [after, subject].find((x) => x !== undefined && weapon(x));
    return w ? { ...told, trigger: { ...k.trigger, mode: w.trigger.mode } } : told;
  });
  return out.filter((k) => !used.has(k));
}

/**
 * "Ousted President X", "the besieged town", "their disputed border", "factions backed by Iran": a one-word
 * participle used as an adjective.
 */
function attributive(ctx: DocContext, view: SentenceView, h: Hit): boolean {
  const { tokens } = ctx.annotated;
  const i = ctx.tokenAt(h.start);
  if (i < 0 || tokens[i].end !== h.end || !/(?:ed|en)$/iu.test(tokens[i].text)) return false;
  const prev = i > view.sentence.tokenStart ? tokens[i - 1] : null;
  const next = i + 1 < view.sentence.tokenEnd ? tokens[i + 1] : null;
  const beforeNoun = (prev === null || prev.pos === 'DET' || /^(?:its|their|his|her|our)$/iu.test(prev.text)) &&
    next !== null && (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ');
  // "factions backed by Iran": a participle after its noun with its agent describes the noun.
  const reducedRelative = prev !== null && (prev.pos === 'NOUN' || prev.pos === 'PROPN') && next !== null && /^by$/iu.test(next.text);
  return beforeNoun || reducedRelative;
}

/**
 * True when wink tagged the first word of the match a verb ("rejected", not "rejection"), unless a
 * determiner or possessive stands before it, which only a noun follows ("its promises", "an 18-year break").
 */
function isVerb(ctx: DocContext, view: SentenceView, h: Hit): boolean {
  const i = ctx.tokenAt(h.start);
  const t = ctx.annotated.tokens[i];
  if (t === undefined || !(t.pos === 'VERB' || (t.pos === 'AUX' && /\s/u.test(ctx.text.slice(h.start, h.end))))) return false;
  // Adjectives, numbers and hyphenated compounds may stand between: "an 18-year break", "a two-month break".
  const { tokens } = ctx.annotated;
  const modifier = (k: number): boolean => tokens[k].pos === 'ADJ' || tokens[k].pos === 'NUM' || tokens[k].text === '-' || (k > 0 && tokens[k - 1].text === '-');
  let j = i - 1;
  while (j > view.sentence.tokenStart && modifier(j)) j--;
  return j < view.sentence.tokenStart || !/^(?:a|an|the|this|these|those|its|their|his|her|our|my|your)$/iu.test(tokens[j].text);
}

/** Types that words can perform: "a statement demanding", "a letter condemning" say what the words do. */
const SPEECH_ACTS: ReadonlySet<PloverType> = new Set(['REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'AGREE', 'SUPPORT']);

/** A participle of a speech act right after a noun: "issued a declaration demanding that ...". */
function uttered(ctx: DocContext, view: SentenceView, h: Hit): boolean {
  const i = ctx.tokenAt(h.start);
  return SPEECH_ACTS.has(h.trigger.type) && i > view.sentence.tokenStart && ctx.annotated.tokens[i - 1].pos === 'NOUN';
}

/** "continued to send arms": the act after a catenative verb and "to". */
function catenated(lx: Lexicon, before: string): boolean {
  return /\bto\s+$/iu.test(before) && lx.catenativeVerbs.endsWith(before.replace(/\s*to\s+$/iu, ''));
}

/** "to negotiate", but not "continued to send": a verb after "to" that is not the act of a catenative verb. */
function infinitive(lx: Lexicon, before: string): boolean {
  return /\bto\s+$/iu.test(before) && !catenated(lx, before);
}

/**
 * "a rocket launcher", "drone launches", "the attack site": a singular noun right before another noun modifies it
 * and names no happening. (A plural is left alone: wink tags the verb of "rockets target the base" a noun.)
 */
function modifier(ctx: DocContext, view: SentenceView, h: Hit): boolean {
  const { tokens } = ctx.annotated;
  let last = ctx.tokenAt(h.start);
  if (last < 0) return false;
  while (last + 1 < view.sentence.tokenEnd && tokens[last].end < h.end) last++;
  const next = last + 1 < view.sentence.tokenEnd ? tokens[last + 1] : undefined;
  // "the strike yesterday": a time expression is no noun modified.
  return next !== undefined && next.pos === 'NOUN' && !/s$/iu.test(tokens[last].text) &&
    !isTimeWord(next.text) && !ctx.annotated.times.some((t) => t.start <= next.start && next.start < t.end);
}

const TOPIC_BEFORE = /\b(?:on|about|of|over|regarding|concerning)\s+$/iu;

/** "this presence threatens security", "any escalation will harm Iraq": a threat whose subject is a thing is a danger, not a threat anyone made. */
function danger(ctx: DocContext, before: string): boolean {
  return ctx.lexicon.inanimateAgents.endsWith(before.replace(/\b(?:will|would|could|can|may|might)\s+(?:not\s+)?(?:\S+ly\s+)?$/iu, ''));
}

/** A nominal trigger ("attacks") names a happening only in an eventive context, and never right after "stop", "resume", "no" .... */
function eventive(ctx: DocContext, view: SentenceView, h: Hit): boolean {
  const lx = ctx.lexicon;
  const before = ctx.text.slice(Math.max(view.sentence.start, h.start - 50), h.start);
  // "to discuss the US attacks", "stop all attacks": up to two modifiers may stand between. A general verb
  // is not the thing stopped or discussed: "continued to send arms" is sending.
  if (h.trigger.kind !== 'general' && !catenated(lx, before) && lx.nonEventiveBefore.endsWithin(before, 2)) return false;
  if (lx.nonEventiveAfter.startsWith(ctx.text.slice(h.end, Math.min(view.sentence.end, h.end + 40)))) return false;
  if (h.trigger.type === 'THREATEN' && danger(ctx, before)) return false;
  // "2,500 US troops are deployed in Iraq", "remain stationed": where forces are, no datable deployment.
  if (h.trigger.type === 'MOBILIZE' && /\b(?:are|is|remain|remains)\s+(?:\p{L}+ly\s+)?$/iu.test(before)) return false;
  // "the US Army is still providing support": a state of affairs, no datable happening.
  if (/\bstill\s+$/iu.test(before) && /ing\b/iu.test(ctx.text.slice(h.start, h.end).split(/\s/u)[0])) return false;
  // A general verb (hits() kept only verbs) counts when finite: not "to negotiate", not a participle ("discussing"), but a
  // progressive is ("are demanding", "has been sharing").
  if (h.trigger.kind === 'general') {
    // "demonstrated the weakness", "rallied the troops": a demonstration verb with an object names no demonstration.
    if (h.trigger.type === 'PROTEST' && !/^protest/iu.test(ctx.text.slice(h.start, h.end)) && /^\s+(?:the|its|their|his|her|a|an|that|how)\b/iu.test(ctx.text.slice(h.end, h.end + 8))) return false;
    const participle = /ing\b/iu.test(ctx.text.slice(h.start, h.end).split(/\s/)[0]) && !/\b(?:is|are|was|were|be|been|being|am)\s+(?:\p{L}+ly\s+)?$/iu.test(before) &&
      !uttered(ctx, view, h);
    return !infinitive(lx, before) && !participle && !attributive(ctx, view, h);
  }
  // "an agreement was made to stop all attacks": what was agreed, promised or asked is not an act of its own
  // (a threat's content is the threat, and is coded so).
  // "a position on ending the truce", "talk of withdrawing": a gerund after such a preposition names a topic.
  if (h.trigger.kind === 'verb') return !attributive(ctx, view, h) && (h.trigger.type === 'THREATEN' || !infinitive(lx, before)) &&
    !(/^\p{L}+ing\b/iu.test(ctx.text.slice(h.start, h.end)) && TOPIC_BEFORE.test(before));
  if (h.trigger.kind === 'obligation') return true;
  if (modifier(ctx, view, h)) return false;
  const after = ctx.text.slice(h.end, Math.min(view.sentence.end, h.end + 40));
  return lx.eventiveBefore.endsWithin(before, 2) || lx.eventiveAfter.startsWith(after);
}


/** Where an event was told: its part of the sentence (see TEMPORAL_BETWEEN), and whether in the headline. */
interface Told {
  part: ReadonlyMap<EventOut, number>;
  headline: ReadonlySet<EventOut>;
  /** The week before publication ("2024-02-04/2024-02-11"): what a headline reports happened then. */
  news: string | null;
  /** Whether two locations are different sites, neither inside the other (al-Tanf and the Conoco field). */
  apart: (a: string, b: string) => boolean;
  /** Whether two actor ids may name one side: the same, or a state and a body of its own ("Americans", "US forces"). */
  kin: (a: string, b: string) => boolean;
  /** The agents that remain of an act's sources given its targets (see agentsOf). */
  agents: (type: PloverType, source: string[], target: string[]) => string[];
}

const KM_PER_DEGREE = 111.2;
const NEAR_KM = 10;

/** Kinds of place at which an act happens in one spot: two of them, neither inside the other nor near, are two acts. */
const SPOT_TYPES = new Set(['base', 'site', 'crossing']);

// Places by name, built once per knowledge base.
const placesByName = new WeakMap<DocContext['knowledge'], Map<string, Place>>();

function sitesApart(ctx: DocContext): (a: string, b: string) => boolean {
  let byName = placesByName.get(ctx.knowledge);
  if (!byName) placesByName.set(ctx.knowledge, (byName = new Map([...ctx.knowledge.places.values()].map((p) => [p.name, p]))));
  const within = (inner: string, outer: string): boolean => {
    for (let p = byName.get(inner); p; p = p.parent ? ctx.knowledge.places.get(p.parent) : undefined) if (p.name === outer) return true;
    return false;
  };
  // Sites a few kilometres apart are one area ("the Victory base complex at Baghdad airport").
  const near = (p: Place, q: Place): boolean => p.lat !== undefined && p.lon !== undefined && q.lat !== undefined && q.lon !== undefined &&
    Math.hypot(p.lat - q.lat, (p.lon - q.lon) * Math.cos((p.lat * Math.PI) / 180)) * KM_PER_DEGREE < NEAR_KM;
  return (a, b) => {
    const [pa, pb] = [byName.get(a), byName.get(b)];
    return pa !== undefined && pb !== undefined && SPOT_TYPES.has(pa.type) && SPOT_TYPES.has(pb.type) && !within(a, b) && !within(b, a) && !near(pa, pb);
  };
}

/** Two lists of participants that may name the same side: one is empty or they share one. */
const compatible = (x: string[], y: string[], kin: Told['kin']): boolean => x.length === 0 || y.length === 0 || x.some((id) => y.some((o) => kin(id, o)));

function kinOf(k: DocContext['knowledge']): Told['kin'] {
  return (a, b) => a === b || (k.actors.get(a)?.type === 'state' && sideOf(k, b) === a) || (k.actors.get(b)?.type === 'state' && sideOf(k, a) === b);
}

function sameHappening(a: EventOut, b: EventOut, { part, headline, news, apart, kin }: Told): boolean {
  if (a.type !== b.type || a.status !== b.status || apart(a.location, b.location)) return false;
  // A headline tells in the present, undated, the latest news that the article then tells with its date: one
  // happening when the body's falls in the week before publication and no participant differs.
  const title = headline.has(a) ? a : headline.has(b) ? b : null;
  if (title && headline.has(a) !== headline.has(b) && title.date_basis.startsWith('undated')) {
    const told = title === a ? b : a;
    // A headline's targets are often its places ("Kill 16 in Iraq and Syria"): a shared agent settles it.
    const sameAgent = a.source.some((id) => b.source.includes(id));
    return news !== null && told.date !== null && datesOverlap(told.date, news, 0) && compatible(a.source, b.source, kin) && (sameAgent || compatible(a.target, b.target, kin));
  }
  // "strikes ... hours after a drone hit the base and wounded soldiers": one sentence telling two happenings.
  if (a.evidence_start === b.evidence_start && part.get(a) !== part.get(b)) return false;
  if (!a.date || !b.date || !datesOverlap(a.date, b.date, 0)) return false;
  // A series over months ("170 attacks between Oct. 17 and Feb. 4") is not one attack of a day inside it.
  if (a.evidence_start !== b.evidence_start && Math.abs(spanDays(a.date) - spanDays(b.date)) > SERIES_DAYS) return false;
  const ta = new Set(a.target);
  const sa = new Set(a.source);
  const sharedTarget = b.target.some((t) => ta.has(t));
  const sharedSource = b.source.some((t) => sa.has(t));
  if (MUTUAL.has(a.type) && b.source.some((t) => ta.has(t)) && b.target.some((t) => sa.has(t))) return true;
  // "Talks between Baghdad and Washington began last January" and "the first round … on January 27": the same sides meeting.
  if (MUTUAL.has(a.type) && a.target.length + b.target.length === 0 && a.source.length > 1 && a.source.length === b.source.length && b.source.every((t) => sa.has(t))) return true;
  const agentless = a.source.length === 0 || b.source.length === 0;
  const samePlace = a.location !== '' && a.location === b.location && !a.date.includes('/') && a.date === b.date;
  // "confirming that they are no longer in the truce" and "the factions ended this truce": the same words of the same
  // side, once aimed at nobody named, told twice.
  const sameWords = SPEECH_ACTS.has(a.type) && a.mode === b.mode && (a.target.length === 0 || b.target.length === 0) && a.source.length > 0 &&
    a.source.length === b.source.length && b.source.every((t) => sa.has(t));
  // "The strike also killed eight people, including members of X": one sentence's two triggers for one act, one of
  // them with nobody named.
  const bare = a.source.length + a.target.length === 0 || b.source.length + b.target.length === 0;
  // Sharing a participant, one sentence's two triggers for one act, or the same place on the same day.
  return (sharedTarget && (sharedSource || agentless)) || ((sharedSource || bare) && a.evidence === b.evidence) || samePlace || sameWords;
}

const SERIES_DAYS = 31;

/** Days between the first and last day a date covers (0 for a day). */
function spanDays(date: string): number {
  const r = dayRange(date);
  return r ? (Date.parse(r.end) - Date.parse(r.start)) / 86_400_000 : 0;
}

function precision(date: string | null): number {
  if (!date) return 99;
  if (date.includes('/')) return 50;
  return 20 - date.length;
}

/** Both tellings' participants, the more precise first: "US forces" stands for "the Americans" of the other. */
function joined(first: string[], second: string[], kin: Told['kin']): string[] {
  const all = [...new Set([...first, ...second])];
  return all.filter((id) => !all.some((o) => o !== id && kin(id, o) && second.includes(id) && !first.includes(id)));
}

/** How many sentences after an attack a toll with no attack of its own may be told ("Most were intercepted ... . Several were wounded"). */
const TOLL_SENTENCES = 2;

function merge(events: EventOut[], told: Told): EventOut[] {
  const out: EventOut[] = [];
  for (const e of events) {
    const twin = out.find((o) => sameHappening(o, e, told));
    if (!twin) {
      out.push(e);
      continue;
    }
    // The body's telling, dated and complete, is the evidence; the headline's only fills what it leaves out.
    if (told.headline.has(twin) && !told.headline.has(e)) {
      const title = { ...twin };
      Object.assign(twin, e, {
        id: title.id,
        source: [...new Set([...e.source, ...title.source])],
        target: joined(e.target, title.target, told.kin).filter((t) => !e.source.includes(t) && !title.source.includes(t)),
        mode: e.mode || title.mode,
        location: e.location || title.location,
        fatalities: e.fatalities ?? title.fatalities,
        injured: e.injured ?? title.injured,
      });
      continue;
    }
    twin.source = [...new Set([...twin.source, ...e.source])];
    twin.target = joined(twin.target, e.target, told.kin).filter((t) => !twin.source.includes(t));
    // The telling that dates the act more exactly is the fuller one: its words, trigger and place stand for the act.
    if (precision(e.date) < precision(twin.date)) {
      Object.assign(twin, { date: e.date, date_basis: e.date_basis, trigger: e.trigger, evidence: e.evidence, evidence_start: e.evidence_start, evidence_end: e.evidence_end });
      twin.location = e.location || twin.location;
    }
    twin.mode ||= e.mode;
    twin.location ||= e.location;
    twin.fatalities ??= e.fatalities;
    twin.injured ??= e.injured;
  }
  // Tellings joined may pair an agent with its own side as target: that agent was only the speaker of one of them.
  return out.map((e, i) => ({ ...e, source: told.agents(e.type, e.source, e.target), id: `e${String(i + 1).padStart(2, '0')}` }));
}

/** A relative clause opening right after a noun ("attack that targeted the airport ..."), not closed before its end. */
const RELATIVE_AFTER = /^\s*(?:[\p{L}-]+\s+){0,2}?(?:that|which)\s[^,;]*$/iu;

const TEMPORAL_PP = /\b(?:following|after|before|since|amid|despite|in response to|in retaliation for)\s+(?:the\s+|a\s+|an\s+|their\s+|its\s+|this\s+|that\s+)?(?:[\p{L}.’'-]+\s+){0,2}$/iu;

/** Start of a temporal prepositional phrase ("following a US strike") that holds a nominal trigger, or null. */
/** A sentence opening with a condition, up to its comma: "If the talks fail", "Unless Washington withdraws". */
const LEADING_CONDITION = /^\s*[“"]?\s*(?:if|unless|should)\s[^,;]*$/iu;

function nominalPP(ctx: DocContext, view: SentenceView, h: Hit): number | null {
  // A verb whose subject is the attack noun stands where the noun does ("two days after a US drone strike ... killed").
  const noun = h.trigger.kind === 'noun' ? h : h.subject;
  if (!noun) return null;
  const from = Math.max(view.sentence.start, noun.start - 60);
  const m = TEMPORAL_PP.exec(ctx.text.slice(from, noun.start));
  return m ? from + m.index : null;
}

/**
 * A nominal trigger is the act of its clause's subject only when a support verb governs it ("X carried
 * out retaliatory strikes") or a possessive points to it ("its recent targeting of ..."): the subject of
 * "X announced the arrest of people involved in the attack" did not carry out the attack.
 */
function governed(ctx: DocContext, view: SentenceView, h: Hit): boolean {
  const before = ctx.text.slice(Math.max(view.sentence.start, h.start - 60), h.start);
  if (/\b(?:its|their|his|her|our)\s+(?:[\p{L}-]+\s+){0,2}$/iu.test(before)) return true;
  // "has not claimed the attack": who did not claim it did not (by that) carry it out.
  return ctx.lexicon.supportVerbs.endsWithin(before, 3) && !/\b(?:not|never|n't)\s+(?:\S+\s+){0,4}$/iu.test(before);
}

/**
 * "Russia said that Sudan must return the helicopter", "the Red Cross said US and British forces must
 * ensure security": the actors right before the modal are asked, by the speaker of the reported words or
 * by the subject of the clause before "that". Null when no actor stands before the modal or nobody asks.
 */
function obligation(ctx: DocContext, view: SentenceView, h: Hit, report: Report | undefined): { source: string[]; target: string[] } | null {
  const text = ctx.text;
  const before = view.actors.filter((m) => m.end <= h.start);
  const asked: ActorMention[] = [];
  // The modal's subject: actors joined by "and" or commas ending right before it, or "it"/"they" for the last actor named.
  let at = h.start;
  for (let i = before.length - 1; i >= 0; i--) {
    const gap = text.slice(before[i].end, at);
    if (!(asked.length === 0 ? /^\s*$/u : /^\s*(?:,|and|,\s*and)\s*$/u).test(gap)) break;
    asked.unshift(before[i]);
    at = before[i].start;
  }
  const pronoun = asked.length === 0 && /\b(?:it|they)\s+$/iu.test(text.slice(Math.max(view.sentence.start, h.start - 6), h.start));
  const from = pronoun ? h.start - /(?:it|they)\s+$/iu.exec(text.slice(view.sentence.start, h.start))![0].length : at;
  const voice = (id: string) => voiceOf(ctx.knowledge, id);
  let asker: string | undefined;
  if (report && from >= report.content.start && report.speaker.actorId) asker = voice(report.speaker.actorId);
  else {
    const that = text.slice(view.sentence.start, from).search(/\bthat\s+$/iu);
    if (that >= 0) asker = before.find((m) => m.end <= view.sentence.start + that && !PREPOSITION_BEFORE.test(text.slice(view.sentence.start, m.start)))?.actorId;
    if (asker) asker = voice(asker);
  }
  if (pronoun) {
    const antecedent = [...before].reverse().find((m) => m.end <= from && voice(m.actorId) !== asker);
    if (antecedent) asked.push(antecedent);
  }
  if (!asker || asked.length === 0) return null;
  const target = [...new Set(asked.map((m) => voice(m.actorId)))].filter((id) => id !== asker);
  return target.length > 0 ? { source: [asker], target } : null;
}

/** "Did the government fail to keep the truce?": a question asserts nothing. */
function asked(ctx: DocContext, view: SentenceView, h: Hit): boolean {
  return /^[^.!?]*\?/u.test(ctx.text.slice(h.end, view.sentence.end));
}

/** "killed ... in the strikes": a toll followed, in its clause, by a definite noun (group 1), the attack's. */
const IN_THE = /^[^,;]{0,60}?\bin\s+(?:the|this|that|these|those)\s+(\p{L}+)/iu;
/** "no one was hurt", "none of the soldiers were wounded", "there were no injuries": the toll is nobody, no act. */
const NO_VICTIM = /\bno\s+(?:serious\s+|reported\s+)?$|\b(?:no\s+one|nobody|none(?:\s+of\s+(?:the|its|their)\s+[\p{L}-]+)?|no\s+(?:[\p{L}-]+\s+)?(?:people|persons?|personnel|soldiers?|troops|civilians?|casualties|Americans?))\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\p{L}+ly\s+)?$/iu;

/** A condition clause still open at the trigger (no comma or semicolon has closed it). */
const CONDITION_BETWEEN = /\b(?:if|unless|until|whether|as long as|provided that|on condition that)\b[^,;]*$/iu;
const TEMPORAL_BETWEEN = /\b(?:after|before|since|until|following|ahead of|prior to)\b/giu;

interface Candidate {
  event: EventOut;
  /** Named by a noun ("the attack", "recent attacks") rather than a verb. */
  nominal: boolean;
  /** Dated by an expression or reference event of its own, not by the undated fallback. */
  ownDate: boolean;
  /** "the attack", "this strike": a noun that points back to a happening already told. */
  anaphoric: boolean;
  /** An anaphoric noun with no complement of its own ("condemned the strike, and ..."), not "the assassination of X". */
  bare: boolean;
}

/**
 * An undated nominal mention ("following recent attacks on the base") refers back to a happening
 * the article dates elsewhere: it joins that event when they share a place or a participant;
 * a bare undated plural ("attacks") is a series, not a happening, and is dropped.
 */
function attachBackReferences(cands: Candidate[]): EventOut[] {
  const shares = (e: EventOut, o: EventOut): boolean =>
    (e.location !== '' && o.location === e.location) || [...e.source, ...e.target].some((id) => o.source.includes(id) || o.target.includes(id));
  const absorb = (host: EventOut, e: EventOut): void => {
    host.target = [...new Set([...host.target, ...e.target])].filter((t) => !host.source.includes(t));
    if (host.source.length === 0) host.source = e.source.filter((s) => !host.target.includes(s));
    host.location ||= e.location;
    // "The attack, which took place on Friday night": a day inside the period the attack was first told in.
    const [inner, outer] = [dayRange(e.date ?? ''), dayRange(host.date ?? '')];
    if (inner && outer && !e.date_basis.startsWith('undated') && e.date !== host.date && outer.start <= inner.start && inner.end <= outer.end) {
      host.date = e.date;
      host.date_basis = e.date_basis;
    }
  };
  const kept: Candidate[] = [];
  for (const c of cands) {
    const e = c.event;
    // "the attack": the last happening of that kind told before, if nothing says otherwise.
    const told = kept.filter((k) => k.event.type === e.type && k.event.status === e.status).map((k) => k.event);
    // "X claimed the attack" names the agent the attack told before lacked.
    const agentOf = (o: EventOut): boolean => o.source.length === 0 && e.source.length > 0 && e.target.length === 0;
    const host = c.anaphoric ? told.filter((o) => shares(e, o) || (e.source.length + e.target.length === 0) || agentOf(o)).pop() : undefined;
    const last = told[told.length - 1];
    if (host) absorb(host, e);
    // "condemned the strike, and called on the coalition": a bare noun points back to the last such happening; what it
    // seems to name besides comes from its clause, unless it names another place.
    else if (c.bare && last && (e.location === '' || e.location === last.location)) continue;
    else kept.push(c);
  }
  // An undated noun ("following a US strike that killed a leader") is the dated happening it shares a participant or place with.
  const dated = kept.filter((c) => !c.nominal || c.ownDate).map((c) => c.event);
  const out: EventOut[] = [];
  for (const c of kept) {
    const e = c.event;
    if (!c.nominal || c.ownDate) {
      out.push(e);
      continue;
    }
    const host = dated.find((o) => o.type === e.type && o.status === e.status && shares(e, o));
    if (host) absorb(host, e);
    // A bare undated plural ("attacks") names a series, not a happening.
    else if (!/s$/iu.test(e.trigger)) out.push(e);
  }
  return out;
}

export function extractEvents(ctx: DocContext, reports: Report[]): EventOut[] {
  const dater = new Dater(ctx);
  const bySentence = new Map<number, Report[]>();
  for (const r of reports) bySentence.set(r.sentence, [...(bySentence.get(r.sentence) ?? []), r]);
  const events: Candidate[] = [];
  /** Which part of its sentence each event was told in (see TEMPORAL_BETWEEN). */
  const part = new Map<EventOut, number>();
  // The headline and the lines around it (deck, byline) end without a full stop; the body starts at the first sentence that has one.
  const body = ctx.sentences.find((v) => /[.!?…]["”’')\]]*$/u.test(v.sentence.text.trim()))?.sentence.start ?? ctx.text.length;
  const headline = new Set<EventOut>();
  let lastAssault: { event: EventOut; sentence: number } | undefined;
  for (const view of ctx.sentences) {
    const framed = bySentence.get(view.index) ?? [];
    /** This sentence's events so far, with where their triggers end. */
    const told: Array<{ event: EventOut; end: number }> = [];
    // Where the sentence's temporal conjunctions start and end, found once: a sentence may tell hundreds of acts.
    const temporals = [...view.sentence.text.matchAll(TEMPORAL_BETWEEN)].map((m) => ({ start: view.sentence.start + m.index, end: view.sentence.start + m.index + m[0].length }));
    const found = hits(ctx, view);
    for (const h of found) {
      // The utterance whose words hold the trigger ("quoted sources as saying Washington had set conditions, adding that
      // ..."), else the sentence's last.
      const report = framed.find((r) => r.content.start <= h.start && h.end <= r.content.end) ?? framed.at(-1);
      if (!eventive(ctx, view, h) || asked(ctx, view, h)) continue;
      // "will keep attacking until they leave Iraq", "will strike if America strikes": a condition of the act told
      // before it is no act of its own.
      const main = told[told.length - 1];
      if (main && CONDITION_BETWEEN.test(ctx.text.slice(main.end, h.start))) continue;
      // "If the talks fail, the factions will resume attacks": so is a condition told before it.
      if (LEADING_CONDITION.test(ctx.text.slice(view.opening, h.start))) continue;
      const answered = h.trigger.kind === 'noun' && ctx.lexicon.reactionCues.endsWithin(ctx.text.slice(Math.max(view.sentence.start, h.start - 50), h.start), 2);
      const modality = modalityOf(ctx.lexicon, ctx.text, view.sentence, h, h.trigger.type, answered, ctx.annotated.times, h.trigger.kind === 'noun');
      if (!modality) continue;
      const type: PloverType = modality.type ?? h.trigger.type;
      let mode = modality.mode ?? h.trigger.mode;
      const pp = nominalPP(ctx, view, h);
      const ungoverned = h.trigger.kind === 'noun' && !governed(ctx, view, h);
      const args = argumentsOf(ctx, view, h, type, report, pp !== null || ungoverned, h.subject);
      if (h.trigger.kind === 'obligation') {
        const asked = obligation(ctx, view, h, report);
        if (!asked) continue;
        Object.assign(args, asked);
      }
      // "X carried out strikes that resulted in the assassination of Y": a consequence has the agent of its cause.
      const cause = ungoverned && args.source.length === 0 ? told.filter((t) => t.event.type === type && t.event.source.length > 0 &&
        ctx.lexicon.consequenceCues.test(ctx.text.slice(t.end, h.start))).pop() : undefined;
      if (cause) args.source = cause.event.source.filter((id) => !args.target.includes(id));
      // A general phrase with nobody in it tells no act, unless force landed on a place it names ("rockets were fired
      // at the Victory base") or its subject is the attack itself ("the drone attack hit the base").
      const nobody = args.source.length + args.target.length === 0;
      // "16 people were killed and 25 wounded in the strikes": the toll of the attack told before, no attack of its own.
      const trigger = ctx.text.slice(h.start, h.end);
      if (type === 'ASSAULT' && (ctx.lexicon.killedWords.test(trigger) || ctx.lexicon.injuredWords.test(trigger)) &&
        NO_VICTIM.test(ctx.text.slice(Math.max(view.sentence.start, h.start - 60), h.start))) continue;
      const named = type === 'ASSAULT' && nobody && (ctx.lexicon.killedWords.test(trigger) || ctx.lexicon.injuredWords.test(trigger)) ?
        IN_THE.exec(ctx.text.slice(h.end, view.sentence.end))?.[1].toLowerCase().replace(/s$/u, '') : undefined;
      // "The PMF said 16 of its members were killed": with no attack in the sentence, the toll of the one just told.
      // Victims may be named ("at least one Iraqi service member was wounded, CENTCOM said") when no time of the
      // sentence tells it apart ("Al-Muhandis was killed ... early on Friday"); the agent may not.
      const justTold = type === 'ASSAULT' && args.source.length === 0 && (nobody || view.times.length === 0) && named === undefined && passive(ctx.text, view, h) && !found.some((o) => o !== h && o.trigger.type === 'ASSAULT') &&
        (ctx.lexicon.killedWords.test(trigger) || ctx.lexicon.injuredWords.test(trigger)) ? lastAssault : undefined;
      const attacks = named === undefined ? [] : events.filter((c) => c.event.type === 'ASSAULT').map((c) => c.event);
      const toll = attacks.filter((e) => e.trigger.toLowerCase().includes(named!)).pop() ?? attacks.pop() ??
        (justTold && justTold.sentence >= view.index - TOLL_SENTENCES ? justTold.event : undefined);
      if (toll) {
        toll.fatalities ??= args.fatalities;
        toll.injured ??= args.injured;
        if (toll.target.length === 0) toll.target = args.target;
        continue;
      }
      // A crowd protests with no actor named ("Hundreds of supporters of the PMF demonstrated in Tahrir Square").
      const crowd = type === 'PROTEST' && ctx.lexicon.crowdNouns.test(ctx.text.slice(view.opening, h.start));
      if (h.trigger.kind === 'general' && nobody && !h.subject && !crowd && !(type === 'ASSAULT' && view.places.some((p) => placeHit(ctx, h, p)))) continue;
      // A verb of the general lexicon in the passive acts for nobody unless a "by" phrase names who
      // ("until the issue was resolved" tells no act); nor does a meeting ("will be met with a response").
      // Force that landed on a target named as the subject is an act still ("two Kataib Hezbollah facilities were hit").
      if ((h.coded || h.trigger.type === 'CONSULT') && passive(ctx.text, view, h) && agentsAfter(ctx, view, h).length === 0 &&
        !(type === 'ASSAULT' && args.target.length > 0)) continue;
      if (type === 'ASSAULT' && !mode && args.target.some((id) => ctx.knowledge.actors.get(id)?.type === 'person')) mode = 'targeted';
      let fatalities = args.fatalities;
      if (type === 'ASSAULT' && mode === 'targeted' && fatalities === null && args.target.some((id) => ctx.knowledge.actors.get(id)?.type === 'person')) fatalities = 1;
      // In "following a strike that ...", the main clause's date and subject are not the strike's.
      // A verb whose subject is the attack is dated where its clause begins, with the attack ("two days after a US drone
      // strike near the airport killed").
      const at = h.subject?.start ?? h.start;
      const actors = [...args.source, ...args.target];
      // "said on Monday that talks began last January": a time among the words said dates what they tell; the one
      // before the reporting verb dates the saying.
      const clause = report && report.content.start <= h.start && h.start < report.content.end ? clauseAround(ctx.text, view.sentence, at) : null;
      const said = report && clause && view.times.some((t) =>
        t.start >= Math.max(report.content.start, clause.start) && t.end <= Math.min(report.content.end, clause.end) && t.kind !== 'duration') ? report.content.start : view.sentence.start;
      // "arrested three suspects early Monday over a rocket attack that targeted the airport late last week": the time
      // in the relative clause of an attack noun is the attack's.
      const own = h.trigger.kind === 'noun' ? view.times.find((t) => t.start > h.end && t.kind !== 'until' && t.kind !== 'duration' &&
        RELATIVE_AFTER.test(ctx.text.slice(h.end, t.start))) : undefined;
      const series = type === 'ASSAULT';
      // An agreement may be the well-known happening itself ("agreed in late September to end the mission").
      const speech = SPEECH_ACTS.has(type) && type !== 'AGREE' ? h : undefined;
      let { date, basis } = own ? dater.date(view, own.end, { from: h.start, actors, series, type }) :
        dater.date(view, at, { from: pp ?? said, actors, series, speech, type });
      if (pp !== null && basis.startsWith('undated')) {
        // "voted on Sunday, two days after a US drone strike killed ...": the day the sentence tells, less the distance;
        // with no distance written, the main clause's date is the nearest the attack has.
        const shift = offsetDays(ctx.text.slice(view.sentence.start, pp), ctx.text.slice(pp, view.sentence.end));
        const day = /^\d{4}-\d{2}-\d{2}$/u;
        const anchor = shift === null ? undefined : told.filter((t) => t.end <= pp && day.test(t.event.date ?? '')).pop()?.event.date ??
          governingTime(view.times.filter((t) => t.end <= pp), view.sentence, pp, ctx.text)?.value;
        if (shift !== null && anchor && day.test(anchor)) [date, basis] = [addDays(anchor, shift), `${anchor} ${shift < 0 ? '−' : '+'} ${Math.abs(shift)} days ('${ctx.text.slice(pp, pp + 6).trim()}')`];
        else if (h.subject) ({ date, basis } = dater.date(view, at, { actors, type }));
      }
      const attributed = report && h.start >= report.content.start ? report.speaker.name : accordingToTail(ctx, view);
      const nominal = h.trigger.kind === 'noun';
      // "the strike", and a verb whose subject it is ("The strike hit the vehicle", "the rockets fell on"): told before.
      const noun = nominal ? h : h.subject;
      const anaphoric = noun !== undefined && /\b(?:the|this|that|such)\s+$/iu.test(ctx.text.slice(Math.max(view.sentence.start, noun.start - 6), noun.start));
      const event: EventOut = {
        id: '',
        type,
        mode,
        trigger: ctx.text.slice(h.start, h.end),
        date,
        date_basis: basis,
        source: args.source,
        target: args.target,
        location: args.location,
        // Dated after publication ("resume next week", a round of talks the packs date later): not yet happened.
        status: modality.status === 'occurred' && ctx.today && date && (dayRange(date)?.start ?? '') > ctx.today ? 'planned' : modality.status,
        fatalities,
        injured: args.injured,
        attributed_to: attributed,
        // The sentence without its dateline lead-in ("BAGHDAD, Feb 3 (Reuters) -").
        ...evidenceOf(ctx, { start: Math.min(view.opening, h.start), end: view.sentence.end }),
      };
      // After a temporal conjunction ("hours after", "before") that follows an act of its type, the sentence tells another happening.
      const previous = told[told.length - 1];
      // The last conjunction wholly before the trigger: one after an act of this type, and after the act just told.
      const conjunction = temporals.findLast((c) => c.end <= h.start)?.start ?? -1;
      const firstOfType = told.find((t) => t.event.type === type);
      const opensPart = firstOfType !== undefined && firstOfType.end <= conjunction && previous !== undefined && previous.end <= conjunction;
      part.set(event, (previous ? part.get(previous.event)! : 0) + (opensPart ? 1 : 0));
      told.push({ event, end: h.end });
      if (view.sentence.start < body) headline.add(event);
      const bare = anaphoric && /^\s*(?:[,.;:!?)]|(?:and|as|but|which|that)\b|$)/iu.test(ctx.text.slice(h.end, view.sentence.end));
      events.push({ nominal, anaphoric, bare, ownDate: !basis.startsWith('undated'), event });
      if (type === 'ASSAULT') lastAssault = { event, sentence: view.index };
    }
  }
  const news = ctx.today ? `${addDays(ctx.today, -7)}/${ctx.today}` : null;
  return merge(attachBackReferences(events), { part, headline, news, apart: sitesApart(ctx), kin: kinOf(ctx.knowledge),
    agents: (type, source, target) => agentsOf(ctx, type, source, target) });
}
