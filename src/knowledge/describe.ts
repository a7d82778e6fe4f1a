// Plain views of an actor or a place for the CLI and the API: what a look-up prints.
import { isDateBound } from './schema.ts';
import { membershipsAt, placeAncestors } from './relations.ts';
import type { Actor, Knowledge, Membership, OfficeTerm, Place } from './types.ts';

export interface ActorView {
  id: string;
  name: string;
  type: string;
  country: string | null;
  aliases: string[];
  context_aliases: string[];
  /** At the date when one was given, else all. */
  memberships: Membership[];
  offices: OfficeTerm[];
}

export interface PlaceView {
  id: string;
  name: string;
  type: string;
  parent: string | null;
  lat: number | null;
  lon: number | null;
  aliases: string[];
  /** Enclosing places, nearest first. */
  ancestors: { id: string; name: string; type: string }[];
}

export function describeActor(k: Knowledge, a: Actor, date?: string): ActorView {
  return {
    id: a.id,
    name: a.name,
    type: a.type,
    country: a.country ?? null,
    aliases: a.aliases,
    context_aliases: a.contextAliases,
    memberships: membershipsAt(k, a.id, date),
    offices: a.offices,
  };
}

export function describePlace(k: Knowledge, p: Place): PlaceView {
  return {
    id: p.id,
    name: p.name,
    type: p.type,
    parent: p.parent ?? null,
    lat: p.lat ?? null,
    lon: p.lon ?? null,
    aliases: p.aliases,
    ancestors: placeAncestors(k, p.id).map((q) => ({ id: q.id, name: q.name, type: q.type })),
  };
}

/** Why a --date value is unusable, or null when it is a "YYYY", "YYYY-MM" or "YYYY-MM-DD" date. */
export function badDate(date: string): string | null {
  return isDateBound(date) ? null : `--date "${date}" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)`;
}
