// chrono-node configured for news: chrono's casual English parser, plus parsers for what it lacks
// (parts of periods, calendar-relative periods, spans, durations, "ago" with approximators, anchored
// relatives, "last night, Wednesday", years after a preposition) and refiners for past bias and for
// the kind set by "since"/"until". Each custom result records its resolved meaning (Sem) in a side
// table keyed by its components, because chrono's components carry no room for it.
import {
  casual, type ParsedComponents, type ParsedResult, type Parser, type ParsingContext, type ParsingResult, type Refiner,
} from 'chrono-node';
import {
  addDays, addMonths, addUnits, compareDays, type Day, daysInMonth, formatDay, formatMonth, ordinal, type Unit, weekday, weekStart,
} from './calendar.ts';
import { clauseDirection, relativeMonthYear, weekdayNear, yearFor } from './bias.ts';
import {
  alt, APPROX, COUNT, DAY_PART, HOUR, lexicon, MINUTE, lookup, MONTH, MONTH_ABBR, monthNumber, ORDINAL_DAY, parseCount, PART, REL, SEASON, UNIT, WEEKDAY,
} from './lexicon.ts';
import type { Precision, TimeKind } from '../pipeline/types.ts';

/** What a custom parser resolved an expression to; `anchor` marks one counted from the previous dated happening. */
export interface Sem {
  value: string;
  precision: Precision;
  kind: TimeKind;
  anchor?: { n: number; unit: Unit; dir: 1 | -1 };
}

/** One parse: the reference day (null: only absolute expressions resolve) and what the layer learnt about each result. */
export interface NewsRun {
  ref: Day | null;
  sem: WeakMap<ParsedComponents, Sem>;
  kind: WeakMap<ParsedResult, TimeKind>;
}

const B = '(?<![\\w-])'; // word start (hyphen counts as a letter: "five-month" is no duration)
const E = '(?![\\w-])';

type Extract = (ctx: ParsingContext, m: RegExpMatchArray, ref: Day | null) => Sem | null;

/** A chrono parser from a regular expression and a function giving the expression's meaning. */
function parser(run: NewsRun, source: string, extract: Extract): Parser {
  const re = new RegExp(source, 'i');
  return {
    pattern: () => re,
    extract(ctx, m) {
      const sem = extract(ctx, m, run.ref);
      if (!sem) return null;
      const first = sem.value.split('/')[0] || '2000-01-01';
      const [y, mo, d] = first.split('-').map(Number);
      const comps = ctx.createParsingComponents({ year: y, month: mo || 1, day: d || 1 });
      run.sem.set(comps, sem);
      return ctx.createParsingResult(m.index ?? 0, m[0], comps);
    },
  };
}

function dayOf(d: Day): Sem {
  return { value: formatDay(d), precision: 'day', kind: 'point' };
}

function weekOf(d: Day): Sem {
  const start = weekStart(d);
  return { value: `${formatDay(start)}/${formatDay(addDays(start, 6))}`, precision: 'week', kind: 'point' };
}

function monthOf(d: Day): Sem {
  return { value: formatMonth(d.y, d.m), precision: 'month', kind: 'point' };
}

function yearOf(y: number): Sem {
  return { value: String(y), precision: 'year', kind: 'point' };
}

const precisionOf = (unit: Unit): Precision => (unit === 'fortnight' ? 'week' : unit);

/** The value naming the unit-sized period that contains a day ("two months ago" → that month). */
export function periodOf(d: Day, unit: Unit): Sem {
  if (unit === 'day') return dayOf(d);
  if (unit === 'week' || unit === 'fortnight') return weekOf(d);
  if (unit === 'month') return monthOf(d);
  return yearOf(d.y);
}

function span(a: Day, b: Day, precision: Precision, kind: TimeKind): Sem {
  const [from, to] = compareDays(a, b) <= 0 ? [a, b] : [b, a];
  return { value: `${formatDay(from)}/${formatDay(to)}`, precision, kind };
}

/** The direction of a relative word ("last" -1, "this" 0, "next" 1); undefined for any other word. */
const relative = (word: string | undefined): -1 | 0 | 1 | undefined => (word ? lookup(lexicon.relative, word) : undefined);

/** How many "the coming days" or "recent weeks" are: as many as "a few". */
const FEW = parseCount('few')!;

