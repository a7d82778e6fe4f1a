// Gold annotations (../shared/eval/GOLD_FORMAT.md): one <article>.gold.json per article plus
// actors.json, the canonical names and aliases of every gold actor id. Validated on load so that
// a malformed gold file is reported by name and path instead of skewing the scores.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PLOVER_TYPES, STANCES } from '../pipeline/types.ts';

const STATUSES = ['occurred', 'claimed', 'threatened', 'conditional', 'planned', 'denied', 'hypothetical'] as const;
const TRUCE_STATES = ['proposed', 'in_force', 'strained', 'contested', 'ended', 'resumed'] as const;

const goldActorSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  type: z.string(),
  aliases: z.array(z.string()).default([]),
  member_of: z.array(z.object({ id: z.string(), years: z.string().optional() })).default([]),
}).loose();

const goldEventSchema = z.object({
  id: z.string(),
  type: z.enum(PLOVER_TYPES),
  mode: z.string().default(''),
  trigger: z.string().default(''),
  date: z.string().nullable(),
  date_basis: z.string().default(''),
  source: z.array(z.string()),
  target: z.array(z.string()),
  location: z.string().default(''),
  status: z.enum(STATUSES),
  fatalities: z.number().nullable().default(null),
  injured: z.union([z.number(), z.string()]).nullable().default(null),
  attributed_to: z.string().default(''),
  evidence: z.string().min(1),
});

const goldStatementSchema = z.object({
  id: z.string(),
  speaker: z.string(),
  speaker_actor: z.string(),
  role: z.string().default(''),
  channel: z.string().default(''),
  date: z.string().nullable(),
  topic: z.string(),
  stance: z.enum(STANCES),
  stance_detail: z.string().default(''),
  evidence: z.string().min(1),
});

const goldTruceSchema = z.object({
  id: z.string(),
  parties: z.array(z.string()),
  mediator: z.array(z.string()).default([]),
  declared: z.string().nullable().default(null),
  conditions: z.string().default(''),
  state_as_of: z.array(z.object({ date: z.string(), state: z.enum(TRUCE_STATES), evidence: z.string() })),
});

const goldClaimSchema = z.object({
  quantity: z.string(),
  value: z.number(),
  qualifier: z.string().default(''),
  interval: z.string().nullable().default(null),
  attributed_to: z.string().default(''),
  evidence: z.string().min(1),
});

const goldDocSchema = z.object({
  document: z.string().min(1),
  published: z.string().nullable(),
  published_precision: z.enum(['day', 'month', 'year']).nullable(),
  published_basis: z.string().default(''),
  outlets_cited: z.array(z.string()).default([]),
  actors: z.array(z.object({ id: z.string(), surface: z.array(z.string()) })),
  places: z.array(z.object({ name: z.string(), surface: z.array(z.string()), within: z.string().default('') })).default([]),
  events: z.array(goldEventSchema),
  statements: z.array(goldStatementSchema),
  truces: z.array(goldTruceSchema),
  claims: z.array(goldClaimSchema),
  notes: z.array(z.string()).default([]),
});

export type GoldActor = z.infer<typeof goldActorSchema>;
export type GoldDoc = z.infer<typeof goldDocSchema>;
export type GoldEvent = z.infer<typeof goldEventSchema>;
export type GoldStatement = z.infer<typeof goldStatementSchema>;
export type GoldTruce = z.infer<typeof goldTruceSchema>;
export type GoldClaim = z.infer<typeof goldClaimSchema>;

export interface GoldSet {
  /** Sorted by file name, so reports list articles in a stable order. */
  docs: GoldDoc[];
  actors: GoldActor[];
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`${path}: cannot read (${(e as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${path}: not valid JSON (${(e as Error).message})`);
  }
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, path: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
  throw new Error(`${path}: invalid gold file: ${issues}`);
}

export function loadGoldDoc(path: string): GoldDoc {
  return parseWith(goldDocSchema, readJson(path), path);
}

export function loadGoldActors(path: string): GoldActor[] {
  const actors = parseWith(z.array(goldActorSchema), readJson(path), path);
  const seen = new Set<string>();
  for (const a of actors) {
    if (seen.has(a.id)) throw new Error(`${path}: actor id ${a.id} is defined twice`);
    seen.add(a.id);
  }
  return actors;
}

/** Reads every *.gold.json and actors.json of `dir`. Throws naming the directory or file and the reason. */
export function loadGold(dir: string): GoldSet {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    names = readdirSync(dir);
  } catch (e) {
    throw new Error(`gold directory ${dir}: ${(e as Error).message}`);
  }
  const goldFiles = names.filter((n) => n.endsWith('.gold.json')).sort();
  if (goldFiles.length === 0) throw new Error(`gold directory ${dir}: no *.gold.json files`);
  if (!names.includes('actors.json')) throw new Error(`gold directory ${dir}: actors.json is missing`);
  return {
    docs: goldFiles.map((n) => loadGoldDoc(join(dir, n))),
    actors: loadGoldActors(join(dir, 'actors.json')),
  };
}
