// The CAMEO verb lexicon (packs/verbs, converted from the PETRARCH2 dictionary by
// scripts/convert-cameo-verbs.ts) and a matcher that codes verbs of a sentence as PLOVER events.
//
// A verb form matches only a token wink tagged VERB. Auxiliaries are left out on purpose: the dictionary
// codes WILL and WOULD as intent to cooperate (CAMEO 030), which would make every future tense an event,
// and the one multi-word verb headed by "is" ("is determined") has its content verb listed on its own. The verb's block's patterns are then tried against the words
// of the verb's clause (packs/verbs/matching.yaml); the pattern matching most words wins, else the verb's
// default code, else nothing. Forms and pattern words are indexed by a hash of their lower-case text, so
// a call allocates nothing but its hits.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { PloverType, Sentence, Token } from '../pipeline/types.ts';
import { ROOT } from '../root.ts';

export interface VerbHit {
  /** Tokens [tokenStart, tokenEnd): the verb with the other words of a multi-word form and a matched particle. */
  tokenStart: number;
  tokenEnd: number;
  /** Character span of those tokens in the text. */
  start: number;
  end: number;
  text: string;
  lemma: string;
  /** The CAMEO verb block, e.g. "CANCEL". */
  block: string;
  cameo: string;
  type: PloverType;
  /** PLOVER mode, "" when the code has none. */
  mode: string;
  /** The pattern that matched, as written in verbs.yaml; null when the verb's default code applied. */
  pattern: string | null;
  /** Character offset of the first word the pattern matched after the verb ("attack" of "announced an attack"), -1 if none. */
  objectStart: number;
}

/** A compiled verb lexicon: build it with loadVerbLexicon and pass it to findVerbEvents; its fields are internal. */
export interface VerbLexicon {
  forms: Map<number, FormEntry[]>;
  window: number;
  particleGap: number;
  stops: WordSet;
  relativePronouns: WordSet;
  conjunctions: WordSet;
  reportingVerbs: WordSet;
  /** Prepositions, particles and articles: a pattern of these alone ("* to") tells no sense of its verb. */
  functionWords: Set<string>;
  /** Words of fixed expressions whose first word is no verb ("according to"). */
  notVerbs: string[][];
}

const PLOVER = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT',
  'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'] as const;

/** Words of this length or more also match the longer words they begin ("cooperat" → "cooperation"); shorter
 * ones would reach unrelated words (aid → aide, war → warn, end → endorse). */
const STEM_MIN = 5;

// ---- words and hashes ----

/** FNV-1a of the text folded to ASCII lower case; the dictionary is ASCII, and every hit is verified. */
function hashOf(s: string, len = s.length): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < len && i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c |= 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h | 0;
}

/** True when the first `len` characters of `a` equal those of the lower-case `b` (ASCII case folded). */
function sameStart(a: string, b: string, len: number): boolean {
  for (let i = 0; i < len; i++) {
    let c = a.charCodeAt(i);
    if (c >= 65 && c <= 90) c |= 32;
    if (c !== b.charCodeAt(i)) return false;
  }
  return true;
}

const isWord = (tok: Token, w: string): boolean => tok.text.length === w.length && sameStart(tok.text, w, w.length);

/** The -s form of a verb or plural of a noun: attacks, clashes, parties, vetoes. */
export function sForm(w: string): string {
  if (/(s|x|z|ch|sh)$/.test(w)) return `${w}es`;
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
  if (/[^aeiou]o$/.test(w)) return `${w}es`;
  return `${w}s`;
}

/** A set of lower-case words, looked up by a token's hash. */
class WordSet {
  private readonly byHash = new Map<number, string[]>();
  constructor(words: readonly string[]) {
    for (const w of words) {
      const h = hashOf(w);
      this.byHash.set(h, [...(this.byHash.get(h) ?? []), w.toLowerCase()]);
    }
  }
  has(tok: Token, hash: number): boolean {
    const ws = this.byHash.get(hash);
    if (ws) for (const w of ws) if (isWord(tok, w)) return true;
    return false;
  }
}

// ---- compiled patterns ----

/** One token of a pattern: any of `words`, or (a stem) any longer word starting with `stem`. */
interface WordM {
  words: string[];
  hashes: number[];
  stem: string | null;
  stemKey: number;
}

/** Alternatives for one pattern word or synonym set, each a run of consecutive tokens. A large set
 * (a synonym set) is indexed by the hash of a run's first word, a small one is tried in turn. */
interface Choice {
  runs: WordM[][];
  byHash: Map<number, WordM[][]> | null;
  byStem: Map<number, WordM[][]> | null;
}

