// zod schemas of the pack files, exactly as packs/README.md documents them. Objects are strict so
// that a misspelt field ("aliasses") is an error instead of being silently ignored.
import { z } from 'zod';
import { PLOVER_TYPES } from '../pipeline/types.ts';

/** "YYYY", "YYYY-MM" or "YYYY-MM-DD", a real calendar date. YAML may read an unquoted 2024 as a number. */
export const dateBound = z
  .union([z.string(), z.number().int()])
  .transform((v) => String(v))
  .refine(isDateBound, { message: 'date must be "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a real date)' });

export function isDateBound(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
}

const id = z.string().regex(/^[A-Z0-9][A-Z0-9_]*$/, 'id must be UPPER_SNAKE (A-Z, 0-9, _)');
const name = z.string().trim().min(1, 'must not be empty');
const names = z.array(name).default([]);

export const actorTypes = [
  'state', 'state_force', 'government_body', 'armed_group', 'umbrella_group',
  'political_party', 'person', 'media_outlet', 'igo', 'ngo',
] as const;
export const placeTypes = [
  'country', 'province', 'district', 'city', 'town', 'base', 'zone', 'crossing', 'region', 'water', 'site',
] as const;

export const membershipSchema = z.strictObject({ id, from: dateBound.optional(), to: dateBound.optional() });
export const officeTermSchema = z.strictObject({ office: id, from: dateBound.optional(), to: dateBound.optional() });

export const packSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'pack name must be lower case (a-z, 0-9, -, _)'),
  version: z.union([z.string(), z.number()]).transform((v) => String(v)),
  description: z.string().default(''),
  credits: z.string().optional(),
});

export const actorSchema = z.strictObject({
  id,
  name,
  type: z.enum(actorTypes),
  country: id.optional(),
  aliases: names,
  context_aliases: names,
  demonyms: names,
  forces_of: id.optional(),
  proxies_of: id.optional(),
  member_of: z.array(membershipSchema).default([]),
  offices: z.array(officeTermSchema).default([]),
  organisation: id.optional(),
  role: z.string().optional(),
  note: z.string().optional(),
  fuzzy: z.boolean().optional(),
});

/** A later pack adds names and memberships to an actor defined by an earlier one. */
export const actorExtendSchema = z.strictObject({
  id,
  extend: z.literal(true),
  aliases: names,
  context_aliases: names,
  demonyms: names,
  member_of: z.array(membershipSchema).default([]),
  offices: z.array(officeTermSchema).default([]),
  note: z.string().optional(),
});

export const officeSchema = z.strictObject({ id, org: id, titles: z.array(name).min(1, 'an office needs at least one title') });

export const placeSchema = z.strictObject({
  id,
  name,
  type: z.enum(placeTypes),
  parent: id.optional(),
  iso3: z.string().regex(/^[A-Z]{3}$/, 'iso3 must be three capital letters').optional(),
  aliases: names,
  lat: z.number().min(-90, 'latitude must be within -90..90').max(90, 'latitude must be within -90..90').optional(),
  lon: z.number().min(-180, 'longitude must be within -180..180').max(180, 'longitude must be within -180..180').optional(),
  hosts: z.array(id).default([]),
  note: z.string().optional(),
});

export const placeExtendSchema = z.strictObject({ id, extend: z.literal(true), aliases: names, note: z.string().optional() });

export const referenceEventSchema = z.strictObject({
  id,
  name,
  date: dateBound,
  actors: z.array(id).min(1, 'a reference event needs at least one actor'),
  cues: z.array(name).min(1, 'a reference event needs at least one cue word'),
  types: z.array(z.enum(PLOVER_TYPES)).default([]),
});

/** matching.yaml: the vocabulary of the matcher's general rules (composition, coreference, fuzzy guard). */
export const matchingSchema = z.strictObject({
  force_nouns: names.default([]),
  agent_nouns: names.default([]),
  proxy_nouns: names.default([]),
  backing_words: names.default([]),
  coref: z.array(z.strictObject({ cues: z.array(name).min(1), types: z.array(z.enum(actorTypes)).min(1) })).default([]),
  coref_window: z.number().int().positive().optional(),
  common_words: names.default([]),
  honorifics: names.default([]),
});
