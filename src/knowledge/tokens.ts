// Word tokens for name matching: each word normalised by normalizeName's rules, with its exact
// offsets in the text so that matches map back to substrings. A bare article ("al", "el") is not a
// token of its own; it is kept as the lead-in of the word it is attached to ("al-Sudani").
import { normalizeName } from './normalize.ts';

export interface NameToken {
  /** Offsets of the word; `lead` is where an attached article before it starts (else = start). */
  start: number;
  end: number;
  lead: number;
  norm: string;
  /** Starts with a capital letter. */
  cap: boolean;
  /** Written in capitals only ("US", "PMF"). */
  upper: boolean;
  /** Whether it may continue a name begun by the token before it (no comma, quote or sentence end between). */
  joined: boolean;
  /** First word of a sentence or line, where a capital says nothing about being a name. */
  initial: boolean;
}

/** Space (one line break at most), a hyphen, the dot of "U.S", or a possessive between two words of a name: the gap text[from, to) after a word of `prevLength` letters. */
function joins(text: string, from: number, to: number, prevLength: number): boolean {
  // A single space is by far the most common gap: no pattern needed.
  if (to === from + 1 && text[from] === ' ') return true;
  const gap = text.slice(from, to);
  if (/^[ \t]*\n?[ \t]*$/.test(gap) || /^[ \t]*[-‐‑–][ \t]*$/.test(gap) || gap === '.' || /^['’]s[ \t]+$/.test(gap)) return true;
  // "U.S. forces", but not "in Iraq. Forces".
  return /^\.[ \t]+$/.test(gap) && prevLength === 1;
}

const OPENER = /[\s"'“‘(\[-]/;
const SENTENCE_END = /[.!?:\n]/;

/**
 * Whether a word at `lead` is the first of a sentence or line: looking back at most 8 characters over
 * white space, quotes and brackets, the text starts, a line breaks or a sentence ends.
 */
function isInitial(text: string, lead: number): boolean {
  const from = Math.max(0, lead - 8);
  let j = lead - 1;
  for (; j >= from; j--) {
    const c = text[j];
    if (c === '\n') return true;
    if (c !== ' ' && !OPENER.test(c)) return SENTENCE_END.test(c);
  }
  return true;
}

const WORD = /[\p{L}\p{N}]+(?:['’‘`ʼʿʾ][\p{L}\p{N}]+)*/gu;
const POSSESSIVE = /['’]s$/;

/** `normalize` may be a memoised normalizeName (building a matcher normalises the same words many times). */
export function nameTokens(text: string, normalize: (word: string) => string = normalizeName): NameToken[] {
  const out: NameToken[] = [];
  let article: { start: number; end: number } | null = null;
  const words = new RegExp(WORD);
  for (let m = words.exec(text); m !== null; m = words.exec(text)) {
    const start = m.index;
    // The possessive "'s" is not part of the name ("Jordan's"); an inner apostrophe is ("Kata'ib").
    const word = POSSESSIVE.test(m[0]) ? m[0].slice(0, -2) : m[0];
    const end = start + word.length;
    const norm = normalize(word);
    if (norm === '') {
      article = { start, end };
      continue;
    }
    const attached = article !== null && /^[-‐‑ ]$/.test(text.slice(article.end, start));
    const first = word[0];
    const prev = out[out.length - 1];
    const lead = attached ? article!.start : start;
    out.push({
      joined: prev !== undefined && joins(text, prev.end, lead, prev.end - prev.start),
      initial: isInitial(text, lead),
      start,
      end,
      lead,
      norm,
      cap: first !== first.toLowerCase(),
      // Most words start with a letter that upper case changes: not all capitals, no need to look further.
      upper: first === first.toUpperCase() && /\p{Lu}/u.test(word) && word === word.toUpperCase(),
    });
    article = null;
  }
  return out;
}

/** What the case of a name's word requires of the text: nothing, a capital, or all capitals. */
export type CaseRule = 'any' | 'cap' | 'upper';

/**
 * Case rules of a name: acronyms must be written in capitals ("US" is not "us"); a one-word name
 * written with a capital must be capitalised in the text ("Turkey" is not "turkey"); longer names and
 * lower-case names (titles, cues) match in any case, unless `proper`: then every capitalised word of the
 * name must be capitalised in the text too ("Red Line" is not "a red line").
 */
export function caseRules(tokens: NameToken[], name: string, proper = false): CaseRule[] {
  return tokens.map((t) => {
    const word = name.slice(t.start, t.end);
    if (t.upper && (word.length > 1 || tokens.length > 1 || /\./.test(name))) return 'upper';
    if ((tokens.length === 1 || proper) && t.cap) return 'cap';
    return 'any';
  });
}

export function caseOk(rule: CaseRule, t: NameToken): boolean {
  return rule === 'any' || (rule === 'cap' ? t.cap : t.upper);
}
