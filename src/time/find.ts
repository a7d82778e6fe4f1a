// findTimes: every date expression of a text, resolved against the publication day.
import type { ParsedComponents, ParsedResult } from 'chrono-node';
import { addUnits, compareDays, type Day, formatDay, formatMonth, parseIsoDay, valueBounds } from './calendar.ts';
import { clauseDirection } from './bias.ts';
import { type NewsRun, parseNews, periodOf, type Sem } from './news-chrono.ts';
import type { TimeMention } from '../pipeline/types.ts';

/**
 * The date expressions of `text`, in order, each resolved against `ref` (the ISO day of publication; an
 * interval "a/b" counts from its first day). With `ref` null only absolute expressions ("5 March 2021",
 * "in 2021") resolve. Expressions that cannot be resolved are left out.
 */
export function findTimes(text: string, ref: string | null): TimeMention[] {
  const refDay = ref === null ? null : parseRef(ref);
  const run: NewsRun = { ref: refDay, sem: new WeakMap(), kind: new WeakMap() };
  const results = parseNews(text, run);
  const out: TimeMention[] = [];
  for (const r of results) {
    // "Baghdad Today reported", "USA Today": a capitalised deictic word after a capitalised name is part of that name.
    if (NAME_WORD.test(r.text) && NAME_BEFORE.test(text.slice(Math.max(0, r.index - 30), r.index))) continue;
    const start = semOf(run, r.start);
    if (!start) continue;
    let sem: Sem | null = start;
    if (start.anchor) sem = anchored(text, r, start, out, refDay);
    else if (r.end) sem = joinRange(start, semOf(run, r.end));
    if (!sem) continue;
    const kind = run.kind.get(r) ?? sem.kind;
    out.push({ text: r.text, start: r.index, end: r.index + r.text.length, value: sem.value, precision: sem.precision, kind });
  }
  return out;
}

const NAME_WORD = /^(?:Today|Tonight|Yesterday|Tomorrow)$/u;
const NAME_BEFORE = /\p{Lu}[\p{L}'’.-]*[ \t]$/u;

function parseRef(ref: string): Day {
  const day = parseIsoDay(ref.split('/')[0]);
  if (!day || ref.split('/').length > 2) throw new Error(`findTimes: reference date "${ref}" is not an ISO day (YYYY-MM-DD) or day interval`);
  return day;
}

/** A custom parser's meaning, or one read from chrono's components at the precision of what the text fixed. */
function semOf(run: NewsRun, c: ParsedComponents): Sem | null {
  const own = run.sem.get(c);
  if (own) return own;
  const y = c.get('year');
  const m = c.get('month');
  const d = c.get('day');
  if (y === null || m === null || d === null) return null;
  if (c.isCertain('day') || !c.isCertain('month') && !c.isCertain('year')) return { value: formatDay({ y, m, d }), precision: 'day', kind: 'point' };
  if (c.isCertain('month')) return { value: formatMonth(y, m), precision: 'month', kind: 'point' };
  return { value: String(y), precision: 'year', kind: 'point' };
}

/** "from 5 to 10 February": from the start's first day to the end's last, at the start's precision. */
function joinRange(start: Sem, end: Sem | null): Sem | null {
  if (!end) return null;
  const from = start.value.split('/')[0];
  const to = end.value.split('/').at(-1) ?? end.value;
  return { value: `${from}/${to}`, precision: start.precision, kind: 'interval' };
}

/**
 * "Two days later" after "On August 5": counted from the nearest preceding single-day expression in the same
 * or the previous paragraph (not a "since" or "until" bound). Left unresolved when there is none, or when the count lands after the reference
 * day in a clause that narrates the past (the anchor was then not the happening meant).
 */
function anchored(text: string, r: ParsedResult, sem: Sem, before: TimeMention[], ref: Day | null): Sem | null {
  const a = sem.anchor;
  if (!a) return null;
  // "since October 17" bounds a period: no happening of its day to count from.
  const base = [...before].reverse().find((t) => t.precision === 'day' && !t.value.includes('/') && t.kind !== 'since' && t.kind !== 'until');
  if (!base || paragraphBreaks(text.slice(base.end, r.index)) > 1) return null;
  const baseDay = valueBounds(base.value)?.from;
  if (!baseDay) return null;
  const day = addUnits(baseDay, a.dir * a.n, a.unit);
  if (ref && compareDays(day, ref) > 0 && clauseDirection(text, r.index, r.index + r.text.length) === 'past') return null;
  // Counted in days or weeks the result is a day; in months or years, that month or year.
  return periodOf(day, a.unit === 'month' || a.unit === 'year' ? a.unit : 'day');
}

function paragraphBreaks(s: string): number {
  return (s.match(/\n\s*/g) ?? []).length;
}
