// The publication date of a report: from metadata, else from a dateline or date header at the top of the
// text, else inferred from the latest happening the text dates and the weekdays it narrates after it.
import type { ActorMention, Published, Span, TimeMention } from '../pipeline/types.ts';
import type { ReferenceEvent } from '../knowledge/types.ts';
import { PhraseSet } from '../text/phrase.ts';
import { addDays, addMonths, compareDays, type Day, formatDay, formatMonth, parseIsoDay, valueBounds, weekday } from './calendar.ts';
import { clauseDirection } from './bias.ts';
import { findTimes } from './find.ts';
import { alt, COUNT, lexicon, lookup, MONTH, monthNumber, parseCount, REL, UNIT, UNIT_DAYS, WEEKDAY } from './lexicon.ts';

export interface PublishedInput {
  text: string;
  metaPublished?: string;
  sentences: Span[];
  actors: ActorMention[];
  referenceEvents: ReferenceEvent[];
}

const NONE: Published = { value: null, precision: null, basis: 'no date in text or metadata' };

/** Metadata, then dateline, then inference (see the file comment); never a date without a basis. */
export function resolvePublished(input: PublishedInput): Published {
  const stated = fromMetadata(input.metaPublished) ?? fromDateline(input.text, null);
  if (stated) return stated;
  const guess = inferred(input);
  return (guess && yearlessDateline(input.text, guess)) ?? guess ?? NONE;
}

/**
 * "BAGHDAD, Feb 3 (Reuters) -": a dateline without its year is its first occurrence on or after the date the text
 * implies (the latest happening told: publication is never before it, give or take the week a weekday may be off),
 * that is its latest occurrence in the year that starts there.
 */
function yearlessDateline(text: string, guess: Published): Published | null {
  const bounds = guess.value ? valueBounds(guess.value) : null;
  if (!bounds) return null;
  const found = fromDateline(text, formatDay(addDays(bounds.from, 364 - YEARLESS_SLACK_DAYS)));
  return found && { ...found, basis: `${found.basis}, its year from the ${guess.basis}` };
}

const YEARLESS_SLACK_DAYS = 7;

/** A metadata date as given ("2024-08-23", "2024-08-23T10:00:00Z", "Fri, 23 Aug 2024 10:00:00 GMT"): its calendar day. */
function fromMetadata(meta: string | undefined): Published | null {
  if (!meta?.trim()) return null;
  const iso = /^\s*(\d{4}-\d{2}-\d{2})/.exec(meta);
  const day = iso ? parseIsoDay(iso[1]) : firstDay(findTimes(meta, null));
  if (!day || day.y < 1900 || day.y > 2100) return null;
  return { value: formatDay(day), precision: 'day', basis: `metadata date (${meta.trim()})` };
}

function firstDay(times: TimeMention[]): Day | null {
  const t = times.find((x) => x.precision === 'day' && !x.value.includes('/'));
  return t ? parseIsoDay(t.value) : null;
}

// A dateline is a date line ("Friday, August 23, 2024", "Published: 23 AUGUST 2024 10:32 GMT", "Baghdad, 5 March
// 2021"): besides the date only labels, a weekday, a clock time, an agency in brackets and a place of a few words.
// Or it is a date closing the place/agency lead-in of the first paragraph ("Baghdad, 5 March 2021 (AFP) - ...").
const HEAD_LINES = 6;
const LEAD_IN_END = 60;
const LEAD_IN = /^\s*(?:\([^)]*\))?\s*[-–—:]/;
const MAX_PLACE_WORDS = 3;
const LABELS = new RegExp(`\\b(?:${alt(lexicon.dateline_words)}|${WEEKDAY})\\b|\\([^)]*\\)|\\d{1,2}:\\d{2}(?::\\d{2})?`, 'gi');

