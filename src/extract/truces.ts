// Truce mentions of one article: the parties, the mediator, when it was declared, and the states
// the article asserts over time. The rules (kept here, in one place):
//   - a declaration (CONCEDE/RETREAT ceasefire about a truce) puts the truce in force at its date;
//   - a proposal (AGREE with "formula", "proposal", "offered"...) makes it proposed, unless already declared;
//   - an agreement on the truce itself ("agreed to a ceasefire") declares it;
//   - a party saying it holds, or anyone working to keep it, keeps it in force;
//   - a party saying it has ended makes it contested when someone in the article says it holds
//     or works to keep it, else ended;
//   - an attack between the two sides while it is in force strains it, and so does a threat to end it or the
//     faction's threat of violence;
//   - the article's own words count as a party's do ("The truce collapsed on Sunday", "the calm has held since").
// Cross-article truce timelines are built from these in resolve/.
import type { EventOut, StatementOut, TruceOut, TruceState, TruceStateOut } from '../pipeline/types.ts';
import { FACTION_TYPES, voiceOf, type DocContext } from './context.ts';
import { dayRange } from '../pipeline/date-range.ts';
import { Dater } from './dating.ts';
import { evidenceOf } from './evidence.ts';
import { stanceOf } from './statements.ts';

type Side = 'faction' | 'state' | 'neither';

const STATE_TYPES = new Set(['state', 'state_force']);
const ENDED = new Set(['truce_ended', 'will_attack', 'truce_reject']);
/** Characters after a mediation cue in which its mediator is named. */
const MEDIATOR_REACH = 80;
const HOLDING = new Set(['truce_holding', 'truce_support', 'truce_conditional']);

function sideOf(ctx: DocContext, id: string): Side {
  const a = ctx.knowledge.actors.get(id);
  if (!a) return 'neither';
  if (FACTION_TYPES.has(a.type)) return 'faction';
  if (a.type === 'person') return a.organisation ? sideOf(ctx, a.organisation) : 'neither';
  if (STATE_TYPES.has(a.type)) return 'state';
  return 'neither';
}

/** The state a state-side actor belongs to ("US forces" → the United States), so both sides are named alike. */
function stateOf(ctx: DocContext, id: string): string {
  const a = ctx.knowledge.actors.get(id);
  if (!a || a.type === 'state') return id;
  const parent = a.memberOf.find((m) => ctx.knowledge.actors.get(m.id)?.type === 'state');
  return parent?.id ?? (a.country && ctx.knowledge.actors.has(a.country) ? a.country : id);
}

/** Faction ids and the umbrellas they belong to: a member's words count for its umbrella's truce. */
function factionFamily(ctx: DocContext, id: string): Set<string> {
  const out = new Set([id]);
  for (const m of ctx.knowledge.actors.get(id)?.memberOf ?? []) out.add(m.id);
  return out;
}

interface Draft {
  faction: string;
  state: string;
  mediator: Set<string>;
  declared: string | null;
  conditions: string;
  entries: Array<TruceStateOut & { order: number }>;
}

function startDay(date: string | null): string {
  return date ? dayRange(date)?.start ?? '9999-12-31' : '9999-12-31';
}

function isTruceText(ctx: DocContext, text: string, docHasTerm: boolean): boolean {
  const lx = ctx.lexicon.truce;
  return lx.terms.test(text) || (docHasTerm && lx.slips.test(text) && lx.slipFrames.test(text));
}

