// Hand-built knowledge and extractions for unit tests of the resolver rules (the rules, not the extractor).
import type { Actor, Knowledge, Place } from '../../src/knowledge/types.ts';
import type { EventOut, Extraction, StatementOut, TruceOut, TruceStateOut } from '../../src/pipeline/types.ts';
import type { ResolveItem } from '../../src/resolve/input.ts';

function actor(id: string, type: Actor['type'], extra: Partial<Actor> = {}): Actor {
  return { id, name: id.toLowerCase(), type, aliases: [], contextAliases: [], memberOf: [], offices: [], pack: 'test', ...extra };
}

function place(id: string, type: Place['type'], parent?: string): Place {
  return { id, name: id.toLowerCase(), type, aliases: [], parent, hosts: [], pack: 'test' };
}

export function knowledge(): Knowledge {
  const actors = [
    actor('USA', 'state'),
    actor('US_FORCES', 'state_force', { country: 'USA', forcesOf: 'USA' }),
    actor('IRQ', 'state'),
    actor('IRAQ_GOV', 'government_body', { country: 'IRQ', memberOf: [{ id: 'IRQ' }] }),
    actor('PMF', 'state_force', { country: 'IRQ', forcesOf: 'IRQ' }),
    actor('AXIS', 'umbrella_group'),
    actor('IRI', 'umbrella_group', { country: 'IRQ', memberOf: [{ id: 'AXIS' }] }),
    actor('FACTIONS', 'umbrella_group', { country: 'IRQ', memberOf: [{ id: 'AXIS' }] }),
    actor('KH', 'armed_group', { country: 'IRQ', memberOf: [{ id: 'PMF' }, { id: 'IRI', from: '2023-10' }] }),
    actor('NUJABA', 'armed_group', { country: 'IRQ', memberOf: [{ id: 'PMF' }, { id: 'IRI', from: '2023-10' }] }),
    actor('HOUTHIS', 'armed_group', { country: 'YEM', memberOf: [{ id: 'AXIS' }] }),
    actor('KH_COMMANDER', 'person', { organisation: 'KH' }),
    actor('NUJABA_COMMANDER', 'person', { organisation: 'NUJABA' }),
  ];
  const places = [
    place('IRQ', 'country'), place('ANBAR', 'province', 'IRQ'), place('AIN_AL_ASAD', 'base', 'ANBAR'),
    place('BAGHDAD', 'city', 'IRQ'), place('ERBIL', 'city', 'IRQ'),
  ];
  return {
    packs: [], actors: new Map(actors.map((a) => [a.id, a])), places: new Map(places.map((p) => [p.id, p])),
    offices: new Map(), referenceEvents: [],
  };
}

let offset = 0;

function ev(text: string): { evidence: string; evidence_start: number; evidence_end: number } {
  offset += 100;
  return { evidence: text, evidence_start: offset, evidence_end: offset + text.length };
}

export function event(fields: Partial<EventOut> & Pick<EventOut, 'type' | 'date'>, text = `${fields.type} on ${fields.date}`): EventOut {
  return {
    id: 'e', mode: '', trigger: fields.type.toLowerCase(), date_basis: '', source: [], target: [], location: '', status: 'occurred',
    fatalities: null, injured: null, attributed_to: '', ...ev(text), ...fields,
  };
}

export function statement(speaker_actor: string, stance: StatementOut['stance'], date: string, text = `${speaker_actor} ${stance}`): StatementOut {
  return { id: 's', speaker: speaker_actor, speaker_actor, role: '', channel: '', date, topic: 'truce', stance, stance_detail: '', ...ev(text) };
}

export function truce(parties: string[], declared: string | null, states: Array<[string, TruceStateOut['state']]>, mediator: string[] = []): TruceOut {
  return {
    id: 't', parties, mediator, declared, conditions: '',
    state_as_of: states.map(([date, state]) => ({ date, state, ...ev(`truce ${state} ${date}`) })),
  };
}

/** One article's extraction; places named by events are the knowledge places of the same id. */
export function item(documentId: string, published: string, parts: Partial<Pick<Extraction, 'events' | 'statements' | 'truces'>>): ResolveItem {
  const events = (parts.events ?? []).map((e, i) => ({ ...e, id: `e${i + 1}` }));
  const places = [...new Set(events.map((e) => e.location).filter(Boolean))]
    .map((id) => ({ id, name: id, surface: [id], within: '', lat: null, lon: null }));
  return {
    documentId, documentName: `${documentId}.txt`, published,
    extraction: {
      document: `${documentId}.txt`, published, published_precision: 'day', published_basis: 'test', outlets_cited: [], actors: [], places,
      events, statements: (parts.statements ?? []).map((s, i) => ({ ...s, id: `s${i + 1}` })), truces: parts.truces ?? [], claims: [],
    },
  };
}

/** A deterministic shuffle (seeded), so a failing order can be reproduced. */
export function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
