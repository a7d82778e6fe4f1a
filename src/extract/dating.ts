// Dates of events and statements: the expression that governs the clause (made exact by a well-known
// happening the sentence refers to when it is coarser, "last January"), else that happening (pack
// reference events), else the interval from the last
// dated happening before it in the article to publication (GOLD_FORMAT's rule for undated items).
import type { SentenceView, DocContext } from './context.ts';
import { voiceOf } from './context.ts';
import { governingTime } from '../time/index.ts';
import { addDays, dayRange } from '../pipeline/date-range.ts';
import { PhraseSet, type PhraseMatch } from '../text/phrase.ts';
import type { ReferenceEvent } from '../knowledge/types.ts';
import type { PloverType } from '../pipeline/types.ts';

export interface Dated {
  date: string | null;
  basis: string;
}

/** The cue phrases of all reference events in one set; `owner[i]` is the event of phrase i. */
interface CueIndex {
  set: PhraseSet;
  owner: ReferenceEvent[];
}

const cueIndexes = new WeakMap<readonly ReferenceEvent[], CueIndex>();

function cueIndexOf(events: readonly ReferenceEvent[]): CueIndex {
  let index = cueIndexes.get(events);
  if (!index) {
    index = { set: new PhraseSet(events.flatMap((r) => r.cues)), owner: events.flatMap((r) => r.cues.map(() => r)) };
    cueIndexes.set(events, index);
  }
  return index;
}

/** Actors named often enough that a one-word cue beside them ("strike", "fell") proves nothing. */
const GENERIC = new Set(['state', 'state_force', 'government_body', 'igo', 'political_party', 'media_outlet']);

/**
 * Reference events the sentence speaks of: one of their actors is named (not merely an office title)
 * and one of their cue phrases occurs. With only generic actors named (a state, a government body),
 * a cue of two words or more is needed. Two events of different dates matching one sentence are
 * told apart by the mention at `at`: the one whose cue is strictly nearest it; without `at`, or
 * with a tie, neither is kept.
 */
export function referenceEventsIn(ctx: DocContext, view: SentenceView, at?: number, within?: { start: number; end: number }): ReferenceEvent[] {
  let found = memo.get(view);
  if (!found) memo.set(view, (found = matchReferenceEvents(ctx, view)));
  // Only the happenings a cue of which covers `within` (the words of a mention that speaks of one: see Dater.date).
  if (within) {
    const s = view.sentence.start;
    found = found.filter((f) => f.cues.some((c) => s + c.start <= within.start && within.end <= s + c.end));
  }
  if (new Set(found.map((f) => f.r.date)).size <= 1) return found.map((f) => f.r);
  // Happenings of different dates: the one whose cue is nearest the mention at `at`, if one is strictly nearest.
  if (at === undefined) return [];
  const distance = (f: Found): number => Math.min(...f.cues.map((c) => Math.abs(view.sentence.start + c.start - at)));
  const ranked = [...found].sort((a, b) => distance(a) - distance(b));
  return distance(ranked[0]) < distance(ranked[1]) ? [ranked[0].r] : [];
}

/** A reference event matched in a sentence, with where its cues are in the sentence. */
interface Found {
  r: ReferenceEvent;
  cues: { start: number; end: number }[];
}

/** Each sentence is matched once, however many mentions in it are dated. */
const memo = new WeakMap<SentenceView, Found[]>();

function matchReferenceEvents(ctx: DocContext, view: SentenceView): Found[] {
  const named = view.actors.filter((m) => m.via === 'alias' || m.via === 'fuzzy');
  if (named.length === 0) return [];
  const text = ctx.text.slice(view.sentence.start, view.sentence.end);
  const index = cueIndexOf(ctx.knowledge.referenceEvents);
  const cuesBy = new Map<ReferenceEvent, PhraseMatch[]>();
  for (const m of index.set.findAll(text)) {
    const r = index.owner[m.index];
    cuesBy.set(r, [...(cuesBy.get(r) ?? []), m]);
  }
  const found: Array<Found & { distinctive: boolean }> = [];
  for (const r of ctx.knowledge.referenceEvents) {
    const cues = cuesBy.get(r);
    // A report may speak of a happening to come within weeks (talks announced), not of one long after it.
    if (!cues || (ctx.today !== null && r.date > addDays(ctx.today, RECENT_DAYS))) continue;
    const hits = named.filter((m) => r.actors.includes(m.actorId));
    if (hits.length === 0) continue;
    const distinctive = hits.some((m) => !GENERIC.has(ctx.knowledge.actors.get(m.actorId)?.type ?? ''));
    if (distinctive || cues.some((c) => /\s/.test(c.phrase))) found.push({ r, cues: cues.map(({ start, end }) => ({ start, end })), distinctive });
  }
  // A match through a named person or group outranks one through a state or a government body.
  return found.some((f) => f.distinctive) ? found.filter((f) => f.distinctive) : found;
}

