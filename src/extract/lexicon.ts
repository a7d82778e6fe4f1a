// Loads and validates the lexicon pack (packs/lexicon/*.yaml): word classes, triggers, cues, stances, truce words, claims.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { PhraseSet } from '../text/phrase.ts';
import { loadVerbLexicon, type VerbLexicon } from './verbs.ts';
import { PLOVER_TYPES, STANCES, type PloverType, type Stance, type Topic } from '../pipeline/types.ts';
import { ROOT } from '../root.ts';

const TOPICS = ['truce', 'us_presence', 'attacks', 'negotiations', 'other'] as const;

// A choice ("a|an|the") holds single words: "abide by|adhere to" would read as "abide", "by|adhere", "to". A particle
// among the choices is the sign of that slip; each multi-word choice is a phrase of its own.
const PARTICLES = new Set(['to', 'by', 'of', 'as', 'out', 'up', 'in', 'on', 'for', 'at', 'with', 'off', 'down', 'from', 'into', 'over']);
const phrase = z.string().min(1).refine((p) => !p.split(/\s+/).some((t) => t.includes('|') && t.split('|').some((a) => PARTICLES.has(a.toLowerCase()))), {
  message: 'a choice "x|y" holds single words; write a choice of several words as phrases of their own',
});
const phrases = z.array(phrase);
const TriggerFile = z.array(z.strictObject({
  type: z.enum(PLOVER_TYPES),
  mode: z.string(),
  kind: z.enum(['verb', 'noun', 'general', 'obligation', 'weapon']),
  patterns: phrases,
}));
const CueFile = z.strictObject({
  eventive_before: phrases,
  eventive_after: phrases,
  support_verbs: phrases,
  consequence_cues: phrases,
  instrument_cues: phrases,
  weapon_modes: z.array(z.string().min(1)),
  reaction_cues: phrases,
  halted_before: phrases,
  inanimate_agents: phrases,
  non_eventive_before: phrases,
  non_eventive_after: phrases,
  status: z.strictObject({ denied: phrases, conditional: phrases, future: phrases, hypothetical: phrases, wished: phrases, intention: phrases, prevented: phrases }),
  reporting_verbs: phrases,
  catenative_verbs: phrases,
  vague_verb_codes: z.array(z.string().regex(/^\d{2,4}$/, 'a CAMEO code prefix such as "04"')),
  speaker_pronouns: phrases,
  speaker_titles: phrases,
  anonymous_sources: phrases,
  channels: phrases,
  casualty_nouns: phrases,
  crowd_nouns: phrases,
  killed_words: phrases,
  injured_words: phrases,
});
const StanceFile = z.array(z.strictObject({ stance: z.enum(STANCES), topic: z.enum(TOPICS), patterns: phrases }));
const TruceFile = z.strictObject({
  terms: phrases, slips: phrases, slip_frames: phrases, proposed: phrases, mediation: phrases, deal_words: phrases, violation_types: z.array(z.enum(PLOVER_TYPES)),
});
const WordFile = z.record(z.string().regex(/^[a-z_]+$/, 'a class name is lower-case letters and "_"'), z.array(z.string().regex(/^[^\s|&~*]+$/, 'a word class holds single words')).min(1));
type WordClasses = z.infer<typeof WordFile>;
const ClaimFile = z.strictObject({
  qualifiers: phrases, numbers: z.record(z.string(), z.number()), quantities: phrases, durations: phrases,
  repeated_acts: z.record(z.string().regex(/^\p{L}+$/u, 'a single verb form'), z.string().min(1)),
});

export interface Trigger {
  type: PloverType;
  mode: string;
  kind: 'verb' | 'noun' | 'general' | 'obligation' | 'weapon';
  /** Position in the file: earlier entries win overlaps. */
  rank: number;
}

