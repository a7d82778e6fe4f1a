// Date comparisons of SCORING.md over the pipeline's day ranges (a day is that day, a month the
// whole month, a year the whole year, an interval "a/b" its span). A null or unreadable date is
// unknown: it agrees only with another unknown date, since an undated item cannot be told apart
// from any other of its kind.
import { dayRange, overlaps } from '../pipeline/date-range.ts';

function bothUnknown(system: string | null, gold: string | null): boolean {
  return system == null && gold == null;
}

/** Event dates are compatible when their spans overlap, allowing `slack` days at either end. */
export function datesCompatible(system: string | null, gold: string | null, slack = 1): boolean {
  if (system == null || gold == null) return bothUnknown(system, gold);
  return overlaps(system, gold, slack);
}

/** The system's date lies inside the gold's: the same day, a day or month inside the gold month or year, or inside the gold interval. */
export function dateWithin(system: string | null, gold: string | null): boolean {
  if (system == null || gold == null) return bothUnknown(system, gold);
  const s = dayRange(system);
  const g = dayRange(gold);
  return s !== null && g !== null && s.start >= g.start && s.end <= g.end;
}

/**
 * Date exactness of a matched event: "same day, or same month at the gold's precision". A gold day,
 * month or year is met by any system date inside it (a system day inside the gold month is exact
 * at month precision); a gold interval only by the same span, since a single day inside it claims
 * more than the text supports.
 */
export function dateExact(system: string | null, gold: string | null): boolean {
  if (system == null || gold == null || !gold.includes('/')) return dateWithin(system, gold);
  const s = dayRange(system);
  const g = dayRange(gold);
  return s !== null && g !== null && s.start === g.start && s.end === g.end;
}
