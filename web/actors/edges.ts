// The action network's edges, from the events' sources and targets.
import type { EventItem } from '../src/api.ts';

export interface Edge {
  source: string;
  target: string;
  weight: number;
}

/** Who acted on whom: one edge per (source, target) pair, weighted by the number of events. */
export function actionEdges(events: EventItem[]): Edge[] {
  const edges = new Map<string, Edge>();
  for (const e of events) {
    for (const s of e.source) {
      for (const t of e.target) {
        if (s === t) continue;
        const key = `${s}\u0000${t}`;
        const edge = edges.get(key) ?? { source: s, target: t, weight: 0 };
        edge.weight++;
        edges.set(key, edge);
      }
    }
  }
  return [...edges.values()];
}
