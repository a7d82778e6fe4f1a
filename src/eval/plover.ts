// The PLOVER gold-standard records (reference/plover-gsr/records.jsonl, 2016 GSR of the Open Event
// Data Alliance): one sentence each, with its event type and coded source/target actors. Each
// sentence runs through the pipeline alone; this module judges the extraction against the record.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { EventOut, Extraction, InputDoc } from '../pipeline/types.ts';
import type { Knowledge } from '../knowledge/types.ts';

const actorSchema = z.object({ actorText: z.string(), code: z.string() }).loose();
// A side is a list of coded actors; a few records give "" or a word instead, which means none.
const sideSchema = z.union([z.array(actorSchema), z.string(), z.null()]).optional()
  .transform((v) => (Array.isArray(v) ? v : []));

const recordSchema = z.object({
  id: z.string(),
  event: z.string(),
  text: z.string().min(1),
  source: sideSchema,
  target: sideSchema,
}).loose();

export type PloverRecord = z.infer<typeof recordSchema>;

/** The 2016 GSR predates PLOVER 2.0: these of its types were renamed or folded since. */
export const LEGACY_TYPES: Readonly<Record<string, string>> = {
  DEMAND: 'REQUEST',
  DISAPPROVE: 'ACCUSE',
  INVESTIGATE: 'ACCUSE',
  FIGHT: 'ASSAULT',
};

/** The GSR codes a few countries with CAMEO's own codes instead of ISO 3166 alpha-3. */
const CAMEO_COUNTRY_CODES: Readonly<Record<string, string>> = { JAP: 'JPN', ITL: 'ITA' };

export const NO_EVENT = 'NONE';
export const PIPELINE_ERROR = 'ERROR';

