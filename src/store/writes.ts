// The statements saveDocument runs for every report: is it stored, near-duplicate candidates, and the
// INSERTs of its ~300 rows. Kysely builds, compiles and (on SQLite) prepares every query anew, which was
// most of a save's time; these are written once per table and row count instead, with the same SQL text
// Kysely generates and the values it would bind, in the same order, so the rows stored are the same.
// SQLite: statements prepared once per store and reused, rows in chunks of 32, 16, 8, 4, 2 and 1 (at most
// six statements per table, one native call per chunk; full-text rows in one statement, see insert).
// PostgreSQL: one multi-row INSERT per table (up to 200 rows), sent as a compiled query on the save's
// transaction.
// Both run only inside the transaction of a save (KyselyStore.saveDocument), on the connection it holds.
import { CompiledQuery, type Transaction } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from './schema.ts';

export type Bands = [string, string, string, string];

export interface SaveWrites {
  /** The stored document with this id, if any. */
  stored(id: string): Promise<{ near_duplicate_of: string | null } | undefined> | { near_duplicate_of: string | null } | undefined;
  /** The extraction version of a stored document, if it has one. */
  version(id: string): Promise<number | undefined> | number | undefined;
  /** Stored originals (not near-duplicates themselves) that share at least one simhash band. */
  candidates(bands: Bands): Promise<{ id: string; simhash: string }[]> | { id: string; simhash: string }[];
  /**
   * Inserts rows that all have the same columns: the keys of the first row, in their order. An undefined
   * value is bound as NULL (the default of every nullable column of these tables).
   */
  insert(table: keyof Database, rows: readonly object[]): Promise<void> | void;
  /** Deletes a document's full-text rows (before it is re-extracted). */
  deleteSearch(documentId: string): Promise<void> | void;
}

const STORED = 'select "near_duplicate_of" from "documents" where "id" = ?';
const VERSION = 'select "version" from "extractions" where "document_id" = ?';
// Each band has its own index: SQLite reads the four ranges (MULTI-INDEX OR), PostgreSQL a BitmapOr.
const CANDIDATES = 'select "id", "simhash" from "documents" where "near_duplicate_of" is null and ("sim_b0" = ? or "sim_b1" = ? or "sim_b2" = ? or "sim_b3" = ?)';

function insertSql(table: string, columns: string[], rows: number, placeholder: (i: number) => string): string {
  const tuples: string[] = [];
  for (let r = 0; r < rows; r++) tuples.push(`(${columns.map((_, c) => placeholder(r * columns.length + c)).join(', ')})`);
  return `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${tuples.join(', ')}`;
}

/** The values of rows[from, to) for `columns`, row after row. */
function values(rows: readonly object[], columns: string[], from: number, to: number, into: unknown[] = []): unknown[] {
  let k = 0;
  for (let r = from; r < to; r++) {
    const row = rows[r] as Record<string, unknown>;
    for (const c of columns) into[k++] = row[c] ?? null;
  }
  return into;
}

const SQLITE_CHUNKS = [32, 16, 8, 4, 2, 1] as const;
const FTS_ROWS = 1000;
const FTS_CACHED = 64;

export class SqliteWrites implements SaveWrites {
  private readonly inserts = new Map<string, BetterSqlite3.Statement>();
  private readonly storedStmt: BetterSqlite3.Statement<[string], { near_duplicate_of: string | null }>;
  private readonly versionStmt: BetterSqlite3.Statement<[string], { version: number }>;
  private readonly candidatesStmt: BetterSqlite3.Statement<Bands, { id: string; simhash: string }>;

  private readonly rangeStmt: BetterSqlite3.Statement<[string, number, number, number]>;
  private readonly rangeOfStmt: BetterSqlite3.Statement<[string], { first_rowid: number; last_rowid: number; row_count: number }>;
  private readonly deleteRangeStmt: BetterSqlite3.Statement<[number, number, string]>;
  private readonly deleteScanStmt: BetterSqlite3.Statement<[string]>;
  private readonly deleteRangeOfStmt: BetterSqlite3.Statement<[string]>;

