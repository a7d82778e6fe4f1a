// The store: documents, their extractions and analysts' corrections in SQLite (embedded, default)
// or PostgreSQL, through one Kysely schema. Each document is saved in one transaction, or a batch of them in one
// transaction with a savepoint each.
import { sql, type Kysely, type SelectQueryBuilder, type Transaction, type Updateable } from 'kysely';
import type { Document, Extraction } from '../pipeline/types.ts';
import { addDays, dayRange } from '../pipeline/date-range.ts';
import { hamming } from '../ingest/identity.ts';
import { connect, searchIndex, type DialectName } from './dialect.ts';
import { migrate } from './migrations.ts';
import type { Database, EventsTable } from './schema.ts';
import { documentRow, eventActorRows, extractionRows, placeIdOf, simhashBands, cleanSpan, storedDocument, SPAN_BOUNDS, type ExtractionRows } from './rows.ts';
import { fieldColumns, validateCorrection, type CorrectionInput, type ItemKind, type ValidCorrection } from './corrections.ts';
import { postgresWrites, SqliteWrites, type SaveWrites } from './writes.ts';
import {
  COUNT_CAP, MAX_PAGE, StoreError,
  type ActorItem, type ChangeItem, type ClaimFilter, type ClaimItem, type CorrectionItem, type DocumentDetail, type DocumentSummary,
  type EventFilter, type EventItem, type EventPage, type Page, type PageQuery, type PlaceItem, type SaveFailure, type SaveItem, type SaveOptions, type SaveResult, type Span,
  type StatementFilter, type StatementItem, type Store, type TruceItem, type TruceStateItem,
} from './types.ts';

export * from './types.ts';
export type { CorrectionInput } from './corrections.ts';

/** Simhashes this many bits apart or fewer are the same report (the band index below assumes ≤ 3). */
const NEAR_DUPLICATE_BITS = 3;
const CHUNK = 200;

type Db = Kysely<Database>;
type Tx = Transaction<Database>;

/** Opens (and migrates) the store at `url`: a SQLite file path, or postgres://… (optionally ?schema=name). */
export async function openStore(url: string): Promise<Store> {
  const conn = await connect(url);
  try {
    await migrate(conn.db, conn.dialect, conn.schema);
  } catch (e) {
    await conn.db.destroy();
    throw e;
  }
  return new KyselyStore(conn.db, conn.dialect, conn.sqlite ? new SqliteWrites(conn.sqlite) : undefined);
}

function pageOf(q: PageQuery = {}): { limit: number; offset: number } {
  const limit = q.limit ?? 50;
  const offset = q.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw new StoreError('invalid', `limit must be an integer from 1 to ${MAX_PAGE}`);
  if (!Number.isInteger(offset) || offset < 0) throw new StoreError('invalid', 'offset must be a non-negative integer');
  return { limit, offset };
}

function dayBound(value: string | undefined, side: 'start' | 'end', name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  const r = dayRange(value);
  if (!r) throw new StoreError('invalid', `${name} is not a date (YYYY, YYYY-MM or YYYY-MM-DD): ${JSON.stringify(value)}`);
  return r[side];
}