function dayOf(value: string): string | null {
  const start = value.split('/')[0];
  return start.length === 10 ? start : null;
}

/** How far back the news an article follows may lie (see Dater.date), and how far ahead the happenings it may announce. */
const RECENT_DAYS = 31;

/** A sentence opening with a pronoun subject and its verb: "He called on ...", "It also warned ...". */
const CONTINUED = /^\s*(?:He|She|It|They)\s+(?:also\s+)?\p{Ll}+(?:ed|s)\b/u;
/** Words that move a sentence to another time than the one before. */
const MOVED = /\b(?:earlier|later|previously|before|after|since|ago|last|next|then|once|formerly|recently)\b/iu;

const SINCE_PHRASE = /\bsince\s+(?:the|its|his|her|their|a|an)\s+[^.;,:]*$/iu;
const AT_THE_TIME = /\bat\s+the\s+time\b/iu;
/** How many sentences back "at the time" looks for the time it repeats. */
const AT_THE_TIME_BACK = 3;
const FIRST_SINCE = /\b(?:first|biggest|largest|deadliest|worst|most serious|heaviest)\b[^.;,]*$/iu;

/** The relative clause about a person or group, set off by commas (", whom ... ,"), that `at` stands in, if any. */
function asideAround(text: string, sentence: { start: number; end: number }, at: number): { start: number; end: number } | null {
  const head = text.slice(sentence.start, at);
  // Not ", which": that clause often tells the happening just named again (", which wounded American personnel").
  const open = /,\s*(?:who|whom|whose)\b[^,]*$/iu.exec(head);
  if (!open) return null;
  const close = text.indexOf(',', at);
  return close < 0 || close > sentence.end ? null : { start: sentence.start + open.index, end: close };
}

/** The relative clauses about a person or group set off by commas (", who ... ,") in the sentence. */
function asidesIn(text: string, sentence: { start: number; end: number }): Array<{ start: number; end: number }> {
  return [...text.slice(sentence.start, sentence.end).matchAll(/,\s*(?:who|whom|whose)\b[^,]*,/giu)]
    .map((m) => ({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length }));
}

export interface DateOptions {
  /**
   * Only expressions after this offset may govern the mention (a happening in "following a strike that ..." is not
   * dated by the main clause's "On Sunday").
   */
  from?: number;
  /** The mention's actors; null for an utterance, which a well-known happening it speaks of does not date. */
  actors?: string[] | null;
  /** The mention may be many happenings ("attacks"). */
  series?: boolean;
  /**
   * Expressions from there on are not the mention's (the words an utterance says: "told Reuters the group remained
   * committed to the suspension it announced in late January").
   */
  until?: number;
  /**
   * The words of a mention that is a speech act ("denounced", "declined"): a well-known happening the sentence names
   * dates it only when those words are the happening's own ("announced the suspension"), not when it speaks of it
   * ("denounced the strike that killed three", "declined to say whether the suspension holds").
   */
  speech?: { start: number; end: number };
  /** The mention's type: a well-known happening of other types does not date it (a strike is no suspension). */
  type?: PloverType;
}

/** Dates mentions of one document. Stateless across calls: the same mention always gets the same date. */
export class Dater {
  /** Days of dated happenings by position in the text, for the "since the happening it follows" rule. */
  private readonly anchors: Array<{ at: number; day: string }> = [];

  constructor(private readonly ctx: DocContext) {
    for (const view of ctx.sentences) {
      for (const t of view.times) {
        // "since October 17", "until the end of the year" bound a period; they date no happening.
        const day = t.kind === 'duration' || t.kind === 'since' || t.kind === 'until' ? null : dayOf(t.value);
        if (day && (!ctx.today || day <= ctx.today)) this.anchors.push({ at: t.start, day });
      }
      for (const r of referenceEventsIn(ctx, view)) this.anchors.push({ at: view.sentence.start, day: r.date });
    }
  }

  /**
   * "Al-Fatlawi said on Wednesday that ... . He called on parliament to ...": a sentence that goes on about the same
   * subject by a pronoun, with no time of its own and no word that moves it in time, tells the same occasion as the
   * sentence before, when that one names a single day.
   */
  private sameOccasion(view: SentenceView): Dated | null {
    const prev = this.ctx.sentences[view.index - 1];
    const text = this.ctx.text.slice(view.opening, view.sentence.end);
    if (!prev || !CONTINUED.test(text) || MOVED.test(text)) return null;
    const days = new Set(prev.times.filter((t) => t.kind === 'point' && t.precision === 'day').map((t) => t.value));
    if (days.size !== 1) return null;
    const [day] = days;
    return this.ctx.today && day > this.ctx.today ? null : { date: day, basis: `the occasion of the sentence before (${day})` };
  }

