// What the events view derives from a list of events: counts per month and where reports disagree.
import type { EventItem } from '../src/api.ts';
import { monthKey, startOf } from '../src/dates.ts';

/** Event counts per month, every month between the first and the last shown. */
export function monthlyCounts(events: EventItem[]): { month: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const e of events) {
    const at = startOf(e.date);
    if (at !== null) counts.set(monthKey(at), (counts.get(monthKey(at)) ?? 0) + 1);
  }
  const months = [...counts.keys()].sort();
  if (months.length === 0) return [];
  const out: { month: string; count: number }[] = [];
  let [y, m] = months[0].split('-').map(Number);
  const last = months.at(-1) as string;
  for (let key = months[0]; key <= last; key = `${y}-${String(m).padStart(2, '0')}`) {
    out.push({ month: key, count: counts.get(key) ?? 0 });
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

const COMPARED: (keyof EventItem)[] = ['date', 'type', 'status', 'location', 'fatalities', 'injured', 'source', 'target'];

/** The fields on which the reports of one event differ, with each report's value. */
export function disagreements(reports: EventItem[]): { field: string; values: string[] }[] {
  const show = (v: unknown) => (Array.isArray(v) ? v.join(', ') : v === null || v === '' ? '—' : String(v));
  return COMPARED.map((field) => ({ field, values: reports.map((r) => show(r[field])) }))
    .filter((d) => new Set(d.values).size > 1);
}
