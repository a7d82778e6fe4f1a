// Scores the time stage on a hand-written set of date expressions (test/data/dates.jsonl), next to plain
// chrono-node on the same set in the same run, so the gain of the news layer is measured, not claimed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chrono from 'chrono-node';
import { findTimes } from '../time/index.ts';
import type { Precision, TimeKind } from '../pipeline/types.ts';
import { ROOT } from '../root.ts';

export interface DateCase {
  text: string;
  expr: string;
  ref: string;
  value: string;
  precision: Precision;
  kind: TimeKind;
}

export interface Score {
  correct: number;
  total: number;
  accuracy: number;
}

export interface DatesReport {
  trucewatch: Score;
  chrono: Score;
  misses: Array<{ text: string; expected: string; got: string | null }>;
}

const DEFAULT_FILE = join(ROOT, 'test', 'data', 'dates.jsonl');
const PRECISIONS = ['day', 'week', 'month', 'season', 'year'];
const KINDS = ['point', 'since', 'until', 'interval', 'duration'];

/** Reads the set; a bad line is an error naming the file, the line and what is wrong. */
export function readDateCases(file: string = DEFAULT_FILE): DateCase[] {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`${file}: cannot read the date set (${(err as Error).message})`);
  }
  const cases: DateCase[] = [];
  raw.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${file}:${i + 1}`;
    let c: DateCase;
    try {
      c = JSON.parse(line) as DateCase;
    } catch (err) {
      throw new Error(`${where}: not JSON (${(err as Error).message})`);
    }
    for (const key of ['text', 'expr', 'ref', 'value', 'precision', 'kind'] as const) {
      if (typeof c[key] !== 'string') throw new Error(`${where}: field "${key}" missing or not a string`);
    }
    if (!c.text.includes(c.expr)) throw new Error(`${where}: expression "${c.expr}" does not occur in the text`);
    if (!PRECISIONS.includes(c.precision)) throw new Error(`${where}: unknown precision "${c.precision}"`);
    if (!KINDS.includes(c.kind)) throw new Error(`${where}: unknown kind "${c.kind}"`);
    cases.push(c);
  });
  return cases;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

/** Runs the set through findTimes and through plain chrono-node; an expression counts when its resolution matches. */
export function evaluateDates(file?: string): DatesReport {
  const cases = readDateCases(file);
  let ours = 0;
  let theirs = 0;
  const misses: DatesReport['misses'] = [];
  for (const c of cases) {
    const at = { start: c.text.indexOf(c.expr), end: c.text.indexOf(c.expr) + c.expr.length };
    const expected = `${c.value} ${c.precision} ${c.kind}`;
    const mention = findTimes(c.text, c.ref).find((t) => overlaps(t, at));
    const got = mention ? `${mention.value} ${mention.precision} ${mention.kind}` : null;
    if (got === expected) ours++;
    else misses.push({ text: `${c.expr} | ${c.text} (ref ${c.ref})`, expected, got });
    if (chronoValue(c, at) === c.value) theirs++;
  }
  const score = (correct: number): Score => ({ correct, total: cases.length, accuracy: cases.length ? correct / cases.length : 0 });
  return { trucewatch: score(ours), chrono: score(theirs), misses };
}

/** Plain chrono-node's reading: its first result overlapping the expression, at the precision of the components it knows. */
function chronoValue(c: DateCase, at: { start: number; end: number }): string | null {
  const [y, m, d] = c.ref.split('-').map(Number);
  const result = chrono.parse(c.text, new Date(y, m - 1, d, 12)).find((r) => overlaps({ start: r.index, end: r.index + r.text.length }, at));
  if (!result) return null;
  const part = (p: chrono.ParsedComponents): string => {
    const iso = [String(p.get('year')).padStart(4, '0'), String(p.get('month')).padStart(2, '0'), String(p.get('day')).padStart(2, '0')];
    if (p.isCertain('day') || !p.isCertain('month') && !p.isCertain('year')) return iso.join('-');
    return p.isCertain('month') ? iso.slice(0, 2).join('-') : iso[0];
  };
  return result.end ? `${part(result.start)}/${part(result.end)}` : part(result.start);
}
