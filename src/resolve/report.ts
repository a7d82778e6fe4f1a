// What `trucewatch truce` shows: truces filtered by party, their state on a day with its evidence,
// each party's latest position, and optionally the whole timeline. Pure: the command does the I/O.
import type { Knowledge } from '../knowledge/types.ts';
import { normalizeName } from '../knowledge/normalize.ts';
import { sameSide } from './actors.ts';
import { positionsAt, stateAt, type Position, type TimelineEntry, type Truce, type TruceEvidence } from './truce-state.ts';

export interface NamedActor {
  id: string;
  name: string;
}

export interface TruceReport {
  id: string;
  /** Every actor of both sides; `sides` keeps them apart. */
  parties: NamedActor[];
  sides: [NamedActor[], NamedActor[]];
  mediator: NamedActor[];
  declared: string | null;
  conditions: string[];
  as_of: string;
  /** The state on `as_of`, or null when nothing is known by then. */
  state: string | null;
  since: string | null;
  evidence: TruceEvidence[];
  positions: Position[];
  documents: string[];
  history?: TimelineEntry[];
}

/** The actor id a user typed: an id (any case) or a name or alias of the packs. Throws naming it when unknown. */
export function actorArg(k: Knowledge, text: string): string {
  const t = text.trim();
  if (k.actors.has(t.toUpperCase())) return t.toUpperCase();
  const n = normalizeName(t);
  for (const a of k.actors.values()) if (normalizeName(a.name) === n || a.aliases.some((x) => normalizeName(x) === n)) return a.id;
  throw new Error(`--parties: unknown actor ${JSON.stringify(text)} (give an actor id such as KATAIB_HEZBOLLAH, or a name from the packs)`);
}

function named(k: Knowledge, id: string): NamedActor {
  return { id, name: k.actors.get(id)?.name ?? id };
}

/** Truces on which every one of `parties` stands on some side (a member faction counts for its umbrella). */
export function filterTruces(truces: Truce[], k: Knowledge, parties: string[]): Truce[] {
  return truces.filter((t) => parties.every((p) => t.parties.some((side) => side.some((a) => sameSide(k, a, p)))));
}

export function truceReport(t: Truce, k: Knowledge, asOf: string, history: boolean): TruceReport {
  const now = stateAt(t, asOf);
  const sides: [NamedActor[], NamedActor[]] = [t.parties[0].map((id) => named(k, id)), t.parties[1].map((id) => named(k, id))];
  return {
    id: t.id,
    parties: [...sides[0], ...sides[1]],
    sides,
    mediator: t.mediator.map((id) => named(k, id)),
    declared: t.declared,
    conditions: t.conditions,
    as_of: asOf,
    state: now?.state ?? null,
    since: now?.since ?? null,
    evidence: now?.evidence ?? [],
    positions: positionsAt(t, asOf),
    documents: t.documents,
    ...(history ? { history: t.timeline.filter((e) => e.from <= asOf) } : {}),
  };
}

function quote(e: TruceEvidence): string {
  return `«${e.evidence.length > 110 ? `${e.evidence.slice(0, 107)}...` : e.evidence}» (${e.documentName}, ${e.kind})`;
}

/** A readable block per truce. */
export function formatReports(reports: TruceReport[]): string {
  if (reports.length === 0) return 'no truce found';
  return reports.map((r) => [
    `${r.id}: ${r.sides[0].map((a) => a.name).join(', ')}  ↔  ${r.sides[1].map((a) => a.name).join(', ') || '?'}`,
    `  mediator: ${r.mediator.map((a) => a.name).join(', ') || '-'}   declared: ${r.declared ?? 'unknown'}   sources: ${r.documents.length}`,
    ...(r.conditions.length ? [`  conditions: ${r.conditions.join('; ')}`] : []),
    `  state on ${r.as_of}: ${r.state ? `${r.state.toUpperCase()} since ${r.since}` : 'unknown'}`,
    ...r.evidence.map((e) => `    ${quote(e)}`),
    '  positions:',
    ...(r.positions.length ? r.positions.map((p) => `    ${p.party.padEnd(40)} ${p.stance.padEnd(18)} ${p.date ?? '?'}  ${quote(p.evidence)}`) : ['    -']),
    ...(r.history ? ['  history:', ...r.history.map((h) => `    ${h.from}  ${h.state.padEnd(10)} ${h.reason}`)] : []),
  ].join('\n')).join('\n\n');
}
