// Analyst corrections: what may be corrected, how a correction is validated, and how its edit
// fields become column values. Corrections are stored as a log keyed by stable item keys
// (document + evidence offsets + type) and replayed after every re-extraction of a document.
import { z } from 'zod';
import { STANCES } from '../pipeline/types.ts';
import { dateBounds, dateSpanClass } from './rows.ts';

export const CORRECTION_ACTIONS = ['confirm', 'edit', 'reject', 'merge', 'split'] as const;
export type CorrectionAction = (typeof CORRECTION_ACTIONS)[number];

const PLOVER = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'] as const;
const STATUS = ['occurred', 'claimed', 'threatened', 'conditional', 'planned', 'denied', 'hypothetical'] as const;
const TOPICS = ['truce', 'us_presence', 'attacks', 'negotiations', 'other'] as const;

const dateValue = z.string().refine((v) => dateBounds(v).start !== null, 'not a date: use YYYY, YYYY-MM, YYYY-MM-DD or a/b').nullable();
const actorIds = z.array(z.string().min(1)).max(50);

const eventFields = z.strictObject({
  type: z.enum(PLOVER), mode: z.string(), trigger: z.string(), status: z.enum(STATUS), date: dateValue, date_basis: z.string(),
  location: z.string(), fatalities: z.number().int().nonnegative().nullable(), injured: z.union([z.number().int().nonnegative(), z.string()]).nullable(),
  source: actorIds, target: actorIds, attributed_to: z.string(),
}).partial();
const statementFields = z.strictObject({
  speaker: z.string(), speaker_actor: z.string(), role: z.string(), channel: z.string(), date: dateValue,
  topic: z.enum(TOPICS), stance: z.enum(STANCES), stance_detail: z.string(),
}).partial();
const claimFields = z.strictObject({
  quantity: z.string(), value: z.number(), qualifier: z.string(), interval: dateValue, attributed_to: z.string(),
}).partial();

export type ItemKind = 'events' | 'statements' | 'claims';
const FIELDS = { events: eventFields, statements: statementFields, claims: claimFields } as const;
const PREFIX: Record<string, ItemKind> = { ev_: 'events', st_: 'statements', cl_: 'claims' };

/** Which table a stable key belongs to, from its prefix; null when it is not a correctable key. */
export function kindOf(key: string): ItemKind | null {
  return PREFIX[key.slice(0, 3)] ?? null;
}

export interface CorrectionInput {
  who: string;
  action: CorrectionAction;
  /** Stable key of an event (ev_…), statement (st_…) or claim (cl_…). */
  target: string;
  /** edit: { fields }; merge: { into }; split: { parts: [fields, fields, …] }; confirm/reject: { note? }. */
  payload?: Record<string, unknown>;
}

export type Fields = Record<string, unknown>;

export type ValidCorrection =
  | { action: 'confirm' | 'reject'; kind: ItemKind; note?: string }
  | { action: 'edit'; kind: ItemKind; fields: Fields }
  | { action: 'merge'; kind: ItemKind; into: string }
  | { action: 'split'; kind: ItemKind; parts: Fields[] };

function issues(e: z.ZodError): string {
  return e.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');
}

/** Checks a correction's shape; throws a message that names the problem. */
export function validateCorrection(c: CorrectionInput): ValidCorrection {
  const kind = kindOf(c.target);
  if (!kind) throw new Error(`correction target ${JSON.stringify(c.target)} is not an event (ev_…), statement (st_…) or claim (cl_…) id`);
  const payload = c.payload ?? {};
  const fieldsOf = (v: unknown, where: string): Fields => {
    const r = FIELDS[kind].safeParse(v ?? {});
    if (!r.success) throw new Error(`invalid ${where} for ${kind}: ${issues(r.error)}`);
    if (Object.keys(r.data).length === 0) throw new Error(`${where} must change at least one field`);
    return r.data;
  };
  switch (c.action) {
    case 'confirm':
    case 'reject':
      return { action: c.action, kind, note: typeof payload.note === 'string' ? payload.note : undefined };
    case 'edit':
      return { action: 'edit', kind, fields: fieldsOf(payload.fields, 'payload.fields') };
    case 'merge': {
      const into = payload.into;
      if (typeof into !== 'string' || kindOf(into) !== kind) throw new Error(`merge needs payload.into: the id of another item of the same kind (${kind})`);
      if (into === c.target) throw new Error('an item cannot be merged into itself');
      return { action: 'merge', kind, into };
    }
    case 'split': {
      const parts = payload.parts;
      if (!Array.isArray(parts) || parts.length < 2 || parts.length > 20) throw new Error('split needs payload.parts: 2 to 20 objects of fields that differ per part');
      return { action: 'split', kind, parts: parts.map((p, i) => fieldsOf(p, `payload.parts[${i}]`)) };
    }
    default:
      throw new Error(`unknown correction action ${JSON.stringify(c.action)}: use one of ${CORRECTION_ACTIONS.join(', ')}`);
  }
}

/** Column values for edit fields: lists become JSON, dates also set their day bounds, numbers of injured keep their words. */
export function fieldColumns(kind: ItemKind, fields: Fields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (k === 'source' || k === 'target') out[k] = JSON.stringify(v);
    else if (k === 'injured') out[k] = v === null ? null : String(v);
    else if (k === 'date' && kind !== 'claims') {
      const b = dateBounds(v as string | null);
      Object.assign(out, { date: v, date_start: b.start, date_end: b.end }, kind === 'events' ? { date_span: dateSpanClass(b.start, b.end) } : {});
    } else out[k] = v;
  }
  return out;
}
