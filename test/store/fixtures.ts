// Builds Document/Extraction values for storage tests (the store is tested on its own, not the extractor),
// and opens the store under test on SQLite (temp file) and, when TRUCEWATCH_TEST_PG is set, PostgreSQL (fresh schema).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Document, EventOut, Extraction } from '../../src/pipeline/types.ts';
import { contentId, simhash } from '../../src/ingest/identity.ts';
import { openStore, type Store } from '../../src/store/index.ts';

export function makeDoc(text: string, extra: Partial<Document> = {}): Document {
  const prefix = 'NAV | Home | News\n';
  return {
    id: contentId(text), source: `/tmp/${extra.name ?? 'a.txt'}`, name: 'a.txt', format: 'text',
    raw: prefix + text, text, offsets: [{ clean: 0, raw: prefix.length, length: text.length }],
    outletsCited: [], simhash: simhash(text), ...extra,
  };
}

/** An event whose evidence is `phrase`, located in the document's raw text. */
export function event(doc: Document, phrase: string, over: Partial<EventOut> = {}): EventOut {
  const start = doc.raw.indexOf(phrase);
  if (start < 0) throw new Error(`fixture: ${phrase} not in text`);
  return {
    id: 'e01', type: 'ASSAULT', mode: 'heavy-weapons', trigger: 'attack', date: '2024-08-05', date_basis: 'test', source: ['KATAIB_HEZBOLLAH'],
    target: ['US_FORCES'], location: 'Ain al-Asad Air Base', status: 'occurred', fatalities: null, injured: null, attributed_to: '',
    evidence: phrase, evidence_start: start, evidence_end: start + phrase.length, ...over,
  };
}

export function makeExtraction(doc: Document, over: Partial<Extraction> = {}): Extraction {
  return {
    document: doc.name, published: '2024-08-23', published_precision: 'day', published_basis: 'dateline', outlets_cited: [],
    actors: [
      { id: 'KATAIB_HEZBOLLAH', name: 'Kataib Hezbollah', type: 'armed_group', aliases: [], surface: ['Kataib Hezbollah'] },
      { id: 'US_FORCES', name: 'US forces', type: 'state_force', aliases: [], surface: ['US forces'] },
    ],
    places: [{ id: 'AIN_AL_ASAD', name: 'Ain al-Asad Air Base', surface: ['Ain al-Asad'], within: 'Anbar Governorate, Iraq', lat: 33.8, lon: 42.44 }],
    events: [], statements: [], truces: [], claims: [], ...over,
  };
}

export const ARTICLE = 'On August 5, the Ain al-Asad base was subjected to a missile attack that injured several US soldiers. '
  + 'Kataib Hezbollah said the truce with Washington has ended. Pentagon sources counted at least 102 attacks since mid-October. '
  + 'Separately, a drone strike hit a convoy near Baghdad on August 7, killing two fighters.';

/** A report with its extraction: two events, a statement, a claim and a truce. */
export function sampleReport(text = ARTICLE, name = 'a.txt'): { doc: Document; x: Extraction } {
  const doc = makeDoc(text, { name, source: `/tmp/${name}` });
  const x = makeExtraction(doc, { events: [], statements: [], claims: [], truces: [] });
  if (text.includes('missile attack')) x.events.push(event(doc, 'On August 5, the Ain al-Asad base was subjected to a missile attack', { id: 'e01', injured: 'several' }));
  if (text.includes('drone strike')) {
    x.events.push(event(doc, 'a drone strike hit a convoy near Baghdad on August 7', { id: 'e02', mode: 'drone', source: ['US_FORCES'], target: ['KATAIB_HEZBOLLAH'], location: '', date: '2024-08-07', fatalities: 2 }));
  }
  const said = 'Kataib Hezbollah said the truce with Washington has ended';
  const s = doc.raw.indexOf(said);
  if (s >= 0) {
    x.statements.push({ id: 's01', speaker: 'Kataib Hezbollah', speaker_actor: 'KATAIB_HEZBOLLAH', role: '', channel: 'statement', date: '2024-08-23', topic: 'truce', stance: 'truce_ended', stance_detail: '', evidence: said, evidence_start: s, evidence_end: s + said.length });
    x.truces.push({ id: 't01', parties: ['US', 'KATAIB_HEZBOLLAH'], mediator: ['IRAQ_GOV'], declared: '2024-02', conditions: 'withdrawal talks',
      state_as_of: [{ date: '2024-08-23', state: 'ended', evidence: said, evidence_start: s, evidence_end: s + said.length }] });
  }
  const claim = 'at least 102 attacks since mid-October';
  const c = doc.raw.indexOf(claim);
  if (c >= 0) x.claims.push({ quantity: 'attacks on US forces', value: 102, qualifier: 'at least', interval: '2023-10-15/2024-08-23', attributed_to: 'Pentagon sources', evidence: claim, evidence_start: c, evidence_end: c + claim.length });
  return { doc, x };
}

export interface Target {
  name: string;
  /** A migrated store on a fresh database. */
  open(): Promise<{ store: Store; url: string; cleanup(): Promise<void> }>;
  /** A fresh, empty database (not migrated). */
  fresh(): Promise<{ url: string; cleanup(): Promise<void> }>;
}

async function opened(t: Pick<Target, 'fresh'>) {
  const { url, cleanup } = await t.fresh();
  return { store: await openStore(url), url, cleanup };
}

export const targets: Target[] = [{
  name: 'sqlite',
  async fresh() {
    const dir = mkdtempSync(join(tmpdir(), 'tw-store-'));
    return { url: join(dir, 'test.db'), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  },
  open() {
    return opened(this);
  },
}];

const pgUrl = process.env.TRUCEWATCH_TEST_PG;
if (pgUrl) {
  targets.push({
    name: 'postgres',
    async fresh() {
      const schema = `tw_test_${randomBytes(6).toString('hex')}`;
      return {
        url: `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}schema=${schema}`,
        async cleanup() {
          const c = new pg.Client({ connectionString: pgUrl });
          await c.connect();
          await c.query(`drop schema if exists "${schema}" cascade`);
          await c.end();
        },
      };
    },
    open() {
      return opened(this);
    },
  });
}
