// The date values of the pipeline ("2024-08-05", "2024-02", "2024", "2024-02-01/2024-02-10")
// as day ranges, so that dates of different precision can be compared.

export interface DayRange {
  start: string;
  end: string;
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function bounds(part: string): DayRange | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(part.trim());
  if (!m) return null;
  const [, y, mo, d] = m;
  if (d) return { start: part, end: part };
  if (mo) return { start: `${y}-${mo}-01`, end: `${y}-${mo}-${String(lastDay(Number(y), Number(mo))).padStart(2, '0')}` };
  return { start: `${y}-01-01`, end: `${y}-12-31` };
}

/** The span of days a date value covers, or null when it is not a date value. */
export function dayRange(value: string): DayRange | null {
  const [a, b] = value.split('/');
  const first = bounds(a);
  if (!first) return null;
  if (b === undefined) return first;
  const second = bounds(b);
  return second ? { start: first.start, end: second.end } : null;
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** True when the two date values overlap, allowing `slack` days at either end. */
export function overlaps(a: string, b: string, slack = 1): boolean {
  const x = dayRange(a);
  const y = dayRange(b);
  if (!x || !y) return false;
  return addDays(x.start, -slack) <= y.end && y.start <= addDays(x.end, slack);
}
