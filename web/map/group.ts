// Simple clustering for the map: one marker per place.
import type { EventItem } from '../src/api.ts';

export interface PlaceGroup {
  id: string;
  name: string;
  lat: number;
  lon: number;
  events: EventItem[];
  /** The most frequent event type at the place. */
  type: string;
}

/** Events with coordinates, grouped by place id. */
export function groupByPlace(events: EventItem[]): PlaceGroup[] {
  const groups = new Map<string, PlaceGroup>();
  for (const e of events) {
    if (e.lat === null || e.lon === null) continue;
    const id = e.place_id ?? `${e.lat},${e.lon}`;
    const g = groups.get(id) ?? { id, name: e.location || id, lat: e.lat, lon: e.lon, events: [], type: e.type };
    g.events.push(e);
    groups.set(id, g);
  }
  for (const g of groups.values()) {
    const counts = new Map<string, number>();
    for (const e of g.events) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
    g.type = [...counts].sort((a, b) => b[1] - a[1])[0][0];
  }
  return [...groups.values()].sort((a, b) => b.events.length - a.events.length);
}
