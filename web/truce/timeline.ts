// Geometry of a truce timeline: state bands over time and marker rows that do not overlap.
import type { TruceItem } from '../src/api.ts';
import { DAY, startOf } from '../src/dates.ts';

export interface Band {
  state: string;
  from: number;
  to: number;
}

/** Bands from one reported state to the next; the last one runs to `until`. Same-day reports: the later one wins. */
export function bandsOf(truce: TruceItem, until: number): Band[] {
  const states = truce.states.map((s) => ({ s, at: startOf(s.date) })).filter((x): x is { s: typeof x.s; at: number } => x.at !== null)
    .sort((a, b) => a.at - b.at);
  return states.map(({ s, at }, i) => ({ state: s.state, from: at, to: i + 1 < states.length ? states[i + 1].at : Math.max(until, at + DAY) }))
    .filter((b) => b.to > b.from);
}

/** Rows for markers so that none covers another: a marker goes to the first row with room at its position. */
export function stack<T extends { at: number }>(markers: T[], domain: [number, number], gap = 0.015): { marker: T; row: number }[] {
  const ends: number[] = [];
  return [...markers].sort((a, b) => a.at - b.at).map((marker) => {
    const x = (marker.at - domain[0]) / (domain[1] - domain[0]);
    let row = ends.findIndex((end) => end <= x);
    if (row < 0) row = ends.length;
    ends[row] = x + gap;
    return { marker, row };
  });
}
