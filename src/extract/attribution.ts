// Reported speech: who said what, where. "X said that ...", "He told Reuters ...",
// "a government source confirmed ...", continuation quotes of the same speaker.
import type { ActorMention, Span } from '../pipeline/types.ts';
import type { DocContext, SentenceView } from './context.ts';
import { FACTION_TYPES, STATE_BODIES, voiceOf } from './context.ts';
import { PREPOSITION_BEFORE, pronounSubject } from './arguments.ts';

export interface Speaker {
  /** As named: a person's or group's name, or the anonymous description ("a government source"). */
  name: string;
  /** The actor the words are attributed to (a person's organisation is resolved later), or null. */
  actorId: string | null;
  anonymous: boolean;
  role: string;
}

export interface Report {
  sentence: number;
  verb: Span & { text: string };
  speaker: Speaker;
  /** What was said: absolute offsets in the clean text. */
  content: Span;
  channel: string;
  /** True when the sentence continues the previous speaker's words without a reporting verb of its own. */
  continuation: boolean;
  /**
   * Whether the words are the speaker's own (after the verb, or quoted) rather than a clause the speaker is only
   * cited for ("Rockets hit the base near the town, police said"), whose acts have agents of their own.
   */
  own: boolean;
}

function lastBefore(mentions: ActorMention[], pos: number, pred: (m: ActorMention) => boolean): ActorMention | null {
  let best: ActorMention | null = null;
  for (const m of mentions) if (m.end <= pos && pred(m) && (!best || m.start > best.start)) best = m;
  return best;
}

/** Words between a reporting verb and an early "that": a few, or more with no verb among them ("warned Iraqi President Barham Salih in a phone call last month that"). */
const THAT_WORDS = 8;
const THAT_WORDS_VERBLESS = 14;

/**
 * What follows a reporting verb: "said on Sunday in a statement that ..." starts after an early "that", before any
 * quote; 'told Shafaq News, "The factions ..."' and 'said: "..."' start at the quote. `verbless(from, to)` tells whether
 * no verb stands between two offsets (a "that" after one may be a relative pronoun: "the strikes were a violation that").
 */