/** Consecutive choices; `adjacent` when it must touch the verb. */
interface Element {
  parts: Choice[];
  adjacent: boolean;
}

interface Pattern {
  text: string;
  before: Element[];
  after: Element[];
  words: number;
  code: Coded | null;
}

interface Coded {
  cameo: string;
  type: PloverType;
  mode: string;
}

interface Block {
  name: string;
  /** The patterns as written; their matchers are built on the block's first use (a text's verbs meet
   * few blocks), by `builder`. */
  sources: Source[];
  builder: PatternBuilder;
  patterns: Pattern[] | null;
  /** Patterns by the hash (or stem key) of a first word of one of their elements: only patterns whose
   * indexed word occurs in a clause are tried there. `always`: patterns of no words ("*"). */
  index: Map<number, number[]>;
  stemIndex: Map<number, number[]>;
  always: number[];
  /** Per pattern, the last candidate search that collected it (dedupes without allocating). */
  stamp: Int32Array;
}

/** The block's patterns, built and indexed on first use. */
function patternsOf(b: Block): Pattern[] {
  if (b.patterns) return b.patterns;
  const patterns = b.sources.map((p) => b.builder.build(p));
  b.patterns = patterns;
  indexBlock(b, patterns);
  return patterns;
}

function indexBlock(b: Block, patterns: Pattern[]): void {
  const add = (m: Map<number, number[]>, key: number, pi: number): void => {
    const list = m.get(key);
    if (!list) m.set(key, [pi]);
    else if (list[list.length - 1] !== pi) list.push(pi);
  };
  patterns.forEach((p, pi) => {
    // The element whose first word has the fewest alternatives is the most selective key.
    let key: Choice | null = null;
    for (const e of [...p.before, ...p.after]) if (!key || e.parts[0].runs.length < key.runs.length) key = e.parts[0];
    if (!key) {
      b.always.push(pi);
      return;
    }
    for (const run of key.runs) {
      for (const h of run[0].hashes) add(b.index, h, pi);
      if (run[0].stem) add(b.stemIndex, run[0].stemKey, pi);
    }
  });
  b.stamp = new Int32Array(patterns.length);
}

/** A reading of a verb: its form, the pattern that coded it (null: the default), its span and particle. */
interface Reading {
  score: number;
  form: FormEntry;
  pattern: Pattern | null;
  code: Coded | null;
  from: number;
  to: number;
  particle: number;
}

interface FormEntry {
  lemma: string;
  /** A light verb ("take", "lead"): alone, or with a particle alone ("led to"), it names no act. */
  light: boolean;
  block: Block;
  /** Lower-case words of the form; `head` is the one that must be a VERB token. */
  words: string[];
  head: number;
  code: Coded | null;
}

function wordM(word: string, inflects: boolean): WordM {
  const w = word.toLowerCase();
  const words = inflects ? [...new Set([w, sForm(w)])] : [w];
  const stem = inflects && w.length >= STEM_MIN ? w : null;
  return { words, hashes: words.map((x) => hashOf(x)), stem, stemKey: stem ? hashOf(stem, STEM_MIN) : 0 };
}

/** The token runs a word may take: itself, and for a hyphenated word its parts with the hyphen tokens
 * wink splits off ("cease-fire" → cease - fire). A trailing "_" makes it exact; `last` lets it inflect. */
function wordRuns(raw: string, last: boolean): WordM[][] {
  const exact = raw.endsWith('_');
  const w = exact ? raw.slice(0, -1) : raw;
  const inflects = last && !exact;
  const runs = [[wordM(w, inflects)]];
  if (/\w-\w/.test(w)) {
    const parts = w.split(/(-)/);
    runs.push(parts.map((p, i) => wordM(p, inflects && i === parts.length - 1)));
  }
  return runs;
}

const INDEX_FROM = 8;

function choiceOf(runs: WordM[][]): Choice {
  if (runs.length < INDEX_FROM) return { runs, byHash: null, byStem: null };
  const byHash = new Map<number, WordM[][]>();
  const byStem = new Map<number, WordM[][]>();
  const add = (m: Map<number, WordM[][]>, key: number, run: WordM[]): void => {
    const list = m.get(key);
    if (!list) m.set(key, [run]);
    else if (!list.includes(run)) list.push(run);
  };
  for (const run of runs) {
    for (const h of run[0].hashes) add(byHash, h, run);
    if (run[0].stem) add(byStem, run[0].stemKey, run);
  }
  return { runs, byHash, byStem };
}