export interface Lexicon {
  /** The general verb lexicon (packs/verbs, from the CAMEO dictionary): any verb of news English, coded. */
  verbs: VerbLexicon;
  /** Every trigger phrase in one set; `triggerOf[match.index]` is the entry a matched phrase belongs to. */
  triggers: PhraseSet;
  triggerOf: Trigger[];
  eventiveBefore: PhraseSet;
  eventiveAfter: PhraseSet;
  /** Verbs whose subject is the agent of the nominal trigger after them ("carried out strikes"). */
  supportVerbs: PhraseSet;
  /** Words that make a later trigger the consequence of an earlier one ("strikes that resulted in the killing of"). */
  consequenceCues: PhraseSet;
  /** Words before the weapon of an attack told by a verb ("attacked the base with drones"). */
  instrumentCues: PhraseSet;
  /** ASSAULT modes that name a weapon: a weapon noun inside or after an attack verb gives the act its mode. */
  weaponModes: ReadonlySet<string>;
  /** Words after which a nominal trigger names what a reaction answers, a past happening ("respond to the killing"). */
  reactionCues: PhraseSet;
  /** "this presence threatens security": subjects whose threat is a danger, no act. */
  inanimateAgents: PhraseSet;
  /** "halt to", "suspension of": a verb pattern's object after these is what is stopped. */
  haltedBefore: PhraseSet;
  nonEventiveBefore: PhraseSet;
  nonEventiveAfter: PhraseSet;
  status: Record<'denied' | 'conditional' | 'future' | 'hypothetical' | 'wished' | 'intention' | 'prevented', PhraseSet>;
  reportingVerbs: PhraseSet;
  /** Verbs whose "to" + verb complement is the act itself ("continued to send arms"). */
  catenativeVerbs: PhraseSet;
  /** CAMEO code prefixes whose verbs count as events only through a pattern of their block, not their default code. */
  vagueVerbCodes: string[];
  /** A crowd that protests ("hundreds", "supporters"). */
  crowdNouns: PhraseSet;
  speakerPronouns: PhraseSet;
  /** Titles right before a person's name ("spokesman", "minister"). */
  speakerTitles: PhraseSet;
  anonymousSources: PhraseSet;
  channels: PhraseSet;
  /** "<number> [two words] <casualty noun>" or "<number> wounded": group 1 is the number (digits, or a number word of claims.yaml). */
  casualtyCount: RegExp;
  /** "killing at least three", "wounding dozens": a count right after the verb, no noun. Group 1 the verb, 2 the count. */
  casualtyVerbCount: RegExp;
  killedWords: PhraseSet;
  injuredWords: PhraseSet;
  /** Every stance phrase in one set; `stanceOf[match.index]` is its entry (earlier entries win). */
  stances: PhraseSet;
  stanceOf: Array<{ stance: Stance; topic: Topic; rank: number }>;
  truce: { terms: PhraseSet; slips: PhraseSet; slipFrames: PhraseSet; proposed: PhraseSet; mediation: PhraseSet; dealWords: PhraseSet; violationTypes: PloverType[] };
  claims: {
    numbers: Record<string, number>;
    durations: string[];
    /** "[qualifier] <number> [two words] <quantity> [of/on/since ... up to five words]": groups qualifier, number, quantity, tail. */
    pattern: RegExp;
    /** "<verb> [object] [qualifier] <number> times": groups verb, object, qualifier, number. */
    times: RegExp;
    /** The quantity each verb of `times` counts ("attacked" → "attacks"). */
    repeated: Record<string, string>;
  };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const alternatives = (words: readonly string[]) => words.map(escape).join('|');

// Built once here: a Unicode case-insensitive expression costs milliseconds to compile.
// Number words come from the claims lexicon, so casualties and claims read numbers alike.
function casualtyPattern(nouns: string[], numbers: Record<string, number>): RegExp {
  const words = Object.keys(numbers).sort((a, b) => b.length - a.length);
  // Up to two words between the count and the noun, abbreviations included ("three U.S. soldiers"), but no
  // conjunction ("killing three and wounding five": "three" is not wounded).
  return new RegExp(String.raw`\b(a number of|several|dozens of|\d[\d,]*|${alternatives(words)})\s+(?:(?!(?:and|or|but)\s)[\p{L}.-]+\s+){0,2}?(?:${alternatives(nouns)})\b`, 'giu');
}

function casualtyVerbPattern(verbs: string[], qualifiers: string[], numbers: Record<string, number>): RegExp {
  const words = Object.keys(numbers).sort((a, b) => b.length - a.length);
  return new RegExp(String.raw`\b(${alternatives(verbs)})\s+(?:(?:${alternatives(qualifiers)})\s+)?(a number|several|dozens|scores|\d[\d,]*|${alternatives(words)})\b`, 'giu');
}

const numberAlternatives = (numbers: Record<string, number>): string =>
  [String.raw`\d{1,3}(?:,\d{3})+`, String.raw`\d+`, ...Object.keys(numbers).map(escape)].join('|');

function timesPattern(qualifiers: string[], numbers: Record<string, number>, verbs: string[]): RegExp {
  return new RegExp(String.raw`\b(${alternatives(verbs)})\s+((?:[\p{L}.’'-]+\s+){0,4}?)(?:(${alternatives(qualifiers)})\s+)?(${numberAlternatives(numbers)})\s+times\b`, 'giu');
}

function claimPattern(qualifiers: string[], numbers: Record<string, number>, quantities: string[]): RegExp {
  const n = numberAlternatives(numbers);
  return new RegExp(String.raw`(?<![\p{L}\d-])(?:(${alternatives(qualifiers)})\s+)?(${n})\s+((?:[\p{L}-]+\s+){0,2}?(?:${alternatives(quantities)}))(?![\p{L}])((?:\s+(?:on|of|against|in|ago|since)\b(?:\s+[\p{L}’'-]+){0,5})?)`, 'giu');
}

const DEFAULT_DIR = join(ROOT, 'packs', 'lexicon');

/** Replaces each "&name" among the words of a choice with the words of that class (words.yaml). */
function expandClasses(data: unknown, classes: WordClasses, path: string): unknown {
  if (typeof data === 'string') {
    return data.replace(/(?<=^|\s|\|)&([a-z_]+)(?=$|\s|\|)/gu, (_, name: string) => {
      const words = classes[name];
      if (!words) throw new Error(`${path}: "${data}": no word class "${name}" in words.yaml`);
      return words.join('|');
    });
  }
  if (Array.isArray(data)) return data.map((d) => expandClasses(d, classes, path));
  if (data && typeof data === 'object') return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, expandClasses(v, classes, path)]));
  return data;
}

