// Compiles the lexicon's phrase syntax into regular expressions:
//   words match case-insensitively on word boundaries; "word*" matches any ending;
//   "a|an|the" is a choice; "~" skips up to three words, "~~" up to twenty-five (within the sentence); a count
//   opening the skipped words is not counted ("fired more than a dozen ballistic missiles");
//   double quotes and guillemets around a word of the text are ignored; "US", "UK", "UN" also match "U.S.", "U.K.", "U.N.".
// A set of phrases is indexed by the first word of each phrase, so a text costs one scan of its
// words plus one anchored regex per word that can start a phrase, however many phrases the set has.
// The expressions run on a lower-case copy of the text without the "i" and "u" flags: V8 compiles a
// case-insensitive Unicode expression with letter classes in milliseconds, a plain one in microseconds.

export interface PhraseMatch {
  start: number;
  end: number;
  phrase: string;
  /** Position of the phrase in the list the set was built from. */
  index: number;
}

// Letters and digits of the Basic Multilingual Plane, apostrophes and hyphens: Latin, Greek, Cyrillic,
// Arabic and the other alphabets, without the punctuation and symbol blocks (U+2000–U+2BFF).
const WORD_CHARS = String.raw`a-z0-9’'\-\u00c0-\u02af\u0370-\u1fff\u2c00-\ud7ff\uf900-\uffef`;
const WORD_CLASS = `[${WORD_CHARS}]`;
const WORD_RUN = new RegExp(`${WORD_CLASS}+`, 'g');
const QUOTE = `["“”«»]?`;
const IS_WORD_RUN = new RegExp(`^${WORD_CLASS}+$`);
const FIRST_WORD = new RegExp(`${WORD_CLASS}+`, 'y');

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Abbreviations written with or without dots ("US", "U.S."): the dotted form, or undefined. */
function dotted(word: string): string | undefined {
  return /^(?:us|uk|un|usa)$/.test(word) ? `${[...word].join('.')}.` : undefined;
}

function piece(token: string): string {
  return token
    .split('|')
    .map((alt) => {
      if (alt.endsWith('*')) return `${escape(alt.slice(0, -1))}${WORD_CLASS}*`;
      const d = dotted(alt);
      // The dotted form first: "U.S." rather than its "U".
      return d ? `${escape(d)}|${escape(alt)}` : escape(alt);
    })
    .join('|');
}

/** Words of a count ("more than a dozen", "at least 20", "dozens of"): the "~" gap skips up to four of them first. */
const COUNT_WORD = String.raw`(?:more|less|fewer|than|at|least|up|to|about|around|nearly|almost|some|several|a|an|of|dozens?|hundreds|scores|[0-9][0-9,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)`;
const COUNT_SKIP = String.raw`(?:${COUNT_WORD}\s+){0,4}`;

/** The phrase as a regular expression over lower-case text. */
function compilePhrase(phrase: string, flags: string): RegExp {
  const tokens = phrase.trim().toLowerCase().split(/\s+/);
  let body = '';
  let gap = 0;
  let counted = '';
  for (const token of tokens) {
    if (token === '~' || token === '~~') {
      gap = token === '~' ? 3 : 25;
      counted = token === '~' ? COUNT_SKIP : '';
      continue;
    }
    // Quotes around a word are no word ("the "armistice" that ... has ended"). Only one way to read each: a quote
    // inside the skipped words is part of them, so a failing match does not try the two readings of every word.
    if (body !== '') body += gap > 0 ? String.raw`${QUOTE}(?:\s+|[,;:]\s*)${counted}(?:\S+\s+){0,${gap}}?${QUOTE}` : String.raw`${QUOTE}\s+${QUOTE}`;
    body += `(?:${piece(token)})`;
    gap = 0;
    counted = '';
  }
  return new RegExp(String.raw`(?<!${WORD_CLASS})${body}(?!${WORD_CLASS})`, flags);
}