/** "late January", "the beginning of last February", "mid-October 2023", "last month", "this week", "the end of the year", "last summer", "early 2021". */
function periodParser(run: NewsRun): Parser {
  const source = `${B}(?:(${PART})(?:\\s+|-))?(?:(${REL}|the)\\s+)?`
    + `(?:(${MONTH})(?:(?<=\\b(?:${MONTH_ABBR}))\\.)?(?:\\s*,?\\s*(?:of\\s+)?(\\d{4}))?|(${SEASON})(?:\\s+(?:of\\s+)?(\\d{4}))?|(week|month|year)|((?:19|20)\\d\\d))${E}`;
  return parser(run, source, (ctx, m, ref) => {
    const [, part, relWord, monthWord, monthYear, season, seasonYear, unit, year] = m;
    const rel = relative(relWord);
    if (relWord?.toLowerCase() === 'the' && !part && !season) return null;
    if (year) return part && !relWord ? yearOf(Number(year)) : null;
    if (unit) {
      if (!ref || (rel === undefined && !part)) return null;
      const r = rel ?? 0;
      const u = unit.toLowerCase();
      if (u === 'week') return weekOf(addDays(ref, 7 * r));
      if (u === 'month') return monthOf(addMonths(ref, r));
      return yearOf(ref.y + r);
    }
    if (season) {
      // "rockets fall near", "the fall of two rockets", "the fall of Mosul": the word, not the season. A season is named
      // with a relative word, a part or a year, and "the fall of" only with a year.
      const after = ctx.text.slice((m.index ?? 0) + m[0].length);
      if (!seasonYear && ((!relWord && !part && lexicon.everyday_seasons.includes(season.toLowerCase())) || (relWord?.toLowerCase() === 'the' && /^\s+of\b/iu.test(after)))) return null;
      return seasonSem(ctx, m, ref, season, seasonYear, rel);
    }
    const month = monthNumber(monthWord);
    if (month === null) return null;
    // A bare month is chrono's; this parser takes it only with a part, a relative word or a year.
    if (!part && rel === undefined && !monthYear) return null;
    if (monthYear) return { value: formatMonth(Number(monthYear), month), precision: 'month', kind: 'point' };
    if (!ref) return null;
    const y = rel !== undefined
      ? relativeMonthYear(ref, month, rel)
      : yearFor(ref, month, null, clauseDirection(ctx.text, m.index ?? 0, (m.index ?? 0) + m[0].length));
    return { value: formatMonth(y, month), precision: 'month', kind: 'point' };
  });
}

/** A season as the months it spans; without a year, the occurrence the relative word or the clause's tense picks. */
function seasonSem(ctx: ParsingContext, m: RegExpMatchArray, ref: Day | null, name: string, year: string | undefined, rel: -1 | 0 | 1 | undefined): Sem | null {
  const [first, last] = lookup(lexicon.seasons, name) ?? [1, 1];
  const occurrence = (y: number): Sem => ({
    value: `${formatMonth(y, first)}/${formatMonth(first > last ? y + 1 : y, last)}`, precision: 'season', kind: 'point',
  });
  if (year) return occurrence(Number(year));
  if (!ref) return null;
  // Months since year 0 of the occurrence starting in year y: its first and last month.
  const startOf = (y: number): number => y * 12 + first;
  const endOf = (y: number): number => (first > last ? y + 1 : y) * 12 + last;
  const now = ref.y * 12 + ref.m;
  const years = [ref.y - 2, ref.y - 1, ref.y, ref.y + 1];
  const containing = years.find((y) => startOf(y) <= now && now <= endOf(y));
  if (rel === -1) return occurrence(years.filter((y) => endOf(y) < now).at(-1) ?? ref.y - 1);
  if (rel === 1) return occurrence(years.find((y) => startOf(y) > now) ?? ref.y + 1);
  if (containing !== undefined) return occurrence(containing);
  const dir = rel === 0 ? 'future' : clauseDirection(ctx.text, m.index ?? 0, (m.index ?? 0) + m[0].length);
  if (dir === 'past') return occurrence(years.filter((y) => startOf(y) <= now).at(-1) ?? ref.y - 1);
  return occurrence(years.find((y) => startOf(y) > now) ?? ref.y + 1);
}

/**
 * "in 2021", "since 2003", "from 2003 to 2011": a four-digit year only after a preposition, so that "Resolution
 * No. 2020" is no date. The preposition is part of the match (chrono drops results that are digits alone).
 */
