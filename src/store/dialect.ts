// Everything that differs between the embedded SQLite store and PostgreSQL lives here:
// opening a connection, auto-increment keys, and full-text search (FTS5 vs tsvector).
// The rest of the store speaks plain Kysely and runs unchanged on both.
import { Kysely, PostgresDialect, SqliteDialect, sql, type ColumnDefinitionBuilder, type CreateTableBuilder } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from './schema.ts';
import { COUNT_CAP, SEARCH_RANK_LIMIT, type SearchPage } from './types.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface Connection {
  db: Kysely<Database>;
  dialect: DialectName;
  /** PostgreSQL schema the tables live in, when the URL named one (`?schema=`). */
  schema?: string;
  /** SQLite: the connection Kysely uses, for the statements the store prepares once (writes.ts). */
  sqlite?: BetterSqlite3.Database;
}

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** Opens `url`: postgres://… (optionally `?schema=name`, created when missing) or a SQLite file path (`sqlite:` prefix optional). */
export async function connect(url: string): Promise<Connection> {
  if (isPostgresUrl(url)) return connectPostgres(url);
  const path = url.replace(/^sqlite:(\/\/)?/i, '');
  if (!path) throw new Error('database URL is empty: give a file path or postgres://…');
  const { default: SQLite } = await import('better-sqlite3');
  let handle: InstanceType<typeof SQLite> | undefined;
  try {
    handle = new SQLite(path);
    // WAL lets a server read while an ingest writes; the busy timeout makes the other wait instead of failing.
    handle.pragma('busy_timeout = 5000');
    handle.pragma('journal_mode = WAL');
    // In WAL mode, NORMAL syncs the disk at checkpoints only, not at every COMMIT (FULL would: once per report).
    // A crash of the process loses nothing committed; a power cut can lose the reports committed since the
    // last checkpoint, never the database's consistency, and a re-run of the ingest stores them again.
    handle.pragma('synchronous = NORMAL');
    // A report's save writes ~220 pages to the WAL (most of them index pages: ids are hashes, so each row lands
    // on its own leaf), so the default checkpoint every 1,000 pages ran every 4 or 5 reports, each copying and
    // syncing about as many pages. Every 8,192 pages (32 MB of WAL, ~37 reports), pages that several reports
    // touched are copied once, and the disk is synced 8 times less often: 1,000 saves into a new store,
    // 10.3 → 7.2 ms/report (CPU 5.8 → 5.1 ms; median of three runs, ext4). Readers look pages up in a
    // larger WAL index: listings, search and truces on 600 reports took the same time with 35 MB of WAL as
    // with none. The WAL file stays about 32 MB long.
    handle.pragma('wal_autocheckpoint = 8192');
    // Gathers the planner's statistics where they are missing or stale (a large ingest since the last open).
    handle.pragma('optimize = 0x10002');
  } catch (e) {
    handle?.close();
    throw new Error(`cannot open SQLite database ${path}: ${(e as Error).message}`);
  }
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: handle }) }), dialect: 'sqlite', sqlite: handle };
}

async function connectPostgres(url: string): Promise<Connection> {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? undefined;
  parsed.searchParams.delete('schema');
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name in database URL: ${JSON.stringify(schema)}`);
  const { default: pg } = await import('pg');
  const connectionString = parsed.toString();
  if (schema) {
    const client = new pg.Client({ connectionString });
    try {
      await client.connect();
      await client.query(`create schema if not exists "${schema}"`);
    } catch (e) {
      throw new Error(`cannot open PostgreSQL database ${redact(url)}: ${(e as Error).message}`);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  const pool = new pg.Pool({ connectionString, max: 10, ...(schema ? { options: `-c search_path="${schema}"` } : {}) });
  // Fail at open time with the URL in the message rather than on the first query.
  try {
    const c = await pool.connect();
    c.release();
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw new Error(`cannot open PostgreSQL database ${redact(url)}: ${(e as Error).message}`);
  }
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres', schema };
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/** An auto-incrementing integer primary key column. */
export function autoId<T extends string>(dialect: DialectName, table: CreateTableBuilder<T, never>, name: string): CreateTableBuilder<T, never> {
  return dialect === 'postgres'
    ? table.addColumn(name, 'serial', (c: ColumnDefinitionBuilder) => c.primaryKey())
    : table.addColumn(name, 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement());
}

/** SQL that is true when the column holds a YYYY-MM-DD day. */
export function matchesDay(dialect: DialectName, column: string): string {
  return dialect === 'sqlite' ? `${column} glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'` : `${column} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`;
}

/**
 * An index that lists events in the API's order within one date span class: `prefix` columns, date_span,
 * date_start newest first (undated last), document_id, evidence_start, the event id; then date_end and
 * review, so that date filters and visibility are checked without reading the table.
 */
