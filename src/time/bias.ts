// Past bias: a news report narrates what already happened, so a date without a year, or a bare
// weekday, resolves to its latest occurrence on or before the reference day — unless the clause
// speaks of the future ("will", "scheduled", "upcoming"), in which case it resolves forward.
import { addDays, type Day, weekday } from './calendar.ts';
import { FUTURE } from './lexicon.ts';

export type Direction = 'past' | 'future';

// Clause boundaries: sentence ends, semicolons, line breaks.
const BOUNDARY = /[.!?;\n]/;
// Where reported words begin.
const REPORTED = /\bthat\b|["“”]/iu;
const COORDINATED = /,?\s+(?:and|but|while|whereas)\s+/iu;
// A reporting verb in the past right before the expression (perhaps with whom it was told).
const SAID_BEFORE = /\b(?:said|told|added|stated|announced|confirmed|reported|noted|stressed|warned|explained)\s+(?:(?:reporters|journalists|\p{Lu}\p{L}*)\s+)?$/u;

/** Whether the clause around text[start, end) speaks of the future: a cue before it in the clause, or within a few words after it. */
export function clauseDirection(text: string, start: number, end: number): Direction {
  let from = start;
  while (from > 0 && start - from < 120 && !BOUNDARY.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && to - end < 45 && !BOUNDARY.test(text[to])) to++;
  // Reported words after it are another clause: "announced on Sunday that the factions will resume"; so is a
  // second verb joined by "and" or "but": "began on Jan. 27 and are expected to resume".
  const after = text.slice(end, to).split(REPORTED)[0].split(COORDINATED)[0];
  // Nor do quoted words before it: '"Any violation will be met with a response," a commander said on Wednesday'.
  const before = text.slice(from, start);
  // "..., the factions will resume attacks, Kataib Hezbollah said on Sunday": the time of a saying just told is past.
  if (SAID_BEFORE.test(before)) return 'past';
  const quote = Math.max(before.lastIndexOf('"'), before.lastIndexOf('”'), before.lastIndexOf('“'));
  return FUTURE.test(before.slice(quote + 1)) || FUTURE.test(after) ? 'future' : 'past';
}

/** The year of month/day (day optional) nearest the reference day on the given side of it (the reference month/day itself counts). */
export function yearFor(ref: Day, month: number, day: number | null, dir: Direction): number {
  const later = month > ref.m || (month === ref.m && day !== null && day > ref.d);
  const earlier = month < ref.m || (month === ref.m && day !== null && day < ref.d);
  if (dir === 'past') return later ? ref.y - 1 : ref.y;
  return earlier ? ref.y + 1 : ref.y;
}

/** The occurrence of a weekday nearest the reference day: on or before it (past), on or after it (future); `strict` excludes the reference day. */
export function weekdayNear(ref: Day, wd: number, dir: Direction, strict = false): Day {
  let diff = dir === 'past' ? (weekday(ref) - wd + 7) % 7 : (wd - weekday(ref) + 7) % 7;
  if (strict && diff === 0) diff = 7;
  return addDays(ref, dir === 'past' ? -diff : diff);
}

/** The month before (-1), of (0) or after (+1) the reference month named by "last/this/next <month>": the nearest such month strictly on that side. */
export function relativeMonthYear(ref: Day, month: number, rel: -1 | 0 | 1): number {
  if (rel === 0) return ref.y;
  if (rel < 0) return month < ref.m ? ref.y : ref.y - 1;
  return month > ref.m ? ref.y : ref.y + 1;
}