function yearParser(run: NewsRun): Parser {
  const since = alt(lexicon.kind_prefixes.since);
  const until = alt(lexicon.kind_prefixes.until);
  const year = '((?:19|20)\\d\\d)';
  const source = `${B}(?:(${since})|(${until})|in|during|of|throughout|from|between)\\s+(?:the\\s+years?\\s+)?${year}`
    + `(?:\\s*(?:-|–|to|and|until|through)\\s*((?:19|20)?\\d\\d))?(?![\\w-])`;
  return parser(run, source, (_ctx, m) => {
    // "2016-17": the second year takes the first one's century.
    if (m[4]) return { value: `${m[3]}/${m[4].length === 2 ? m[3].slice(0, 2) + m[4] : m[4]}`, precision: 'year', kind: 'interval' };
    return { value: m[3], precision: 'year', kind: m[1] ? 'since' : m[2] ? 'until' : 'point' };
  });
}

/** "two days ago", "more than four months ago", "several days ago", "about a week ago". */
function agoParser(run: NewsRun): Parser {
  const source = `${B}(?:(?:${APPROX})\\s+)?(${COUNT})\\s+(${UNIT})\\s+ago${E}`;
  return parser(run, source, (_ctx, m, ref) => {
    const count = parseCount(m[1]);
    const unit = lookup(lexicon.units, m[2]);
    if (!ref || !count || !unit) return null;
    if (count.min === count.max) return periodOf(addUnits(ref, -count.min, unit), unit);
    const from = periodOf(addUnits(ref, -count.max, unit), unit).value.split('/')[0];
    const to = periodOf(addUnits(ref, -count.min, unit), unit).value.split('/').at(-1);
    return { value: `${from}/${to}`, precision: precisionOf(unit), kind: 'point' };
  });
}

/**
 * "the past three months", "over the last week", "in the coming two weeks": a span ending or starting at the
 * reference day. "The past 48 hours" reaches back into the days those hours touch.
 */
function spanParser(run: NewsRun): Parser {
  const source = `${B}(?:(?:over|during|in|within|throughout|for)\\s+)?the\\s+(${REL})\\s+(?:(${COUNT})\\s+)?(?:(${UNIT})|(${HOUR}))${E}`;
  return parser(run, source, (_ctx, m, ref) => {
    if (m[4]) {
      const hours = m[2] ? parseCount(m[2]) : { min: 1, max: 1 };
      if (!ref || !hours) return null;
      return span(ref, addDays(ref, (relative(m[1]) ?? -1) * Math.ceil(hours.max / 24)), 'day', 'interval');
    }
    const unit = lookup(lexicon.units, m[3]);
    // "the coming days", "the past weeks" are a few of them; "over the past years" names no length.
    const plural = !m[2] && /s$/i.test(m[3]);
    const count = m[2] ? parseCount(m[2]) : plural ? FEW : { min: 1, max: 1 };
    if (!ref || !unit || !count || (plural && unit === 'year')) return null;
    const dir = relative(m[1]) ?? -1;
    // "the next day", "the last day" name a day next to another happening: the anchored parser's, or none.
    if (!m[2] && !plural && unit === 'day') return null;
    return span(ref, addUnits(ref, dir * count.max, unit), precisionOf(unit), 'interval');
  });
}

/** "in recent days", "in recent weeks": a few of them, back from the reference day. */
function recentParser(run: NewsRun): Parser {
  const source = `${B}(?:(?:over|during|in|within|throughout)\\s+)?recent\\s+(${UNIT})${E}`;
  return parser(run, source, (_ctx, m, ref) => {
    const unit = lookup(lexicon.units, m[1]);
    if (!ref || !unit || unit === 'year' || !/s$/i.test(m[1])) return null;
    return span(ref, addUnits(ref, -FEW.max, unit), precisionOf(unit), 'interval');
  });
}

/** "for five months", "more than five months", "lasted 10 years": a length of time, placed back from the reference day (forward in a future clause). */
function durationParser(run: NewsRun): Parser {
  const source = `${B}(?:(for|lasting|lasted|lasts)\\s+)?(?:(${APPROX})\\s+)?(${COUNT})\\s+(${UNIT})${E}`
    + `(?!\\s+(?:ago|later|earlier|after|before|afterwards|thereafter|from\\s+now)\\b)`;
  return parser(run, source, (ctx, m, ref) => {
    const count = parseCount(m[3]);
    const unit = lookup(lexicon.units, m[4]);
    if (!ref || !count || !unit || (!m[1] && !m[2])) return null;
    const dir = clauseDirection(ctx.text, m.index ?? 0, (m.index ?? 0) + m[0].length) === 'future' ? 1 : -1;
    return span(ref, addUnits(ref, dir * count.min, unit), precisionOf(unit), 'duration');
  });
}