/** LIKE pattern matching `text` anywhere, with LIKE's own wildcards escaped. */
function containing(text: string): string {
  if (/[\u0000-\u001f\u007f]/.test(text)) throw new StoreError('invalid', 'text filters may not contain control characters');
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const json = <T>(s: string): T => JSON.parse(s) as T;
const now = (): string => new Date().toISOString();

async function insertAll<T extends keyof Database>(trx: Tx, table: T, rows: readonly object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await trx.insertInto(table).values(rows.slice(i, i + CHUNK) as never).execute();
}

/** A row of the change log: one per save and per correction. */
function change(at: string, kind: string, documentId: string | null, target: string | null, detail: object) {
  return { at, kind, document_id: documentId, target, detail: JSON.stringify(detail) };
}

class KyselyStore implements Store {
  /** `sqlite`: the save statements prepared on the store's SQLite connection (writes.ts). */
  constructor(private readonly db: Db, readonly dialect: DialectName, private readonly sqlite?: SqliteWrites) {}

  async close(): Promise<void> {
    await this.db.destroy();
  }

  async hasDocument(id: string): Promise<boolean> {
    return (await this.db.selectFrom('documents').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  async saveDocument(doc: Document, extraction: Extraction, opts: SaveOptions = {}): Promise<SaveResult> {
    try {
      // The transaction holds the store's one connection (SQLite) or a pooled one (PostgreSQL) until it ends:
      // the prepared SQLite statements run on it, between its BEGIN and COMMIT, with no other query in between.
      return await this.db.transaction().execute((trx) => this.saveIn(trx, this.sqlite ?? postgresWrites(trx), doc, extraction, opts));
    } catch (e) {
      // Another process stored the same report between our check and our insert: that is the idempotent case.
      if (!opts.replace && (await this.hasDocument(doc.id).catch(() => false))) return { status: 'unchanged', id: doc.id };
      throw e;
    }
  }

  async saveBatch(items: SaveItem[]): Promise<Array<SaveResult | SaveFailure>> {
    if (items.length === 0) return [];
    const trx = await this.db.startTransaction().execute();
    const w = this.sqlite ?? postgresWrites(trx);
    const out: Array<SaveResult | SaveFailure> = [];
    try {
      for (const { doc, extraction, opts = {} } of items) {
        const item = await trx.savepoint('item').execute();
        try {
          out.push(await this.saveIn(item, w, doc, extraction, opts));
        } catch (e) {
          await item.rollbackToSavepoint('item').execute();
          // As in saveDocument: another process storing the same report first is the idempotent case.
          const stored = !opts.replace && (await Promise.resolve(w.stored(doc.id)).catch(() => undefined)) !== undefined;
          out.push(stored ? { status: 'unchanged', id: doc.id } : { status: 'failed', id: doc.id, error: (e as Error).message });
        }
        await item.releaseSavepoint('item').execute();
      }
      await trx.commit().execute();
    } catch (e) {
      await trx.rollback().execute().catch(() => {});
      throw e;
    }
    return out;
  }

  private async saveIn(trx: Tx, w: SaveWrites, doc: Document, extraction: Extraction, opts: SaveOptions): Promise<SaveResult> {
    const at = now();
    const existing = await w.stored(doc.id);
    if (existing && (!opts.replace || existing.near_duplicate_of)) return { status: 'unchanged', id: doc.id };
    const rows = extractionRows(doc, extraction, opts.mentions);
    if (existing) {
      const version = (await w.version(doc.id)) ?? 0;
      await this.deleteExtraction(trx, w, doc.id);
      const { ingested_at: _kept, ...row } = documentRow(doc, extraction, at, null);
      await trx.updateTable('documents').set(row).where('id', '=', doc.id).execute();
      await this.insertExtraction(w, doc.id, extraction, rows, version + 1, at);
      await this.replayCorrections(trx, doc.id);
      await w.insert('changes', [change(at, 'document.reextracted', doc.id, null, { name: doc.name, version: version + 1, events: rows.events.length })]);
      await w.insert('search_index', rows.search);
      return { status: 'updated', id: doc.id };
    }
    const original = await this.findNearDuplicate(w, doc.simhash);
    await w.insert('documents', [documentRow(doc, extraction, at, original)]);
    if (original) {
      await w.insert('changes', [change(at, 'document.near-duplicate', doc.id, original, { name: doc.name, source: doc.source })]);
      return { status: 'near-duplicate', id: doc.id, duplicateOf: original };
    }
    await this.insertExtraction(w, doc.id, extraction, rows, 1, at);
    await w.insert('changes', [change(at, 'document.added', doc.id, null, { name: doc.name, source: doc.source, events: rows.events.length, statements: rows.statements.length })]);
    // Full-text rows last: FTS5 writes out what it holds at every later statement of the transaction (writes.ts).
    await w.insert('search_index', rows.search);
    return { status: 'added', id: doc.id };
  }

  /** The closest stored original within NEAR_DUPLICATE_BITS: by pigeonhole, it shares at least one 16-bit band exactly. */
  private async findNearDuplicate(w: SaveWrites, simhash: string): Promise<string | null> {
    const candidates = await w.candidates(simhashBands(simhash));
    let best: { id: string; d: number } | null = null;
    for (const c of candidates) {
      const d = hamming(c.simhash, simhash);
      if (d <= NEAR_DUPLICATE_BITS && (!best || d < best.d || (d === best.d && c.id < best.id))) best = { id: c.id, d };
    }
    return best?.id ?? null;
  }

  private async insertExtraction(w: SaveWrites, id: string, extraction: Extraction, rows: ExtractionRows, version: number, at: string): Promise<void> {
    await w.insert('extractions', [{ document_id: id, json: JSON.stringify(extraction), version, created_at: at }]);
    await w.insert('actors_used', rows.actors);
    await w.insert('places_used', rows.places);
    await w.insert('mentions', rows.mentions);
    await w.insert('events', rows.events);
    await w.insert('event_actors', rows.eventActors);
    await w.insert('statements', rows.statements);
    await w.insert('claims', rows.claims);
    await w.insert('truces', rows.truces);
    await w.insert('truce_states', rows.truceStates);
  }

  private async deleteExtraction(trx: Tx, w: SaveWrites, id: string): Promise<void> {
    await trx.deleteFrom('event_actors').where('event_id', 'in', trx.selectFrom('events').select('id').where('document_id', '=', id)).execute();
    for (const t of ['events', 'statements', 'claims', 'truce_states', 'truces', 'actors_used', 'places_used', 'mentions'] as const) {
      await trx.deleteFrom(t).where('document_id', '=', id).execute();
    }
    await w.deleteSearch(id);
    await trx.deleteFrom('extractions').where('document_id', '=', id).execute();
  }


  // ---- corrections ----

  async addCorrection(c: CorrectionInput): Promise<CorrectionItem> {
    let valid: ValidCorrection;
    try {
      valid = validateCorrection(c);
    } catch (e) {
      throw new StoreError('invalid', (e as Error).message);
    }
    const who = c.who.trim();
    if (!who) throw new StoreError('invalid', 'a correction needs `who`: the analyst making it');
    return this.db.transaction().execute(async (trx) => {
      const row = await this.itemTable(trx, valid.kind).select(['id', 'document_id']).where('id', '=', c.target).executeTakeFirst();
      if (!row) throw new StoreError('not_found', `no ${valid.kind.slice(0, -1)} with id ${c.target}`);
      if (valid.action === 'merge' && !(await this.itemTable(trx, valid.kind).select('id').where('id', '=', valid.into).executeTakeFirst())) {
        throw new StoreError('not_found', `merge target ${valid.into} does not exist`);
      }
      const at = now();
      const payload = c.payload ?? {};
      const inserted = await trx.insertInto('corrections')
        .values({ who, at, action: valid.action, target: c.target, document_id: row.document_id, payload: JSON.stringify(payload) })
        .returning('id').executeTakeFirstOrThrow();
      await this.applyCorrection(trx, valid, c.target);
      await trx.insertInto('changes').values(change(at, 'correction', row.document_id, c.target, { action: valid.action, who })).execute();
      return { id: Number(inserted.id), who, at, action: valid.action, target: c.target, document_id: row.document_id, payload };
    });
  }

  async listCorrections(q: PageQuery & { target?: string; document?: string } = {}): Promise<Page<CorrectionItem>> {
    const { limit, offset } = pageOf(q);
    const base = this.db.selectFrom('corrections')
      .$if(q.target !== undefined, (b) => b.where('target', '=', q.target!))
      .$if(q.document !== undefined, (b) => b.where('document_id', '=', q.document!));
    const rows = await base.selectAll().orderBy('id').limit(limit).offset(offset).execute();
    const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return { items: rows.map((r) => ({ ...r, id: Number(r.id), payload: json(r.payload) })), total: Number(total.n) };
  }

  /** The three correctable tables share the columns used here (id, document_id, review, merged_into, edited). */
  private itemTable(trx: Tx | Db, kind: ItemKind) {
    return trx.selectFrom(kind as 'events');
  }

  private async replayCorrections(trx: Tx, documentId: string): Promise<void> {
    const rows = await trx.selectFrom('corrections').selectAll().where('document_id', '=', documentId).orderBy('id').execute();
    for (const r of rows) {
      // A correction whose item the new extraction no longer has stays in the log, unapplied.
      await this.applyCorrection(trx, validateCorrection({ who: r.who, action: r.action as CorrectionInput['action'], target: r.target, payload: json(r.payload) }), r.target);
    }
  }

  private async applyCorrection(trx: Tx, c: ValidCorrection, target: string): Promise<void> {
    const table = c.kind as 'events';
    const row = await trx.selectFrom(table).selectAll().where('id', '=', target).executeTakeFirst();
    if (!row) return;
    const update = async (id: string, set: Updateable<EventsTable>) => {
      await trx.updateTable(table).set(set).where('id', '=', id).execute();
      // event_actors keeps a copy of the review for the listing index.
      if (c.kind === 'events' && set.review !== undefined) await trx.updateTable('event_actors').set({ review: set.review }).where('event_id', '=', id).execute();
    };
    switch (c.action) {
      case 'confirm':
        if (row.review !== 'merged' && row.review !== 'split') await update(target, { review: 'confirmed' });
        return;
      case 'reject':
        await update(target, { review: 'rejected' });
        return;
      case 'merge':
        await update(target, { review: 'merged', merged_into: c.into });
        return;
      case 'edit': {
        const next = await this.withPlace(trx, c.kind, { ...row, ...fieldColumns(c.kind, c.fields) } as EventsTable);
        const { id: _id, document_id: _doc, ...set } = next;
        await update(target, { ...set, edited: 1 });
        if (c.kind === 'events') await this.resetEventActors(trx, next);
        return;
      }
      case 'split': {
        if (row.review === 'split') return;
        const children = await Promise.all(c.parts.map((part, i) => this.withPlace(trx, c.kind, {
          ...row, ...fieldColumns(c.kind, part), id: `${target}~${i + 1}`, local_id: `${row.local_id}~${i + 1}`, review: null, merged_into: null, edited: 1,
        } as EventsTable)));
        await insertAll(trx, table, children);
        if (c.kind === 'events') for (const child of children) await this.resetEventActors(trx, child);
        await update(target, { review: 'split' });
      }
    }
  }

  /** An edited event location takes its place id from the document's places. */
  private async withPlace(trx: Tx, kind: ItemKind, row: EventsTable): Promise<EventsTable> {
    if (kind !== 'events') return row;
    const places = await trx.selectFrom('places_used').select(['place_id as id', 'name']).where('document_id', '=', row.document_id).execute();
    return { ...row, place_id: placeIdOf(places, row.location) };
  }

  private async resetEventActors(trx: Tx, row: EventsTable): Promise<void> {
    await trx.deleteFrom('event_actors').where('event_id', '=', row.id).execute();
    await insertAll(trx, 'event_actors', eventActorRows(row));
  }

  // ---- reads ----

  async listDocuments(q: PageQuery = {}): Promise<Page<DocumentSummary>> {
    const { limit, offset } = pageOf(q);
    const rows = await this.db.selectFrom('documents as d')
      .select(['d.id', 'd.name', 'd.source', 'd.url', 'd.title', 'd.outlet', 'd.published', 'd.published_precision', 'd.near_duplicate_of', 'd.ingested_at', 'd.updated_at'])
      .select((eb) => eb.selectFrom('events as e').whereRef('e.document_id', '=', 'd.id').select((e) => e.fn.countAll().as('n')).as('events'))
      .orderBy(sql`d.published is null`).orderBy('d.published', 'desc').orderBy('d.ingested_at', 'desc').orderBy('d.id')
      .limit(limit).offset(offset).execute();
    const total = await this.db.selectFrom('documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return { items: rows.map((r) => ({ ...r, events: Number(r.events) })), total: Number(total.n) };
  }

  async getDocument(id: string): Promise<DocumentDetail | null> {
    const d = await this.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
    if (!d) return null;
    const [x, dups, events, statements, claims, states, mentions] = await Promise.all([
      this.db.selectFrom('extractions').select('version').where('document_id', '=', id).executeTakeFirst(),
      this.db.selectFrom('documents').select('id').where('near_duplicate_of', '=', id).orderBy('id').execute(),
      this.db.selectFrom('events').select(['id', 'type', 'status', 'evidence_start', 'evidence_end']).where('document_id', '=', id).where(visibleAs('events')).execute(),
      this.db.selectFrom('statements').select(['id', 'stance', 'evidence_start', 'evidence_end']).where('document_id', '=', id).where(visibleAs('statements')).execute(),
      this.db.selectFrom('claims').select(['id', 'quantity', 'evidence_start', 'evidence_end']).where('document_id', '=', id).where(visibleAs('claims')).execute(),
      this.db.selectFrom('truce_states').select(['truce_id', 'seq', 'state', 'evidence_start', 'evidence_end']).where('document_id', '=', id).execute(),
      this.db.selectFrom('mentions').select(['kind', 'ref', 'start', 'end']).where('document_id', '=', id).orderBy('start').execute(),
    ]);
    const doc = storedDocument(d);
    const fromRaw = (kind: string, ref: string, label: string, s: number, e: number): Span => ({ kind, ref, label, ...cleanSpan(doc, s, e) });
    const spans: Span[] = [
      ...events.map((e) => fromRaw('event', e.id, `${e.type} (${e.status})`, e.evidence_start, e.evidence_end)),
      ...statements.map((s) => fromRaw('statement', s.id, s.stance, s.evidence_start, s.evidence_end)),
      ...claims.map((c) => fromRaw('claim', c.id, c.quantity, c.evidence_start, c.evidence_end)),
      ...states.map((t) => fromRaw('truce_state', `${t.truce_id}#${t.seq}`, t.state, t.evidence_start, t.evidence_end)),
      ...mentions.map((m) => ({ kind: m.kind, ref: m.ref, label: m.ref, start: m.start, end: m.end })),
    ].sort((a, b) => (a.start ?? -1) - (b.start ?? -1));
    const eventsCount = events.length;
    return {
      id: d.id, name: d.name, source: d.source, url: d.url, title: d.title, outlet: d.outlet, published: d.published,
      published_precision: d.published_precision, near_duplicate_of: d.near_duplicate_of, ingested_at: d.ingested_at, updated_at: d.updated_at,
      events: eventsCount, format: d.format, published_basis: d.published_basis, outlets_cited: json(d.outlets_cited), simhash: d.simhash,
      text: d.text, extraction_version: x?.version ?? null, near_duplicates: dups.map((r) => r.id), spans,
    };
  }

  /**
   * Events newest first (undated last), filtered. Without a document filter the page is read from the
   * listing indexes (migration 0003): one ordered range per date span class, merged (UNION ALL … ORDER BY
   * … LIMIT), so a page reads about `offset + limit` index entries plus the few that a date filter
   * skips; the full rows are then fetched for the page only. The count stops past COUNT_CAP (see EventPage).
   * EXPLAIN QUERY PLAN (SQLite) of a month of one actor: MERGE (UNION ALL) over "SEARCH a USING COVERING INDEX
   * event_actors_listing (actor_id=? AND date_span=? AND date_start>? AND date_start<?)", no temp B-tree; before,
   * the actor's 190k index entries each looked up its event, then a sort. PostgreSQL: Merge Append of Index Only
   * Scans (see `first` below).
   */
  async listEvents(f: EventFilter = {}): Promise<EventPage> {
    const { limit, offset } = pageOf(f);
    const from = dayBound(f.from, 'start', 'from');
    const to = dayBound(f.to, 'end', 'to');
    const text = f.text ? containing(f.text) : undefined;
    // Filters only the events table has: by actor, they are checked on the event each index entry points to.
    const onEvent = (b: AnyQuery): AnyQuery => b
      .$if(!!f.type?.length, (b) => b.where('e.type', 'in', f.type!))
      .$if(!!f.mode?.length, (b) => b.where('e.mode', 'in', f.mode!))
      .$if(!!f.status?.length, (b) => b.where('e.status', 'in', f.status!))
      .$if(!!f.place, (b) => b.where((eb) => eb.or([eb('e.place_id', '=', f.place!), eb(eb.fn('lower', ['e.location']), '=', f.place!.toLowerCase())])))
      .$if(text !== undefined, (b) => b.where((eb) => eb.or([
        eb(eb.fn('lower', ['e.evidence']), 'like', sql<string>`${text} escape '\\'`),
        eb(eb.fn('lower', ['e.trigger']), 'like', sql<string>`${text} escape '\\'`),
      ])));
    const hasEventFilters = !!(f.type?.length || f.mode?.length || f.status?.length || f.place || text !== undefined);
    // Named explicitly: a compound query's ORDER BY matches result columns by name.
    const keyColumns = ['e.id as id', 'e.date_start as date_start', 'e.document_id as document_id', 'e.evidence_start as evidence_start'];
    const ordered = (q: AnyQuery): AnyQuery => q.orderBy('date_start', (o) => o.desc().nullsLast()).orderBy('document_id').orderBy('evidence_start').orderBy('id');
    /** The keys of the matching events; `first`: only the first so many of each date span class are needed. */
    let keys: (first?: number) => AnyQuery;
    if (f.document) {
      // One document's events are few: its index, then a sort.
      keys = () => onEvent(this.db.selectFrom('events as e')
        .where('e.document_id', '=', f.document!)
        .$if(!f.includeHidden, (b) => b.where(visibleAs('e')))
        .$if(from !== undefined, (b) => b.where('e.date_end', '>=', from!))
        .$if(to !== undefined, (b) => b.where('e.date_start', '<=', to!))
        .$if(!!f.actor, (b) => b.where('e.id', 'in', (eb) => eb.selectFrom('event_actors as a').select('a.event_id').where('a.actor_id', '=', f.actor!))))
        .select(keyColumns);
    } else {
      keys = (first) => spanBranches(from, to).map((span): AnyQuery => {
        let b: AnyQuery;
        if (!f.actor) b = onEvent(span(this.db.selectFrom('events as e').$if(!f.includeHidden, (b) => b.where(visibleAs('e'))), 'e')).select(keyColumns);
        else {
          b = span(this.db.selectFrom('event_actors as a').where('a.actor_id', '=', f.actor).$if(!f.includeHidden, (b) => b.where(visibleAs('a'))), 'a');
          // CROSS JOIN keeps SQLite reading the actor's index first, in order; PostgreSQL plans it as an inner join.
          if (hasEventFilters) b = onEvent(b.crossJoin('events as e').whereRef('e.id', '=', 'a.event_id'));
          b = b.select(['a.event_id as id', 'a.date_start as date_start', 'a.document_id as document_id', 'a.evidence_start as evidence_start']);
        }
        // PostgreSQL plans a UNION ALL member that has a WHERE of its own as a separate, unordered subquery and then
        // sorts the whole union. Ordered, limited members let it merge them (Merge Append of index-only scans):
        // EXPLAIN ANALYZE of the first page of 1M events, 208 ms → 0.26 ms.
        return first === undefined ? b : this.db.selectFrom(ordered(b).limit(first).as('b')).selectAll();
      }).reduce((all, b) => all.unionAll(b));
    }
    const cap = Math.max(COUNT_CAP, offset + limit + 1);
    const [page, counted] = await Promise.all([
      // SQLite merges the members of the compound query in order itself (MERGE (UNION ALL) of covering index ranges).
      (this.dialect === 'sqlite' ? ordered(keys()) : ordered(this.db.selectFrom(keys(offset + limit).as('k')).selectAll()))
        .limit(limit).offset(offset).execute() as Promise<{ id: string }[]>,
      this.db.selectFrom((keys() as KeysQuery).limit(cap + 1).as('k')).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    ]);
    const n = Number(counted.n);
    return { items: await this.eventItems(page.map((r) => r.id)), total: Math.min(n, cap), total_exact: n <= cap };
  }

  /** The full items of these events, in this order. */
  private async eventItems(ids: string[]): Promise<EventItem[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('events as e')
      .innerJoin('documents as d', 'd.id', 'e.document_id')
      .leftJoin('places_used as p', (j) => j.onRef('p.document_id', '=', 'e.document_id').onRef('p.place_id', '=', 'e.place_id'))
      .selectAll('e')
      .select(['d.name as document', 'd.url', 'd.outlet', 'd.published', 'p.within', 'p.lat', 'p.lon'])
      .where('e.id', 'in', ids)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id)).filter((r) => r !== undefined).map(({ date_span: _span, ...r }) => ({
      ...r, within: r.within ?? '', lat: r.lat === null ? null : Number(r.lat), lon: r.lon === null ? null : Number(r.lon),
      source: json<string[]>(r.source), target: json<string[]>(r.target), edited: r.edited === 1,
    }));
  }

  async listStatements(f: StatementFilter = {}): Promise<Page<StatementItem>> {
    const { limit, offset } = pageOf(f);
    const from = dayBound(f.from, 'start', 'from');
    const to = dayBound(f.to, 'end', 'to');
    const base = this.db.selectFrom('statements as s')
      .$if(!f.includeHidden, (b) => b.where(visibleAs('s')))
      .$if(from !== undefined, (b) => b.where('s.date_end', '>=', from!))
      .$if(to !== undefined, (b) => b.where('s.date_start', '<=', to!))
      .$if(!!f.actor, (b) => b.where('s.speaker_actor', '=', f.actor!))
      .$if(!!f.topic?.length, (b) => b.where('s.topic', 'in', f.topic!))
      .$if(!!f.stance?.length, (b) => b.where('s.stance', 'in', f.stance!))
      .$if(!!f.document, (b) => b.where('s.document_id', '=', f.document!))
      .$if(!!f.text, (b) => b.where((eb) => eb(eb.fn('lower', ['s.evidence']), 'like', sql<string>`${containing(f.text!)} escape '\\'`)));
    const rows = await base.selectAll('s')
      .orderBy(sql`s.date_start is null`).orderBy('s.date_start', 'desc').orderBy('s.document_id').orderBy('s.evidence_start').orderBy('s.id')
      .limit(limit).offset(offset).execute();
    const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return { items: rows.map(({ date_start: _s, date_end: _e, ...r }) => ({ ...r, edited: r.edited === 1 })), total: Number(total.n) };
  }

  async listClaims(f: ClaimFilter = {}): Promise<Page<ClaimItem>> {
    const { limit, offset } = pageOf(f);
    const base = this.db.selectFrom('claims as c')
      .$if(!f.includeHidden, (b) => b.where(visibleAs('c')))
      .$if(!!f.document, (b) => b.where('c.document_id', '=', f.document!))
      .$if(!!f.text, (b) => b.where((eb) => eb.or([
        eb(eb.fn('lower', ['c.evidence']), 'like', sql<string>`${containing(f.text!)} escape '\\'`),
        eb(eb.fn('lower', ['c.quantity']), 'like', sql<string>`${containing(f.text!)} escape '\\'`),
      ])));
    const rows = await base.selectAll('c').orderBy('c.document_id').orderBy('c.evidence_start').orderBy('c.id').limit(limit).offset(offset).execute();
    const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return { items: rows.map(({ local_id: _l, ...r }) => ({ ...r, value: Number(r.value), edited: r.edited === 1 })), total: Number(total.n) };
  }

  async listActors(q: PageQuery & { q?: string } = {}): Promise<Page<ActorItem>> {
    const { limit, offset } = pageOf(q);
    const base = this.db.selectFrom('actors_used as u')
      .$if(!!q.q, (b) => b.where((eb) => eb.or([
        eb(eb.fn('lower', ['u.name']), 'like', sql<string>`${containing(q.q!)} escape '\\'`),
        eb(eb.fn('lower', ['u.actor_id']), 'like', sql<string>`${containing(q.q!)} escape '\\'`),
      ])));
    const rows = await base
      .select((eb) => ['u.actor_id as id', eb.fn.max('u.name').as('name'), eb.fn.max('u.type').as('type'), eb.fn.count<number>('u.document_id').distinct().as('documents')])
      // One event_actors row per actor and event, with the event's review: counted from the listing index alone.
      .select((eb) => eb.selectFrom('event_actors as a').where(visibleAs('a'))
        .whereRef('a.actor_id', '=', 'u.actor_id').select((x) => x.fn.countAll<number>().as('n')).as('events'))
      .groupBy('u.actor_id').orderBy('documents', 'desc').orderBy('u.actor_id').limit(limit).offset(offset).execute();
    const total = await base.select((eb) => eb.fn.count<number>('u.actor_id').distinct().as('n')).executeTakeFirstOrThrow();
    return { items: rows.map((r) => ({ id: r.id, name: r.name, type: r.type, documents: Number(r.documents), events: Number(r.events ?? 0) })), total: Number(total.n) };
  }

  async listPlaces(q: PageQuery & { q?: string } = {}): Promise<Page<PlaceItem>> {
    const { limit, offset } = pageOf(q);
    const base = this.db.selectFrom('places_used as p')
      .$if(!!q.q, (b) => b.where((eb) => eb(eb.fn('lower', ['p.name']), 'like', sql<string>`${containing(q.q!)} escape '\\'`)));
    const rows = await base
      .select((eb) => ['p.place_id as id', eb.fn.max('p.name').as('name'), eb.fn.max('p.within').as('within'),
        eb.fn.max('p.lat').as('lat'), eb.fn.max('p.lon').as('lon'), eb.fn.count<number>('p.document_id').distinct().as('documents')])
      .groupBy('p.place_id').orderBy('documents', 'desc').orderBy('p.place_id').limit(limit).offset(offset).execute();
    const total = await base.select((eb) => eb.fn.count<number>('p.place_id').distinct().as('n')).executeTakeFirstOrThrow();
    return {
      items: rows.map((r) => ({ id: r.id, name: r.name, within: r.within, lat: r.lat === null ? null : Number(r.lat), lon: r.lon === null ? null : Number(r.lon), documents: Number(r.documents) })),
      total: Number(total.n),
    };
  }

  async listTruces(q: PageQuery & { asOf?: string } = {}): Promise<Page<TruceItem>> {
    const { limit, offset } = pageOf(q);
    const asOf = dayBound(q.asOf, 'end', 'as_of');
    // Only the columns the items use, and (as of a day) only the states known by then: building the rows
    // is most of the cost (1,500 states of 500 reports on 1M events: 6 ms of row objects for 0.1 ms of scan).
    const [truces, states] = await Promise.all([
      this.db.selectFrom('truces').select(['parties_key', 'parties', 'mediator', 'declared', 'conditions', 'document_id'])
        .orderBy('parties_key').orderBy('document_id').execute(),
      this.db.selectFrom('truce_states').select(['parties_key', 'date', 'date_start', 'state', 'document_id', 'evidence', 'evidence_start', 'evidence_end'])
        .$if(asOf !== undefined, (b) => b.where('date_start', '<=', asOf!))
        .orderBy('date_start').orderBy('document_id').orderBy('seq').execute(),
    ]);
    const groups = new Map<string, { rows: typeof truces; states: typeof states }>();
    for (const t of truces) {
      const g = groups.get(t.parties_key) ?? { rows: [], states: [] };
      g.rows.push(t);
      groups.set(t.parties_key, g);
    }
    for (const s of states) groups.get(s.parties_key)?.states.push(s);
    const items: TruceItem[] = [];
    for (const [key, g] of groups) {
      const known = g.states;
      const declared = g.rows.map((r) => r.declared).filter((d): d is string => !!d).sort()[0] ?? null;
      const declaredStart = declared ? dayRange(declared)?.start : undefined;
      if (asOf !== undefined && known.length === 0 && !(declaredStart && declaredStart <= asOf)) continue;
      const toItem = (s: (typeof states)[number]): TruceStateItem => ({
        date: s.date, state: s.state, document_id: s.document_id, evidence: s.evidence, evidence_start: s.evidence_start, evidence_end: s.evidence_end,
      });
      const last = known.at(-1);
      items.push({
        id: key,
        parties: json<string[]>(g.rows[0].parties),
        mediator: [...new Set(g.rows.flatMap((r) => json<string[]>(r.mediator)))].sort(),
        declared,
        conditions: [...new Set(g.rows.map((r) => r.conditions).filter(Boolean))],
        documents: [...new Set(g.rows.map((r) => r.document_id))],
        state: last ? toItem(last) : null,
        disputed_by: last ? known.filter((s) => s.date_start === last.date_start && s.state !== last.state).map(toItem) : [],
        states: known.map(toItem),
      });
    }
    return { items: items.slice(offset, offset + limit), total: items.length };
  }

  async search(q: string, opts: PageQuery & { kinds?: string[] } = {}) {
    const { limit, offset } = pageOf(opts);
    return searchIndex(this.db, this.dialect, q, opts.kinds ?? [], limit, offset);
  }

  async changesSince(since: string, q: PageQuery = {}): Promise<Page<ChangeItem>> {
    const { limit, offset } = pageOf(q);
    if (Number.isNaN(Date.parse(since))) throw new StoreError('invalid', `since is not an ISO date or timestamp: ${JSON.stringify(since)}`);
    const iso = new Date(since).toISOString();
    const base = this.db.selectFrom('changes').where('at', '>', iso);
    const rows = await base.selectAll().orderBy('id').limit(limit).offset(offset).execute();
    const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return { items: rows.map((r) => ({ ...r, id: Number(r.id), detail: json(r.detail) })), total: Number(total.n) };
  }
}

// The listing queries join events (e) or event_actors (a) under aliases the table types do not name: typed loosely, checked by tests.
type AnyQuery = SelectQueryBuilder<any, any, any>;
type KeysQuery = SelectQueryBuilder<Database, 'events', { id: string; date_start: string | null; document_id: string; evidence_start: number }>;
/** A listing source: events (alias e) or event_actors (alias a), which share the listing columns. */
type Listed<Q> = (b: Q, alias: 'e' | 'a') => Q;

/**
 * The date span classes a date filter must read, each as a bounded range of its listing index: an event of
 * class k lasts at most SPAN_BOUNDS[k] days, so if it reaches `from` it starts at most that many days before.
 * Without a date filter, undated events come last (their own range).
 */
function spanBranches(from: string | undefined, to: string | undefined): Listed<AnyQuery>[] {
  const classes = Array.from({ length: SPAN_BOUNDS.length + 1 }, (_, k) => k);
  const col = (alias: string, c: string) => sql.ref(`${alias}.${c}`);
  const branches: Listed<AnyQuery>[] = classes.map((k) => (b, alias) => {
    let q = b.where(col(alias, 'date_span'), '=', k);
    if (from !== undefined) {
      if (k < SPAN_BOUNDS.length) q = q.where(col(alias, 'date_start'), '>=', addDays(from, -SPAN_BOUNDS[k]));
      q = q.where(col(alias, 'date_end'), '>=', from);
    }
    if (to !== undefined) q = q.where(col(alias, 'date_start'), '<=', to);
    return q;
  });
  if (from === undefined && to === undefined) branches.push((b, alias) => b.where(col(alias, 'date_span'), 'is', null));
  return branches;
}

/** Items an analyst has not rejected, merged away or split. */
function visibleAs(alias: string) {
  return sql<boolean>`(${sql.ref(`${alias}.review`)} is null or ${sql.ref(`${alias}.review`)} = 'confirmed')`;
}

