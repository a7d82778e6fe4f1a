// Which time expression dates a happening mentioned at a given position of a sentence.
import type { Span, TimeMention } from '../pipeline/types.ts';

// Punctuation that ends a clause inside a sentence (quotes open reported speech, a clause of its own).
const CLAUSE_BREAK = /[,;:()\u2013\u2014"“”\n]/;

/**
 * The expression that governs the clause at `at` (an event trigger): the nearest one before it in the same
 * clause, else one after it in that clause ("the attack happened on Sunday"), else the sentence's (the nearest
 * before `at`, else its first), else null; never an "until ..." after it. Clauses are only known when `text` (the document text the offsets
 * point into) is given; without it the sentence is the only unit.
 */
export function governingTime(times: TimeMention[], sentence: Span, at: number, text?: string): TimeMention | null {
  const inSentence = times
    .filter((t) => t.start >= sentence.start && t.end <= sentence.end)
    .sort((a, b) => a.start - b.start);
  if (inSentence.length === 0) return null;
  if (text !== undefined) {
    const clause = clauseAround(text, sentence, at);
    const inClause = inSentence.filter((t) => t.start >= clause.start && t.end <= clause.end);
    const before = inClause.filter((t) => t.start <= at).at(-1);
    if (before) return before;
    // After the act, "until the end of the year" tells how long it lasts, not when it happened.
    // "warned that if they stayed in defiance of the vote of January": a time of another noun than the act's own ("the attack of January 5").
    const after = inClause.find((t) => t.start > at && t.kind !== 'until' && !ofAnother(text, at, t));
    if (after) return after;
  }
  const free = text === undefined ? inSentence : inSentence.filter((t) => !ofAnother(text, at, t));
  // "have threatened to abandon the truce, after a US strike ... late last month": a time after the act in a clause of
  // another happening is that happening's.
  const own = (t: TimeMention): boolean => t.kind !== 'until' && (text === undefined || t.start <= at || !ANOTHER_BEFORE.test(text.slice(at, t.start)));
  return free.filter((t) => t.start <= at).at(-1) ?? free.find(own) ?? null;
}

// Not "hours after" (the same day), nor "before" (also "before the Senate committee") or "when" (the same time).
const ANOTHER_BEFORE = /(?<!\b(?:hours?|minutes?|moments?|shortly|soon|just|right)\s+)\b(?:after|following|since|amid|because)\b/iu;

/**
 * "the parliament's vote of January": a time after "of" that is not right after the act at `at` ("the attack of
 * January 5"), nor a part of the day ("on the morning of January 8" is that day). Nor a time after the act that
 * qualifies a noun of its own ("arrested suspects over a Dec. 8 rocket attack").
 */
function ofAnother(text: string, at: number, t: TimeMention): boolean {
  const before = text.slice(Math.max(0, t.start - 24), t.start);
  if (t.start > at && ATTRIBUTIVE_BEFORE.test(before) && ATTRIBUTIVE_AFTER.test(text.slice(t.end, t.end + 30))) return true;
  return OF_BEFORE.test(before) && !PART_OF_DAY_OF.test(before) && !/^\S+\s+of\s+$/u.test(text.slice(at, t.start));
}

const ATTRIBUTIVE_BEFORE = /\b(?:a|an|the|its|their|his|her|last)\s+$/iu;
const ATTRIBUTIVE_AFTER = /^\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}(?:attack|attacks|strike|strikes|bombing|raid|assault|incident|killing|assassination|meeting|visit|vote|decision|announcement|statement|agreement|truce|operation)\b/u;

const OF_BEFORE = /\bof\s+$/iu;
const PART_OF_DAY_OF = /\b(?:morning|afternoon|evening|night|hours|dawn|dusk|midnight|noon)\s+of\s+$/iu;

/** The clause of the sentence around position `at`, between clause-breaking punctuation. */
export function clauseAround(text: string, sentence: Span, at: number): Span {
  let start = Math.min(Math.max(at, sentence.start), sentence.end);
  while (start > sentence.start && !CLAUSE_BREAK.test(text[start - 1])) start--;
  let end = Math.max(at, sentence.start);
  while (end < sentence.end && !CLAUSE_BREAK.test(text[end])) end++;
  return { start, end };
}
