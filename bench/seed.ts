// Bulk-fills a migrated SQLite store with generated events for the query benchmarks. It writes
// straight into the store's tables with prepared statements in large transactions: going through
// saveDocument one report at a time would take hours for a million events.
import SQLite from 'better-sqlite3';
import type { DocumentsTable, EventActorsTable, EventsTable, SearchIndexTable, TruceStatesTable, TrucesTable } from '../src/store/schema.ts';
import { dateSpanClass, eventActorRows } from '../src/store/rows.ts';
import { prng } from './generate.ts';

const EVENTS_PER_DOC = 100;
const TRUCE_EVERY_DOCS = 20;

export const ACTORS = ['USA', 'US_FORCES', 'IRQ', 'KATAIB_HEZBOLLAH', 'HARAKAT_NUJABA', 'IRAQI_ARMED_FACTIONS', 'PMF', 'IRN', 'KATAIB_SAYYID_SHUHADA', 'ISLAMIC_RESISTANCE_IRAQ'];
const TYPES = ['ASSAULT', 'COERCE', 'THREATEN', 'AGREE', 'CONSULT', 'REJECT', 'ACCUSE', 'RETREAT'];
const MODES = ['rocket', 'drone', 'airstrike', 'raid', 'ied', ''];
const PLACES = ['Baghdad', 'Erbil', 'Ain al-Asad', 'Jurf al-Sakhar', 'Al-Qaim', 'Taji', 'Victory Base'];
const WORDS = ['rockets', 'struck', 'base', 'drone', 'attack', 'truce', 'factions', 'militia', 'convoy', 'airport', 'embassy', 'strikes', 'statement', 'ceasefire', 'withdrawal'];
const STATES = ['proposed', 'in_force', 'strained', 'ended', 'resumed'];

/** A random day from 2020-01-01 to 2024-12-31 as YYYY-MM-DD. */
function day(rand: () => number): string {
  const t = Date.UTC(2020, 0, 1) + Math.floor(rand() * 1827) * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

function insert<T extends object>(db: SQLite.Database, table: string, sample: T): (row: T) => void {
  const cols = Object.keys(sample);
  const stmt = db.prepare(`insert into ${table} (${cols.map((c) => `"${c}"`).join(', ')}) values (${cols.map((c) => `@${c}`).join(', ')})`);
  return (row) => stmt.run(row);
}

/** Adds `events` generated events (and their documents, actors, truces and search rows) to the SQLite store at `path`. */
export function seedEvents(path: string, events: number, seed = 1): { documents: number; events: number; truceStates: number } {
  const rand = prng(seed);
  const db = new SQLite(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const at = new Date().toISOString();
  const docRow = (i: number): DocumentsTable => {
    const h = i.toString(16).padStart(16, '0');
    return {
      id: `bench-doc-${i}`, name: `bench-${i}.txt`, source: `bench:${i}`, format: 'text', url: null, title: null, outlet: null,
      published: day(rand), published_precision: 'day', published_basis: 'generated', raw: 'generated', text: 'generated', offsets: '[]',
      outlets_cited: '[]', simhash: h, sim_b0: h.slice(0, 4), sim_b1: h.slice(4, 8), sim_b2: h.slice(8, 12), sim_b3: h.slice(12, 16),
      near_duplicate_of: null, ingested_at: at, updated_at: at,
    };
  };
  const eventRow = (doc: string, i: number): EventsTable => {
    const date = day(rand);
    const evidence = Array.from({ length: 12 }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
    const [source, target] = [ACTORS[Math.floor(rand() * ACTORS.length)], ACTORS[Math.floor(rand() * ACTORS.length)]];
    return {
      id: `bench-ev-${i}`, document_id: doc, local_id: `e${i % EVENTS_PER_DOC}`, evidence, evidence_start: 0, evidence_end: evidence.length,
      review: null, merged_into: null, edited: 0, type: TYPES[Math.floor(rand() * TYPES.length)], mode: MODES[Math.floor(rand() * MODES.length)],
      trigger: 'struck', status: 'occurred', date, date_start: date, date_end: date, date_span: dateSpanClass(date, date), date_basis: 'generated',
      location: PLACES[Math.floor(rand() * PLACES.length)], place_id: null, fatalities: null, injured: null,
      source: JSON.stringify([source]), target: JSON.stringify([target]), attributed_to: '',
    };
  };
  const first = eventRow('x', 0);
  const ins = {
    doc: insert(db, 'documents', docRow(0)),
    event: insert(db, 'events', first),
    actor: insert<EventActorsTable>(db, 'event_actors', eventActorRows(first)[0]),
    search: insert<SearchIndexTable>(db, 'search_index', { kind: '', ref: '', document_id: '', body: '' }),
    truce: insert<TrucesTable>(db, 'truces', { id: '', document_id: '', local_id: '', parties_key: '', parties: '', mediator: '', declared: null, conditions: '' }),
    state: insert<TruceStatesTable>(db, 'truce_states', {
      truce_id: '', seq: 0, document_id: '', parties_key: '', date: '', date_start: null, date_end: null, state: '', evidence: '', evidence_start: 0, evidence_end: 0,
    }),
  };
  let truceStates = 0;
  const docs = Math.ceil(events / EVENTS_PER_DOC);
  const batch = db.transaction((from: number, to: number) => {
    for (let d = from; d < to; d++) {
      const doc = docRow(d);
      ins.doc(doc);
      for (let k = 0; k < EVENTS_PER_DOC && d * EVENTS_PER_DOC + k < events; k++) {
        const e = eventRow(doc.id, d * EVENTS_PER_DOC + k);
        ins.event(e);
        for (const a of eventActorRows(e)) ins.actor(a);
        ins.search({ kind: 'event', ref: e.id, document_id: doc.id, body: e.evidence });
      }
      if (d % TRUCE_EVERY_DOCS === 0) {
        const parties = [ACTORS[0], ACTORS[3 + (d % 4)]].sort();
        const id = `bench-tr-${d}`;
        ins.truce({ id, document_id: doc.id, local_id: 't1', parties_key: parties.join('+'), parties: JSON.stringify(parties), mediator: '["IRQ"]', declared: doc.published, conditions: '' });
        for (let s = 0; s < 3; s++) {
          const date = day(rand);
          ins.state({ truce_id: id, seq: s, document_id: doc.id, parties_key: parties.join('+'), date, date_start: date, date_end: date, state: STATES[Math.floor(rand() * STATES.length)], evidence: 'the truce holds', evidence_start: 0, evidence_end: 15 });
          truceStates++;
        }
      }
    }
  });
  for (let d = 0; d < docs; d += 500) batch(d, Math.min(docs, d + 500));
  db.pragma('optimize');
  db.close();
  return { documents: docs, events, truceStates };
}