/** Reads the records, skipping the DOCUMENT header. Throws naming the file and line of a bad record. */
export function loadPloverRecords(file: string): PloverRecord[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`${file}: cannot read (${(e as Error).message})`);
  }
  const out: PloverRecord[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw new Error(`${file}:${i + 1}: not valid JSON (${(e as Error).message})`);
    }
    if ((value as { event?: unknown }).event === 'DOCUMENT') return;
    const r = recordSchema.safeParse(value);
    if (!r.success) {
      throw new Error(`${file}:${i + 1}: invalid record: ${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    }
    out.push(r.data);
  });
  if (out.length === 0) throw new Error(`${file}: no records`);
  return out;
}

export function goldType(r: PloverRecord): string {
  return LEGACY_TYPES[r.event] ?? r.event;
}

function goldCodes(side: PloverRecord['source']): string[] {
  return side.map((a) => CAMEO_COUNTRY_CODES[a.code] ?? a.code);
}

/** One record as the pipeline's input document. */
export function recordInput(r: PloverRecord): InputDoc {
  return { source: r.id, name: r.id, format: 'text', raw: r.text };
}

/**
 * The code of an actor in the GSR's terms: its country (ISO alpha-3); a state's own id, which the
 * packs make its ISO code; "IGO" for an international organisation, "NGO" for a non-governmental one; else the code of the body
 * it speaks for, whose forces it is, or which it belongs to. Null when none is known.
 */
export function actorCode(id: string, knowledge: Knowledge, seen = new Set<string>()): string | null {
  const a = knowledge.actors.get(id);
  if (!a || seen.has(id)) return null;
  seen.add(id);
  if (a.country) return a.country;
  if (a.type === 'state' && /^[A-Z]{3}$/.test(a.id)) return a.id;
  if (a.type === 'igo') return 'IGO';
  if (a.type === 'ngo') return 'NGO';
  for (const parent of [a.organisation, a.forcesOf, ...a.memberOf.map((m) => m.id)]) {
    const code = parent ? actorCode(parent, knowledge, seen) : null;
    if (code) return code;
  }
  return null;
}

export interface PloverOutcome {
  id: string;
  text: string;
  gold: string;
  predicted: string;
  /** Null when the record codes no actor on that side (not judged). */
  source: boolean | null;
  target: boolean | null;
  gold_source: string[];
  gold_target: string[];
  system_source: string[];
  system_target: string[];
}

/**
 * Judges the events extracted from one record. The predicted event is the first in text order: a GSR
 * sentence codes its main event, which news English states first; later ones are mostly the
 * purposes or consequences of it. No event predicts "NONE".
 */
export function judgeRecord(r: PloverRecord, events: EventOut[], knowledge: Knowledge): PloverOutcome {
  const first = [...events].sort((a, b) => a.evidence_start - b.evidence_start)[0];
  const codes = (ids: string[]) => [...new Set(ids.map((id) => actorCode(id, knowledge)).filter((c): c is string => c !== null))];
  const systemSource = first ? codes(first.source) : [];
  const systemTarget = first ? codes(first.target) : [];
  const goldSource = goldCodes(r.source);
  const goldTarget = goldCodes(r.target);
  const judge = (gold: string[], sys: string[]) => (gold.length === 0 ? null : sys.some((c) => gold.includes(c)));
  return {
    id: r.id,
    text: r.text,
    gold: goldType(r),
    predicted: first?.type ?? NO_EVENT,
    source: judge(goldSource, systemSource),
    target: judge(goldTarget, systemTarget),
    gold_source: goldSource,
    gold_target: goldTarget,
    system_source: systemSource,
    system_target: systemTarget,
  };
}

/**
 * Runs every record through `extract` (the pipeline) and summarises. A record the pipeline fails
 * on is predicted "ERROR" with no actors, and `log` receives the reason.
 */
export function evaluatePlover(
  records: PloverRecord[],
  extract: (input: InputDoc) => Extraction,
  knowledge: Knowledge,
  log: (line: string) => void = () => {},
): PloverReport {
  const outcomes = records.map((r) => {
    try {
      return judgeRecord(r, extract(recordInput(r)).events, knowledge);
    } catch (e) {
      log(`error: ${r.id}: ${(e as Error).message}`);
      return { ...judgeRecord(r, [], knowledge), predicted: PIPELINE_ERROR };
    }
  });
  return summarisePlover(outcomes);
}

export interface PloverReport {
  n: number;
  type_accuracy: number;
  /** Over the records that code a source (target) actor. */
  source_accuracy: number;
  target_accuracy: number;
  /** gold type → predicted type → count. */
  confusion: Record<string, Record<string, number>>;
  /** Records whose type was predicted wrong. */
  misses: Array<{ id: string; gold: string; predicted: string; text: string }>;
}

export function summarisePlover(outcomes: PloverOutcome[]): PloverReport {
  const rate = (flags: Array<boolean | null>) => {
    const judged = flags.filter((f): f is boolean => f !== null);
    return judged.length === 0 ? 0 : judged.filter(Boolean).length / judged.length;
  };
  const confusion: Record<string, Record<string, number>> = {};
  for (const o of outcomes) {
    const row = (confusion[o.gold] ??= {});
    row[o.predicted] = (row[o.predicted] ?? 0) + 1;
  }
  return {
    n: outcomes.length,
    type_accuracy: rate(outcomes.map((o) => o.gold === o.predicted)),
    source_accuracy: rate(outcomes.map((o) => o.source)),
    target_accuracy: rate(outcomes.map((o) => o.target)),
    confusion,
    misses: outcomes.filter((o) => o.gold !== o.predicted).map((o) => ({ id: o.id, gold: o.gold, predicted: o.predicted, text: o.text })),
  };
}

/** The confusion table as text: gold rows × predicted columns, types in PLOVER order then the rest. */
export function formatConfusion(confusion: PloverReport['confusion'], order: readonly string[]): string {
  const present = new Set<string>(Object.keys(confusion));
  for (const row of Object.values(confusion)) for (const k of Object.keys(row)) present.add(k);
  const rank = (t: string) => (order.includes(t) ? order.indexOf(t) : order.length);
  const types = [...present].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const cols = types.map((t) => t.slice(0, 4));
  const rows = types.filter((t) => confusion[t]);
  const w = Math.max(...rows.map((t) => t.length), 'gold\\pred'.length);
  const lines = [['gold\\pred'.padEnd(w), ...cols.map((c) => c.padStart(5))].join('')];
  for (const g of rows) {
    lines.push([g.padEnd(w), ...types.map((p) => String(confusion[g][p] ?? '').padStart(5))].join(''));
  }
  return lines.join('\n');
}