export async function listingIndex(db: Kysely<any>, dialect: DialectName, name: string, table: string, prefix: string[], id: string): Promise<void> {
  // SQLite puts NULLs last in descending order already (and takes no NULLS LAST in an index); PostgreSQL puts them first.
  const start = dialect === 'sqlite' ? 'date_start desc' : 'date_start desc nulls last';
  const columns = [...prefix, 'date_span', start, 'document_id', 'evidence_start', id, 'date_end', 'review'];
  await sql.raw(`create index ${name} on ${table} (${columns.join(', ')})`).execute(db);
}

/** Creates the full-text index over document text and evidence. Both use English stemming, so "attacks" finds "attack". */
export async function createSearchIndex(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`create virtual table search_index using fts5(kind unindexed, ref unindexed, document_id unindexed, body, tokenize = 'porter unicode61 remove_diacritics 2')`.execute(db);
    return;
  }
  await sql`create table search_index (
    id serial primary key, kind text not null, ref text not null, document_id text not null, body text not null,
    tsv tsvector generated always as (to_tsvector('english', body)) stored)`.execute(db);
  await sql`create index search_index_tsv on search_index using gin (tsv)`.execute(db);
  await sql`create index search_index_doc on search_index (document_id)`.execute(db);
}

/**
 * SQLite: where each document's rows are in the full-text table. FTS5 indexes no column but the text, so
 * deleting a document's rows by document_id read the whole table (a re-extraction of one report on a store of
 * 200 reports: 2.8 ms of its 10, growing with the store); by rowid, it reads the document's rows only. A save
 * inserts a document's rows in one statement, so they are rowids first_rowid…last_rowid (row_count of them);
 * a store made before this records, per document, the lowest and highest rowid of its rows and their count.
 * PostgreSQL indexes search_index.document_id and needs nothing of the kind.
 */
export async function createSearchRanges(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect !== 'sqlite') return;
  await sql`create table search_ranges (document_id text primary key, first_rowid integer not null, last_rowid integer not null,
    row_count integer not null) without rowid`.execute(db);
  await sql`insert into search_ranges select document_id, min(rowid), max(rowid), count(*) from search_index group by document_id`.execute(db);
}

export interface SearchHit {
  kind: string;
  ref: string;
  document_id: string;
  snippet: string;
  /** Relevance (higher is better); null when the page is not ranked (see SearchPage). */
  rank: number | null;
}

/** Words of a user query; everything else (quotes, operators, SQL) is dropped, so any input is a safe query. */
export function queryWords(q: string): string[] {
  return q.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Full-text search: every word must occur (stemmed). When at most SEARCH_RANK_LIMIT rows match, the best
 * matches come first; past that, the most recently indexed ones (ranking costs time in proportion to the
 * rows that contain each word: bm25 alone took 300 ms for a word in half of 1M rows). Counted as listEvents counts.
 */
export async function searchIndex(db: Kysely<Database>, dialect: DialectName, q: string, kinds: string[], limit: number, offset: number): Promise<SearchPage> {
  const words = queryWords(q);
  if (words.length === 0) return { items: [], total: 0, total_exact: true, ranked: true };
  const kindFilter = kinds.length ? sql`and kind in (${sql.join(kinds)})` : sql``;
  const cap = Math.max(COUNT_CAP, offset + limit + 1);
  const sqlite = dialect === 'sqlite';
  const match = sqlite ? sql`search_index match ${words.map((w) => `"${w}"`).join(' ')}` : sql`tsv @@ plainto_tsquery('english', ${words.join(' ')})`;
  const counted = await sql<{ n: number | string }>`select count(*) as n from (select 1 from search_index where ${match} ${kindFilter} limit ${cap + 1}) m`.execute(db);
  const n = Number(counted.rows[0]?.n ?? 0);
  const ranked = n <= SEARCH_RANK_LIMIT;
  let rows: { kind: string; ref: string; document_id: string; snippet: string; rank: number | string | null }[];
  if (sqlite) {
    const rank = ranked ? sql`bm25(search_index)` : sql`null`;
    rows = (await sql<SearchHit>`select kind, ref, document_id, snippet(search_index, 3, '[', ']', '…', 16) as snippet, ${rank} as rank
      from search_index where ${match} ${kindFilter} order by ${ranked ? sql`rank` : sql`rowid desc`} limit ${limit} offset ${offset}`.execute(db)).rows;
  } else {
    const query = sql`plainto_tsquery('english', ${words.join(' ')})`;
    const rank = ranked ? sql`ts_rank(tsv, ${query})` : sql`null`;
    rows = (await sql<SearchHit>`select kind, ref, document_id,
        ts_headline('english', body, ${query}, 'StartSel=[, StopSel=], MaxWords=24, MinWords=8, MaxFragments=1, FragmentDelimiter=…') as snippet,
        ${rank} as rank
      from search_index where ${match} ${kindFilter} order by ${ranked ? sql`rank desc, id` : sql`id desc`} limit ${limit} offset ${offset}`.execute(db)).rows;
  }
  return {
    // bm25 is lower for better matches; ts_rank higher.
    items: rows.map((r) => ({ ...r, rank: r.rank === null ? null : sqlite ? -Number(r.rank) : Number(r.rank) })),
    total: Math.min(n, cap), total_exact: n <= cap, ranked,
  };
}