/** A synonym-set phrase as a run: only its last word inflects, unless the phrase ends with "_". */
function phraseRuns(phrase: string): WordM[][] {
  const words = phrase.split(' ');
  let runs: WordM[][] = [[]];
  words.forEach((w, i) => {
    const alts = wordRuns(w, i === words.length - 1);
    runs = runs.flatMap((r) => alts.map((a) => [...r, ...a]));
  });
  return runs;
}

class PatternError extends Error {}

/** A pattern as written, checked at load (checkPattern); parsed and built on its block's first use. */
interface Source {
  text: string;
  code: Coded | null;
}

/** A pattern read into its elements (a word, or the words of a {...} run) and the element holding the verb. */
interface Parsed {
  elements: string[][];
  verbAt: number;
  words: number;
}

/** The pattern grammar: words and {...} runs of words, separated by single spaces. */
const PATTERN_SYNTAX = /^(?:\{[^{}\s]+(?: [^{}\s]+)*\}|[^{}\s]+)(?: (?:\{[^{}\s]+(?: [^{}\s]+)*\}|[^{}\s]+))*$/;
const SET_REF = /&([^\s{}]+)/g;
const VERB_MARK = /(?:^|[ {])\*(?=$|[ }])/;

/** Throws a PatternError unless `text` follows the verbs.yaml pattern syntax (documented in its header). */
function checkPattern(text: string, synsets: Record<string, string[]>): void {
  if (!PATTERN_SYNTAX.test(text)) throw new PatternError('not words and {...} runs separated by single spaces');
  const star = text.indexOf('*');
  if (star < 0) throw new PatternError('no "*" for the verb');
  if (text.indexOf('*', star + 1) >= 0) throw new PatternError('more than one "*"');
  if (!VERB_MARK.test(text)) throw new PatternError('the verb "*" must be a word of its own');
  if (text.includes('&')) {
    for (const m of text.matchAll(SET_REF)) if (!synsets[m[1]]) throw new PatternError(`unknown synonym set &${m[1]}`);
  }
}

/** Reads a checked pattern into its elements. */
function parsePattern(text: string): Parsed {
  const elements: string[][] = [];
  let run: string[] | null = null;
  for (const raw of text.split(' ')) {
    const opens = raw.startsWith('{');
    const closes = raw.endsWith('}');
    const t = raw.slice(opens ? 1 : 0, closes ? -1 : undefined);
    if (opens) run = [];
    (run ?? (elements[elements.length] = [])).push(t);
    if (closes) {
      elements.push(run!);
      run = null;
    }
  }
  let verbAt = 0;
  let words = 0;
  elements.forEach((e, i) => {
    for (const t of e) {
      if (t === '*') verbAt = i;
      else words++;
    }
  });
  return { elements, verbAt, words };
}

/** Builds the matchers of parsed patterns, sharing one per word and per synonym set. */
class PatternBuilder {
  // [inflecting, exact] choices by word.
  private readonly words = [new Map<string, Choice>(), new Map<string, Choice>()];
  private readonly sets = new Map<string, Choice>();
  constructor(private readonly synsets: Record<string, string[]>) {}

  private item(tok: string, last: boolean): Choice {
    if (tok.startsWith('&')) {
      const name = tok.slice(1);
      let c = this.sets.get(name);
      if (!c) {
        c = choiceOf(this.synsets[name].flatMap(phraseRuns));
        this.sets.set(name, c);
      }
      return c;
    }
    const cache = this.words[last ? 0 : 1];
    let c = cache.get(tok);
    if (!c) {
      c = choiceOf(tok.split('/').flatMap((alt) => wordRuns(alt, last)));
      cache.set(tok, c);
    }
    return c;
  }

  private element(items: string[], from: number, to: number, adjacent: boolean): Element {
    const parts: Choice[] = [];
    for (let i = from; i < to; i++) parts.push(this.item(items[i], i === to - 1));
    return { parts, adjacent };
  }

  build(src: Source): Pattern {
    const p = parsePattern(src.text);
    const { elements, verbAt } = p;
    const before: Element[] = [];
    const after: Element[] = [];
    for (let e = 0; e < verbAt; e++) before.push(this.element(elements[e], 0, elements[e].length, false));
    // A run holding the verb splits into the words that touch it on either side.
    const held = elements[verbAt];
    const star = held.indexOf('*');
    if (star > 0) before.push(this.element(held, 0, star, true));
    if (star < held.length - 1) after.push(this.element(held, star + 1, held.length, true));
    for (let e = verbAt + 1; e < elements.length; e++) after.push(this.element(elements[e], 0, elements[e].length, false));
    return { text: src.text, before, after, words: p.words, code: src.code };
  }
}