function read<T>(dir: string, file: string, schema: z.ZodType<T>, classes: WordClasses = {}): T {
  const path = join(dir, file);
  let data: unknown;
  try {
    data = parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: cannot read: ${(e as Error).message}`);
  }
  data = expandClasses(data, classes, path);
  const r = schema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`${path}: entry ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return r.data;
}

/** Loads the lexicon from `dir` (default packs/lexicon) and the verb lexicon from `verbsDir` (default packs/verbs); every file is validated. */
export function loadLexicon(dir: string = DEFAULT_DIR, verbsDir?: string): Lexicon {
  if (!existsSync(join(dir, 'triggers.yaml'))) throw new Error(`${dir}: not a lexicon pack (no triggers.yaml)`);
  const classes = existsSync(join(dir, 'words.yaml')) ? read(dir, 'words.yaml', WordFile) : {};
  const triggers = read(dir, 'triggers.yaml', TriggerFile, classes);
  const cues = read(dir, 'cues.yaml', CueFile, classes);
  const stances = read(dir, 'stances.yaml', StanceFile, classes);
  const truce = read(dir, 'truce.yaml', TruceFile, classes);
  const claims = read(dir, 'claims.yaml', ClaimFile, classes);
  const triggerOf = triggers.flatMap((t, rank) => t.patterns.map(() => ({ type: t.type, mode: t.mode, kind: t.kind, rank })));
  return {
    verbs: loadVerbLexicon(verbsDir),
    triggers: new PhraseSet(triggers.flatMap((t) => t.patterns)),
    triggerOf,
    eventiveBefore: new PhraseSet(cues.eventive_before),
    eventiveAfter: new PhraseSet(cues.eventive_after),
    supportVerbs: new PhraseSet(cues.support_verbs),
    consequenceCues: new PhraseSet(cues.consequence_cues),
    instrumentCues: new PhraseSet(cues.instrument_cues),
    weaponModes: new Set(cues.weapon_modes),
    reactionCues: new PhraseSet(cues.reaction_cues),
    haltedBefore: new PhraseSet(cues.halted_before),
    inanimateAgents: new PhraseSet(cues.inanimate_agents),
    nonEventiveBefore: new PhraseSet(cues.non_eventive_before),
    nonEventiveAfter: new PhraseSet(cues.non_eventive_after),
    status: {
      denied: new PhraseSet(cues.status.denied),
      conditional: new PhraseSet(cues.status.conditional),
      future: new PhraseSet(cues.status.future),
      hypothetical: new PhraseSet(cues.status.hypothetical),
      wished: new PhraseSet(cues.status.wished),
      intention: new PhraseSet(cues.status.intention),
      prevented: new PhraseSet(cues.status.prevented),
    },
    reportingVerbs: new PhraseSet(cues.reporting_verbs),
    catenativeVerbs: new PhraseSet(cues.catenative_verbs),
    vagueVerbCodes: cues.vague_verb_codes,
    speakerPronouns: new PhraseSet(cues.speaker_pronouns),
    speakerTitles: new PhraseSet(cues.speaker_titles),
    anonymousSources: new PhraseSet(cues.anonymous_sources),
    channels: new PhraseSet(cues.channels),
    // "25 wounded": a count may stand right before the word for what befell them.
    casualtyCount: casualtyPattern([...cues.casualty_nouns, ...[...cues.killed_words, ...cues.injured_words].filter((w) => !/\s/.test(w))], claims.numbers),
    casualtyVerbCount: casualtyVerbPattern([...cues.killed_words, ...cues.injured_words].filter((w) => /^\p{L}+(?:ed|ing)$/u.test(w)), claims.qualifiers, claims.numbers),
    crowdNouns: new PhraseSet(cues.crowd_nouns),
    killedWords: new PhraseSet(cues.killed_words),
    injuredWords: new PhraseSet(cues.injured_words),
    stances: new PhraseSet(stances.flatMap((s) => s.patterns)),
    stanceOf: stances.flatMap((s, rank) => s.patterns.map(() => ({ stance: s.stance, topic: s.topic, rank }))),
    truce: {
      terms: new PhraseSet(truce.terms),
      slips: new PhraseSet(truce.slips),
      slipFrames: new PhraseSet(truce.slip_frames),
      proposed: new PhraseSet(truce.proposed),
      mediation: new PhraseSet(truce.mediation),
      dealWords: new PhraseSet(truce.deal_words),
      violationTypes: truce.violation_types,
    },
    claims: {
      numbers: claims.numbers, durations: claims.durations, pattern: claimPattern(claims.qualifiers, claims.numbers, claims.quantities),
      times: timesPattern(claims.qualifiers, claims.numbers, Object.keys(claims.repeated_acts)), repeated: claims.repeated_acts,
    },
  };
}
