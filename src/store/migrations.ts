// Versioned schema migrations, one list for both dialects (Kysely Migrator with an in-code provider).
// Append new migrations; never edit one that has shipped.
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { autoId, createSearchIndex, createSearchRanges, listingIndex, matchesDay, type DialectName } from './dialect.ts';

function migrations(dialect: DialectName): Record<string, Migration> {
  return {
    '0001_initial': {
      async up(db: Kysely<any>) {
        await db.schema.createTable('documents')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('format', 'text', (c) => c.notNull())
          .addColumn('url', 'text')
          .addColumn('title', 'text')
          .addColumn('outlet', 'text')
          .addColumn('published', 'text')
          .addColumn('published_precision', 'text')
          .addColumn('published_basis', 'text', (c) => c.notNull())
          .addColumn('raw', 'text', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('offsets', 'text', (c) => c.notNull())
          .addColumn('outlets_cited', 'text', (c) => c.notNull())
          .addColumn('simhash', 'text', (c) => c.notNull())
          .addColumn('sim_b0', 'text', (c) => c.notNull())
          .addColumn('sim_b1', 'text', (c) => c.notNull())
          .addColumn('sim_b2', 'text', (c) => c.notNull())
          .addColumn('sim_b3', 'text', (c) => c.notNull())
          .addColumn('near_duplicate_of', 'text', (c) => c.references('documents.id'))
          .addColumn('ingested_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        for (const b of ['sim_b0', 'sim_b1', 'sim_b2', 'sim_b3']) await db.schema.createIndex(`documents_${b}`).on('documents').column(b).execute();
        await db.schema.createIndex('documents_published').on('documents').column('published').execute();

        await db.schema.createTable('extractions')
          .addColumn('document_id', 'text', (c) => c.primaryKey().references('documents.id').onDelete('cascade'))
          .addColumn('json', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();

        await db.schema.createTable('actors_used')
          .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
          .addColumn('actor_id', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('surface', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('actors_used_pk', ['document_id', 'actor_id'])
          .execute();
        await db.schema.createIndex('actors_used_actor').on('actors_used').column('actor_id').execute();

        await db.schema.createTable('places_used')
          .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
          .addColumn('place_id', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('within', 'text', (c) => c.notNull())
          .addColumn('lat', 'double precision')
          .addColumn('lon', 'double precision')
          .addColumn('surface', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('places_used_pk', ['document_id', 'place_id'])
          .execute();
        await db.schema.createIndex('places_used_place').on('places_used').column('place_id').execute();

        await autoId(dialect, db.schema.createTable('mentions'), 'id')
          .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('ref', 'text', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('start', 'integer', (c) => c.notNull())
          .addColumn('end', 'integer', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('mentions_doc').on('mentions').column('document_id').execute();

        const review = <T extends string>(t: ReturnType<typeof db.schema.createTable<T>>) => t
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
          .addColumn('local_id', 'text', (c) => c.notNull())
          .addColumn('evidence', 'text', (c) => c.notNull())
          .addColumn('evidence_start', 'integer', (c) => c.notNull())
          .addColumn('evidence_end', 'integer', (c) => c.notNull())
          .addColumn('review', 'text')
          .addColumn('merged_into', 'text')
          .addColumn('edited', 'integer', (c) => c.notNull().defaultTo(0));

        await review(db.schema.createTable('events'))
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('mode', 'text', (c) => c.notNull())
          .addColumn('trigger', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('date', 'text')
          .addColumn('date_start', 'text')
          .addColumn('date_end', 'text')
          .addColumn('date_basis', 'text', (c) => c.notNull())
          .addColumn('location', 'text', (c) => c.notNull())
          .addColumn('place_id', 'text')
          .addColumn('fatalities', 'integer')
          .addColumn('injured', 'text')
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('target', 'text', (c) => c.notNull())
          .addColumn('attributed_to', 'text', (c) => c.notNull())
          .execute();
        for (const col of ['document_id', 'date_start', 'date_end', 'type', 'place_id']) await db.schema.createIndex(`events_${col}`).on('events').column(col).execute();

        await db.schema.createTable('event_actors')
          .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
          .addColumn('actor_id', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('event_actors_pk', ['event_id', 'actor_id', 'role'])
          .execute();
        await db.schema.createIndex('event_actors_actor').on('event_actors').column('actor_id').execute();

        await review(db.schema.createTable('statements'))
          .addColumn('speaker', 'text', (c) => c.notNull())
          .addColumn('speaker_actor', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('channel', 'text', (c) => c.notNull())
          .addColumn('date', 'text')
          .addColumn('date_start', 'text')
          .addColumn('date_end', 'text')
          .addColumn('topic', 'text', (c) => c.notNull())
          .addColumn('stance', 'text', (c) => c.notNull())
          .addColumn('stance_detail', 'text', (c) => c.notNull())
          .execute();
        for (const col of ['document_id', 'speaker_actor', 'date_start']) await db.schema.createIndex(`statements_${col}`).on('statements').column(col).execute();

        await review(db.schema.createTable('claims'))
          .addColumn('quantity', 'text', (c) => c.notNull())
          .addColumn('value', 'double precision', (c) => c.notNull())
          .addColumn('qualifier', 'text', (c) => c.notNull())
          .addColumn('interval', 'text')
          .addColumn('attributed_to', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('claims_document_id').on('claims').column('document_id').execute();

        await db.schema.createTable('truces')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
          .addColumn('local_id', 'text', (c) => c.notNull())
          .addColumn('parties_key', 'text', (c) => c.notNull())
          .addColumn('parties', 'text', (c) => c.notNull())
          .addColumn('mediator', 'text', (c) => c.notNull())
          .addColumn('declared', 'text')
          .addColumn('conditions', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('truces_parties').on('truces').column('parties_key').execute();

        await db.schema.createTable('truce_states')
          .addColumn('truce_id', 'text', (c) => c.notNull().references('truces.id').onDelete('cascade'))
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('document_id', 'text', (c) => c.notNull())
          .addColumn('parties_key', 'text', (c) => c.notNull())
          .addColumn('date', 'text', (c) => c.notNull())
          .addColumn('date_start', 'text')
          .addColumn('date_end', 'text')
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('evidence', 'text', (c) => c.notNull())
          .addColumn('evidence_start', 'integer', (c) => c.notNull())
          .addColumn('evidence_end', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('truce_states_pk', ['truce_id', 'seq'])
          .execute();
        await db.schema.createIndex('truce_states_parties').on('truce_states').columns(['parties_key', 'date_start']).execute();

        // Corrections are not tied to the extraction rows by foreign key: they outlive re-extraction.
        await autoId(dialect, db.schema.createTable('corrections'), 'id')
          .addColumn('who', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('target', 'text', (c) => c.notNull())
          .addColumn('document_id', 'text', (c) => c.notNull())
          .addColumn('payload', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('corrections_document').on('corrections').column('document_id').execute();

        await autoId(dialect, db.schema.createTable('changes'), 'id')
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('document_id', 'text')
          .addColumn('target', 'text')
          .addColumn('detail', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('changes_at').on('changes').column('at').execute();

        await createSearchIndex(db, dialect);
      },
    },
    // Events of one actor are read from the index alone (it covers the event id).
    '0002_event_actors_cover': {
      up: async (db) => {
        await db.schema.createIndex('event_actors_actor_event').on('event_actors').columns(['actor_id', 'event_id']).execute();
      },
    },
    // Events are listed (by date, by actor, newest first) from two indexes alone, and counted from them.
    // Before, a month of one actor's events read every event of that actor (190k on 1M events) and sorted
    // the matches; each page also counted the whole filtered join. See listEvents in index.ts.
    '0003_event_listing': {
      async up(db: Kysely<any>) {
        const steps = async (db: Kysely<any>) => {
          await db.schema.alterTable('events').addColumn('date_span', 'integer').execute();
          await db.schema.alterTable('event_actors').addColumn('document_id', 'text', (c) => c.notNull().defaultTo('')).execute();
          await db.schema.alterTable('event_actors').addColumn('evidence_start', 'integer', (c) => c.notNull().defaultTo(0)).execute();
          for (const c of ['date_start', 'date_end', 'review']) await db.schema.alterTable('event_actors').addColumn(c, 'text').execute();
          await db.schema.alterTable('event_actors').addColumn('date_span', 'integer').execute();
          // dateSpanClass (rows.ts) in SQL, with the bounds it had when this migration was written: 0, 7, 31, 100, 372, 1500 days.
          const day = (c: string) => `(cast(substr(${c}, 1, 4) as integer) * 372 + (cast(substr(${c}, 6, 2) as integer) - 1) * 31 + cast(substr(${c}, 9, 2) as integer))`;
          const span = `${day('date_end')} - ${day('date_start')}`;
          await sql.raw(`update events set date_span = case
            when date_start is null then null
            when not (${matchesDay(dialect, 'date_start')} and ${matchesDay(dialect, 'date_end')}) then 6
            when ${span} <= 0 then 0 when ${span} <= 7 then 1 when ${span} <= 31 then 2 when ${span} <= 100 then 3
            when ${span} <= 372 then 4 when ${span} <= 1500 then 5 else 6 end`).execute(db);
          // One row per actor and event: an actor on both sides becomes one row with role 'both'.
          await sql`update event_actors set role = 'both' where role = 'source' and exists (select 1 from event_actors t
            where t.event_id = event_actors.event_id and t.actor_id = event_actors.actor_id and t.role = 'target')`.execute(db);
          await sql`delete from event_actors where role = 'target' and exists (select 1 from event_actors b
            where b.event_id = event_actors.event_id and b.actor_id = event_actors.actor_id and b.role = 'both')`.execute(db);
          await sql`update event_actors set document_id = e.document_id, evidence_start = e.evidence_start, date_start = e.date_start,
            date_end = e.date_end, date_span = e.date_span, review = e.review from events e where e.id = event_actors.event_id`.execute(db);
          await listingIndex(db, dialect, 'events_listing', 'events', [], 'id');
          await listingIndex(db, dialect, 'event_actors_listing', 'event_actors', ['actor_id'], 'event_id');
          // Superseded by the listing indexes (their leading columns).
          for (const i of ['events_date_start', 'events_date_end', 'event_actors_actor', 'event_actors_actor_event']) await db.schema.dropIndex(i).execute();
          await sql`analyze events`.execute(db);
          await sql`analyze event_actors`.execute(db);
        };
        // Kysely runs PostgreSQL migrations in a transaction, not SQLite ones: a failure must not leave half a migration.
        await (dialect === 'sqlite' ? db.transaction().execute(steps) : steps(db));
      },
    },
    // A re-extraction deletes the document's rows from every table: the truce tables had no index to find
    // them by (nor had getDocument), and SQLite's full-text table has none at all (dialect.ts createSearchRanges).
    // Re-extracting one report in a store of 2,000 read every row of these three tables: ~50 ms, now ~13 ms.
    '0004_reextraction': {
      async up(db: Kysely<any>) {
        const steps = async (db: Kysely<any>) => {
          await db.schema.createIndex('truces_document').on('truces').column('document_id').execute();
          await db.schema.createIndex('truce_states_document').on('truce_states').column('document_id').execute();
          await createSearchRanges(db, dialect);
        };
        await (dialect === 'sqlite' ? db.transaction().execute(steps) : steps(db));
      },
    },
  };
}

/** Brings the schema to the latest version (or to the migration named `to`); throws with the failing migration's name and reason. */
export async function migrate(db: Kysely<any>, dialect: DialectName, schema?: string, to?: string): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  // On PostgreSQL the migrator's bookkeeping tables are looked for in every schema unless one is named:
  // another schema's tables (a second TruceWatch, a parallel test) would be taken for ours.
  const migrationTableSchema = dialect === 'postgres' ? schema ?? 'public' : undefined;
  const migrator = new Migrator({ db, provider, migrationTableSchema });
  const { error, results } = await (to === undefined ? migrator.migrateToLatest() : migrator.migrateTo(to));
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
