// Map: an offline base layer (country borders from world-atlas, no tile server) and the filtered
// events as one circle per place, coloured by the place's most frequent event type.
import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-110m.json';
import { type Route } from '../src/hooks.ts';
import { readerLink } from '../common/Evidence.tsx';
import { TYPE_COLOURS, typeColour } from '../common/colours.ts';
import { FilterBar, useEventFilters, useEvents } from '../common/Filters.tsx';
import { Status } from '../common/Status.tsx';
import { groupByPlace, type PlaceGroup } from './group.ts';

const borders = feature(countries as unknown as Topology, (countries as unknown as Topology).objects.countries as GeometryCollection);

/** The popup, built as DOM text nodes: evidence is untrusted text. */
function popup(g: PlaceGroup): HTMLElement {
  const box = document.createElement('div');
  box.className = 'popup';
  const h = box.appendChild(document.createElement('strong'));
  h.textContent = `${g.name}: ${g.events.length} event(s)`;
  const ul = box.appendChild(document.createElement('ul'));
  for (const e of g.events.slice(0, 12)) {
    const li = ul.appendChild(document.createElement('li'));
    li.append(`${e.date ?? '—'} ${e.type} (${e.status}): `);
    const a = li.appendChild(document.createElement('a'));
    a.href = readerLink(e.document_id, e.evidence_start, e.evidence_end, e.evidence);
    a.textContent = e.evidence.length > 120 ? `${e.evidence.slice(0, 120)}…` : e.evidence;
  }
  if (g.events.length > 12) box.append(`… and ${g.events.length - 12} more (see the Events table)`);
  return box;
}

export default function MapView(_: { route: Route }) {
  const filters = useEventFilters();
  const events = useEvents(filters);
  const holder = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const markers = useRef(new Map<string, L.CircleMarker>());
  const groups = groupByPlace(events.data?.items ?? []);

  useEffect(() => {
    const m = L.map(holder.current as HTMLDivElement, { worldCopyJump: true, attributionControl: false }).setView([33.2, 43.7], 5);
    L.geoJSON(borders, { style: { color: '#7f8c8d', weight: 1, fillColor: '#ecf0f1', fillOpacity: 1 }, interactive: false }).addTo(m);
    layer.current = L.layerGroup().addTo(m);
    map.current = m;
    return () => {
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const group = layer.current;
    if (!group) return;
    map.current?.closePopup();
    group.clearLayers();
    markers.current.clear();
    for (const g of groups) {
      const marker = L.circleMarker([g.lat, g.lon], {
        radius: 5 + 3 * Math.sqrt(g.events.length), color: '#222', weight: 1, fillColor: typeColour(g.type), fillOpacity: 0.85,
        className: `place-marker place-${g.id}`,
      }).bindPopup(() => popup(g)).bindTooltip(`${g.name} (${g.events.length})`);
      marker.addTo(group);
      markers.current.set(g.id, marker);
    }
    // Groups are rebuilt from the same data on every render: redraw only when the data changes.
  }, [events.data]);

  const focus = (g: PlaceGroup) => {
    map.current?.setView([g.lat, g.lon], Math.max(map.current.getZoom(), 7));
    markers.current.get(g.id)?.openPopup();
  };
  const types = [...new Set(groups.map((g) => g.type))].sort();
  return (
    <>
      <h1>Map</h1>
      <FilterBar key={JSON.stringify(filters)} view="map" />
      <Status loading={events.loading && !events.data} error={events.error} />
      <div className="map-layout">
        <div ref={holder} className="map" role="region" aria-label="Map of events" />
        <aside>
          <ul className="legend" aria-label="Event types">
            {types.map((t) => <li key={t}><span className="swatch" style={{ background: TYPE_COLOURS[t] }} />{t}</li>)}
          </ul>
          <h2>Places ({groups.length})</h2>
          <p className="muted">{events.data ? `${events.data.items.filter((e) => e.lat === null).length} event(s) without a known place are not shown.` : ''}</p>
          <ul className="places">
            {groups.map((g) => (
              <li key={g.id}><button type="button" className="linkish" data-place={g.id} onClick={() => focus(g)}>{g.name}</button> ({g.events.length})</li>
            ))}
          </ul>
        </aside>
      </div>
    </>
  );
}
