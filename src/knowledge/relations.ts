// Questions about the knowledge that depend on dates or hierarchy: who belongs to what when, who
// holds an office on a day, which places enclose a place.
import { activeOn, spanStart } from './dates.ts';
import type { Actor, Knowledge, Membership, OfficeTerm, Place } from './types.ts';

/** The actor's memberships; with a date ("YYYY", "YYYY-MM" or "YYYY-MM-DD"), only those in force then. */
export function membershipsAt(k: Knowledge, actorId: string, date?: string): Membership[] {
  const a = k.actors.get(actorId);
  if (!a) return [];
  return date === undefined ? [...a.memberOf] : a.memberOf.filter((m) => activeOn(m, date));
}

/** The person holding the office on the date; when terms overlap (a hand-over day), the one who took office last. */
export function holderOf(k: Knowledge, officeId: string, date: string): Actor | null {
  let best: { actor: Actor; from: string } | null = null;
  for (const { actor, term } of termsOf(k, officeId)) {
    if (!activeOn(term, date)) continue;
    const from = term.from === undefined ? '0000-01-01' : spanStart(term.from);
    if (best === null || from > best.from) best = { actor, from };
  }
  return best?.actor ?? null;
}

/** Office id → its holders' terms, in actor order, per actor map (rebuilt if actors were added since). */
const termIndexes = new WeakMap<Map<string, Actor>, { size: number; byOffice: Map<string, { actor: Actor; term: OfficeTerm }[]> }>();

/** The terms of an office: with tens of thousands of actors, a walk over all of them per title found would dominate. */
function termsOf(k: Knowledge, officeId: string): { actor: Actor; term: OfficeTerm }[] {
  let index = termIndexes.get(k.actors);
  if (index === undefined || index.size !== k.actors.size) {
    const byOffice = new Map<string, { actor: Actor; term: OfficeTerm }[]>();
    for (const actor of k.actors.values()) {
      for (const term of actor.offices) byOffice.set(term.office, [...(byOffice.get(term.office) ?? []), { actor, term }]);
    }
    termIndexes.set(k.actors, (index = { size: k.actors.size, byOffice }));
  }
  return index.byOffice.get(officeId) ?? [];
}

/** The places enclosing a place, nearest first (Ain al-Asad → Anbar → Iraq). */
export function placeAncestors(k: Knowledge, placeId: string): Place[] {
  const out: Place[] = [];
  const seen = new Set([placeId]);
  for (let p = k.places.get(placeId); p?.parent !== undefined && !seen.has(p.parent); ) {
    seen.add(p.parent);
    p = k.places.get(p.parent);
    if (p) out.push(p);
  }
  return out;
}

/** The country (ISO3 id) an actor belongs to: a state is its own country. */
export function actorCountry(a: Actor): string | undefined {
  return a.type === 'state' ? a.id : a.country;
}

/** The country (ISO3 id) a place lies in. */
export function placeCountry(k: Knowledge, placeId: string): string | undefined {
  const p = k.places.get(placeId);
  if (p?.type === 'country') return p.id;
  return placeAncestors(k, placeId).find((q) => q.type === 'country')?.id;
}
