// Reads the stored per-article extractions back from the store as resolver input (the one module of
// resolve/ that does I/O). Analysts' corrections apply: rejected and merged items are not returned by
// the store, so they do not reach the resolvers.
import type { EventOut, EventStatus, Extraction, PloverType, Stance, StatementOut, Topic, TruceOut, TruceState } from '../pipeline/types.ts';
import type { Page, PageQuery, Store } from '../store/index.ts';
import { MAX_PAGE } from '../store/index.ts';
import type { ResolveItem } from './input.ts';

async function all<T>(fetch: (q: PageQuery) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  for (let offset = 0; ; offset += MAX_PAGE) {
    const page = await fetch({ limit: MAX_PAGE, offset });
    out.push(...page.items);
    if (page.items.length === 0 || out.length >= page.total) return out;
  }
}

/** Every stored document with the parts of its extraction the resolvers use (events, statements, truces). */
export async function itemsFromStore(store: Store): Promise<ResolveItem[]> {
  const [docs, events, statements, truces] = await Promise.all([
    all((q) => store.listDocuments(q)),
    all((q) => store.listEvents(q)),
    all((q) => store.listStatements(q)),
    all((q) => store.listTruces(q)),
  ]);
  return docs.map((d): ResolveItem => {
    const evs = events.filter((e) => e.document_id === d.id);
    const places = new Map(evs.filter((e) => e.place_id).map((e) => [e.place_id as string, {
      id: e.place_id as string, name: e.location, surface: [e.location], within: e.within, lat: e.lat, lon: e.lon,
    }]));
    const extraction: Extraction = {
      document: d.name,
      published: d.published,
      published_precision: (d.published_precision as Extraction['published_precision']) ?? null,
      published_basis: '',
      outlets_cited: [],
      actors: [],
      places: [...places.values()],
      events: evs.map((e): EventOut => ({
        id: e.local_id, type: e.type as PloverType, mode: e.mode, trigger: e.trigger, date: e.date, date_basis: e.date_basis,
        source: e.source, target: e.target, location: e.location, status: e.status as EventStatus, fatalities: e.fatalities,
        injured: e.injured, attributed_to: e.attributed_to, evidence: e.evidence, evidence_start: e.evidence_start, evidence_end: e.evidence_end,
      })),
      statements: statements.filter((s) => s.document_id === d.id).map((s): StatementOut => ({
        id: s.local_id, speaker: s.speaker, speaker_actor: s.speaker_actor, role: s.role, channel: s.channel, date: s.date,
        topic: s.topic as Topic, stance: s.stance as Stance, stance_detail: s.stance_detail,
        evidence: s.evidence, evidence_start: s.evidence_start, evidence_end: s.evidence_end,
      })),
      truces: truces.filter((t) => t.documents.includes(d.id)).map((t, i): TruceOut => ({
        id: `t${String(i + 1).padStart(2, '0')}`, parties: t.parties, mediator: t.mediator, declared: t.declared,
        conditions: t.conditions.join('; '),
        state_as_of: t.states.filter((s) => s.document_id === d.id).map((s) => ({
          date: s.date, state: s.state as TruceState, evidence: s.evidence, evidence_start: s.evidence_start, evidence_end: s.evidence_end,
        })),
      })),
      claims: [],
    };
    return { documentId: d.id, documentName: d.name, published: d.published, extraction };
  });
}
