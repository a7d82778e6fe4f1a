// The event filters shared by the table and the map. They live in the URL (#/events?type=ASSAULT),
// so switching views keeps them and a filtered view can be bookmarked.
import { useState, type FormEvent } from 'react';
import { getAll, type CappedPage, type EventItem } from '../src/api.ts';
import { href, loadActors, loadPlaces, useLoad, useRoute } from '../src/hooks.ts';
import { EVENT_STATUSES, PLOVER_TYPES } from './colours.ts';

export const FILTER_KEYS = ['from', 'to', 'type', 'status', 'actor', 'place', 'text'] as const;
export type EventFilters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

export function useEventFilters(): EventFilters {
  const { query } = useRoute();
  const f: EventFilters = {};
  for (const k of FILTER_KEYS) {
    const v = query.get(k);
    if (v) f[k] = v;
  }
  return f;
}

/** The events matching the filters (every page, up to 2000). */
export function useEvents(filters: EventFilters) {
  const key = JSON.stringify(filters);
  return useLoad<CappedPage<EventItem>>(key, () => getAll<EventItem>('/api/events', filters));
}

export function FilterBar({ view }: { view: string }) {
  const current = useEventFilters();
  const [draft, setDraft] = useState<EventFilters>(current);
  const actors = useLoad('actors', loadActors).data?.items ?? [];
  const places = useLoad('places', loadPlaces).data?.items ?? [];
  const set = (k: keyof EventFilters) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });
  const apply = (e: FormEvent) => {
    e.preventDefault();
    window.location.hash = href([view], draft);
  };
  const clear = () => {
    setDraft({});
    window.location.hash = href([view]);
  };
  return (
    <form className="filters" onSubmit={apply} aria-label="Event filters">
      <label>From <input name="from" placeholder="YYYY-MM-DD" value={draft.from ?? ''} onChange={set('from')} size={10} /></label>
      <label>To <input name="to" placeholder="YYYY-MM-DD" value={draft.to ?? ''} onChange={set('to')} size={10} /></label>
      <label>Type
        <select name="type" value={draft.type ?? ''} onChange={set('type')}>
          <option value="">any</option>
          {PLOVER_TYPES.map((t) => <option key={t}>{t}</option>)}
        </select>
      </label>
      <label>Status
        <select name="status" value={draft.status ?? ''} onChange={set('status')}>
          <option value="">any</option>
          {EVENT_STATUSES.map((s) => <option key={s}>{s}</option>)}
        </select>
      </label>
      <label>Actor
        <select name="actor" value={draft.actor ?? ''} onChange={set('actor')}>
          <option value="">any</option>
          {actors.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
      </label>
      <label>Place
        <select name="place" value={draft.place ?? ''} onChange={set('place')}>
          <option value="">any</option>
          {places.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </label>
      <label>Text <input name="text" type="search" value={draft.text ?? ''} onChange={set('text')} /></label>
      <button type="submit">Apply</button>
      <button type="button" onClick={clear}>Clear</button>
    </form>
  );
}