export function extractTruces(ctx: DocContext, events: EventOut[], statements: StatementOut[]): TruceOut[] {
  const docHasTerm = ctx.lexicon.truce.terms.test(ctx.text);
  if (!docHasTerm) return [];
  const drafts: Draft[] = [];
  // The states the article names, most named first.
  let ranked: string[] | undefined;
  const statesNamed = (): string[] => {
    if (ranked) return ranked;
    const counts = new Map<string, number>();
    for (const m of ctx.annotated.actors) if (sideOf(ctx, m.actorId) === 'state') {
      const s = stateOf(ctx, m.actorId);
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    return (ranked = [...counts].sort((a, b) => b[1] - a[1]).map(([s]) => s));
  };
  // The other side of a faction's truce: a state the event or sentence names, else the one the article names most;
  // not the faction's own country where another is named (the government there mediates, and a local outlet names
  // it in every sentence).
  // Only a declaration makes a truce with the faction's own state: words of calm ("called on the factions to be calm,
  // warning that escalation will harm Iraq") are no truce with it.
  const counterpart = (faction: string, named: readonly string[] = [], ownState = false): string | null => {
    const own = ctx.knowledge.actors.get(faction)?.country;
    const states = [...named.filter((id) => sideOf(ctx, id) === 'state').map((id) => stateOf(ctx, id)), ...statesNamed()];
    return states.find((s) => s !== own) ?? (ownState ? states[0] : undefined) ?? null;
  };
  // A faction's words belong to its own truce, else to its umbrella's, else to a truce the factions made together; a
  // collective's words ("the armed factions threatened to abandon the truce") to the one truce the article tells.
  const collective = (id: string): boolean => ctx.knowledge.actors.get(id)?.type === 'umbrella_group';
  const find = (faction: string, joinCollective: boolean): Draft | undefined =>
    drafts.find((d) => d.faction === faction) ??
    drafts.find((d) => factionFamily(ctx, faction).has(d.faction)) ??
    (joinCollective ? drafts.find((d) => collective(d.faction)) ?? (collective(faction) && drafts.length === 1 ? drafts[0] : undefined) : undefined);
  // A faction's own declaration is its own truce; its words may be about the truce the factions made together.
  const open = (faction: string, state: string | null, joinCollective = false): Draft | undefined => {
    const have = find(faction, joinCollective);
    if (have || !state) return have;
    const d: Draft = { faction, state, mediator: new Set(), declared: null, conditions: '', entries: [] };
    drafts.push(d);
    return d;
  };
  let order = 0;
  const add = (d: Draft, date: string | null, state: TruceState, ev: { evidence: string; evidence_start: number; evidence_end: number }): void => {
    // The same state on the same day, told again, is one entry (the first telling is its evidence).
    if (!date) return;
    // Words dated only between the happening they follow and publication, a span that takes in the declaration, speak
    // of the truce declared: they count from its day, not from before it ("days after the strike, the Pentagon said ...").
    // A proposal comes before a declaration.
    const span = dayRange(date);
    const declared = d.declared ? dayRange(d.declared) : null;
    const from = state !== 'proposed' && date.includes('/') && span && declared && span.start < declared.start && declared.start <= span.end ? d.declared!.split('/')[0] : date.split('/')[0];
    if (d.entries.some((x) => x.date === from && x.state === state)) return;
    d.entries.push({ date: from, state, evidence: ev.evidence, evidence_start: ev.evidence_start, evidence_end: ev.evidence_end, order: order++ });
  };

  // Declarations, then proposals: a proposal told after the declaration is of the truce already in force.
  const before = (date: string | null, d: Draft): boolean => !d.declared || startDay(date) < startDay(d.declared);
  for (const pass of ['declarations', 'proposals'] as const) for (const e of events) {
    if (!isTruceText(ctx, e.evidence, docHasTerm) && e.type !== 'CONCEDE') continue;
    // "announced a ceasefire formula" offers a truce; it does not declare one.
    const at = Math.max(0, e.evidence.indexOf(e.trigger));
    const near = e.evidence.slice(at, at + e.trigger.length + 25);
    const proposing = (e.type === 'AGREE' || e.type === 'CONCEDE') && ctx.lexicon.truce.proposed.test(near) && isTruceText(ctx, near, docHasTerm);
    // "agreed to a truce", "agreed to extend the truce": an agreement on the truce itself puts it in force.
    const agreed = e.type === 'AGREE' && /^agree/iu.test(e.trigger) && ctx.lexicon.truce.terms.test(near);
    const declaring = !proposing && (e.type === 'CONCEDE' || agreed || (e.type === 'RETREAT' && e.mode === 'ceasefire')) && e.status === 'occurred';
    if (pass === 'declarations' ? !declaring : !proposing) continue;
    const sentence = ctx.sentences.find((v) => v.sentence.start <= e.evidence_start && e.evidence_start < v.sentence.end);
    const involved = [...e.source, ...e.target, ...(proposing && sentence ? sentence.actors.map((m) => m.actorId) : [])];
    const faction = involved.find((id) => sideOf(ctx, id) === 'faction');
    if (!faction) continue;
    const d = open(faction, counterpart(faction, involved, true));
    if (!d) continue;
    if (declaring) {
      d.declared ??= e.date;
      add(d, e.date, 'in_force', e);
    } else {
      for (const id of e.source) if (sideOf(ctx, id) === 'neither') d.mediator.add(id);
      if (before(e.date, d)) add(d, e.date, 'proposed', e);
    }
  }

  // Words that it holds keep a contested truce contested and a proposal a proposal; only a declaration puts it in
  // force, or a faction's own word that it keeps the truce ("committed to the calm as long as ..."); others' words
  // before anything the article tells of it hold nothing.
  const hold = (d: Draft, date: string | null, ev: { evidence: string; evidence_start: number; evidence_end: number }, party = false): void => {
    const now = date ? stateAt(d, startDay(date)) : null;
    if (now || party) add(d, date, now === 'contested' || now === 'proposed' ? now : 'in_force', ev);
  };

  // A threat on a condition strains a truce in force; it adds nothing to one already contested or ended.
  const strain = (d: Draft, date: string | null, ev: { evidence: string; evidence_start: number; evidence_end: number }): void => {
    const now = date ? stateAt(d, startDay(date)) : null;
    if (now !== 'contested' && now !== 'ended') add(d, date, 'strained', ev);
  };

  // Positions stated in the article.
  // A threat against the truce ("threatened to end the truce") strains it.
  const threatened = (s: StatementOut): boolean => s.stance === 'threaten' && s.topic === 'truce';
  const truceStatements = statements.filter((s) => HOLDING.has(s.stance) || ENDED.has(s.stance) || s.stance === 'truce_proposed' || threatened(s));
  const someoneHolds = truceStatements.some((s) => HOLDING.has(s.stance));
  for (const s of truceStatements) {
    const speakerSide = s.speaker_actor ? sideOf(ctx, s.speaker_actor) : 'neither';
    // Another's words about a truce the article has not told yet ("a source said the factions told the government the
    // truce with the American forces will end if ...") are about the truce of the faction they name.
    const named = speakerSide === 'faction' ? [] : ctx.annotated.actors.filter((m) => m.start >= s.evidence_start && m.end <= s.evidence_end).map((m) => m.actorId);
    const faction = speakerSide === 'faction' ? s.speaker_actor : named.find((id) => sideOf(ctx, id) === 'faction');
    const partyTo = speakerSide === 'faction' ? find(s.speaker_actor!, true) : undefined;
    // A faction that rejects a truce it has no part in ("We are not party to any truce") contests the one the article tells.
    const outsider = speakerSide === 'faction' && s.stance === 'truce_reject' && !partyTo;
    // "Nujaba said it would continue its operations": a faction with no truce of its own that vows attacks, without a
    // word of a truce, ends none; on a condition ("it will be met with a response if it continues") it strains the one
    // truce the article tells.
    if (speakerSide === 'faction' && s.stance === 'will_attack' && !partyTo && !isTruceText(ctx, s.evidence, docHasTerm)) {
      if (drafts.length === 1 && ctx.lexicon.status.conditional.test(s.evidence)) strain(drafts[0], s.date, s);
      continue;
    }
    // A faction with no truce of its own that speaks of keeping one speaks of the one truce the article tells.
    const lone = speakerSide === 'faction' && HOLDING.has(s.stance) && drafts.length === 1 && !partyTo;
    const d = outsider || lone ? drafts[0] : speakerSide === 'faction' ? open(s.speaker_actor, counterpart(s.speaker_actor), true) : drafts[0] ?? (faction ? open(faction, counterpart(faction, named), true) : undefined);
    if (!d) continue;
    if (outsider) {
      add(d, s.date, 'contested', s);
      continue;
    }
    if (speakerSide === 'neither' && s.speaker_actor && HOLDING.has(s.stance)) d.mediator.add(s.speaker_actor);
    if (s.stance === 'truce_conditional' && !d.conditions) d.conditions = s.evidence;
    // "otherwise they will resume their operations", "any violation will be met with a response": a threat on a
    // condition strains the truce; it does not end it.
    // The state's vow to answer an attack ("the United States would still respond to the killing of its soldiers")
    // strains the truce; only the faction's words, or words of the truce itself, end it.
    if (s.stance === 'will_attack' && (ctx.lexicon.status.conditional.test(s.evidence) || (s.speaker_actor && stateOf(ctx, voiceOf(ctx.knowledge, s.speaker_actor)) === d.state && !isTruceText(ctx, s.evidence, docHasTerm)))) strain(d, s.date, s);
    else if (ENDED.has(s.stance)) add(d, s.date, someoneHolds ? 'contested' : 'ended', s);
    else if (s.stance === 'truce_proposed') {
      if (before(s.date, d)) add(d, s.date, 'proposed', s);
    }
    else if (threatened(s)) strain(d, s.date, s);
    else hold(d, s.date, s, speakerSide === 'faction' && !lone && s.stance !== 'truce_support');
  }

  // The article's own words, outside anything reported: "The truce between the factions and Washington collapsed on
  // Sunday". The parties are those the sentence names, else the truce the article already speaks of. A sentence
  // that declares a truce speaks of that one ("announced a truce, weeks after the previous one collapsed").
  const dater = new Dater(ctx);
  const within = (s: { start: number; end: number }, x: { evidence_start: number; evidence_end: number }): boolean => x.evidence_start < s.end && s.start < x.evidence_end;
  const declarations = events.filter((e) => e.type === 'CONCEDE' || (e.type === 'RETREAT' && e.mode === 'ceasefire'));
  for (const view of ctx.sentences) {
    const text = view.sentence.text;
    if (statements.some((x) => within(view.sentence, x)) || declarations.some((x) => within(view.sentence, x)) || !isTruceText(ctx, text, docHasTerm)) continue;
    const { stance, at } = stanceOf(ctx, text);
    if (stance !== 'truce_ended' && stance !== 'truce_holding') continue;
    const named = view.actors.map((m) => m.actorId);
    const faction = named.find((id) => sideOf(ctx, id) === 'faction');
    const d = faction ? open(faction, counterpart(faction, named), true) : drafts[0];
    if (!d) continue;
    const { date } = dater.date(view, view.sentence.start + at);
    const ev = evidenceOf(ctx, { start: view.opening, end: view.sentence.end });
    if (stance === 'truce_ended') add(d, date, someoneHolds ? 'contested' : 'ended', ev);
    else hold(d, date, ev);
  }

  // Attacks between the two sides while in force, and the faction's threats of violence ("factions threaten to resume
  // attacks"), aimed at the other side or at nobody named.
  for (const e of events) {
    const threat = e.type === 'THREATEN' && e.mode === 'violence';
    if (!(e.type === 'ASSAULT' && e.status === 'occurred') && !threat) continue;
    for (const d of drafts) {
      const family = factionFamily(ctx, d.faction);
      const hitsFaction = threat ? e.source.some((id) => family.has(id)) : [...e.source, ...e.target].some((id) => family.has(id));
      const hitsState = [...e.source, ...e.target].some((id) => stateOf(ctx, id) === d.state) || (threat && e.target.length === 0);
      const day = startDay(e.date);
      const before = stateAt(d, day);
      // Only an attack after the whole declared period strains it: "2024-02" does not cover an attack on 2 February.
      const inForceSince = d.entries.filter((x) => x.state === 'in_force' || x.state === 'resumed').map((x) => dayRange(x.date)?.end ?? x.date).sort()[0];
      if (hitsFaction && hitsState && (before === 'in_force' || before === 'resumed') && inForceSince !== undefined && day > inForceSince) add(d, e.date, 'strained', e);
    }
  }

  // "The deal, brokered by Prime Minister al-Sudani with the help of Quds Force commander Esmail Qaani": mediators.
  for (const view of drafts.length > 0 ? ctx.sentences : []) {
    const text = view.sentence.text;
    // The few cues first: most sentences have none, and only then is the sentence's topic worth a look.
    const cues = ctx.lexicon.truce.mediation.findAll(text);
    if (cues.length === 0 || !(isTruceText(ctx, text, docHasTerm) || ctx.lexicon.truce.dealWords.test(text))) continue;
    const named = view.actors.map((m) => m.actorId);
    const d = drafts.find((x) => named.includes(x.faction)) ?? drafts[drafts.length - 1];
    for (const [i, cue] of cues.entries()) {
      const from = view.sentence.start + cue.end;
      // Up to the clause's end, or the next cue ("brokered by X with the help of Y").
      const next = cues[i + 1] ? view.sentence.start + cues[i + 1].start : Infinity;
      const to = Math.min(next, from + (/[,;.]/u.exec(ctx.text.slice(from, from + MEDIATOR_REACH))?.index ?? MEDIATOR_REACH));
      const after = view.actors.filter((m) => m.start >= from && m.end <= to);
      // The person the phrase ends with ("Iranian Quds Force commander Esmail Qaani") speaks for their body.
      const who = after.findLast((m) => ctx.knowledge.actors.get(m.actorId)?.type === 'person') ?? after.at(-1);
      const id = who && voiceOf(ctx.knowledge, who.actorId);
      if (id && id !== d.faction && id !== d.state && !factionFamily(ctx, d.faction).has(id)) d.mediator.add(id);
    }
  }

  return drafts
    .filter((d) => d.entries.length > 0)
    .map((d, i) => ({
      id: `t${String(i + 1).padStart(2, '0')}`,
      parties: [d.faction, d.state],
      mediator: [...d.mediator],
      declared: d.declared,
      conditions: d.conditions,
      state_as_of: resumedAfterEnd(d.entries.sort((a, b) => startDay(a.date).localeCompare(startDay(b.date)) || a.order - b.order))
        .map(({ order: _order, ...rest }) => rest),
    }));
}

/** Entries in date order, a truce in force again after it ended being resumed. */
function resumedAfterEnd<T extends { state: TruceState }>(entries: T[]): T[] {
  return entries.map((e, i) => (e.state === 'in_force' && i > 0 && entries[i - 1].state === 'ended' ? { ...e, state: 'resumed' } : e));
}

/** The state of a draft truce on a day: its latest entry starting on or before that day. */
function stateAt(d: Draft, day: string): TruceState | null {
  let best: (TruceStateOut & { order: number }) | null = null;
  for (const e of d.entries) {
    const s = startDay(e.date);
    if (s <= day && (!best || s > startDay(best.date) || (s === startDay(best.date) && e.order > best.order))) best = e;
  }
  return best?.state ?? null;
}

/**
 * "the factions ended this truce": an act on a truce that names no recipient is aimed at the truce's
 * other party, as the article's truces give it; a party's threat of violence ("will resume their operations") at
 * that state's forces.
 */
export function aimAtCounterparts(ctx: DocContext, events: EventOut[], truces: TruceOut[]): EventOut[] {
  return events.map((e) => {
    const violence = e.type === 'THREATEN' && e.mode === 'violence';
    if (e.target.length > 0 || e.source.length === 0 || !(violence || ctx.lexicon.truce.terms.test(e.trigger))) return e;
    const family = new Set(e.source.flatMap((id) => [...factionFamily(ctx, id)]));
    // A faction's threat of violence, in an article of one truce, is aimed at that truce's other side.
    const truce = truces.find((t) => t.parties.some((p) => family.has(p))) ?? (violence && truces.length === 1 ? truces[0] : undefined);
    // The parties are [faction, state]: the state's side acting aims at the faction, anyone else at the state.
    const other = truce && (family.has(truce.parties[1]) ? truce.parties[0] : truce.parties[1]);
    const target = other && !family.has(other) ? [violence ? forcesOfState(ctx, other) : other] : [];
    return target.length > 0 ? { ...e, target } : e;
  });
}

const armedForces = new WeakMap<DocContext['knowledge'], Map<string, string>>();

/** A state's armed forces as the packs name them (the United States → US forces, not a command within them), else the state. */
function forcesOfState(ctx: DocContext, state: string): string {
  let byState = armedForces.get(ctx.knowledge);
  if (!byState) {
    byState = new Map();
    const forces = [...ctx.knowledge.actors.values()].filter((a) => a.forcesOf !== undefined);
    for (const a of forces) {
      const inner = a.memberOf.some((m) => forces.some((b) => b.id === m.id && b.forcesOf === a.forcesOf));
      if (!inner && !byState.has(a.forcesOf!)) byState.set(a.forcesOf!, a.id);
    }
    armedForces.set(ctx.knowledge, byState);
  }
  return byState.get(state) ?? state;
}

