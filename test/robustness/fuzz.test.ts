// Property test: random and mutated reports through the whole pipeline (processInput). Nothing may
// throw, every evidence string is the raw text at its offsets, and every date is a valid ISO value.
// Runs are bounded to keep `npm test` fast; FUZZ_RUNS=<n> scales them up for a longer hunt, and
// FUZZ_SEED=<n> replays a reported counterexample.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { loadContext, processInput, type PipelineContext } from '../../src/pipeline/run.ts';
import type { EvidenceRef, InputDoc } from '../../src/pipeline/types.ts';

const SAMPLES = join(import.meta.dirname, '..', '..', 'samples');
const RUNS = Number(process.env.FUZZ_RUNS ?? 1);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

const texts = readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(SAMPLES, f), 'utf8'));

let ctx: PipelineContext;
before(() => {
  ctx = loadContext();
});

const DAY = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A calendar-valid ISO year, month or day. */
function validPart(s: string): boolean {
  const m = DAY.exec(s);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  if (Number(mo) < 1 || Number(mo) > 12) return false;
  if (d === undefined) return true;
  const last = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
  return Number(d) >= 1 && Number(d) <= last;
}

/** A valid ISO date value: a day, month, year, or an ordered interval "a/b". */
function isIsoDateValue(v: string): boolean {
  const parts = v.split('/');
  if (parts.length === 1) return validPart(v);
  // Both ends padded to full days so that "2024-02/2024-03-05" compares correctly.
  return parts.length === 2 && parts.every(validPart) && parts[0].padEnd(10, '-00') <= parts[1].padEnd(10, '-99');
}

function checkResult(input: InputDoc): void {
  const { doc, annotated, extraction } = processInput(input, ctx);
  const raw = doc.raw;
  assert.equal(raw, input.raw, 'the document keeps the raw text as read');
  const evidence: [string, EvidenceRef][] = [
    ...extraction.events.map((e): [string, EvidenceRef] => [`event ${e.id}`, e]),
    ...extraction.statements.map((s): [string, EvidenceRef] => [`statement ${s.id}`, s]),
    ...extraction.claims.map((c): [string, EvidenceRef] => [`claim ${c.quantity}`, c]),
    ...extraction.truces.flatMap((t) => t.state_as_of.map((s): [string, EvidenceRef] => [`truce ${t.id} state ${s.state}`, s])),
  ];
  for (const [what, e] of evidence) {
    assert.ok(e.evidence_start >= 0 && e.evidence_start <= e.evidence_end && e.evidence_end <= raw.length, `${what}: offsets ${e.evidence_start}-${e.evidence_end} out of range`);
    assert.equal(raw.slice(e.evidence_start, e.evidence_end), e.evidence, `${what}: evidence differs from the raw text at its offsets`);
  }
  const dates: [string, string | null][] = [
    ['published', extraction.published],
    ...extraction.events.map((e): [string, string | null] => [`event ${e.id} date`, e.date]),
    ...extraction.statements.map((s): [string, string | null] => [`statement ${s.id} date`, s.date]),
    ...extraction.truces.flatMap((t): [string, string | null][] => [[`truce ${t.id} declared`, t.declared], ...t.state_as_of.map((s): [string, string | null] => [`truce ${t.id} state`, s.date])]),
    ...annotated.times.map((t): [string, string | null] => [`time "${t.text}"`, t.value]),
  ];
  for (const [what, v] of dates) if (v !== null) assert.ok(isIsoDateValue(v), `${what}: not a valid ISO date value: ${JSON.stringify(v)}`);
}

const input = (raw: string): InputDoc => ({ source: 'fuzz', name: 'fuzz.txt', format: 'text', raw });

// Characters that break naive text handling: controls, NUL, BOM, bidi marks, zero-width joiners,
// emoji (surrogate pairs), combining marks, curly and straight quotes, brackets, Arabic script.
const NASTY = ['\u0000', '\u0007', '\u001b', '\r', '\r\n', '\t', '\f', '\v', '\u00a0', '\ufeff', '\u200b', '\u200d', '\u200e', '\u200f', '\u202e', '\u2028', '\u2029',
  '😀', '👨‍👩‍👧', '🇮🇶', 'é', 'e\u0301', '“', '”', '"', "'", '‘', '’', '«', '»', '(', ')', '[', ']', '{', '}', '<', '>', 'بغداد', 'كتائب حزب الله', '\ud800'];

type Mutation =
  | { op: 'cut'; at: number; len: number }
  | { op: 'dup'; at: number; len: number }
  | { op: 'insert'; at: number; s: string };

const position = fc.double({ min: 0, max: 1, noNaN: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('cut' as const), at: position, len: fc.nat(400) }),
  fc.record({ op: fc.constant('dup' as const), at: position, len: fc.nat(400) }),
  fc.record({ op: fc.constant('insert' as const), at: position, s: fc.oneof(
    fc.constantFrom(...NASTY),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constantFrom('x'.repeat(20_000), 'rockets hit the base '.repeat(800), '"'.repeat(500), '('.repeat(300), '\n'.repeat(200)),
  ) }),
);

function mutate(text: string, ms: Mutation[]): string {
  let t = text;
  for (const m of ms) {
    const at = Math.floor(m.at * t.length);
    if (m.op === 'cut') t = t.slice(0, at) + t.slice(at + m.len);
    else if (m.op === 'dup') t = t.slice(0, at + m.len) + t.slice(at, at + m.len) + t.slice(at + m.len);
    else t = t.slice(0, at) + m.s + t.slice(at);
  }
  return t;
}

test('the date check rejects invalid and unordered values', () => {
  for (const ok of ['2024', '2024-02', '2024-02-29', '2024-02-01/2024-02-10', '2024-02/2024-03-05']) assert.ok(isIsoDateValue(ok), ok);
  for (const bad of ['2023-02-29', '2024-13', '2024-00-10', '24-01-01', '2024-02-10/2024-02-01', 'Jan 2024', '']) assert.ok(!isIsoDateValue(bad), bad);
});

test('mutated sample reports: no exception, exact evidence, valid dates', () => {
  fc.assert(fc.property(fc.constantFrom(...texts), fc.array(mutation, { minLength: 1, maxLength: 6 }), (text, ms) => checkResult(input(mutate(text, ms)))),
    { numRuns: 60 * RUNS, seed: SEED, includeErrorInReport: true });
});

test('random strings and word salads: no exception, exact evidence, valid dates', () => {
  const words = [...new Set(texts.join(' ').split(/\s+/))];
  const salad = fc.array(fc.oneof(fc.constantFrom(...words), fc.constantFrom(...NASTY), fc.constant('\n\n')), { maxLength: 120 }).map((ws) => ws.join(' '));
  fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), salad), (raw) => checkResult(input(raw))),
    { numRuns: 300 * RUNS, seed: SEED, includeErrorInReport: true });
});
