// Event exports: ACLED-style CSV, JSON Lines and GeoJSON. Pure functions over the store's event items;
// the PLOVER→ACLED crosswalk is data (acled.yaml).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { MAX_PAGE, type EventFilter, type EventItem, type Store } from '../store/types.ts';

export const EXPORT_FORMATS = ['csv', 'jsonl', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const pair = z.tuple([z.string(), z.string()]);
const crosswalkSchema = z.record(z.string(), z.object({ default: pair, modes: z.record(z.string(), pair).optional() }));
type Crosswalk = z.infer<typeof crosswalkSchema>;

let crosswalk: Crosswalk | undefined;
function acled(): Crosswalk {
  crosswalk ??= crosswalkSchema.parse(parse(readFileSync(new URL('./acled.yaml', import.meta.url), 'utf8')));
  return crosswalk;
}

/** ACLED event_type and sub_event_type of a PLOVER type and mode, or null when it is not an ACLED event. */
export function acledType(type: string, mode: string): [string, string] | null {
  const entry = acled()[type];
  if (!entry) return null;
  const modes = mode.split(/[,\s]+/).filter(Boolean);
  for (const m of modes) if (entry.modes?.[m]) return entry.modes[m];
  return entry.default;
}

export const CSV_COLUMNS = ['event_id_cnty', 'event_date', 'time_precision', 'event_type', 'sub_event_type', 'actor1', 'actor2', 'admin1',
  'location', 'latitude', 'longitude', 'geo_precision', 'source', 'notes', 'fatalities'] as const;

/** ACLED time precision: 1 a known day, 2 within a week, 3 a longer span. */
function timePrecision(e: EventItem): number | '' {
  if (!e.date_start || !e.date_end) return '';
  const days = (Date.parse(e.date_end) - Date.parse(e.date_start)) / 86_400_000;
  return days === 0 ? 1 : days <= 7 ? 2 : 3;
}

/**
 * First-level division and geo precision from the place's enclosing places ("Anbar Governorate, Iraq"):
 * a place inside a province is precise (1); a province itself is 3, as is a country or an unknown place.
 */
function geography(e: EventItem): { admin1: string; geo_precision: number | '' } {
  if (!e.location) return { admin1: '', geo_precision: '' };
  const within = e.within.split(',').map((s) => s.trim()).filter(Boolean);
  if (within.length >= 2) return { admin1: within[0], geo_precision: 1 };
  if (within.length === 1) return { admin1: e.location, geo_precision: 3 };
  return { admin1: '', geo_precision: 3 };
}

/** A CSV cell: quoted when needed; text that a spreadsheet would run as a formula is prefixed with a quote. */
function cell(v: string | number | null | undefined, text = true): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (text && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\n`;
}

/** One ACLED-style row, or null for events that are not ACLED events (verbal types). */
export function csvRow(e: EventItem, actorName: (id: string) => string): string | null {
  const t = acledType(e.type, e.mode);
  if (!t) return null;
  const geo = geography(e);
  const names = (ids: string[]) => ids.map(actorName).join('; ');
  const notes = [e.evidence, e.status !== 'occurred' ? `(${e.status})` : '', e.attributed_to ? `according to ${e.attributed_to}` : ''].filter(Boolean).join(' ');
  const values: [string | number | null, boolean][] = [
    [e.id, true], [e.date_start ?? '', false], [timePrecision(e), false], [t[0], true], [t[1], true],
    [names(e.source), true], [names(e.target), true], [geo.admin1, true], [e.location, true],
    [e.lat, false], [e.lon, false], [geo.geo_precision, false], [e.outlet ?? e.url ?? e.document, true], [notes, true], [e.fatalities ?? 0, false],
  ];
  return `${values.map(([v, text]) => cell(v, text)).join(',')}\n`;
}

export function jsonLine(e: EventItem): string {
  return `${JSON.stringify(e)}\n`;
}

export function geoFeature(e: EventItem): object | null {
  if (e.lat === null || e.lon === null) return null;
  const { lat, lon, ...properties } = e;
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties };
}

/** Renders events in one format; `events` is consumed page by page so exports need not hold two copies. */
export async function renderExport(format: ExportFormat, events: AsyncIterable<EventItem>, actorName: (id: string) => string): Promise<string> {
  const parts: string[] = [];
  if (format === 'csv') parts.push(csvHeader());
  const features: object[] = [];
  for await (const e of events) {
    if (format === 'csv') {
      const row = csvRow(e, actorName);
      if (row) parts.push(row);
    } else if (format === 'jsonl') parts.push(jsonLine(e));
    else {
      const f = geoFeature(e);
      if (f) features.push(f);
    }
  }
  return format === 'geojson' ? JSON.stringify({ type: 'FeatureCollection', features }) : parts.join('');
}

/** Every page of a store listing, in order. */
async function* allPages<T>(page: (offset: number) => Promise<{ items: T[]; total: number }>): AsyncGenerator<T> {
  for (let offset = 0; ; offset += MAX_PAGE) {
    const p = await page(offset);
    yield* p.items;
    if (p.items.length < MAX_PAGE) return;
  }
}

/** Statuses an ACLED-style table records when the caller names none: happenings, not threats or plans. */
const ACLED_STATUSES = ['occurred', 'claimed'];

/** Exports the events matching `filter` (pagination ignored) in `format`. */
export async function exportEvents(store: Store, format: ExportFormat, filter: EventFilter = {}): Promise<string> {
  const names = new Map<string, string>();
  for await (const a of allPages((offset) => store.listActors({ limit: MAX_PAGE, offset }))) names.set(a.id, a.name);
  const f: EventFilter = { ...filter, status: filter.status?.length ? filter.status : format === 'csv' ? ACLED_STATUSES : undefined };
  const events = allPages((offset) => store.listEvents({ ...f, limit: MAX_PAGE, offset }));
  return renderExport(format, events, (id) => names.get(id) ?? id);
}