interface Scanned {
  lower: string;
  /** The text's word runs (lower case) and where each starts. */
  words: string[];
  starts: number[];
}

// Many sets are asked about the same text in a row (every trigger set about one sentence): its
// words are found once.
let lastText: string | null = null;
let last: Scanned = { lower: '', words: [], starts: [] };

/** Lower case with every offset kept: a character whose lower case is longer ("İ") stays as it is. */
function lowerCase(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

function scan(text: string): Scanned {
  if (text === lastText) return last;
  const lower = lowerCase(text);
  const words: string[] = [];
  const starts: number[] = [];
  WORD_RUN.lastIndex = 0;
  for (let w = WORD_RUN.exec(lower); w; w = WORD_RUN.exec(lower)) {
    words.push(w[0]);
    starts.push(w.index);
  }
  lastText = text;
  last = { lower, words, starts };
  return last;
}

/**
 * For each word of a phrase after the first, the lower-case strings of which one must occur in a matching
 * text. The first needs no test: a phrase is tried only where its first word stands.
 */
function literalsOf(phrase: string): string[][] {
  return phrase.trim().split(/\s+/).filter((t) => t !== '~' && t !== '~~').slice(1)
    .map((t) => t.toLowerCase().split('|').flatMap((a) => [a.replace(/\*$/, ''), ...(dotted(a) ? [dotted(a)!] : [])]));
}

interface Compiled {
  phrase: string;
  index: number;
  /** Anchored ("sticky") form, tried only where the phrase's first word stands. */
  re: RegExp;
  /** Words the text must contain somewhere: most phrases fail this cheap test. */
  literals: string[][];
  /** Within the findAll call numbered `call`, where this phrase's last match ended: its matches do not overlap. */
  call: number;
  lastEnd: number;
}

let calls = 0;

function present(c: Compiled, lower: string): boolean {
  return c.literals.every((alts) => alts.some((a) => lower.includes(a)));
}

/** Letters of a stem's start that index it. */
const STEM_HEAD = 3;

/** A set of phrases compiled once. */
export class PhraseSet {
  private readonly compiled: Compiled[];
  /** First words (lower case) → phrases that begin with exactly that word. */
  private readonly byWord = new Map<string, Compiled[]>();
  /**
   * First-word stems ("threaten" of "threaten*") under their first three letters: a word of the text
   * costs one look-up there, and most find nothing. Stems shorter than that are few and tried always.
   */
  private readonly byStem = new Map<string, Array<{ key: string; c: Compiled }>>();
  private readonly shortStems: Array<{ key: string; c: Compiled }> = [];
  /** Phrases whose first word is not a plain word run ("U.S."): tried at every word start. */
  private readonly anywhere: Compiled[] = [];

  constructor(phrases: readonly string[]) {
    this.compiled = phrases.map((phrase, index) => ({ phrase, index, re: compilePhrase(phrase, 'y'), literals: literalsOf(phrase), call: 0, lastEnd: 0 }));
    for (const c of this.compiled) {
      const alts = c.phrase.trim().split(/\s+/)[0].toLowerCase().split('|');
      if (!alts.every((a) => IS_WORD_RUN.test(a.replace(/\*$/, '')))) {
        this.anywhere.push(c);
        continue;
      }
      for (const alt of alts) {
        if (!alt.endsWith('*')) {
          // "U.S." is the word runs "u" and "s": listed under "u" too.
          for (const word of dotted(alt) ? [alt, alt[0]] : [alt]) {
            const list = this.byWord.get(word) ?? [];
            if (!list.includes(c)) list.push(c);
            this.byWord.set(word, list);
          }
          continue;
        }
        const key = alt.slice(0, -1);
        if (key.length < STEM_HEAD) {
          this.shortStems.push({ key, c });
          continue;
        }
        const list = this.byStem.get(key.slice(0, STEM_HEAD)) ?? [];
        list.push({ key, c });
        this.byStem.set(key.slice(0, STEM_HEAD), list);
      }
    }
  }

  /** Calls `visit` with each phrase that may start at a word (lower case); `visit` returns true to stop. */
  private eachCandidate(word: string, visit: (c: Compiled) => boolean): boolean {
    for (const c of this.anywhere) if (visit(c)) return true;
    const exact = this.byWord.get(word);
    if (exact) for (const c of exact) if (visit(c)) return true;
    const stems = word.length >= STEM_HEAD ? this.byStem.get(word.slice(0, STEM_HEAD)) : undefined;
    if (stems) for (const e of stems) if (word.startsWith(e.key) && visit(e.c)) return true;
    for (const e of this.shortStems) if (word.startsWith(e.key) && visit(e.c)) return true;
    return false;
  }

  /** Every match in `text`, in order of position (ties: longer first); a phrase's matches do not overlap each other. */
  findAll(text: string): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    const call = ++calls;
    const { lower, words, starts } = scan(text);
    for (let i = 0; i < words.length; i++) {
      const start = starts[i];
      this.eachCandidate(words[i], (c) => {
        // A phrase listed under two of its first word's forms is tried once per word.
        if ((c.call === call && c.lastEnd > start) || !present(c, lower)) return false;
        c.re.lastIndex = start;
        const m = c.re.exec(lower);
        if (m) {
          out.push({ start: m.index, end: m.index + m[0].length, phrase: c.phrase, index: c.index });
          c.call = call;
          c.lastEnd = m.index + Math.max(1, m[0].length);
        }
        return false;
      });
    }
    return out.sort((a, b) => a.start - b.start || b.end - a.end || a.index - b.index);
  }

  first(text: string): PhraseMatch | null {
    return this.findAll(text)[0] ?? null;
  }

  test(text: string): boolean {
    const { lower, words, starts } = scan(text);
    return words.some((w, i) => this.at(lower, starts[i], w));
  }

  /** True when a phrase ends exactly at the end of `text` (ignoring trailing white space and quotes). */
  endsWith(text: string): boolean {
    return this.endsWithin(text, 0);
  }

  /**
   * True when a phrase ends at the end of `text` or of `text` without its last 1..`words` words (each
   * end ignoring trailing white space and quotes): "stop all attacks" ends with "stop" two words back.
   * One search of the text serves every end.
   */
  endsWithin(text: string, words: number): boolean {
    const ends = new Set<number>();
    let at = text.length;
    for (let n = 0; n <= words; n++) {
      if (n > 0) {
        // Drop one word and the white space after it.
        while (at > 0 && /\s/u.test(text[at - 1])) at--;
        if (at === 0) break;
        while (at > 0 && !/\s/u.test(text[at - 1])) at--;
      }
      let end = at;
      while (end > 0 && /[\s“”"'‘’(]/u.test(text[end - 1])) end--;
      ends.add(end);
    }
    const cut = Math.max(...ends);
    return this.findAll(text.slice(0, cut)).some((m) => ends.has(m.end));
  }

  /** True when a phrase starts at the start of `text` (ignoring leading white space and quotes). */
  startsWith(text: string): boolean {
    const t = text.replace(/^[\s“”"'‘’,)]+/u, '');
    // Only the phrases of the first word can start there: the rest of the text is not scanned.
    const lower = lowerCase(t);
    FIRST_WORD.lastIndex = 0;
    const first = FIRST_WORD.exec(lower);
    return first !== null && this.at(lower, 0, first[0]);
  }

  /** True when a phrase of the word `word`, which starts at `start` of `lower`, matches there. */
  private at(lower: string, start: number, word: string): boolean {
    return this.eachCandidate(word, (c) => {
      if (!present(c, lower)) return false;
      c.re.lastIndex = start;
      return c.re.test(lower);
    });
  }
}