function isDateline(whole: string, t: TimeMention): boolean {
  if (t.end <= LEAD_IN_END && LEAD_IN.test(whole.slice(t.end))) return true;
  // A page header's cells ("Live coverage | Wednesday 22 November 2023 | Politics"): the cell the date is in.
  const cellStart = whole.lastIndexOf('|', t.start) + 1;
  const cellEnd = whole.indexOf('|', t.end);
  const line = `${' '.repeat(cellStart)}${whole.slice(cellStart, cellEnd < 0 ? undefined : cellEnd)}`;
  const rest = `${line.slice(0, t.start)} ${line.slice(t.end)}`.replace(LABELS, ' ');
  const words = rest.match(/\p{L}{2,}/gu) ?? [];
  if (words.length <= MAX_PLACE_WORDS) return true;
  // "ERBIL, Kurdistan Region of Iraq (Rudaw) – Sunday, 4 Feb. 2024": a date closing a line of names.
  return words.length <= MAX_NAME_WORDS && /^[\s.,;:)\]]*$/u.test(line.slice(t.end)) && words.every((w) => /^\p{Lu}/u.test(w) || NAME_LINKS.has(w));
}

const MAX_NAME_WORDS = 8;
const NAME_LINKS = new Set(['of', 'the', 'and', 'al', 'el']);

const UPDATED = /\bupdated\b/i;
/** Below the first lines (under a scraped page's menus), a line opening with one of these labels is still the dateline. */
const LABELLED = /^\s*(?:published|posted|updated|last updated|date)\s*(?:on\s*)?:/i;
const LABELLED_LINES = 20;

/** The dateline's day; with `ref`, a date without a year is resolved against it. */
function fromDateline(text: string, ref: string | null): Published | null {
  const lines = text.split('\n').filter((l) => l.trim() !== '').slice(0, LABELLED_LINES).filter((l, i) => i < HEAD_LINES || LABELLED.test(l));
  const found: Array<{ day: Day; line: string }> = [];
  for (const line of lines) {
    // A written date has a digit (the day or the year); a line without one is not parsed.
    if (!/\d/.test(line)) continue;
    // Against a reference day only a written date counts ("Feb 3"), not "Tuesday" or "yesterday".
    const t = findTimes(line, ref).find((x) => x.precision === 'day' && !x.value.includes('/') && (ref === null || /\d/.test(x.text)));
    const day = t ? parseIsoDay(t.value) : null;
    if (t && day && isDateline(line, t)) {
      found.push({ day, line: line.trim() });
      // "Published" wins over "Updated" when a page gives both: the first other dateline settles it.
      if (!UPDATED.test(line)) break;
    }
  }
  const pick = found.find((f) => !UPDATED.test(f.line)) ?? found[0];
  if (!pick) return null;
  const shown = pick.line.length > LEAD_IN_END ? `${pick.line.slice(0, LEAD_IN_END)}…` : pick.line;
  return { value: formatDay(pick.day), precision: 'day', basis: `dateline at the top ('${shown}')` };
}

/**
 * "BAGHDAD, 6 May 2025 —", "ERBIL, Kurdistan Region of Iraq (Rudaw) –", "Baghdad, 5 March 2021 (AFP) -": the place a
 * report was filed from, opening one of its first lines, up to the dash. It names no actor or place of what the report
 * tells. Null when no line opens so.
 */
export function datelineLeadIn(text: string): Span | null {
  let at = 0;
  let seen = 0;
  for (const line of text.split('\n')) {
    if (line.trim() !== '') {
      const m = LEAD_IN_LINE.exec(line);
      if (m) return { start: at, end: at + m[0].length };
      if (++seen >= HEAD_LINES) break;
    }
    at += line.length + 1;
  }
  return null;
}

// An upper-case place (before a comma, a bracket or the dash) or a capitalised one before a comma, then at most a
// date, a region and an agency, then the dash.
const LEAD_IN_LINE = /^[ \t]*(?:\p{Lu}[\p{Lu}'’.-]+(?:[ \t]+\p{Lu}[\p{Lu}'’.-]+)*(?=[ \t]*[,(]|[ \t]+[-—–])|\p{Lu}\p{Ll}+(?=,|[ \t]+[-—–]))[^\n—–]{0,70}?(?:[ \t]+-|[ \t]*[—–])[ \t]/u;

interface Candidate {
  from: Day;
  to: Day;
  precision: 'day' | 'month';
  basis: string;
}