// ---- loading ----

const Code = z.string().regex(/^\d{2,4}$/, 'a CAMEO code of 2 to 4 digits').nullable();
const Plover = z.string().nullable();
const Coding = { code: Code, plover: Plover, passive: z.string().optional() };
const VerbSchema = z.strictObject({
  lemma: z.string().min(1),
  head: z.number().int().min(0).optional(),
  forms: z.array(z.string().min(1)).min(1),
  code: Code.optional(),
  plover: Plover.optional(),
  passive: z.string().optional(),
}).refine((v) => (v.code === undefined) === (v.plover === undefined), 'code and plover go together');
const PatternSchema = z.strictObject({ pattern: z.string().min(1), ...Coding });
const BlockSchema = z.strictObject({ block: z.string().min(1), ...Coding, verbs: z.array(VerbSchema), patterns: z.array(PatternSchema) });
const VerbsFile = z.strictObject({
  modes: z.partialRecord(z.enum(PLOVER), z.array(z.string())),
  synsets: z.record(z.string(), z.array(z.string().min(1))),
  blocks: z.array(BlockSchema),
});
const MatchingFile = z.strictObject({
  window: z.number().int().min(1),
  particle_gap: z.number().int().min(0),
  stops: z.array(z.string().min(1)),
  relative_pronouns: z.array(z.string().min(1)),
  conjunctions: z.array(z.string().min(1)),
  reporting_verbs: z.array(z.string().min(1)),
  function_words: z.array(z.string().regex(/^[a-z]+$/, 'a lower-case word')),
  light_verbs: z.array(z.string().regex(/^[a-z]+$/, 'a lower-case lemma')),
  not_verbs: z.array(z.string().regex(/^\S+( \S+)+$/, 'two or more words separated by single spaces')),
});

const DEFAULT_DIR = join(ROOT, 'packs', 'verbs');

function readData(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`${path}: cannot read: ${(e as Error).message}`);
  }
  // verbs.yaml is generated as JSON (which is YAML): parsing that as JSON is far faster.
  const body = text.replace(/^(?:\s*#.*\n)+/, '').trimStart();
  if (body.startsWith('{')) {
    try {
      return JSON.parse(body);
    } catch {
      // Hand-edited beyond JSON: the YAML parser reads it and reports where it is wrong.
    }
  }
  try {
    return parse(text);
  } catch (e) {
    throw new Error(`${path}: cannot read: ${(e as Error).message.split('\n')[0]}`);
  }
}

function validate<T>(path: string, data: unknown, schema: z.ZodType<T>, label: (p: PropertyKey[]) => string = (p) => p.join('.')): T {
  const r = schema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`${path}: entry ${label(issue.path) || '(root)'}: ${issue.message}`);
  }
  return r.data;
}

