// Date bounds of memberships and office terms ("2014", "2020-05", "2022-10-27") compared as the
// spans of days they denote, so "to: 2020-05" includes 31 May 2020 and "from: 2014" includes 1 Jan.

/** First day ("YYYY-MM-DD") of the span a bound or date denotes. */
export function spanStart(d: string): string {
  const [y, m = '01', day = '01'] = d.split('-');
  return `${y}-${m}-${day}`;
}

/** Last day ("YYYY-MM-DD") of the span a bound or date denotes. */
export function spanEnd(d: string): string {
  const [y, m, day] = d.split('-');
  if (day !== undefined) return d;
  if (m === undefined) return `${y}-12-31`;
  const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
  return `${y}-${m}-${String(last).padStart(2, '0')}`;
}

/** Whether `date` is "YYYY", "YYYY-MM", "YYYY-MM-DD" or an interval "A/B" of two of those. */
export function isDateOrInterval(date: string): boolean {
  const parts = date.split('/');
  return parts.length <= 2 && parts.every((p) => /^\d{4}(-\d{2}){0,2}$/.test(p)) && spanStart(parts[0]) <= spanEnd(parts[parts.length - 1]);
}

/**
 * Whether a term [from, to] (open ends allowed) overlaps the span of `date`: "YYYY", "YYYY-MM",
 * "YYYY-MM-DD", or an interval "A/B" (a publication date known only to lie between two days).
 */
export function activeOn(term: { from?: string; to?: string }, date: string): boolean {
  const [first, last = first] = date.split('/');
  if (term.from !== undefined && spanStart(term.from) > spanEnd(last)) return false;
  if (term.to !== undefined && spanEnd(term.to) < spanStart(first)) return false;
  return true;
}

/** Whether `from` does not come after `to` (either may be absent). */
export function ordered(term: { from?: string; to?: string }): boolean {
  return term.from === undefined || term.to === undefined || spanStart(term.from) <= spanEnd(term.to);
}