/** "two days later", "a day after this announcement", "the next day", "a week earlier": counted from the previous dated happening (resolved in find.ts). */
function anchoredParser(run: NewsRun): Parser {
  const after = alt(lexicon.anchor_after);
  const before = alt(lexicon.anchor_before);
  const counted = `(${COUNT})\\s+(${UNIT})\\s+(?:(${after})|(${before}))(?:(?<=\\b(?:this|that|the))\\s+[a-z]+)?`;
  const named = `the\\s+(next|following|previous|same)\\s+(day|${DAY_PART}|week|month)`;
  const dayNext = `the\\s+day\\s+(before|after)`;
  // "Hours later", "two hours later", "minutes earlier": the same day, unless the hours make a day or more.
  const hours = `(?:(${COUNT})\\s+)?(?:(${HOUR})|${MINUTE})\\s+(?:(later|afterwards)|earlier)`;
  // "48 hours after the attack": a count of hours that makes days, from the happening named.
  const countedHours = `(\\d{2,3})\\s+(?:${HOUR})\\s+(?:(after)|before)\\s+(?:the|that|this)(?:\\s+[a-z]+)?`;
  const source = `${B}(?:${counted}|${named}|${dayNext}|${hours}|${countedHours})${E}`;
  return parser(run, source, (_ctx, m) => {
    if (m[11] !== undefined) {
      const n = Math.round(Number(m[11]) / 24);
      return n === 0 ? null : { value: '', precision: 'day', kind: 'point', anchor: { n, unit: 'day', dir: m[12] ? 1 : -1 } };
    }
    if (m[1] === undefined && m[5] === undefined && m[7] === undefined) {
      const count = m[8] ? parseCount(m[8]) : null;
      if (m[8] && (!count || count.min !== count.max)) return null;
      const n = m[9] && count ? Math.round(count.min / 24) : 0;
      return { value: '', precision: 'day', kind: 'point', anchor: { n, unit: 'day', dir: m[10] ? 1 : -1 } };
    }
    if (m[7]) return { value: '', precision: 'day', kind: 'point', anchor: { n: 1, unit: 'day', dir: m[7].toLowerCase() === 'before' ? -1 : 1 } };
    if (m[5]) {
      const which = m[5].toLowerCase();
      const u = m[6].toLowerCase();
      const unit: Unit = u === 'week' || u === 'month' ? u : 'day';
      const n = which === 'same' ? 0 : 1;
      return { value: '', precision: precisionOf(unit), kind: 'point', anchor: { n, unit, dir: which === 'previous' ? -1 : 1 } };
    }
    const count = parseCount(m[1]);
    const unit = lookup(lexicon.units, m[2]);
    if (!count || !unit || count.min !== count.max) return null;
    return { value: '', precision: precisionOf(unit), kind: 'point', anchor: { n: count.min, unit, dir: m[3] ? 1 : -1 } };
  });
}

/** "yesterday", "last night", "last night, Wednesday", "yesterday (Tuesday)": one expression, counted from the reference day. */
function casualDayParser(run: NewsRun): Parser {
  const casualWords = alt(Object.keys(lexicon.casual_days));
  const source = `${B}(${casualWords})(?:\\s+(?:${DAY_PART}))?(?:\\s*,\\s*(?:on\\s+)?(?:${WEEKDAY})${E}|\\s*\\(\\s*(?:${WEEKDAY})\\s*\\))?${E}`;
  return parser(run, source, (_ctx, m, ref) => {
    const offset = lookup(lexicon.casual_days, m[1]);
    if (!ref || offset === undefined) return null;
    return dayOf(addDays(ref, offset));
  });
}

/**
 * "on Sunday", "Wednesday evening", "last Friday", "next Monday": the nearest such day before the reference day,
 * after it in a future clause. "Wednesday (of) last week", "Monday of this week": that day of the week named.
 */