/** Loads and compiles the verb lexicon of `dir` (default packs/verbs); every file is validated. */
export function loadVerbLexicon(dir: string = DEFAULT_DIR): VerbLexicon {
  const verbsPath = join(dir, 'verbs.yaml');
  if (!existsSync(verbsPath)) throw new Error(`${dir}: not a verb pack (no verbs.yaml)`);
  const matchingPath = join(dir, 'matching.yaml');
  const matching = validate(matchingPath, readData(matchingPath), MatchingFile);
  const raw = readData(verbsPath);
  const blockName = (i: unknown): string => {
    const b = (raw as { blocks?: { block?: unknown }[] } | null)?.blocks?.[Number(i)];
    return typeof b?.block === 'string' ? ` (${b.block})` : '';
  };
  const file = validate(verbsPath, raw, VerbsFile, (p) => p.map((k, i) => (p[i - 1] === 'blocks' ? `${String(k)}${blockName(k)}` : String(k))).join('.'));
  const modes = file.modes;

  const fail = (where: string, reason: string): never => {
    throw new Error(`${verbsPath}: entry ${where}: ${reason}`);
  };
  const readings = new Map<string, [PloverType, string]>();
  const coded = (where: string, code: string | null, plover: string | null): Coded | null => {
    if (plover === null) return null;
    if (code === null) return fail(where, `plover ${plover} needs the CAMEO code it comes from`);
    let reading = readings.get(plover);
    if (!reading) {
      const [type, mode = '', extra] = plover.split('/');
      if (extra !== undefined || !(PLOVER as readonly string[]).includes(type)) return fail(where, `"${plover}" is not TYPE or TYPE/mode with a PLOVER type`);
      if (mode !== '' && !modes[type as PloverType]?.includes(mode)) return fail(where, `"${mode}" is not a mode of ${type} (see modes)`);
      reading = [type as PloverType, mode];
      readings.set(plover, reading);
    }
    return { cameo: code, type: reading[0], mode: reading[1] };
  };

  for (const [name, phrases] of Object.entries(file.synsets)) {
    phrases.forEach((p, i) => {
      if (!/^\S+( \S+)*$/.test(p)) fail(`synsets.${name}.${i}`, `"${p}" is not words separated by single spaces`);
    });
  }
  const builder = new PatternBuilder(file.synsets);
  const forms = new Map<number, FormEntry[]>();
  // The block that last listed each form: the same form twice in one block adds nothing (the first keeps its default).
  const listedBy = new Map<string, Block>();
  const light = new Set(matching.light_verbs);
  file.blocks.forEach((b, bi) => {
    const at = `blocks.${bi} (${b.block})`;
    const block: Block = { name: b.block, sources: [], builder, patterns: null, index: new Map(), stemIndex: new Map(), always: [], stamp: new Int32Array(0) };
    const blockCode = coded(at, b.code, b.plover);
    b.patterns.forEach((p, pi) => {
      try {
        checkPattern(p.pattern, file.synsets);
        block.sources.push({ text: p.pattern, code: coded(`${at}.patterns.${pi}`, p.code, p.plover) });
      } catch (e) {
        if (e instanceof PatternError) fail(`${at}.patterns.${pi}`, `${e.message} in "${p.pattern}"`);
        throw e;
      }
    });
    b.verbs.forEach((v, vi) => {
      const where = `${at}.verbs.${vi} (${v.lemma})`;
      const code = v.code === undefined ? blockCode : coded(where, v.code, v.plover ?? null);
      const head = v.head ?? 0;
      for (const form of v.forms) {
        const lower = form.toLowerCase();
        if (listedBy.get(lower) === block) continue;
        listedBy.set(lower, block);
        const words = lower.split(' ');
        if (words.includes('') || head >= words.length) fail(where, `form "${form}" has no word ${head} to be the verb`);
        const key = hashOf(words[head]);
        const list = forms.get(key);
        // A light verb alone ("took", "gave") names no act: only its patterns and phrasal forms ("took over") do.
        const isLight = light.has(v.lemma.toLowerCase()) && words.length === 1;
        const entry = { lemma: v.lemma, light: isLight, block, words, head, code: isLight ? null : code };
        if (list) list.push(entry);
        else forms.set(key, [entry]);
      }
    });
  });
  return {
    forms,
    window: matching.window,
    particleGap: matching.particle_gap,
    stops: new WordSet(matching.stops),
    relativePronouns: new WordSet(matching.relative_pronouns),
    conjunctions: new WordSet(matching.conjunctions),
    reportingVerbs: new WordSet(matching.reporting_verbs),
    functionWords: new Set(matching.function_words),
    notVerbs: matching.not_verbs.map((p) => p.toLowerCase().split(' ')),
  };
}

// ---- matching ----

/** Whether a pattern names something beyond function words ("* control", "* &weapon", not "* to"). */
function contentful(lex: VerbLexicon, pattern: string): boolean {
  return pattern.split(/[\s{}()*$+^%]+/u).some((w) => w !== '' && (w.startsWith('&') || !lex.functionWords.has(w.toLowerCase().replace(/_$/u, ''))));
}

/** Per-call token hashes (whole word, first STEM_MIN characters), reused across calls to avoid allocation. */
let H = new Int32Array(256);
let H5 = new Int32Array(256);

interface Scope {
  tokens: Token[];
  base: number;
}

function wordMatches(s: Scope, w: WordM, t: number): boolean {
  const tok = s.tokens[t];
  const h = H[t - s.base];
  for (let i = 0; i < w.words.length; i++) if (w.hashes[i] === h && isWord(tok, w.words[i])) return true;
  return w.stem !== null && H5[t - s.base] === w.stemKey && tok.text.length > w.stem.length && sameStart(tok.text, w.stem, w.stem.length);
}

/** Length of the longest of `runs` starting at token j and ending by `hi`, at least `best`. */
function longestRun(s: Scope, runs: WordM[][] | undefined, j: number, hi: number, best: number): number {
  if (runs) {
    for (const run of runs) {
      if (run.length <= best || j + run.length > hi) continue;
      let k = 0;
      while (k < run.length && wordMatches(s, run[k], j + k)) k++;
      if (k === run.length) best = run.length;
    }
  }
  return best;
}

