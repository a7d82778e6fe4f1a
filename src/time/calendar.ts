// Calendar arithmetic on plain days (no clock, no time zone): a news date is a calendar day,
// and JavaScript Dates would shift it with the host's time zone.

export interface Day {
  y: number;
  m: number;
  d: number;
}

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01. */
export function ordinal(day: Day): number {
  return Math.round(Date.UTC(day.y, day.m - 1, day.d) / MS_PER_DAY);
}

export function fromOrdinal(n: number): Day {
  const dt = new Date(n * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function addDays(day: Day, n: number): Day {
  return fromOrdinal(ordinal(day) + n);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Adds months, clamping the day to the target month's length (31 March − 1 month = 29 February). */
export function addMonths(day: Day, n: number): Day {
  const index = day.y * 12 + (day.m - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return { y, m, d: Math.min(day.d, daysInMonth(y, m)) };
}

export type Unit = 'day' | 'week' | 'fortnight' | 'month' | 'year';

/** The day n units away from a day (months and years clamp the day to the month's length). */
export function addUnits(day: Day, n: number, unit: Unit): Day {
  switch (unit) {
    case 'day': return addDays(day, n);
    case 'week': return addDays(day, 7 * n);
    case 'fortnight': return addDays(day, 14 * n);
    case 'month': return addMonths(day, n);
    case 'year': return addMonths(day, 12 * n);
  }
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: Day): number {
  return (ordinal(day) + 4) % 7; // 1970-01-01 was a Thursday
}

/** The Monday of the ISO week containing the day. */
export function weekStart(day: Day): Day {
  return addDays(day, -((weekday(day) + 6) % 7));
}

export function compareDays(a: Day, b: Day): number {
  return ordinal(a) - ordinal(b);
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function formatDay(day: Day): string {
  return `${pad(day.y, 4)}-${pad(day.m)}-${pad(day.d)}`;
}

export function formatMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

/** Parses "YYYY-MM-DD" strictly (the day must exist); null otherwise. */
export function parseIsoDay(s: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const day = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  if (day.m < 1 || day.m > 12 || day.d < 1 || day.d > daysInMonth(day.y, day.m)) return null;
  return day;
}

/** The first and last day a value ("2024", "2024-02", "2024-02-07", "a/b") covers; null for anything else. */
export function valueBounds(value: string): { from: Day; to: Day } | null {
  const parts = value.split('/');
  if (parts.length > 2) return null;
  const first = partBounds(parts[0]);
  const last = parts.length === 2 ? partBounds(parts[1]) : first;
  if (!first || !last) return null;
  return { from: first.from, to: last.to };
}

function partBounds(s: string): { from: Day; to: Day } | null {
  let m = /^(\d{4})$/.exec(s);
  if (m) return { from: { y: Number(m[1]), m: 1, d: 1 }, to: { y: Number(m[1]), m: 12, d: 31 } };
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    return { from: { y, m: mo, d: 1 }, to: { y, m: mo, d: daysInMonth(y, mo) } };
  }
  const day = parseIsoDay(s);
  return day ? { from: day, to: day } : null;
}