function weekdayParser(run: NewsRun): Parser {
  const source = `${B}(?:on\\s+)?(?:(${REL})\\s+)?(${WEEKDAY})(?:\\s+(?:${DAY_PART}))?(?:\\s+(?:of\\s+)?(${REL})\\s+week)?${E}(?!\\s*,?\\s*(?:\\d|${MONTH}))`;
  return parser(run, source, (ctx, m, ref) => {
    const wd = lookup(lexicon.weekdays, m[2]);
    if (!ref || wd === undefined) return null;
    const week = relative(m[3]);
    if (week !== undefined) return m[1] ? null : dayOf(addDays(weekStart(ref), 7 * week + ((wd + 6) % 7)));
    const rel = relative(m[1]) ?? 0;
    if (rel === -1) return dayOf(weekdayNear(ref, wd, 'past', true));
    if (rel === 1) return dayOf(weekdayNear(ref, wd, 'future', true));
    return dayOf(weekdayNear(ref, wd, clauseDirection(ctx.text, m.index ?? 0, (m.index ?? 0) + m[0].length)));
  });
}

/**
 * "on the night of Wednesday-Thursday", "the night between Saturday and Sunday" (as Arabic reports date a night): the
 * two days of the nearest such night, before the reference day or after it in a future clause.
 */
function nightParser(run: NewsRun): Parser {
  const source = `${B}(?:on\\s+|during\\s+)?(?:the\\s+)?night\\s+(?:of|between)\\s+(${WEEKDAY})\\s*(?:-|–|—|/|to|and)\\s*(${WEEKDAY})${E}`;
  return parser(run, source, (ctx, m, ref) => {
    const [first, second] = [lookup(lexicon.weekdays, m[1]), lookup(lexicon.weekdays, m[2])];
    if (!ref || first === undefined || second !== (first + 1) % 7) return null;
    const dir = clauseDirection(ctx.text, m.index ?? 0, (m.index ?? 0) + m[0].length);
    const day = weekdayNear(ref, first, dir);
    // Told in the past on its first day, the night has not ended: the one a week before.
    const night = dir !== 'future' && compareDays(addDays(day, 1), ref) > 0 ? addDays(day, -7) : day;
    return span(night, addDays(night, 1), 'day', 'point');
  });
}

/** "last weekend", "over the weekend", "next weekend": its Saturday and Sunday ("last"/"next": of the ISO week before/after the reference day's). */
function weekendParser(run: NewsRun): Parser {
  const source = `${B}(?:(${REL}|the)\\s+)(?:${alt(lexicon.weekend)})${E}`;
  return parser(run, source, (ctx, m, ref) => {
    if (!ref) return null;
    const rel = relative(m[1]);
    let saturday: Day;
    if (rel === -1) saturday = addDays(weekStart(ref), -2);
    else if (rel === 1) saturday = addDays(weekStart(ref), 12);
    else saturday = weekdayNear(ref, 6, clauseDirection(ctx.text, m.index ?? 0, (m.index ?? 0) + m[0].length));
    return span(saturday, addDays(saturday, 1), 'day', 'point');
  });
}

/**
 * "between 1 and 5 January", "between January 1 and 5, 2024", "on 5 and 6 January": days of one month. Without a year, the occurrence
 * the clause's tense picks, as for chrono's own month-name dates.
 */
function betweenDaysParser(run: NewsRun): Parser {
  const day = '(\\d{1,2})(?:st|nd|rd|th)?';
  const month = `(${MONTH})(?:(?<=\\b(?:${MONTH_ABBR}))\\.)?`;
  const year = '(?:\\s*,?\\s*((?:19|20)\\d\\d))?';
  // Without "between", "January 5 and 6" could be a date and a count ("on January 5 and 6 soldiers ..."): a word after it rules it out.
  const source = `${B}(?:between\\s+(?:${month}\\s+${day}\\s+and\\s+${day}|(?:the\\s+)?${day}\\s+and\\s+(?:the\\s+)?${day}\\s+(?:of\\s+)?${month})${year}${E}`
    + '(?!\\s*(?:%|percent|per\\b|[ap]\\.?m\\b|:|\\d))'
    + `|(?:${month}\\s+${day}\\s+and\\s+${day}(?!\\s+[a-z])|${day}\\s+and\\s+${day}\\s+(?:of\\s+)?${month})${year}${E})`;
  return parser(run, source, (ctx, m, ref) => {
    const [, m1, a1, b1, a2, b2, m2, y1, m3, a3, b3, a4, b4, m4, y2] = m;
    const month = monthNumber(m1 ?? m2 ?? m3 ?? m4);
    const from = Number(a1 ?? a2 ?? a3 ?? a4);
    const to = Number(b1 ?? b2 ?? b3 ?? b4);
    const y = y1 ?? y2;
    if (month === null || from >= to) return null;
    const at = m.index ?? 0;
    const yr = y ? Number(y) : ref ? yearFor(ref, month, from, clauseDirection(ctx.text, at, at + m[0].length)) : null;
    if (yr === null || to > daysInMonth(yr, month)) return null;
    return span({ y: yr, m: month, d: from }, { y: yr, m: month, d: to }, 'day', 'interval');
  });
}

