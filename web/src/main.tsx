// The dashboard shell: a navigation bar and one view per route; the map and network views
// (Leaflet, Cytoscape) load only when opened.
import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { useRoute } from './hooks.ts';
import './styles.css';

const views = {
  truces: { label: 'Truces', View: lazy(() => import('../truce/TruceView.tsx')) },
  events: { label: 'Events', View: lazy(() => import('../events/EventsView.tsx')) },
  map: { label: 'Map', View: lazy(() => import('../map/MapView.tsx')) },
  actors: { label: 'Actors', View: lazy(() => import('../actors/ActorsView.tsx')) },
  reader: { label: 'Reader', View: lazy(() => import('../reader/ReaderView.tsx')) },
} as const;
type ViewName = keyof typeof views;
// The table and the map share their filters: switching between them keeps the query.
const FILTERED = new Set<string>(['events', 'map']);

function App() {
  const route = useRoute();
  const name = (route.parts[0] in views ? route.parts[0] : 'truces') as ViewName;
  const { View } = views[name];
  const query = route.query.toString();
  return (
    <>
      <header className="top">
        <a className="brand" href="#/truces">TruceWatch</a>
        <nav aria-label="Views">
          {(Object.keys(views) as ViewName[]).map((v) => (
            <a key={v} href={`#/${v}${FILTERED.has(v) && FILTERED.has(name) && query ? `?${query}` : ''}`} aria-current={v === name ? 'page' : undefined}>{views[v].label}</a>
          ))}
        </nav>
      </header>
      <main id="main">
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <View route={route} />
        </Suspense>
      </main>
    </>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(<StrictMode><App /></StrictMode>);
