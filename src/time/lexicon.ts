// Loads the time stage's word lists (lexicon.yaml next to this file) and turns them into regular-expression pieces.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Unit } from './calendar.ts';

const Schema = z.object({
  months: z.record(z.string(), z.number().int().min(1).max(12)),
  capitalised_only: z.array(z.string()),
  weekdays: z.record(z.string(), z.number().int().min(0).max(6)),
  weekend: z.array(z.string()),
  relative: z.record(z.string(), z.union([z.literal(-1), z.literal(0), z.literal(1)])),
  day_parts: z.array(z.string()),
  everyday_seasons: z.array(z.string()),
  seasons: z.record(z.string(), z.tuple([z.number().int().min(1).max(12), z.number().int().min(1).max(12)])),
  units: z.record(z.string(), z.enum(['day', 'week', 'fortnight', 'month', 'year'] satisfies Unit[])),
  hour_units: z.array(z.string()),
  minute_units: z.array(z.string()),
  month_weeks: z.record(z.string(), z.number().int().min(-7).max(22)),
  ordinal_days: z.record(z.string(), z.number().int().min(1).max(31)),
  numbers: z.record(z.string(), z.number().int().positive()),
  vague_counts: z.record(z.string(), z.tuple([z.number().int().positive(), z.number().int().positive()])),
  approximators: z.array(z.string()),
  parts: z.array(z.string()),
  kind_prefixes: z.object({ since: z.array(z.string()), until: z.array(z.string()) }),
  future_cues: z.array(z.string()),
  anchor_after: z.array(z.string()),
  anchor_before: z.array(z.string()),
  casual_days: z.record(z.string(), z.number().int()),
  ignore: z.array(z.string()),
  dateline_words: z.array(z.string()),
});

export type Lexicon = z.infer<typeof Schema>;

const FILE = fileURLToPath(new URL('./lexicon.yaml', import.meta.url));

function load(): Lexicon {
  const result = Schema.safeParse(parse(readFileSync(FILE, 'utf8')));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${FILE}: invalid time lexicon at ${issue.path.join('.')}: ${issue.message}`);
  }
  return result.data;
}

export const lexicon: Lexicon = load();

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');

/** An alternation of the words, longest first so that "ever since" wins over "since". */
export function alt(words: Iterable<string>): string {
  return [...words].sort((a, b) => b.length - a.length).map(escape).join('|');
}

/** Looks a matched word up in a lexicon table, ignoring case and inner white space. */
export function lookup<T>(table: Record<string, T>, word: string): T | undefined {
  return table[word.toLowerCase().replace(/\s+/g, ' ')];
}

/** A count word or digits → number; vague counts ("several") → their range. */
export function parseCount(word: string): { min: number; max: number } | null {
  if (/^\d+$/.test(word)) return { min: Number(word), max: Number(word) };
  const n = lookup(lexicon.numbers, word);
  if (n !== undefined) return { min: n, max: n };
  const v = lookup(lexicon.vague_counts, word);
  return v ? { min: v[0], max: v[1] } : null;
}

export const MONTH = alt(Object.keys(lexicon.months));
/** Shortened month names (a month with a longer name too): only these take a full stop ("Feb. 7"). */
export const MONTH_ABBR = alt(Object.entries(lexicon.months)
  .filter(([k, n]) => Object.entries(lexicon.months).some(([k2, n2]) => n2 === n && k2.length > k.length))
  .map(([k]) => k));
export const WEEKDAY = alt(Object.keys(lexicon.weekdays));
export const SEASON = alt(Object.keys(lexicon.seasons));
export const ORDINAL_DAY = alt(Object.keys(lexicon.ordinal_days));
export const UNIT = alt(Object.keys(lexicon.units));
/** Days in the units counted in days ('month' and 'year' are not). */
export const UNIT_DAYS: Readonly<Record<string, number>> = { day: 1, week: 7, fortnight: 14 };
export const HOUR = alt(lexicon.hour_units);
export const MINUTE = alt(lexicon.minute_units);
export const COUNT = `\\d{1,3}|${alt([...Object.keys(lexicon.numbers), ...Object.keys(lexicon.vague_counts)])}`;
export const APPROX = alt(lexicon.approximators);
export const PART = alt(lexicon.parts);
export const REL = alt(Object.keys(lexicon.relative));
export const DAY_PART = alt(lexicon.day_parts);
export const FUTURE = new RegExp(`\\b(?:${alt(lexicon.future_cues)})\\b`, 'i');

/** A month name as written, or null when it is a common word written in lower case ("may"). */
export function monthNumber(word: string): number | null {
  const key = word.toLowerCase();
  const n = lexicon.months[key];
  if (n === undefined) return null;
  if (lexicon.capitalised_only.includes(key) && word[0] === word[0].toLowerCase()) return null;
  return n;
}

/** A single word that tells a time by itself ("yesterday", "Tuesday", "evening", "March"), whether or not a day can resolve it. */
export function isTimeWord(word: string): boolean {
  const key = word.toLowerCase();
  return key in lexicon.casual_days || key in lexicon.weekdays || monthNumber(word) !== null || lexicon.day_parts.includes(key) || lexicon.weekend.includes(key);
}
