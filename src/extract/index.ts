// The extraction stage: Annotated → Extraction (the GOLD_FORMAT shape), every item with evidence.
import type { ActorOut, Annotated, Extraction, PlaceOut } from '../pipeline/types.ts';
import type { Knowledge } from '../knowledge/types.ts';
import type { Lexicon } from './lexicon.ts';
import { buildContext, type DocContext } from './context.ts';
import { findReports } from './attribution.ts';
import { extractEvents } from './events.ts';
import { extractStatements } from './statements.ts';
import { extractClaims } from './claims.ts';
import { aimAtCounterparts, extractTruces } from './truces.ts';
import { normalizeName } from '../knowledge/normalize.ts';
import { lookupActor, type Matcher } from '../knowledge/index.ts';

function actorsOut(ctx: DocContext, used: Set<string>): ActorOut[] {
  const surfaces = new Map<string, Set<string>>();
  for (const m of ctx.annotated.actors) {
    if (!surfaces.has(m.actorId)) surfaces.set(m.actorId, new Set());
    surfaces.get(m.actorId)!.add(m.text);
  }
  const ids = new Set([...surfaces.keys(), ...used]);
  return [...ids].flatMap((id) => {
    const a = ctx.knowledge.actors.get(id);
    if (!a) return [];
    return [{ id, name: a.name, type: a.type, aliases: a.aliases, surface: [...(surfaces.get(id) ?? [])] }];
  });
}

function placesOut(ctx: DocContext): PlaceOut[] {
  const byId = new Map<string, Set<string>>();
  for (const m of ctx.annotated.places) {
    if (!byId.has(m.placeId)) byId.set(m.placeId, new Set());
    byId.get(m.placeId)!.add(m.text);
  }
  return [...byId].flatMap(([id, surface]) => {
    const p = ctx.knowledge.places.get(id);
    if (!p) return [];
    const within: string[] = [];
    for (let parent = p.parent ? ctx.knowledge.places.get(p.parent) : undefined; parent; parent = parent.parent ? ctx.knowledge.places.get(parent.parent) : undefined) within.push(parent.name);
    return [{ id, name: p.name, surface: [...surface], within: within.join(', '), lat: p.lat ?? null, lon: p.lon ?? null }];
  });
}

/** Normalised names of the packs' media outlets → their canonical name; built once per knowledge. */
const outletNames = new WeakMap<Knowledge, Map<string, string>>();

/** Outlets the article cites, named as the knowledge pack names them when it knows them. */
function outletsOut(ctx: DocContext): string[] {
  let byName = outletNames.get(ctx.knowledge);
  if (!byName) {
    byName = new Map();
    for (const a of ctx.knowledge.actors.values()) if (a.type === 'media_outlet') for (const n of [a.name, ...a.aliases]) byName.set(normalizeName(n), a.name);
    outletNames.set(ctx.knowledge, byName);
  }
  return [...new Set(ctx.annotated.doc.outletsCited.map((o) => byName.get(normalizeName(o)) ?? o))];
}

export interface ExtractOptions {
  knowledge: Knowledge;
  lexicon: Lexicon;
  matcher: Matcher;
}

export function extract(annotated: Annotated, opts: ExtractOptions): Extraction {
  const ctx = buildContext(annotated, opts.knowledge, opts.lexicon, (name, date) => lookupActor(opts.matcher, name, date ?? undefined)?.id ?? null);
  const reports = findReports(ctx);
  const found = extractEvents(ctx, reports);
  const statements = extractStatements(ctx, reports);
  const claims = extractClaims(ctx, reports);
  const truces = extractTruces(ctx, found, statements);
  const events = aimAtCounterparts(ctx, found, truces);
  const used = new Set<string>();
  for (const e of events) for (const id of [...e.source, ...e.target]) used.add(id);
  for (const s of statements) if (s.speaker_actor) used.add(s.speaker_actor);
  for (const t of truces) for (const id of [...t.parties, ...t.mediator]) used.add(id);
  return {
    document: annotated.doc.name,
    published: annotated.published.value,
    published_precision: annotated.published.precision,
    published_basis: annotated.published.basis,
    outlets_cited: outletsOut(ctx),
    actors: actorsOut(ctx, used),
    places: placesOut(ctx),
    events,
    statements,
    truces,
    claims,
  };
}
