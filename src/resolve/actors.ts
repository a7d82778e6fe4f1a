// How actors relate across articles, for linking events and matching truce parties. Two relations:
//   - `overlaps` (events): the same actor once people are mapped to their organisation and forces to
//     their state, or one is a member (transitively) of the other: a faction and its umbrella overlap,
//     two sibling factions do not (two attacks by different factions are different happenings).
//   - `sameSide` (truces): `overlaps`, or both belong to one umbrella group and to the same country:
//     "the Iraqi factions" (an unnamed collective) and the Islamic Resistance in Iraq speak for one side.
import type { Knowledge } from '../knowledge/types.ts';
import { membershipsAt } from '../knowledge/relations.ts';

const STATE_BODIES = new Set(['state_force', 'government_body']);

/** The actor whose voice an id speaks with: a person's organisation, a state body's state. */
export function canonicalActor(k: Knowledge, id: string): string {
  const seen = new Set<string>();
  let cur = id;
  while (!seen.has(cur)) {
    seen.add(cur);
    const a = k.actors.get(cur);
    if (!a) return cur;
    if (a.type === 'person' && a.organisation) cur = a.organisation;
    else if (STATE_BODIES.has(a.type)) {
      const state = a.forcesOf ?? a.memberOf.map((m) => m.id).find((m) => k.actors.get(m)?.type === 'state');
      if (!state) return cur;
      cur = state;
    } else return cur;
  }
  return cur;
}

function isStateLike(k: Knowledge, id: string): boolean {
  const t = k.actors.get(id)?.type;
  return t === 'state' || (t !== undefined && STATE_BODIES.has(t));
}

/** Every group the actor belongs to on `date` (transitively), nearest first; the actor itself excluded.
 * A non-state actor does not climb into the state through a state body it belongs to (a faction that is
 * a PMF brigade is not the Iraqi government). */
export function ancestors(k: Knowledge, id: string, date?: string): string[] {
  const out: string[] = [];
  const queue = [id];
  const seen = new Set([id]);
  const stateLike = isStateLike(k, id);
  while (queue.length > 0) {
    const cur = queue.shift() as string;
    for (const m of membershipsAt(k, cur, date)) {
      if (seen.has(m.id) || (!stateLike && isStateLike(k, m.id))) continue;
      seen.add(m.id);
      out.push(m.id);
      queue.push(m.id);
    }
  }
  return out;
}

// Families are asked for again and again while linking; the knowledge does not change during a run,
// so they are cached per Knowledge value (a transparent cache: results are the same without it).
const families = new WeakMap<Knowledge, Map<string, Set<string>>>();

/** The actor, its canonical form and the groups it belongs to. */
function family(k: Knowledge, id: string, date?: string): Set<string> {
  let cache = families.get(k);
  if (!cache) families.set(k, (cache = new Map()));
  const key = `${id}|${date ?? ''}`;
  let f = cache.get(key);
  if (!f) {
    const c = canonicalActor(k, id);
    f = new Set([id, c, ...ancestors(k, id, date), ...ancestors(k, c, date)]);
    cache.set(key, f);
  }
  return f;
}

/** Same actor, or one a member of the other (see the header). */
export function overlaps(k: Knowledge, a: string, b: string, date?: string): boolean {
  if (a === b) return true;
  const fa = family(k, a, date);
  const fb = family(k, b, date);
  return fa.has(canonicalActor(k, b)) || fb.has(canonicalActor(k, a)) || fa.has(b) || fb.has(a);
}

/** Whether the two actors stand on the same side of a truce (see the header). */
export function sameSide(k: Knowledge, a: string, b: string, date?: string): boolean {
  if (overlaps(k, a, b, date)) return true;
  const ca = k.actors.get(canonicalActor(k, a));
  const cb = k.actors.get(canonicalActor(k, b));
  if (!ca || !cb || !ca.country || ca.country !== cb.country) return false;
  const fb = family(k, cb.id, date);
  return [...family(k, ca.id, date)].some((u) => u !== ca.id && fb.has(u) && k.actors.get(u)?.type === 'umbrella_group');
}

/** True when some actor of `xs` overlaps some actor of `ys`. */
export function anyOverlap(k: Knowledge, xs: readonly string[], ys: readonly string[], date?: string): boolean {
  return xs.some((x) => ys.some((y) => overlaps(k, x, y, date)));
}