  /** Dates a mention at absolute offset `at` in the given sentence (see DateOptions). */
  date(view: SentenceView, at: number, opts: DateOptions = {}): Dated {
    const { from = view.sentence.start, actors = [], series = false, until = Infinity, speech, type } = opts;
    const today = this.ctx.today;
    // "the first attack on American troops since early February": the time bounds the lull before it, not the act.
    // The dateline's date is the report's, not the happening's.
    // Nor does the time of the happening a "since" phrase names ("the first attack since the announcement of the truce
    // last February").
    // "The Brigades, whom Washington holds responsible for the Jordan attack, announced on Tuesday": a happening told in
    // a relative clause set off by commas takes only that clause's times.
    // And a happening outside such a clause takes none of its times ("Abu Fadak, who replaced Muhandis last month, said").
    const aside = asideAround(this.ctx.text, view.sentence, at);
    const asides = aside ? [] : asidesIn(this.ctx.text, view.sentence);
    const t = governingTime(view.times.filter((x) => x.start >= Math.max(from, view.opening) && x.start < until && (aside ? x.start >= aside.start && x.end <= aside.end :
      !asides.some((a) => x.start >= a.start && x.end <= a.end)) && !(x.kind === 'since' &&
      FIRST_SINCE.test(this.ctx.text.slice(Math.max(view.sentence.start, x.start - 80), x.start))) && !(at < x.start && SINCE_PHRASE.test(this.ctx.text.slice(Math.max(at, x.start - 80), x.start)))),
    view.sentence, at, this.ctx.text);
    // A reference event dates the mention only when it involves one of the mention's own actors (if it has any);
    // `actors` null means the mention is an utterance, which a happening it speaks of does not date.
    const involves = (r: ReferenceEvent): boolean => r.actors.some((a) => actors!.includes(a) || actors!.includes(voiceOf(this.ctx.knowledge, a)));
    const ref = actors === null ? undefined : referenceEventsIn(this.ctx, view, at, speech)
      .find((r) => (actors.length === 0 || involves(r)) && (type === undefined || r.types.length === 0 || r.types.includes(type)));
    // Words are said by publication: a time after it ("forces would remain until the end of 2026") is what they speak of.
    // Nor is "since October 17" when they were said.
    const spokenOf = actors === null && t !== null && (t.kind === 'since' || (today !== null && (dayRange(t.value)?.start ?? '') > today));
    if (t && t.kind !== 'duration' && !spokenOf) {
      // A coarse date ("last January") that the happening referred to falls in is made exact by it.
      const span = t.kind === 'point' && t.precision !== 'day' ? dayRange(t.value) : null;
      if (ref && span && ref.date.length === 10 && span.start <= ref.date && ref.date <= span.end) {
        return { date: ref.date, basis: `'${t.text}': ${ref.name} (${ref.date})` };
      }
      // "attacked 61 times since October 17" (`series`): the period from then to publication; "have entered into a
      // truce since February": when it began.
      const first = dayRange(t.value)?.start;
      if (series && t.kind === 'since' && today && first && first < today) return { date: `${first}/${today}`, basis: `'${t.text}' to publication` };
      return { date: t.value, basis: `'${t.text}'` };
    }
    if (ref) return { date: ref.date, basis: `refers to ${ref.name} (${ref.date})` };
    const occasion = this.sameOccasion(view);
    if (occasion) return occasion;
    // "the prime minister's office said at the time that the strike ...": the time the sentences just before tell, else
    // the day of the happening last dated before.
    if (AT_THE_TIME.test(this.ctx.text.slice(view.sentence.start, view.sentence.end))) {
      const told = this.ctx.sentences.slice(Math.max(0, view.index - AT_THE_TIME_BACK), view.index).reverse()
        .map((v) => v.times.find((x) => x.kind === 'point' || x.kind === 'since')?.value).find((v) => v !== undefined);
      const then = told ?? this.anchors.filter((a) => a.at < view.sentence.start).at(-1)?.day;
      if (then && (!today || (dayRange(then)?.start ?? '') <= today)) return { date: then, basis: `'at the time': the time told before (${then})` };
    }
    if (!today) return { date: null, basis: 'no date in the text' };
    let anchor: string | null = null;
    for (const a of this.anchors) if (a.at < view.sentence.start && a.day < today && (!anchor || a.day > anchor)) anchor = a.day;
    // Before any dated happening (a lead, a headline), the news the article follows is the first recent one it dates.
    const recent = addDays(today, -RECENT_DAYS);
    anchor ??= this.anchors.find((a) => a.day < today && a.day >= recent)?.day ?? null;
    if (anchor) return { date: `${anchor}/${today}`, basis: 'undated: between the happening it follows and publication' };
    return { date: today, basis: 'undated: publication day' };
  }
}