/** "the first week of March", "in the last week of January 2024": seven days of a month, the month placed as "late January" is. */
function monthWeekParser(run: NewsRun): Parser {
  const source = `${B}(?:the\\s+)?(${alt(Object.keys(lexicon.month_weeks))})\\s+week\\s+of\\s+(?:(${REL})\\s+)?(${MONTH})(?:(?<=\\b(?:${MONTH_ABBR}))\\.)?(?:\\s*,?\\s*(\\d{4}))?${E}`;
  return parser(run, source, (ctx, m, ref) => {
    const first = lookup(lexicon.month_weeks, m[1]);
    const month = monthNumber(m[3]);
    if (first === undefined || month === null) return null;
    const rel = relative(m[2]);
    const at = m.index ?? 0;
    const y = m[4] ? Number(m[4]) : !ref ? null
      : rel !== undefined ? relativeMonthYear(ref, month, rel) : yearFor(ref, month, null, clauseDirection(ctx.text, at, at + m[0].length));
    if (y === null) return null;
    const start = first > 0 ? first : daysInMonth(y, month) + first + 1;
    return span({ y, m: month, d: start }, { y, m: month, d: start + 6 }, 'week', 'point');
  });
}

/** "on the 18th": a day of the reference month, or of the month before when that day is still to come (past bias). */
function ordinalDayParser(run: NewsRun): Parser {
  // "on the 3rd", "on the evening of the 12th", or any "the 15th of this month", "the 5th of last month" (the month named
  // relative to the reference day). The day in words too ("the third of this month").
  const source = `(?:(?<=\\b(?:on|(?:${DAY_PART}|dawn|hours)\\s+of)\\s+)the\\s+([1-9]|[12]\\d|3[01])(?:st|nd|rd|th)${E}(?!\\s+of\\b)|\\bthe\\s+([1-9]|[12]\\d|3[01]|${ORDINAL_DAY})(?:st|nd|rd|th)?\\s+of\\s+(${REL})\\s+month${E})`;
  return parser(run, source, (ctx, m, ref) => {
    if (!ref) return null;
    const day = m[1] ? Number(m[1]) : /^\d/.test(m[2]) ? Number(m[2]) : lookup(lexicon.ordinal_days, m[2]) ?? 0;
    if (day === 0) return null;
    const dir = clauseDirection(ctx.text, m.index ?? 0, (m.index ?? 0) + m[0].length);
    const named = relative(m[3]);
    const step = named ?? (dir === 'past' ? (day > ref.d ? -1 : 0) : (day < ref.d ? 1 : 0));
    const month = addMonths({ y: ref.y, m: ref.m, d: 1 }, step);
    if (day > daysInMonth(month.y, month.m)) return null;
    return dayOf({ y: month.y, m: month.m, d: day });
  });
}

/** Past bias for chrono's own month-name dates without a year ("On August 5", "14 December", "5 to 10 February"). */
function pastBiasRefiner(run: NewsRun): Refiner {
  return {
    refine(ctx, results) {
      if (!run.ref) return results;
      for (const r of results) {
        if (run.sem.has(r.start) || !r.start.isCertain('month') || r.start.isCertain('year')) continue;
        const dir = clauseDirection(ctx.text, r.index, r.index + r.text.length);
        const y = yearFor(run.ref, r.start.get('month') ?? 1, r.start.isCertain('day') ? r.start.get('day') : null, dir);
        r.start.assign('year', y);
        if (r.end && !r.end.isCertain('year')) {
          const endMonth = r.end.get('month') ?? 1;
          const startMonth = r.start.get('month') ?? 1;
          r.end.assign('year', endMonth < startMonth ? y + 1 : y);
        }
      }
      return results;
    },
  };
}