/** A happening the text dates: an absolute date with a year, or a reference event recognised in a sentence. */
interface Anchor {
  day: Day;
  precision: 'day' | 'month';
  label: string;
  sentence: Span | null;
}

const WEEKDAY_RE = new RegExp(`\\b(${WEEKDAY})\\b`, 'i');
const CASUAL_RE = new RegExp(`\\b(${alt(Object.keys(lexicon.casual_days))})\\b`, 'i');
const RELATIVE_WEEKDAY = new RegExp(`\\b(?:${REL})\\s+(?:${WEEKDAY})\\b`, 'i');
const AGO_RE = new RegExp(`\\b(${COUNT})\\s+(${UNIT})\\s+ago\\b`, 'i');

/**
 * The earliest publication day consistent with the text: on or after the latest dated happening, after the
 * weekdays narrated since it ("On Sunday" = the first Sunday on or after it), and after "N days ago" counted
 * from a dated happening. A bare weekday as latest happening gives that day or the next (nothing says "today").
 */
function inferred(input: PublishedInput): Published | null {
  const anchors = [...absoluteAnchors(input.text), ...referenceAnchors(input)];
  if (anchors.length === 0) return null;
  const latest = anchors.reduce((a, b) => (compareDays(b.day, a.day) > 0 ? b : a));
  const candidates: Candidate[] = [{
    from: latest.day, to: latest.day, precision: latest.precision, basis: `latest dated happening (${latest.label})`,
  }];
  if (latest.precision === 'day') {
    candidates.push(...weekdayCandidates(input.text, latest), ...agoCandidates(input.text, anchors));
  }
  // "since the truce last February", "said in August": a month named without its year, told as past, later in the
  // latest dated happening's year, is a later happening; the bare weekdays narrated count from that month.
  const month = monthAnchor(input.text, latest);
  if (month) {
    candidates.push({ from: month.day, to: month.day, precision: 'month', basis: `latest dated happening (${latest.label}) + ${month.label}` });
    candidates.push(...weekdayCandidates(input.text, month));
  }
  const best = candidates.reduce((a, b) => {
    const c = compareDays(b.from, a.from);
    // The latest start; then the narrowest; then a day before a month.
    const d = c === 0 ? compareDays(b.to, a.to) : 0;
    return c > 0 || d < 0 || (c === 0 && d === 0 && b.precision === 'day' && a.precision === 'month') ? b : a;
  });
  if (best.precision === 'month') return { value: formatMonth(best.from.y, best.from.m), precision: 'month', basis: best.basis };
  const value = compareDays(best.from, best.to) === 0 ? formatDay(best.from) : `${formatDay(best.from)}/${formatDay(best.to)}`;
  return { value, precision: 'day', basis: best.basis };
}

const MONTHS_AFTER = 6;
const BARE_MONTH = new RegExp(`\\b(last|in|early|late|mid-|since|during|until)\\s+(${MONTH})\\b(?![ \\t]*,?[ \\t]*\\d)`, 'gi');

/** The latest month named without year or day, as past, later in `latest`'s year (after "last", the month after it). */
function monthAnchor(text: string, latest: Anchor): Anchor | null {
  let best: Anchor | null = null;
  for (const m of text.matchAll(BARE_MONTH)) {
    const n = monthNumber(m[2]);
    // Capitalised, as a month is written ("may" and "march" are words too).
    if (!n || !/^\p{Lu}/u.test(m[2]) || clauseDirection(text, m.index, m.index + m[0].length) === 'future') continue;
    // A month before the happening's is most likely the same year's, before it, and one long after it the year
    // before's ("rockets fired at the embassy in December", in a report on February): neither says anything.
    if (n <= latest.day.m || n - latest.day.m > MONTHS_AFTER) continue;
    const start = { y: latest.day.y, m: n, d: 1 };
    const day = /^last$/iu.test(m[1]) ? addMonths(start, 1) : start;
    if (!best || compareDays(day, best.day) > 0) best = { day, precision: 'month', label: `'${m[0]}'`, sentence: null };
  }
  return best;
}