function afterVerb(text: string, span: Span, verbless: (from: number, to: number) => boolean): Span {
  const head = text.slice(span.start, Math.min(span.end, span.start + 120));
  let opener = /^[^“"‘,:;]{0,60}[,:]\s*(?=[“"‘])/u.exec(head);
  // A name in quotes may stand before it ('told "Al-Araby Al-Jadeed" that'), not a quote still open.
  const that = /^\s*(?:[^\s]+\s+){0,14}?that\s+/iu.exec(head);
  if (that && !insideQuote(that[0])) {
    const words = that[0].trim().split(/\s+/u).length - 1;
    // After a finite verb of the words' own, "that" opens a relative clause ("said it will respond to the strike that
    // killed", "said Washington had asked for assurances that ...").
    const finite = /\b(?:will|would|shall|can|could|may|might|has|have|had|is|are|was|were)\b|\b(?:it|he|she|they|we)\s+\p{Ll}+(?:ed|s)\b/iu.test(that[0]);
    if ((words <= THAT_WORDS && !finite) || (words <= THAT_WORDS_VERBLESS && verbless(span.start, span.start + that[0].length))) opener = that;
  }
  // Not past a second verb's "that" ("had set conditions for a return to talks, adding that ...", "were making progress
  // and that ..."): those are its words.
  const skipped = opener && (/,\s*\p{L}+ing\b/u.test(opener[0]) || /\b(?:and|but|or)\s+that\s+$/iu.test(opener[0])) ? null : opener;
  return trimSpan(text, skipped ? { start: span.start + skipped[0].length, end: span.end } : span);
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  const lead = /^[\s,:;“”"‘’'.…-]*/u.exec(text.slice(start, end));
  if (lead) start += lead[0].length;
  while (end > start && /[\s,;:“”"‘’']/u.test(text[end - 1])) end--;
  return { start, end };
}

function roleAfter(text: string, m: ActorMention, limit: number): string {
  const rest = text.slice(m.end, limit);
  const appo = /^,\s*([^,]{3,90}?),/u.exec(rest);
  return appo ? appo[1].trim() : '';
}

function channelOf(ctx: DocContext, view: SentenceView, verbEnd: number): string {
  const s = view.sentence;
  const text = ctx.text.slice(s.start, s.end);
  const ch = ctx.lexicon.channels.findAll(text).sort((a, b) => b.end - b.start - (a.end - a.start))[0];
  // "told Al-Araby Al-Jadeed", "said to Asharq Al-Awsat": the outlet named right after the verb.
  const after = view.actors.find((m) => m.start >= verbEnd && m.start - verbEnd <= 12 && ctx.knowledge.actors.get(m.actorId)?.type === 'media_outlet');
  if (after) return ctx.knowledge.actors.get(after.actorId)?.name ?? after.text;
  return ch ? text.slice(ch.start, ch.end) : '';
}

function isPerson(ctx: DocContext, m: ActorMention): boolean {
  return ctx.knowledge.actors.get(m.actorId)?.type === 'person';
}

function notOutlet(ctx: DocContext, m: ActorMention): boolean {
  return ctx.knowledge.actors.get(m.actorId)?.type !== 'media_outlet';
}

// A capitalised word, or one after an Arabic article or patronymic particle ("al-Bandawi", "bin Salman").
const NAME_WORD = String.raw`(?:(?:al|el|ad|as|ash|at|az|bin|ibn)[-\s])?\p{Lu}[\p{L}'’-]+`;
// The name closing the words before the verb: "Al-Sutani announced", "Ali al-Bandawi, an MP, said", "..., Ali al-Bandawi, told".
// A description in commas starts in lower case ("a spokesman for ..."); a name in commas is the speaker's own.
// A pronoun opening a sentence is no name ("It called on the government").
const NAME = String.raw`(?!(?:It|He|She|They|We|This|That|These|Those|There)\b)(?:${NAME_WORD}\s+){0,3}${NAME_WORD}`;
// Not a connective set off by commas ("Some lawmakers, however, say", "condemned the attack, and said").
const UNKNOWN_SUBJECT = new RegExp(String.raw`(?:^\s*|[,.;]\s*|\b(?:and|but)\s+)(${NAME}|(?:[Tt]he\s+)?(?!(?:however|and|but|also|then|meanwhile|moreover|furthermore|later|earlier|again|too|instead|still|thus|therefore|though|nevertheless|yet)\b)\p{Ll}+)\s*(?:,\s*\p{Ll}[^,]{2,80},\s*)?,?\s*(?:also\s+)?$`, 'u');
// "its spokesman Hussein al-Mousawi told": a name after a title (speaker_titles) closing the words before the verb.
const TITLED_SUBJECT = new RegExp(String.raw`(${NAME})\s*,?\s*(?:also\s+)?$`, 'u');
// '"…," said Hussein al-Mousawi, a spokesman', '"…," said group spokesman Hussein al-Mousawi.'
const NAME_AFTER_VERB = new RegExp(String.raw`^\s+((?:[\p{L}’'-]+\s+){0,4}?)(${NAME})(?=\s*(?:[,.;]|$))`, 'u');
const RELATIVE_SPEAKER = /^,?\s*(?:who|whom|which|that)\s+(?:the\s+)?$/iu;
const SOURCE_WORDS = /^(?:a|an|the|two|three|four|five|several|some|many|other|multiple)\s+|\s+(?:sources?|officials?|source)$/giu;

function inSubjectPosition(ctx: DocContext, view: SentenceView, m: ActorMention): boolean {
  return !PREPOSITION_BEFORE.test(ctx.text.slice(view.sentence.start, m.start));
}

/** "the committee", "the coordination": the latest actor named before `at` whose name has that word. */
function headWordAntecedent(ctx: DocContext, name: string, at: number): string | null {
  const head = /^the\s+(\p{L}+)$/iu.exec(name)?.[1]?.toLowerCase();
  if (!head) return null;
  const word = new RegExp(String.raw`(?<!\p{L})${head}s?(?!\p{L})`, 'iu');
  for (let i = ctx.annotated.actors.length - 1; i >= 0; i--) {
    const m = ctx.annotated.actors[i];
    if (m.end > at) continue;
    if (word.test(m.text) || word.test(ctx.knowledge.actors.get(m.actorId)?.name ?? '')) return m.actorId;
  }
  return null;
}

/**
 * An unnamed source ("a government source", "the deputy"): the body named in its phrase (`group`), else the one its
 * words name ("a senior government official": the government), else, for "the ...", the body it was placed in before.
 */
function unnamedSpeaker(ctx: DocContext, view: SentenceView, phrase: string, group: ActorMention | undefined): Speaker {
  const qualifier = phrase.replace(SOURCE_WORDS, '').trim();
  // "a senior government official": the words before the source word, else the last of them ("government").
  const head = qualifier.split(/\s+/u).at(-1) ?? '';
  const named = (q: string): string | null => (q ? ctx.lookup(`the ${q}`) ?? ctx.lookup(q) : null);
  const actorId = group?.actorId ?? (qualifier && qualifier !== phrase ? named(qualifier) ?? (head !== qualifier ? named(head) : null) : null) ??
    (/^the\s/iu.test(phrase) ? placedBefore(ctx, head || phrase.replace(/^the\s+/iu, ''), view.sentence.start) : null);
  return { name: phrase.replace(/^(a|an|the)\s+/i, ''), actorId, anonymous: true, role: '' };
}

/** "The leader, who requested anonymity, told": the body that "a leader in the Coordination Framework" was placed in before `at`. */
function placedBefore(ctx: DocContext, noun: string, at: number): string | null {
  const word = new RegExp(String.raw`(?<!\p{L})${noun.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}s?\s+(?:in|of|from|within|at)\s+(?:the\s+)?$`, 'iu');
  const m = [...ctx.annotated.actors].reverse().find((x) => x.end <= at && word.test(ctx.text.slice(Math.max(0, x.start - 60), x.start)));
  return m?.actorId ?? null;
}

/**
 * The body a title ending at `titleEnd` names: "Kataib Hezbollah spokesman", "Iraqi military spokesman" (a name right
 * before it, or the words before it looked up), "its spokesman" (the last body named before).
 */
function titledBody(ctx: DocContext, view: SentenceView, titleEnd: number, last: Report | null): string | null {
  const pre = ctx.text.slice(view.sentence.start, titleEnd);
  const adjoining = view.actors.filter((m) => m.end <= titleEnd && !isPerson(ctx, m) && /^[\s\p{Ll}'’-]*$/u.test(ctx.text.slice(m.end, titleEnd))).pop();
  if (adjoining) return adjoining.actorId;
  // "its spokesman": of the body that spoke just before, else of the last body (not a state) named.
  if (/\b(?:its|their)\s+(?:\p{Ll}+\s+)?\p{Ll}+$/u.test(pre)) {
    if (last && last.sentence >= view.index - 1 && last.speaker.actorId) return last.speaker.actorId;
    const before = ctx.annotated.actors.filter((m) => m.end <= titleEnd && !['person', 'state', 'media_outlet'].includes(ctx.knowledge.actors.get(m.actorId)?.type ?? '')).pop();
    return before?.actorId ?? null;
  }
  const qualifier = /((?:\p{L}[\p{L}-]*\s+){1,2})\p{L}+$/u.exec(pre)?.[1].trim();
  // "Coalition spokesman" after "the international coalition": the body named before by that head word.
  const head = qualifier?.split(/\s+/u).at(-1);
  return qualifier ? ctx.lookup(`the ${qualifier}`) ?? ctx.lookup(qualifier) ?? headWordAntecedent(ctx, `the ${head}`, titleEnd) : null;
}

/** A relative clause set off by commas (", which includes Kataeb Hizbullah,"): an aside to what the sentence tells. Global. */
export const RELATIVE_ASIDE = /,\s*(?:which|who|whom|whose)\b[^,]*,/giu;

const STATE_WORDS = /^\s*the\s+minister\b/iu;
const GROUP_WORDS = /^\s*the\s+(?:group|movement|faction|brigades)\b/iu;

/** Who speaks before a reporting verb: a pronoun for the last speaker, a named person, an anonymous source, the group in subject position. */
function speakerOf(ctx: DocContext, view: SentenceView, vStart: number, vEnd: number, before: string, last: Report | null, from: number): Speaker | null {
  // Not a name inside a relative clause set off by commas ("The committee, which includes Kataeb Hizbullah, said").
  const asides = [...before.matchAll(RELATIVE_ASIDE)]
    .map((a) => ({ start: from + a.index, end: from + a.index + a[0].length }));
  const mentions = view.actors.filter((m) => m.start >= from && m.end <= vStart && notOutlet(ctx, m) && !asides.some((a) => a.start <= m.start && m.end <= a.end));
  // A quote first, its speaker after the verb: '"Any delay will be met with a response," said Kataib Hezbollah
  // spokesman Jaafar al-Husseini' (the person if one is named there, else the body).
  if (mentions.length === 0 && /^[\s,]*$|[”"’],?\s*$/u.test(before)) {
    const inverted = view.actors.filter((m) => m.start >= vEnd && notOutlet(ctx, m) && /^[\s\p{L}.'’-]{0,60}$/u.test(ctx.text.slice(vEnd, m.start)));
    const person = inverted.find((m) => isPerson(ctx, m));
    if (person) return { name: ctx.knowledge.actors.get(person.actorId)?.name ?? person.text, actorId: person.actorId, anonymous: false, role: '' };
    // A name no pack knows, perhaps after a title naming the body ("said Nujaba spokesman Hussein al-Mousawi").
    const after = NAME_AFTER_VERB.exec(ctx.text.slice(vEnd, view.sentence.end));
    const nameStart = after ? vEnd + after[0].length - after[2].length : 0;
    const taken = (x: Span): boolean => x.start < nameStart + (after?.[2].length ?? 0) && nameStart < x.end;
    if (after && (after[1] === '' || ctx.lexicon.speakerTitles.endsWith(after[1])) && !view.actors.some(taken) && !view.times.some(taken)) {
      return { name: after[2], actorId: after[1] === '' ? null : titledBody(ctx, view, nameStart - after[1].length + after[1].trimEnd().length, last), anonymous: false, role: '' };
    }
    // "said a source in one of the factions": an unnamed source placed in the body named after it.
    const rest = ctx.text.slice(vEnd, view.sentence.end);
    const source = ctx.lexicon.anonymousSources.findAll(rest)[0];
    if (source && source.start < 4) return unnamedSpeaker(ctx, view, rest.slice(source.start, source.end), inverted.find((m) => m.start >= vEnd + source.end));
    const body = inverted[0];
    if (body) return { name: ctx.knowledge.actors.get(body.actorId)?.name ?? body.text, actorId: body.actorId, anonymous: false, role: '' };
  }
  const persons = mentions.filter((m) => isPerson(ctx, m));
  if (mentions.length === 0 && ctx.lexicon.speakerPronouns.startsWith(before)) {
    // "It called on the government": the last speaker if they spoke just before, else the subject of the sentence before.
    // Not a minister for a faction, nor a group or faction for a state ("A Kataib Hezbollah commander said ... . The
    // minister said ...").
    // Nor a description of another head ("the minister" said ... . "The committee said").
    // "The statement said" is the last speaker's, whatever they were called.
    const head = /^\s*the\s+(?!statement\b)(\p{L}+)/iu.exec(before)?.[1].toLowerCase();
    const fits = (sp: Speaker): boolean => {
      const type = sp.actorId ? ctx.knowledge.actors.get(voiceOf(ctx.knowledge, sp.actorId))?.type ?? '' : '';
      const described = /^\p{Ll}/u.test(sp.name) ? sp.name.split(/\s+/u).at(-1)?.toLowerCase() : undefined;
      return !((STATE_WORDS.test(before) && FACTION_TYPES.has(type)) || (GROUP_WORDS.test(before) && STATE_BODIES.has(type)) ||
        (head !== undefined && described !== undefined && described.replace(/s$/u, '') !== head.replace(/s$/u, '')));
    };
    if (last && last.sentence === view.index - 1 && fits(last.speaker)) return last.speaker;
    // The pronoun opens what stands before the verb, after a quote perhaps ('"I am fine," he wrote').
    const antecedent = pronounSubject(ctx, view, { start: vStart, end: vEnd }, from);
    const found: Speaker | null = antecedent ? { name: ctx.knowledge.actors.get(antecedent)?.name ?? antecedent, actorId: antecedent, anonymous: false, role: '' } : last?.speaker ?? null;
    if (found && fits(found)) return found;
  }
  const person = [...persons].reverse().find((m) => inSubjectPosition(ctx, view, m)) ?? persons[persons.length - 1];
  // The longest description that ends nearest the verb: "reliable sources", not "sources".
  const anon = ctx.lexicon.anonymousSources.findAll(before).sort((a, b) => b.end - a.end || a.start - b.start)[0];
  // "al-Saadi, who the officials said was responsible": the person is what the speaker talks about.
  const relative = person && anon && RELATIVE_SPEAKER.test(ctx.text.slice(person.end, from + anon.start));
  if (person && !relative) {
    return { name: ctx.knowledge.actors.get(person.actorId)?.name ?? person.text, actorId: person.actorId, anonymous: false, role: roleAfter(ctx.text, person, vStart) };
  }
  // "a deputy in the Coordination Framework": the group named right after the description.
  if (anon) return unnamedSpeaker(ctx, view, before.slice(anon.start, anon.end), mentions.find((m) => m.start >= from + anon.start));
  // Before the body the title names: "Kataib Hezbollah spokesman Hassan al-Rubaie said".
  const titled = TITLED_SUBJECT.exec(before);
  if (titled && ctx.lexicon.speakerTitles.endsWith(before.slice(0, titled.index))) {
    return { name: titled[1], actorId: titledBody(ctx, view, from + before.slice(0, titled.index).trimEnd().length, last), anonymous: false, role: '' };
  }
  const org = mentions.find((m) => inSubjectPosition(ctx, view, m));
  if (org) return { name: org.text.replace(/^the\s+/i, ''), actorId: org.actorId, anonymous: false, role: '' };
  // "a statement by the Security Media Cell, which said": the name the relative pronoun follows.
  if (/,\s*(?:which|who)\s+(?:also\s+)?$/iu.test(before)) {
    const comma = from + before.lastIndexOf(',');
    const antecedent = mentions.filter((m) => m.end <= comma && /^[\s)]*$/u.test(ctx.text.slice(m.end, comma))).pop();
    if (antecedent) return { name: antecedent.text.replace(/^the\s+/i, ''), actorId: antecedent.actorId, anonymous: false, role: '' };
  }
  if (last && /^\s*[“"‘']?\s*$/u.test(before)) return last.speaker;
  // A name the packs do not know ("Al-Sutani announced"), or "the coordination stated".
  const unknown = UNKNOWN_SUBJECT.exec(before);
  if (unknown) {
    const name = unknown[1].trim();
    // "a member of the Security and Defense Committee, Ali al-Bandawi, told", "the leader in the Badr Organization,
    // Mohammed al-Bayati, said", "Ali al-Bandawi, a member of the committee, told": the body a description next to
    // the name places them in.
    const nameStart = from + unknown.index + unknown[0].indexOf(unknown[1]);
    const nameEnd = nameStart + unknown[1].length;
    const body = mentions.filter((m) => m.start >= nameEnd ||
      (m.end <= nameStart && /\b(?:of|in|for|from|at|within)\b/iu.test(ctx.text.slice(from, m.start)) && /^[^.;,]*,\s*$/u.test(ctx.text.slice(m.end, nameStart)))).pop();
    const actorId = ctx.lookup(name) ?? headWordAntecedent(ctx, name, vStart) ??
      (/^the\s/iu.test(name) ? placedBefore(ctx, name.replace(/^the\s+/iu, ''), view.sentence.start) : body?.actorId ?? null);
    return { name: name.replace(/^the\s+/i, ''), actorId, anonymous: false, role: '' };
  }
  // Inversion: "... quoted diplomatic sources as saying", "said X".
  const after = ctx.text.slice(vEnd, view.sentence.end);
  const anonAfter = ctx.lexicon.anonymousSources.findAll(after)[0];
  if (anonAfter && anonAfter.start < 4) return { name: after.slice(anonAfter.start, anonAfter.end), actorId: null, anonymous: true, role: '' };
  return null;
}

/** A quote opened and not closed: more opening than closing curly quotes, or an odd number of straight ones. */
function leftOpen(text: string): boolean {
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  return count(/“/gu) > count(/”/gu) || count(/"/gu) % 2 === 1;
}

/** Characters between the speaker's name and the verb (a pronoun or unnamed speaker counts as next to it). */
function speakerGap(ctx: DocContext, view: SentenceView, sp: Speaker, vStart: number): number {
  const named = view.actors.filter((m) => m.end <= vStart && m.actorId === sp.actorId).pop();
  if (named) return vStart - named.end;
  const at = ctx.text.slice(view.sentence.start, vStart).toLowerCase().lastIndexOf(sp.name.toLowerCase());
  return at >= 0 ? vStart - (view.sentence.start + at + sp.name.length) : 0;
}

const VERB_POS = new Set(['VERB', 'AUX']);

/** A verb between two offsets of the sentence; a word in -ing after a comma opens a participle clause, whatever its tag ("…, wounding five"). */
function hasVerb(ctx: DocContext, view: SentenceView, from: number, to: number): boolean {
  const { tokens } = ctx.annotated;
  for (let i = view.sentence.tokenStart; i < view.sentence.tokenEnd; i++) {
    const t = tokens[i];
    if (t.start < from || t.end > to) continue;
    // A capitalised word after another is part of a name ("The Tigris Monitor"), whatever its tag.
    if (i > view.sentence.tokenStart && /^\p{Lu}/u.test(t.text) && /^\p{Lu}/u.test(tokens[i - 1].text)) continue;
    if (VERB_POS.has(t.pos) || (/ing$/iu.test(t.text) && tokens[i - 1]?.text === ',')) return true;
  }
  return false;
}

/**
 * Words of a speaker's description between two commas at most ("a member of the political bureau of Kataib Hezbollah"
 * has nine): a longer one is the reported clause's own apposition ("Tower 22, a small US logistics outpost in ...").
 */
const MAX_SPEAKER_PART_WORDS = 9;

// After a trailing reporting verb only when, where or to whom it was said: "said on Saturday", "said late
// Monday", "told Xinhua by phone", "told reporters", not an object of its own ("announced a halt to attacks").
const TRAILING_TAIL = /^\s*(?:[,.;!?]|$|(?:on|in|at|by|to|during|via|from|late|early|earlier|later|yesterday|today|tonight|last|this|\p{Lu}\p{L}*)(?!\p{L}))/u;

/**
 * "Iraqi forces found the launcher near the town, a security source said, speaking on condition of anonymity",
 * "“The truce is over,” a spokesman for the group, Kadhim al-Fartousi, told Xinhua": a clause before the speaker,
 * who is named between the comma that closes it and the verb. Returns that clause and where the speaker's words
 * start, or null when the verb has words of its own after it or no such clause stands before it.
 */
function trailingClause(ctx: DocContext, view: SentenceView, verb: string, vStart: number, vEnd: number): { content: Span; speakerFrom: number } | null {
  const s = view.sentence;
  const rest = ctx.text.slice(vEnd, s.end);
  const tailEnd = vEnd + (/[,;:]/u.exec(rest)?.index ?? rest.length);
  const tail = ctx.text.slice(vEnd, tailEnd);
  if (/[“"‘]|\bthat\b/iu.test(tail) || hasVerb(ctx, view, vEnd, tailEnd)) return null;
  if (!/^tel|^told/iu.test(verb) && !TRAILING_TAIL.test(tail)) return null;
  // The leftmost comma from which no verb stands before the reporting verb: the speaker's description may hold commas.
  let cut = -1;
  for (let p = vStart - 1; p > s.start; p--) {
    if (ctx.text[p] !== ',') continue;
    const part = ctx.text.slice(p + 1, cut < 0 ? vStart : cut).trim().split(/\s+/u);
    if (hasVerb(ctx, view, p, vStart) || (cut >= 0 && part.length > MAX_SPEAKER_PART_WORDS)) break;
    cut = p;
  }
  // The speaker stands between the comma and the verb ("The Brigades, which announced a halt, commented on" has none).
  if (cut < 0 || !/\p{L}/u.test(ctx.text.slice(cut + 1, vStart))) return null;
  // Said words do not run over a line break (a scraped "Most read" line glued to the sentence).
  const content = trimSpan(ctx.text, { start: Math.max(view.opening, ctx.text.lastIndexOf('\n', cut) + 1), end: cut });
  if (!hasVerb(ctx, view, content.start, content.end)) return null;
  return { content, speakerFrom: cut + 1 };
}

// The words after the quote name the speaker, with perhaps a description in commas ("Hussein al-Mousawi, a spokesman for the group,").
const QUOTE_THEN_SPEAKER = /(?<=[^\s“"‘])[”"’]\s*,?\s*(?:\S+\s+){0,4}(?:\p{Ll}[^,”"]{2,80},\s*)?$/u;

const HEARERS = /^\s+(?:reporters|journalists|the\s+(?:agency|newspaper|paper|channel|station|television|website|press)|(?:a|the)\s+(?:press\s+conference|news\s+conference))\b/iu;

/** "told Reuters the group remained ...", "told reporters the ...": where the words start, past the one told. */
function hearerEnd(ctx: DocContext, view: SentenceView, verb: string, vEnd: number): number {
  if (!/^t[eo]l/iu.test(verb)) return vEnd;
  const outlet = view.actors.find((m) => m.start > vEnd && /^[\s“"‘]*$/u.test(ctx.text.slice(vEnd, m.start)) && ctx.knowledge.actors.get(m.actorId)?.type === 'media_outlet');
  if (outlet) return outlet.end + (/^[”"’]/u.test(ctx.text.slice(outlet.end, outlet.end + 1)) ? 1 : 0);
  const hearer = HEARERS.exec(ctx.text.slice(vEnd, vEnd + 40));
  return hearer ? vEnd + hearer[0].length : vEnd;
}

/** Whether the end of `text` lies inside a quotation: more “ than ”, or an odd number of straight quotes. */
function insideQuote(text: string): boolean {
  let curly = 0;
  let straight = 0;
  for (const ch of text) {
    if (ch === '“') curly++;
    else if (ch === '”') curly--;
    else if (ch === '"') straight++;
  }
  return curly > 0 || straight % 2 === 1;
}

/** Finds the reported statements of a document, at most one frame per sentence. */
export function findReports(ctx: DocContext): Report[] {
  const reports: Report[] = [];
  let last: Report | null = null;
  for (const view of ctx.sentences) {
    const s = view.sentence;
    const text = ctx.text.slice(s.start, s.end);
    const verbs = ctx.lexicon.reportingVerbs.findAll(text);
    let made: Report | null = null;
    let bestGap = Infinity;
    for (const v of verbs) {
      const vStart = s.start + v.start;
      const vEnd = s.start + v.end;
      const before = ctx.text.slice(s.start, vStart);
      // "No injuries were reported", "the first claimed by an Iraqi faction": a passive names no speaker before it; nor
      // does a participle used as an adjective ("the reported arrangement").
      if (/\b(?:(?:was|were|is|are|been|being|be)(?:\s+(?:first|also|already|later|then|again|officially|\p{L}+ly))?|the|a|an|this|its|their)\s+$/iu.test(before) ||
        /^\s+by\b/iu.test(ctx.text.slice(vEnd, vEnd + 4)) ||
        // "insisted on staying", "commented on the attack": a verb with an object after "on" reports no words.
        /^\s+on\s+\p{L}+ing\b/iu.test(ctx.text.slice(vEnd, vEnd + 30)) || (/^(?:comment|insist)/iu.test(v.phrase) && /^\s+on\b/iu.test(ctx.text.slice(vEnd, vEnd + 4))) ||
        // "wrote to the Security Council": a letter sent, its words not given.
        (/^writ|^wrote/iu.test(v.phrase) && /^\s+to\b/iu.test(ctx.text.slice(vEnd, vEnd + 4)))) continue;
      // 'told the agency, “The factions announced the truce ...”': a verb inside the quote an earlier verb opens is the
      // quoted speaker's word, not a report of its own.
      if (insideQuote(before) && verbs.some((o) => o.end <= v.start && /[“"]/u.test(text.slice(o.end, v.start)))) continue;
      // A participle ("indicating", "noting") continues the sentence's or the last speaker's words.
      const participle = /ing$/iu.test(v.phrase) && !/^(?:saying|stating)$/iu.test(v.phrase);
      // Words said before the verb ("“...,” he added") or after it.
      const quotedBefore = QUOTE_THEN_SPEAKER.test(before) && /^[\s]*[“"‘]/u.test(text);
      const trailing = quotedBefore || participle ? null : trailingClause(ctx, view, v.phrase, vStart, vEnd);
      // "“...,” he added": only the words after the closing quote can name the speaker.
      // "Hezbollah Brigades suspend attacks; Nujaba says fight goes on": the speaker stands after a semicolon before the verb.
      const speakerFrom = quotedBefore ? s.start + before.search(QUOTE_THEN_SPEAKER) + 1 : trailing?.speakerFrom ?? Math.max(view.opening, ctx.text.lastIndexOf(';', vStart) + 1);
      // A participle continues this sentence's speaker, or the speaker of the sentence just before.
      const speaker: Speaker | null = participle
        ? (made ? made.speaker : last && last.sentence === view.index - 1 ? last.speaker : null)
        : speakerOf(ctx, view, vStart, vEnd, ctx.text.slice(speakerFrom, vStart), last, speakerFrom);
      if (!speaker) continue;
      const content = quotedBefore ? trimSpan(ctx.text, { start: view.opening, end: speakerFrom }) : trailing?.content ??
        afterVerb(ctx.text, { start: hearerEnd(ctx, view, v.phrase, vEnd), end: s.end }, (a, b) => !hasVerb(ctx, view, a, b));
      if (content.end - content.start < 12) continue;
      // Of several verbs, the one right after its speaker ("a government source confirmed") wins.
      const gap = participle ? 1000 : speakerGap(ctx, view, speaker, vStart);
      if (participle && made) continue;
      if (gap >= bestGap) continue;
      bestGap = gap;
      const own = content.start >= vEnd || /[“"‘']\s*$/u.test(ctx.text.slice(Math.max(0, content.start - 2), content.start));
      made = { sentence: view.index, verb: { start: vStart, end: vEnd, text: v.phrase }, speaker, content, channel: channelOf(ctx, view, vEnd), continuation: false, own };
    }
    made ??= accordingTo(ctx, view, last);
    // A sentence that opens a quote, or speaks in the first person, right after a statement continues it.
    // So does a sentence that closes a quote the sentence before left open ('said, "The occupation committed a crime.
    // This crime will not pass without punishment."').
    const prev = ctx.sentences[view.index - 1];
    const continues = /^\s*[“"]/u.test(text) || /(?:^|\s)(?:[Ww]e|[Oo]ur|us)\b/u.test(text) ||
      (prev !== undefined && leftOpen(ctx.text.slice(prev.sentence.start, prev.sentence.end)) && /[”"]\s*$/u.test(text));
    // A fragment ("“Without warranty.”") continues nothing: a quote that goes on says a few words at least.
    if (!made && last && last.sentence === view.index - 1 && continues && text.trim().split(/\s+/u).length >= CONTINUED_WORDS) {
      // A quote that runs on into the next sentence keeps its speaker.
      made = { sentence: view.index, verb: { start: s.start, end: s.start, text: '' }, speaker: last.speaker, content: trimSpan(ctx.text, { start: s.start, end: s.end }), channel: last.channel, continuation: true, own: true };
    }
    if (made) {
      // "Watout pointed out": the speaker named in full before ("Yasser Iskandar Watout"), by a surname no pack knows.
      const named = made.speaker;
      // Spelt with a capital article at the start of a sentence ("Al-Saadi added" after "Saad al-Saadi").
      const surname = ` ${named.name.toLowerCase()}`;
      const earlier = !named.actorId && !named.anonymous ? reports.find((r) => r.speaker.name.toLowerCase().endsWith(surname)) : undefined;
      if (earlier) made.speaker = earlier.speaker;
      const spans = verbs.map((v) => ({ start: s.start + v.start, end: s.start + v.end, phrase: v.phrase }));
      for (const part of splitAtSpeakers(ctx, view, made, spans)) for (const r of splitAtParticiples(ctx, part, spans)) reports.push(r);
      last = made;
    }
  }
  return reports;
}

const ACCORDING_LEAD = /^\s*according\s+to\s+([^,;]{3,120}?)\s*,\s*/iu;
const ACCORDING_TAIL = /,\s*according\s+to\s+(?:the\s+|a\s+|an\s+)?([^,;]{3,120}?)\s*[.!?]?\s*$/iu;

/** "Two drones hit the base, according to a security source": who the sentence's facts are from ("security source"), or ''. */
export function accordingToTail(ctx: DocContext, view: SentenceView): string {
  return ACCORDING_TAIL.exec(ctx.text.slice(view.opening, view.sentence.end))?.[1] ?? '';
}
// "the statement", "a statement by the group": what the words are according to.
const STATEMENT_WORDS = /^(?:the|a|an|its|their|this)\s+(?:\p{L}+\s+)?(?:statement|communiqu[eé]|announcement|post|tweet|video)\b/iu;

/**
 * "According to the statement, the group will continue ...", "According to a security source, ...": the words after
 * the comma are the source's. (A trailing "..., according to officials" only attributes a fact: see accordingToTail.)
 */
function accordingTo(ctx: DocContext, view: SentenceView, last: Report | null): Report | null {
  const m = ACCORDING_LEAD.exec(ctx.text.slice(view.opening, view.sentence.end));
  if (!m) return null;
  const phraseStart = view.opening + m.index + m[0].indexOf(m[1]);
  const phrase = { start: phraseStart, end: phraseStart + m[1].length };
  // Not a place ("a security source in Erbil"): who the words are from.
  const named = view.actors.filter((a) => a.start >= phrase.start && a.end <= phrase.end && notOutlet(ctx, a) &&
    !view.places.some((p) => p.start < a.end && a.start < p.end));
  const person = named.find((a) => isPerson(ctx, a));
  const anon = ctx.lexicon.anonymousSources.findAll(m[1])[0];
  let speaker: Speaker | null = null;
  if (anon && !person) {
    // "two officials of Iran-backed factions", "security sources": anonymous, of the body named with them.
    speaker = { name: m[1].slice(anon.start, anon.end).replace(/^(a|an|the)\s+/iu, ''), actorId: named[0]?.actorId ?? null, anonymous: true, role: '' };
  } else if (person ?? named[0]) {
    const who = (person ?? named[0])!;
    speaker = { name: person ? ctx.knowledge.actors.get(who.actorId)?.name ?? who.text : who.text.replace(/^the\s+/iu, ''), actorId: who.actorId, anonymous: false, role: '' };
  } else if (STATEMENT_WORDS.test(m[1])) {
    // "According to the statement": the statement told just before, by a speaker or by whoever issued it.
    const prev = ctx.sentences[view.index - 1];
    const issuer = prev && /\bstatement\b/iu.test(prev.sentence.text) ? prev.actors.find((a) => notOutlet(ctx, a) && inSubjectPosition(ctx, prev, a)) : undefined;
    if (last && last.sentence >= view.index - 2) speaker = last.speaker;
    else if (issuer) speaker = { name: issuer.text.replace(/^the\s+/iu, ''), actorId: issuer.actorId, anonymous: false, role: '' };
  }
  if (!speaker) return null;
  const content = trimSpan(ctx.text, { start: view.opening + m.index + m[0].length, end: view.sentence.end });
  if (content.end - content.start < 12) return null;
  const verb = { start: phrase.start, end: phrase.start, text: 'according to' };
  return { sentence: view.index, verb, speaker, content, channel: channelOf(ctx, view, phrase.end), continuation: false, own: true };
}

/** ", and its spokesman Hussein al-Mousawi said": a second speaker joined to the first's words. */
const JOINED_SPEAKER = /(?:,\s*|\s)(?:and|while|but|whereas)\s+(?=[^,;]{2,60}$)/giu;

/**
 * "Harakat al-Nujaba vowed to respond, and its spokesman Hussein al-Mousawi said the movement ...": a reporting verb
 * inside the words said, after "and" and a speaker of its own, starts a second utterance by that speaker.
 */
function splitAtSpeakers(ctx: DocContext, view: SentenceView, r: Report, verbs: Array<{ start: number; end: number; phrase: string }>): Report[] {
  for (const v of verbs) {
    if (v.start <= r.content.start + 12 || v.start >= r.content.end || /ing$/iu.test(v.phrase)) continue;
    const head = ctx.text.slice(r.content.start, v.start);
    const join = [...head.matchAll(JOINED_SPEAKER)].at(-1);
    if (!join) continue;
    const from = r.content.start + join.index + join[0].length;
    const before = ctx.text.slice(from, v.start);
    // Only a named speaker or a title and name: not a pronoun, nor the words said ("and that the factions said").
    if (ctx.lexicon.speakerPronouns.startsWith(before) || /^\s*that\b/iu.test(before)) continue;
    // "its spokesman": of the body whose words come first.
    const speaker = speakerOf(ctx, view, v.start, v.end, before, r, from);
    if (!speaker || speaker.name === r.speaker.name || speaker === r.speaker) continue;
    const content = afterVerb(ctx.text, { start: v.end, end: r.content.end }, (a, b) => !hasVerb(ctx, view, a, b));
    const first = trimSpan(ctx.text, { start: r.content.start, end: r.content.start + join.index });
    // The first speaker's words may be short ("vowed to respond").
    if (content.end - content.start < 12 || first.end - first.start < 8) continue;
    return [{ ...r, content: first }, { ...r, verb: { start: v.start, end: v.end, text: v.phrase }, speaker, content, channel: channelOf(ctx, view, v.end) }];
  }
  return [r];
}

const CONTINUED_WORDS = 4;

const CLAUSE_OPENER = /^\s+(?:that|it|they|he|she|we|the|its|their|this|there)\b/iu;

/**
 * "…,” noting that “…”", "denied any involvement and said it remained committed": a participle after a comma, or a
 * reporting verb joined by "and", opens a second utterance of the same speaker.
 */
function splitAtParticiples(ctx: DocContext, r: Report, verbs: Array<{ start: number; end: number; phrase: string }>): Report[] {
  const cut = verbs.find((v) => v.start > r.content.start + 12 && v.start < r.content.end &&
    ((/ing$/iu.test(v.phrase) && /[,”"]\s*$/u.test(ctx.text.slice(v.start - 4, v.start))) ||
      // A verb joined by "and" says something only with a clause after it ("and said it remained"), not as a
      // participle ("has been clear and announced from the beginning").
      (/[^,]\s+and\s+$/iu.test(ctx.text.slice(v.start - 6, v.start)) && CLAUSE_OPENER.test(ctx.text.slice(v.end, v.end + 8)))));
  if (!cut) return [r];
  const joined = /\s+and\s+$/iu.exec(ctx.text.slice(cut.start - 6, cut.start))?.[0].length ?? 0;
  const first = trimSpan(ctx.text, { start: r.content.start, end: cut.start - joined });
  const second = afterVerb(ctx.text, { start: cut.end, end: r.content.end }, (a, b) => !hasVerb(ctx, ctx.sentences[r.sentence], a, b));
  if (second.end - second.start < 12 || first.end - first.start < 12) return [r];
  return [{ ...r, content: first }, { ...r, verb: { start: cut.start, end: cut.end, text: cut.phrase }, content: second }];
}

/** The actor whose voice a speaker carries: a person's organisation, else the actor itself. */
export function speakerVoice(ctx: DocContext, sp: Speaker): string {
  return sp.actorId ? voiceOf(ctx.knowledge, sp.actorId) : '';
}