/** Length of the longest run of `c` starting at token j and ending by `hi`, 0 if none. */
function choiceAt(s: Scope, c: Choice, j: number, hi: number): number {
  if (!c.byHash || !c.byStem) return longestRun(s, c.runs, j, hi, 0);
  const exact = longestRun(s, c.byHash.get(H[j - s.base]), j, hi, 0);
  return longestRun(s, c.byStem.get(H5[j - s.base]), j, hi, exact);
}

function elementAt(s: Scope, e: Element, j: number, hi: number): number {
  let p = j;
  for (const c of e.parts) {
    const n = choiceAt(s, c, p, hi);
    if (n === 0) return 0;
    p += n;
  }
  return p - j;
}

/** Where the first after-element ends when it starts right after the verb (a particle), else -1. */
let particleEnd = -1;
/** Token spans [start, end) of the after-elements of the last match; a matched word is no verb of its own. */
const MAX_SPANS = 64;
const matchedStart = new Int32Array(MAX_SPANS);
const matchedEnd = new Int32Array(MAX_SPANS);
let matchedCount = 0;
/** The spans of the winning pattern of the verb being read, and of all hits so far in the sentence. */
const bestStart = new Int32Array(MAX_SPANS);
const bestEnd = new Int32Array(MAX_SPANS);
let bestCount = 0;
const usedStart = new Int32Array(MAX_SPANS);
const usedEnd = new Int32Array(MAX_SPANS);
let usedCount = 0;

function isUsed(t: number): boolean {
  for (let i = 0; i < usedCount; i++) if (t >= usedStart[i] && t < usedEnd[i]) return true;
  return false;
}

/** True when the pattern matches around the verb, whose first token is vs, within the clause [lo, hi);
 * the words after the verb are looked for from `af`. */
function matches(s: Scope, p: Pattern, vs: number, af: number, lo: number, hi: number): boolean {
  particleEnd = -1;
  matchedCount = 0;
  let pos = af;
  for (let k = 0; k < p.after.length; k++) {
    const e = p.after[k];
    let found = false;
    for (let j = pos; j < hi && !found; j++) {
      if (e.adjacent && j !== af) break;
      const n = elementAt(s, e, j, hi);
      if (n > 0) {
        if (k === 0 && j === af) particleEnd = j + n;
        if (matchedCount < MAX_SPANS) {
          matchedStart[matchedCount] = j;
          matchedEnd[matchedCount++] = j + n;
        }
        pos = j + n;
        found = true;
      }
    }
    if (!found) return false;
  }
  let end = vs;
  for (let k = p.before.length - 1; k >= 0; k--) {
    const e = p.before[k];
    let found = false;
    for (let j = end - 1; j >= lo && !found; j--) {
      const n = elementAt(s, e, j, end);
      if (n > 0 && (!e.adjacent || j + n === vs)) {
        end = j;
        found = true;
      }
    }
    if (!found) return false;
  }
  return true;
}

const PARTICLE_POS = new Set(['ADP', 'ADV', 'PART']);

/** The tokens [extStart, extEnd) of the form found by formAt, and where the words after the verb start:
 * extEnd, or for a separated particle the verb's object ("called [the strike] off"). */
let extStart = 0;
let extEnd = 0;
let extAfter = 0;

/** True when the other words of form `f` stand around its head at token v; sets extStart/extEnd. */
function formAt(lex: VerbLexicon, s: Scope, f: FormEntry, v: number, end: number): boolean {
  extStart = v - f.head;
  if (extStart < s.base) return false;
  for (let k = 0; k < f.head; k++) if (!isWord(s.tokens[extStart + k], f.words[k])) return false;
  const rest = f.words.length - f.head - 1;
  let k = 0;
  while (k < rest && v + 1 + k < end && isWord(s.tokens[v + 1 + k], f.words[f.head + 1 + k])) k++;
  extEnd = v + 1 + rest;
  extAfter = extEnd;
  if (k === rest) return true;
  // One separable particle may follow a short object: "called the strike off".
  if (rest !== 1) return false;
  for (let j = v + 2; j <= v + 1 + lex.particleGap && j < end; j++) {
    const between = s.tokens[j - 1];
    if (between.pos === 'VERB' || between.pos === 'AUX' || between.pos === 'PUNCT') return false;
    if (PARTICLE_POS.has(s.tokens[j].pos) && isWord(s.tokens[j], f.words[f.head + 1])) {
      extEnd = j + 1;
      extAfter = v + 1;
      return true;
    }
  }
  return false;
}

const SUBJECT_POS = new Set(['NOUN', 'PROPN', 'PRON']);

/** Parts of speech of a noun phrase, walked back from its head to find where it starts. */
const PHRASE_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM', 'PART']);