/** Dates written with their year, at day or month precision, in clauses that narrate the past. */
function absoluteAnchors(text: string): Anchor[] {
  const out: Anchor[] = [];
  for (const t of findTimes(text, null)) {
    if (t.value.includes('/') || (t.precision !== 'day' && t.precision !== 'month') || t.kind === 'until') continue;
    if (clauseDirection(text, t.start, t.end) === 'future') continue;
    const b = valueBounds(t.value);
    if (b) out.push({ day: b.from, precision: t.precision, label: `${t.value}, '${t.text}'`, sentence: null });
  }
  return out;
}

const cueSets = new WeakMap<ReferenceEvent, PhraseSet>();

/** A reference event's cue phrases, compiled once per event (as the extractor's dating reads them). */
function cuesOf(ev: ReferenceEvent): PhraseSet {
  let set = cueSets.get(ev);
  if (!set) cueSets.set(ev, (set = new PhraseSet(ev.cues)));
  return set;
}

/** A sentence naming one of a reference event's actors and one of its cue words dates that happening. */
function referenceAnchors(input: PublishedInput): Anchor[] {
  const out: Anchor[] = [];
  // The actors each sentence names, gathered once for all the events.
  const named = input.sentences.map((s) => new Set(input.actors.filter((a) => a.start >= s.start && a.end <= s.end).map((a) => a.actorId)));
  for (const ev of input.referenceEvents) {
    const bounds = valueBounds(ev.date);
    if (!bounds || ev.cues.length === 0) continue;
    const cue = cuesOf(ev);
    for (const [i, s] of input.sentences.entries()) {
      if (ev.actors.some((id) => named[i].has(id)) && cue.test(input.text.slice(s.start, s.end))) {
        const precision = ev.date.length > 7 ? 'day' : 'month';
        out.push({ day: bounds.from, precision, label: `reference event ${ev.id}, ${ev.date}`, sentence: s });
      }
    }
  }
  return out;
}

/** Bare weekdays narrated in the past ("On Sunday", "last night, Wednesday"): the first such day on or after the anchor. */
function weekdayCandidates(text: string, anchor: Anchor): Candidate[] {
  const out: Candidate[] = [];
  if (!WEEKDAY_RE.test(text)) return out;
  for (const t of findTimes(text, formatDay(anchor.day))) {
    const wd = WEEKDAY_RE.exec(t.text);
    if (!wd || /\d/.test(t.text) || RELATIVE_WEEKDAY.test(t.text) || clauseDirection(text, t.start, t.end) === 'future') continue;
    const n = lookup(lexicon.weekdays, wd[1]) ?? 0;
    const day = addDays(anchor.day, (n - weekday(anchor.day) + 7) % 7);
    const casual = CASUAL_RE.exec(t.text);
    const offset = casual ? lookup(lexicon.casual_days, casual[1]) : undefined;
    const basis = `latest dated happening (${anchor.label}) + '${t.text}'`;
    if (offset !== undefined) {
      const p = addDays(day, -offset);
      out.push({ from: p, to: p, precision: 'day', basis });
    } else {
      out.push({ from: day, to: addDays(day, 1), precision: 'day', basis });
    }
  }
  return out;
}

/** "N days ago" in a sentence that dates its happening: publication is that date plus N units. */
function agoCandidates(text: string, anchors: Anchor[]): Candidate[] {
  const out: Candidate[] = [];
  for (const a of anchors) {
    if (!a.sentence || a.precision !== 'day') continue;
    const m = AGO_RE.exec(text.slice(a.sentence.start, a.sentence.end));
    const count = m ? parseCount(m[1]) : null;
    const unit = m ? lookup(lexicon.units, m[2]) : undefined;
    if (!m || !count || !unit) continue;
    const days = UNIT_DAYS[unit] !== undefined ? UNIT_DAYS[unit] * count.min : null;
    const p = days === null ? addMonths(a.day, unit === 'month' ? count.min : 12 * count.min) : addDays(a.day, days);
    out.push({ from: p, to: p, precision: 'day', basis: `dated happening (${a.label}) + '${m[0]}'` });
  }
  return out;
}