  constructor(private readonly handle: BetterSqlite3.Database) {
    this.storedStmt = handle.prepare(STORED);
    this.versionStmt = handle.prepare(VERSION);
    this.candidatesStmt = handle.prepare(CANDIDATES);
    this.rangeStmt = handle.prepare('insert or replace into "search_ranges" ("document_id", "first_rowid", "last_rowid", "row_count") values (?, ?, ?, ?)');
    this.rangeOfStmt = handle.prepare('select "first_rowid", "last_rowid", "row_count" from "search_ranges" where "document_id" = ?');
    // FTS5 looks rows up by rowid one at a time (a rowid range, BETWEEN, reads the whole table): the range's rowids, listed.
    this.deleteRangeStmt = handle.prepare(`with recursive r(id) as (select ? union all select id + 1 from r where id < ?)
      delete from "search_index" where "rowid" in (select id from r) and "document_id" = ?`);
    this.deleteScanStmt = handle.prepare('delete from "search_index" where "document_id" = ?');
    this.deleteRangeOfStmt = handle.prepare('delete from "search_ranges" where "document_id" = ?');
  }

  stored(id: string) {
    return this.storedStmt.get(id);
  }

  deleteSearch(documentId: string): void {
    const range = this.rangeOfStmt.get(documentId);
    // A range bounds all of the document's rows; should fewer be found in it, the whole table is read as before.
    const deleted = range ? this.deleteRangeStmt.run(range.first_rowid, range.last_rowid, documentId).changes : 0;
    if (!range || deleted !== range.row_count) this.deleteScanStmt.run(documentId);
    this.deleteRangeOfStmt.run(documentId);
  }

  version(id: string) {
    return this.versionStmt.get(id)?.version;
  }

  candidates(bands: Bands) {
    return this.candidatesStmt.all(...bands);
  }

  insert(table: keyof Database, rows: readonly object[]): void {
    if (rows.length === 0) return;
    const columns = Object.keys(rows[0]);
    let i = 0;
    if (table === 'search_index') {
      // All in one statement: every further statement of the transaction opens a savepoint, and FTS5 writes
      // out the terms it holds at each one, as a segment of its own that it must merge later (written last in
      // a save, they are flushed once, at COMMIT). Statements for up to FTS_CACHED rows are kept (~1 MB in
      // all); a larger one is prepared for the save alone (~25 µs for 50 rows).
      let last = 0;
      for (; i < rows.length; i += FTS_ROWS) {
        const n = Math.min(FTS_ROWS, rows.length - i);
        const stmt = n <= FTS_CACHED ? this.statement(table, columns, n) : this.handle.prepare(insertSql(table, columns, n, () => '?'));
        last = Number(stmt.run(values(rows, columns, i, i + n)).lastInsertRowid);
      }
      // Each row took the next rowid (the largest one plus one): the rows of one save are a range (dialect.ts
      // createSearchRanges), and all of them belong to one document.
      this.rangeStmt.run((rows[0] as { document_id: string }).document_id, last - rows.length + 1, last, rows.length);
      return;
    }
    for (const n of SQLITE_CHUNKS) {
      if (rows.length - i < n) continue;
      const stmt = this.statement(table, columns, n);
      const params: unknown[] = new Array(n * columns.length);
      for (; rows.length - i >= n; i += n) stmt.run(values(rows, columns, i, i + n, params));
    }
  }

  private statement(table: string, columns: string[], n: number): BetterSqlite3.Statement {
    const key = `${table}\u0000${n}\u0000${columns.join('\u0000')}`;
    let stmt = this.inserts.get(key);
    if (!stmt) {
      stmt = this.handle.prepare(insertSql(table, columns, n, () => '?'));
      this.inserts.set(key, stmt);
    }
    return stmt;
  }
}

const PG_CHUNK = 200;
const numbered = (text: string) => {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
};
const PG_STORED = numbered(STORED);
const PG_VERSION = numbered(VERSION);
const PG_CANDIDATES = numbered(CANDIDATES);

export function postgresWrites(trx: Transaction<Database>): SaveWrites {
  const query = async <R>(text: string, params: unknown[]) => (await trx.executeQuery<R>(CompiledQuery.raw(text, params))).rows;
  return {
    stored: async (id) => (await query<{ near_duplicate_of: string | null }>(PG_STORED, [id]))[0],
    version: async (id) => (await query<{ version: number }>(PG_VERSION, [id]))[0]?.version,
    candidates: (bands) => query<{ id: string; simhash: string }>(PG_CANDIDATES, [...bands]),
    deleteSearch: async (documentId) => {
      await query('delete from "search_index" where "document_id" = $1', [documentId]);
    },
    async insert(table, rows) {
      if (rows.length === 0) return;
      const columns = Object.keys(rows[0]);
      for (let i = 0; i < rows.length; i += PG_CHUNK) {
        const n = Math.min(PG_CHUNK, rows.length - i);
        await query(insertSql(table, columns, n, (k) => `$${k + 1}`), values(rows, columns, i, i + n));
      }
    },
  };
}