/** "October 7 last year", "January 27 this year": a yearless date followed by a year relative to the reference day. */
function yearSuffixRefiner(run: NewsRun): Refiner {
  const gap = /^\s*,?\s*$/;
  const relativeYear = new RegExp(`^(${REL})\\s+year$`, 'i');
  return {
    refine(ctx, results) {
      const out: ParsingResult[] = [];
      for (const r of results) {
        const prev = out.at(-1);
        const rel = relative(relativeYear.exec(r.text.trim())?.[1]);
        if (run.ref && prev && rel !== undefined && !run.sem.has(prev.start) && prev.start.isCertain('month') && !prev.start.isCertain('year')
          && gap.test(ctx.text.slice(prev.index + prev.text.length, r.index))) {
          prev.start.assign('year', run.ref.y + rel);
          prev.text = ctx.text.slice(prev.index, r.index + r.text.length);
          continue;
        }
        out.push(r);
      }
      return out;
    },
  };
}

/**
 * "05/02/2024": chrono reads the first number as the month, as American English does; the region's outlets
 * mostly write the day first. When both readings are dates, a weekday written just before decides; else the
 * reading that is not after the reference day and is nearest to it (news tells what happened); with no reference
 * day (a dateline), the day first.
 */
function numericRefiner(run: NewsRun): Refiner {
  // A clock time may follow ("05/12/2023 09:14").
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](?:\d{2}|\d{4})(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)?$/i;
  const weekdayBefore = new RegExp(`\\b(${WEEKDAY})\\b[\\s,]*$`, 'i');
  return {
    refine(ctx, results) {
      for (const r of results) {
        const m = numeric.exec(r.text.trim());
        if (!m || r.end || Number(m[1]) > 12 || Number(m[2]) > 12 || m[1] === m[2] || !r.start.isCertain('day')) continue;
        const read: Day = { y: r.start.get('year')!, m: r.start.get('month')!, d: r.start.get('day')! };
        const swapped: Day = { y: read.y, m: read.d, d: read.m };
        const named = weekdayBefore.exec(ctx.text.slice(Math.max(0, r.index - 14), r.index))?.[1];
        const wd = named === undefined ? undefined : lookup(lexicon.weekdays, named);
        let swap = false;
        if (wd !== undefined && (weekday(swapped) === wd) !== (weekday(read) === wd)) swap = weekday(swapped) === wd;
        else if (run.ref) {
          const ref = run.ref;
          const rank = (d: Day) => (compareDays(d, ref) > 0 ? Infinity : ordinal(ref) - ordinal(d));
          swap = rank(swapped) < rank(read);
        } else swap = true;
        if (swap) {
          r.start.assign('month', swapped.m);
          r.start.assign('day', swapped.d);
        }
      }
      return results;
    },
  };
}

/** "between January and March": chrono leaves two results; join them into one interval. */
function betweenRefiner(): Refiner {
  return {
    refine(ctx, results) {
      const out: ParsingResult[] = [];
      for (const r of results) {
        const prev = out.at(-1);
        if (prev && !prev.end && !r.end && /^\s+and\s+$/i.test(ctx.text.slice(prev.index + prev.text.length, r.index))
          && /\bbetween\s+$/i.test(ctx.text.slice(Math.max(0, prev.index - 12), prev.index))) {
          prev.end = r.start;
          // Each end was put in the past on its own: "between January and March" in February is January to the
          // March after it, not the March before. A year written in the text stands.
          if (!/\d{4}/.test(r.text) && r.start.date() < prev.start.date()) {
            const y = prev.start.get('year') ?? r.start.get('year')!;
            prev.end.assign('year', (r.start.get('month') ?? 1) < (prev.start.get('month') ?? 1) ? y + 1 : y);
          }
          prev.text = ctx.text.slice(prev.index, r.index + r.text.length);
          continue;
        }
        out.push(r);
      }
      return out;
    },
  };
}