/** First token after the clause that follows the verb ends: a stop, a relative pronoun, a conjunction
 * opening a clause, a reporting verb, or the subject of a verb with a subject of its own. */
function clauseEnd(lex: VerbLexicon, s: Scope, ve: number, end: number): number {
  const limit = Math.min(end, ve + lex.window);
  // A subject may start inside the window while its verb stands beyond it.
  for (let j = ve; j < Math.min(end, limit + lex.window); j++) {
    const tok = s.tokens[j];
    const h = H[j - s.base];
    if (j < limit && (lex.stops.has(tok, h) || (tok.pos === 'PRON' && lex.relativePronouns.has(tok, h)) ||
      (tok.pos === 'SCONJ' && lex.conjunctions.has(tok, h)))) return j;
    if (tok.pos !== 'VERB') continue;
    if (lex.reportingVerbs.has(tok, h)) return Math.min(j, limit);
    let k = j - 1;
    while (k >= ve && (s.tokens[k].pos === 'AUX' || s.tokens[k].pos === 'ADV')) k--;
    if (k >= ve && SUBJECT_POS.has(s.tokens[k].pos)) {
      while (k > ve && PHRASE_POS.has(s.tokens[k - 1].pos)) k--;
      return Math.min(k, limit);
    }
  }
  return limit;
}

/** First token of the verb's clause before it: after a stop, a relative pronoun or another verb. */
function clauseStart(lex: VerbLexicon, s: Scope, vs: number): number {
  const limit = Math.max(s.base, vs - lex.window);
  for (let j = vs - 1; j >= limit; j--) {
    const tok = s.tokens[j];
    const h = H[j - s.base];
    if (lex.stops.has(tok, h) || (tok.pos === 'PRON' && lex.relativePronouns.has(tok, h)) || tok.pos === 'VERB') return j + 1;
  }
  return limit;
}

function startsNotVerb(lex: VerbLexicon, tokens: Token[], v: number, end: number): boolean {
  for (const words of lex.notVerbs) {
    if (v + words.length > end) continue;
    let k = 0;
    while (k < words.length && isWord(tokens[v + k], words[k])) k++;
    if (k === words.length) return true;
  }
  return false;
}

/** Fills H and H5 for the sentence's tokens (one pass: the stem key is the hash of the first characters). */
function hashSentence(tokens: Token[], base: number, end: number): void {
  if (H.length < end - base) {
    H = new Int32Array(end - base);
    H5 = new Int32Array(end - base);
  }
  for (let t = base; t < end; t++) {
    const w = tokens[t].text;
    let h = 0x811c9dc5;
    let h5 = 0;
    for (let i = 0; i < w.length; i++) {
      let c = w.charCodeAt(i);
      if (c >= 65 && c <= 90) c |= 32;
      h = Math.imul(h ^ c, 0x01000193);
      if (i === STEM_MIN - 1) h5 = h;
    }
    H[t - base] = h | 0;
    H5[t - base] = w.length >= STEM_MIN ? h5 | 0 : h | 0;
  }
}

/** Pattern indices collected for one verb reading, ascending; `stampNow` marks the current collection. */
let candidates = new Int32Array(256);
let stampNow = 0;

function collect(b: Block, list: number[] | undefined, n: number): number {
  if (!list) return n;
  for (const pi of list) {
    if (b.stamp[pi] === stampNow) continue;
    b.stamp[pi] = stampNow;
    if (n === candidates.length) {
      const grown = new Int32Array(n * 2);
      grown.set(candidates);
      candidates = grown;
    }
    candidates[n++] = pi;
  }
  return n;
}

/** The patterns of `b` whose indexed word stands in the clause before the verb [lo, vs) or after it [af, hi), in order. */
function candidatesOf(s: Scope, b: Block, lo: number, vs: number, af: number, hi: number): number {
  // 0 is the stamp of a pattern never collected.
  stampNow = (stampNow + 1) | 0 || 1;
  let n = collect(b, b.always, 0);
  for (let t = lo; t < hi; t++) {
    if (t === vs) t = af;
    if (t >= hi) break;
    n = collect(b, b.index.get(H[t - s.base]), n);
    n = collect(b, b.stemIndex.get(H5[t - s.base]), n);
  }
  // Insertion sort: a handful of candidates, and the pattern order breaks ties.
  for (let i = 1; i < n; i++) {
    const x = candidates[i];
    let j = i - 1;
    while (j >= 0 && candidates[j] > x) {
      candidates[j + 1] = candidates[j];
      j--;
    }
    candidates[j + 1] = x;
  }
  return n;
}

