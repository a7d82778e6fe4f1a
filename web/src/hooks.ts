// Small data hooks shared by the views: fetch with reload, the hash route, and name look-ups.
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { getAll, getJSON, type ActorItem, type DocumentSummary, type PlaceItem } from './api.ts';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` when `key` changes (null = nothing to load); keeps the last data while reloading. */
export function useLoad<T>(key: string | null, load: () => Promise<T>): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: string | null; key: string | null }>({ data: null, error: null, key: null });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    load().then(
      (data) => live && setState({ data, error: null, key }),
      (e: Error) => live && setState({ data: null, error: e.message, key }),
    );
    return () => {
      live = false;
    };
    // `load` is derived from `key`; re-running on its identity would refetch every render.
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.data, error: state.error, loading: state.key !== key, reload };
}

export function useFetch<T>(path: string | null): Loaded<T> {
  return useLoad<T>(path, () => getJSON<T>(path as string));
}

// The route lives in the location hash ("#/events?type=ASSAULT"), so the server only ever serves "/".
function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

export interface Route {
  parts: string[];
  query: URLSearchParams;
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?');
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(query) };
}

export function href(parts: string[], query?: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return `#/${parts.map(encodeURIComponent).join('/')}${s ? `?${s}` : ''}`;
}

// Names change rarely: one request per page load for each list.
const cache = new Map<string, Promise<unknown>>();
function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  if (!cache.has(key)) cache.set(key, load().catch((e) => {
    cache.delete(key);
    throw e;
  }));
  return cache.get(key) as Promise<T>;
}

export const loadActors = () => cached('actors', () => getAll<ActorItem>('/api/actors', {}));
export const loadPlaces = () => cached('places', () => getAll<PlaceItem>('/api/places', {}));
export const loadDocuments = () => cached('documents', () => getAll<DocumentSummary>('/api/documents', {}));

export function useActorNames(): (id: string) => string {
  const { data } = useLoad('actors', loadActors);
  return useMemo(() => {
    const names = new Map((data?.items ?? []).map((a) => [a.id, a.name]));
    return (id: string) => names.get(id) ?? id;
  }, [data]);
}

export function useDocuments(): Map<string, DocumentSummary> {
  const { data } = useLoad('documents', loadDocuments);
  return useMemo(() => new Map((data?.items ?? []).map((d) => [d.id, d])), [data]);
}