/** "since mid-October", "until the end of the year", "from 5 to 10 February": the word before sets the kind and joins the expression. */
function kindRefiner(run: NewsRun): Refiner {
  const since = alt(lexicon.kind_prefixes.since);
  const until = alt(lexicon.kind_prefixes.until);
  const before = new RegExp(`(?:^|[^\\w-])(?:(${since})|(${until})|(from|between))\\s+$`, 'i');
  return {
    refine(ctx, results) {
      for (const r of results) {
        if (run.sem.get(r.start)?.anchor) continue;
        const sliceStart = Math.max(0, r.index - 20);
        const m = before.exec(ctx.text.slice(sliceStart, r.index));
        if (r.end) run.kind.set(r, 'interval');
        if (!m) continue;
        const kind: TimeKind | null = m[1] ? 'since' : m[2] ? 'until' : r.end ? 'interval' : null;
        if (!kind || run.sem.get(r.start)?.kind === 'duration') continue;
        const wordStart = sliceStart + (m.index ?? 0) + m[0].search(/\w/);
        r.text = ctx.text.slice(wordStart, r.index + r.text.length);
        r.index = wordStart;
        run.kind.set(r, kind);
      }
      return results;
    },
  };
}

/** Drops what is no date: clock times alone, and (without a reference day) anything relative to it. */
function dateOnlyRefiner(run: NewsRun): Refiner {
  return {
    refine(_ctx, results) {
      return results.filter((r) => {
        if (run.sem.has(r.start)) return true;
        if (lexicon.ignore.includes(r.text.trim().toLowerCase())) return false;
        // A lone month name that is also a common word counts only when capitalised ("march on Baghdad").
        if (/^[a-z]+$/.test(r.text.trim()) && lookup(lexicon.months, r.text.trim()) !== undefined && monthNumber(r.text.trim()) === null) return false;
        if (!r.start.isCertain('month') && !r.start.isCertain('year')) return false;
        if (run.ref) return true;
        const tags = [...r.tags()].join(' ');
        return r.start.isCertain('year') && !/relative|casual|ENCasual|ENTimeUnit|Weekday/i.test(tags);
      });
    },
  };
}

/** The chrono instance whose parsers and refiners read the parse's state from `run`. */
function newsChrono(run: NewsRun): typeof casual {
  const c = casual.clone();
  // Replaced by the parsers below: chrono's weekday parser takes the comma after "On Sunday," and resolves
  // forward; its unit parsers count from the reference day what news counts from another happening ("24 hours
  // after three soldiers were killed", "after a week-long escalation", "within three days of the attack") and
  // give "last week" or "the past three months" as a single day; its casual time parser turns "the night of June
  // 25" into a clock time with a merely implied date (the weekday and casual-day parsers take "evening", "night").
  const replaced = [
    'ENWeekdayParser', 'ENTimeUnitLaterFormatParser', 'ENTimeUnitCasualRelativeFormatParser', 'ENRelativeDateFormatParser',
    'ENTimeUnitWithinFormatParser', 'ENCasualTimeParser',
  ];
  c.parsers = c.parsers.filter((p) => !replaced.includes(p.constructor.name));
  // First in the list: on an equal-length overlap chrono keeps the earlier parser's result.
  c.parsers.unshift(
    periodParser(run), yearParser(run), agoParser(run), spanParser(run), recentParser(run), durationParser(run),
    anchoredParser(run), casualDayParser(run), nightParser(run), weekdayParser(run), weekendParser(run), ordinalDayParser(run), betweenDaysParser(run), monthWeekParser(run),
  );
  c.refiners.push(numericRefiner(run), dateOnlyRefiner(run), yearSuffixRefiner(run), pastBiasRefiner(run), betweenRefiner(), kindRefiner(run));
  return c;
}

// One chrono instance serves every parse, since building it compiles some twenty patterns: its parsers
// and refiners read the current parse's state from this slot, which parseNews fills. Parsing is synchronous.
const slot: NewsRun = { ref: null, sem: new WeakMap(), kind: new WeakMap() };
let shared: typeof casual | undefined;

/** chrono's results for `text`, parsed against `run.ref`; what the news layer learns about them goes into `run`. */
export function parseNews(text: string, run: NewsRun): ParsedResult[] {
  shared ??= newsChrono(slot);
  Object.assign(slot, run);
  // chrono still needs an instant; without a reference day nothing relative to it survives (dateOnlyRefiner).
  const anchor = run.ref ?? { y: 2000, m: 1, d: 1 };
  const instant = new Date(Date.UTC(anchor.y, anchor.m - 1, anchor.d, 12));
  return shared.parse(text, { instant, timezone: 0 });
}