/** The PLOVER events the verbs of one sentence express, left to right, not overlapping. */
/**
 * "a number of suspects", "the attacks": a word wink tags VERB right after a determiner or a preposition (not "to")
 * is a noun there, unless a gerund ("accused of attacking").
 */
function nounSlot(tokens: Token[], v: number, base: number): boolean {
  if (v === base) return false;
  const prev = tokens[v - 1];
  return (prev.pos === 'DET' || (prev.pos === 'ADP' && !isWord(prev, 'to'))) && !/ing$/iu.test(tokens[v].text);
}

export function findVerbEvents(lex: VerbLexicon, tokens: Token[], sentence: Sentence, text: string): VerbHit[] {
  const base = sentence.tokenStart;
  const end = sentence.tokenEnd;
  let hashed = false;
  const s: Scope = { tokens, base };
  const hits: VerbHit[] = [];
  usedCount = 0;
  for (let v = base; v < end; v++) {
    if (tokens[v].pos !== 'VERB' || isUsed(v) || startsNotVerb(lex, tokens, v, end) || nounSlot(tokens, v, base)) continue;
    const entries = lex.forms.get(hashOf(tokens[v].text));
    if (!entries) continue;
    if (!hashed) {
      hashSentence(tokens, base, end);
      hashed = true;
    }
    const from = hits.length > 0 ? hits[hits.length - 1].tokenEnd : base;
    // The best reading: most words matched (form words beyond the verb plus pattern words); ties go to
    // the earlier entry, a pattern before its verb's default, and the earlier pattern.
    let best: Reading | null = null;
    bestCount = 0;
    for (const f of entries) {
      if (!isWord(tokens[v], f.words[f.head]) || !formAt(lex, s, f, v, end) || extStart < from) continue;
      const fs = extStart;
      const fe = extEnd;
      const fa = extAfter;
      const extra = f.words.length - 1;
      const hi = clauseEnd(lex, s, fe, end);
      const lo = clauseStart(lex, s, fs);
      const all = patternsOf(f.block);
      const n = candidatesOf(s, f.block, lo, fs, fa, hi);
      for (let c = 0; c < n; c++) {
        const p = all[candidates[c]];
        const plain = contentful(lex, p.text);
        if (!plain && f.light) continue;
        const score = extra + p.words;
        // "ordered X to": a pattern of function words alone tells no sense, unless it is the particle of a
        // phrasal verb right after it ("stepped down"); otherwise the verb's default stands.
        if (score > (best?.score ?? -1) && matches(s, p, fs, fa, lo, hi) && (plain || (p.after.length === 1 && p.words === 1 && particleEnd === fe + 1))) {
          best = { score, form: f, pattern: p, code: p.code, from: fs, to: fe, particle: particleEnd };
          bestCount = matchedCount;
          for (let i = 0; i < matchedCount; i++) {
            bestStart[i] = matchedStart[i];
            bestEnd[i] = matchedEnd[i];
          }
        }
      }
      if (extra > (best?.score ?? -1)) {
        best = { score: extra, form: f, pattern: null, code: f.code, from: fs, to: fe, particle: -1 };
        bestCount = 0;
      }
    }
    // The words a pattern matched are its verb's, even when the pattern says "no event" ("avoided attacks").
    for (let i = 0; i < bestCount && usedCount < MAX_SPANS; i++) {
      usedStart[usedCount] = bestStart[i];
      usedEnd[usedCount++] = bestEnd[i];
    }
    if (!best?.code) continue;
    const { form: bestForm, pattern: bestPattern, code: bestCode, from: vs, to: ve, particle } = best;
    // A pattern that is the verb and one word right after it, which wink tags as a particle, is a phrasal
    // verb: the word belongs to the verb ("called for", "stepped down", not "died in [clashes]").
    const phrasal = bestPattern !== null && bestPattern.after.length === 1 && bestPattern.words === 1 && particle === ve + 1;
    const tokenEnd = phrasal && PARTICLE_POS.has(tokens[ve].pos) ? particle : ve;
    const start = tokens[vs].start;
    const stop = tokens[tokenEnd - 1].end;
    hits.push({
      tokenStart: vs,
      tokenEnd,
      start,
      end: stop,
      text: text.slice(start, stop),
      lemma: bestForm.lemma,
      block: bestForm.block.name,
      cameo: bestCode.cameo,
      type: bestCode.type,
      mode: bestCode.mode,
      pattern: bestPattern ? bestPattern.text : null,
      objectStart: bestCount > 0 ? tokens[bestStart[0]].start : -1,
    });
    v = tokenEnd - 1;
  }
  return hits;
}
