// Dates as the store writes them: "YYYY", "YYYY-MM", "YYYY-MM-DD" or a range "a/b".
const DAY = 86_400_000;

function bound(v: string, end: boolean): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(v.trim());
  if (!m) return null;
  const y = Number(m[1]);
  if (!end) return Date.UTC(y, m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
  if (m[3]) return Date.UTC(y, Number(m[2]) - 1, Number(m[3]));
  return (m[2] ? Date.UTC(y, Number(m[2]), 1) : Date.UTC(y + 1, 0, 1)) - DAY;
}

/** First day of a date value in ms (UTC), or null when it is not a date. */
export function startOf(v: string | null | undefined): number | null {
  return v ? bound(v.split('/')[0], false) : null;
}

/** Last day of a date value in ms (UTC), or null. */
export function endOf(v: string | null | undefined): number | null {
  return v ? bound(v.split('/').at(-1) as string, true) : null;
}

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function monthKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

export { DAY };
