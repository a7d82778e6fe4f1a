// The truce model across articles: which truces exist, between which two sides, and their state over
// time, each change backed by the sentences of the events, statements and per-article truce states.
//
// 1. Truce mentions (extraction.truces) are merged into one truce when
//    - their parties match side to side: two actors stand on the same side when they are the same actor
//      (people mapped to their organisation, forces to their state), one is a member of the other, or
//      both belong to one umbrella group and one country (see resolve/actors.ts `sameSide`): so the
//      Islamic Resistance in Iraq, "the Iraqi armed factions" and Kataib Hezbollah, each with the US,
//      can be one truce;
//    - and their declared dates overlap with DECLARED_SLACK days of slack (a faction's halt on 30 January
//      and the factions' truce "since the beginning of February" are one truce; a truce of 2020 and one
//      of 2024 are not). A mention without a declared date joins the matching truce declared most
//      recently on or before its earliest dated state; without one it stands alone (merged only with
//      other undated mentions of the same parties). "On or before" allows DECLARED_SLACK days too; a
//      proposal without a declared date may also join the truce declared within PROPOSAL_DAYS after it.
//    - a declaration between the same parties within RESUME_DAYS after an article reported the truce
//      ended or contested is the same truce resuming, not a new one.
// 2. Signals, each placed on a day. What says the truce holds (declaration, proposal, "in force") is
//    placed on the FIRST day its date allows; what reports a change against it (attack, ending, contest)
//    on the LAST day: a truce is taken to hold from its earliest evidence and is not taken to be broken
//    before the evidence is certain. Statements and events go to the truce of their actors declared most
//    recently on or before their day.
// 3. The state machine, signals in day order (per day: holding signals, then attacks, then statements):
//
//    | signal                                                              | state before                | state after |
//    |---------------------------------------------------------------------|-----------------------------|-------------|
//    | article: proposed; statement truce_proposed                         | none, proposed              | proposed    |
//    | article: in_force; CONCEDE/RETREAT from one side to the other;      | none, proposed              | in_force    |
//    |   statement truce_holding/truce_support/truce_conditional by a      | strained, more than         | in_force    |
//    |   party or the mediator                                             |   STRAIN_DAYS after the last attack |     |
//    | article: in_force; CONCEDE/RETREAT (a declaration)                  | ended                       | resumed     |
//    | article: in_force, once no party's latest word is an ending one     | contested                   | in_force    |
//    | article: resumed                                                    | none, ended, contested      | resumed     |
//    | ASSAULT (occurred/claimed) from one side on the other               | in_force, resumed, strained | strained    |
//    | article: strained                                                   | none, in_force, resumed, strained | strained |
//    | statement truce_ended/will_attack/truce_reject by a party or the    | any but none (and a holding | ended when every listed party of one side |
//    |   mediator; article: ended                                          |   statement while ended)    |   (itself or its umbrella) said it ended;  |
//    |                                                                     |                             |   else contested when another party or the |
//    |                                                                     |                             |   mediator last said it holds; else ended  |
//    | article: contested                                                  | any                         | contested   |
//
//    Within one day the day's last signals win: a change and its reversal on the same day (A → B → A)
//    leave A, and a contested/ended verdict is replaced by the next verdict of the same day.
//    Any other signal leaves the state as it is; when it agrees with the state, its evidence is added.
import type { Stance, TruceOut, TruceState } from '../pipeline/types.ts';
import type { Knowledge } from '../knowledge/types.ts';
import { addDays, overlaps as datesOverlap } from '../pipeline/date-range.ts';
import { ancestors, canonicalActor, overlaps as actorsOverlap, sameSide } from './actors.ts';
import { resolveEvents, type ResolvedEvent } from './events.ts';
import { canonicalItems, cmp, sourceRef, span, width, type ResolveItem, type SourceRef } from './input.ts';

export const DECLARED_SLACK = 7;
/** A proposal joins the truce between its parties declared within this many days after it. */
export const PROPOSAL_DAYS = 60;
/** A declaration this many days or fewer after a truce was reported ended or contested resumes it. */
export const RESUME_DAYS = 180;
/** How long an attack between the sides keeps a truce strained before a sign that it holds restores it. */
export const STRAIN_DAYS = 14;

const HOLDING = new Set<Stance>(['truce_holding', 'truce_support', 'truce_conditional']);
const ENDING = new Set<Stance>(['truce_ended', 'will_attack', 'truce_reject']);
const PROPOSING = new Set<Stance>(['truce_proposed']);
const HAPPENED = new Set(['occurred', 'claimed']);
const VIOLATION_TYPES = new Set(['ASSAULT']);
const DECLARATION_TYPES = new Set(['CONCEDE', 'RETREAT']);
const FORCE = new Set<TruceState>(['in_force', 'resumed', 'strained']);

export interface TruceEvidence extends SourceRef {
  kind: 'event' | 'statement' | 'truce';
}

export interface TimelineEntry {
  /** First day of this state. */
  from: string;
  state: TruceState;
  evidence: TruceEvidence[];
  reason: string;
}

export interface Position {
  party: string;
  stance: Stance;
  date: string | null;
  evidence: TruceEvidence;
}

export interface Truce {
  /** Stable: from the parties' representatives and the month it was declared. */
  id: string;
  /** The two sides, each a list of actor ids (an umbrella and its member factions together). */
  parties: [string[], string[]];
  mediator: string[];
  declared: string | null;
  conditions: string[];
  /** Places named by the declarations ("" none). */
  scope: string[];
  documents: string[];
  timeline: TimelineEntry[];
  /** Per actor that spoke about the truce: its latest stance and when. */
  positions: Position[];
  /** Every stance on the truce, in time order (for positions on an earlier day: `positionsAt`). */
  stances: Position[];
}

interface Mention {
  item: ResolveItem;
  truce: TruceOut;
  sides: [string[], string[]];
  declaredStart: string | null;
  firstState: string;
}

type SignalKind = 'propose' | 'declare' | 'resume' | 'violation' | 'hold' | 'end' | 'contest';

interface Signal {
  day: string;
  kind: SignalKind;
  /** The speaker, for statements. */
  speaker: string | null;
  stance: Stance | null;
  date: string | null;
  evidence: TruceEvidence[];
  reason: string;
}

const KIND_ORDER: SignalKind[] = ['propose', 'declare', 'resume', 'violation', 'hold', 'end', 'contest'];
const AGAINST = new Set<SignalKind>(['violation', 'end', 'contest']);

function signalDay(date: string, kind: SignalKind): string {
  const r = span(date);
  return AGAINST.has(kind) ? r.end : r.start;
}

/** Parties split into two sides; any party beyond two groups goes with the second (see header). */
function splitSides(k: Knowledge, parties: string[], date: string | undefined): [string[], string[]] {
  const groups: string[][] = [];
  for (const p of [...parties].sort()) {
    const g = groups.find((xs) => xs.some((x) => sameSide(k, x, p, date)));
    if (g) g.push(p);
    else groups.push([p]);
  }
  return [groups[0] ?? [], groups.slice(1).flat()];
}

function sideMatch(k: Knowledge, a: string[], b: string[], date: string | undefined): boolean {
  return a.some((x) => b.some((y) => sameSide(k, x, y, date)));
}

/** How `b`'s sides line up with `a`'s: 'same', 'swapped' or null when the parties do not match. */
function orientation(k: Knowledge, a: [string[], string[]], b: [string[], string[]], date: string | undefined): 'same' | 'swapped' | null {
  const one = (x: string[], y: string[]) => x.length === 0 || y.length === 0 || sideMatch(k, x, y, date);
  if (sideMatch(k, a[0], b[0], date) && one(a[1], b[1])) return 'same';
  if (sideMatch(k, a[0], b[1], date) && one(a[1], b[0])) return 'swapped';
  if (sideMatch(k, a[1], b[1], date) && one(a[0], b[0])) return 'same';
  if (sideMatch(k, a[1], b[0], date) && one(a[0], b[1])) return 'swapped';
  return null;
}

function mentionsOf(items: ResolveItem[], k: Knowledge): Mention[] {
  return items.flatMap((item) => item.extraction.truces.map((truce) => {
    const dates = truce.state_as_of.map((s) => span(s.date).start).sort();
    const declaredStart = truce.declared ? span(truce.declared).start : null;
    return { item, truce, sides: splitSides(k, truce.parties, declaredStart ?? dates[0]), declaredStart, firstState: dates[0] ?? span(item.published).start };
  })).sort((a, b) => cmp(a.declaredStart ?? '9999', b.declaredStart ?? '9999') || cmp(a.item.documentId, b.item.documentId) || cmp(a.truce.id, b.truce.id));
}

/** Groups truce mentions (rule 1 of the header). Union-find over declared ones, so the grouping does not depend on order. */
function groupMentions(ms: Mention[], k: Knowledge): Mention[][] {
  const declared = ms.filter((m) => m.truce.declared);
  const parent = declared.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < declared.length; i++) {
    for (let j = i + 1; j < declared.length; j++) {
      const a = declared[i];
      const b = declared[j];
      if (datesOverlap(a.truce.declared as string, b.truce.declared as string, DECLARED_SLACK) && orientation(k, a.sides, b.sides, a.declaredStart ?? undefined)) {
        parent[find(j)] = find(i);
      }
    }
  }
  const groups = new Map<number, Mention[]>();
  declared.forEach((m, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), m]));
  const out = [...groups.values()].sort((a, b) => cmp(a[0].declaredStart as string, b[0].declaredStart as string));
  const loose: Mention[][] = [];
  const parties = (g: Mention[], m: Mention) => g.some((x) => orientation(k, x.sides, m.sides, m.firstState));
  for (const m of ms.filter((x) => !x.truce.declared)) {
    const start = (g: Mention[]) => g[0].declaredStart as string;
    const proposal = m.truce.state_as_of.some((s) => s.state === 'proposed' && span(s.date).start === m.firstState);
    const target = out.filter((g) => parties(g, m) && start(g) <= addDays(m.firstState, DECLARED_SLACK)).sort((a, b) => cmp(start(b), start(a)))[0]
      ?? (proposal ? out.filter((g) => parties(g, m) && start(g) <= addDays(m.firstState, PROPOSAL_DAYS)).sort((a, b) => cmp(start(a), start(b)))[0] : undefined)
      ?? loose.find((g) => parties(g, m));
    if (target) target.push(m);
    else loose.push([m]);
  }
  return [...resumptions(out, k), ...loose];
}

/** Rule 1's resumption: a later declaration between the same parties joins a truce that an article
 * reported ended or contested before it, within RESUME_DAYS. Groups come sorted by declared date. */
function resumptions(groups: Mention[][], k: Knowledge): Mention[][] {
  const out: Mention[][] = [];
  for (const g of groups) {
    const start = g.map((m) => m.declaredStart).filter((d): d is string => d !== null).sort()[0];
    const prev = out.filter((p) => p.some((x) => g.some((y) => orientation(k, x.sides, y.sides, start)))).find((p) => p.some((x) => x.truce.state_as_of.some((s) =>
      (s.state === 'ended' || s.state === 'contested') && span(s.date).end <= start && addDays(span(s.date).end, RESUME_DAYS) >= start)));
    if (prev) prev.push(...g);
    else out.push(g);
  }
  return out;
}

function representative(sides: string[][], counts: Map<string, number>): string {
  return [...sides.flat()].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || cmp(a, b))[0] ?? 'UNKNOWN';
}

interface Draft extends Omit<Truce, 'timeline' | 'positions' | 'stances'> {
  start: string;
  signals: Signal[];
}

function draftOf(group: Mention[], k: Knowledge): Draft {
  const ref = group[0];
  const sides: [Set<string>, Set<string>] = [new Set(), new Set()];
  const counts = new Map<string, number>();
  for (const m of group) {
    const o = orientation(k, ref.sides, m.sides, ref.declaredStart ?? ref.firstState) ?? 'same';
    const [a, b] = o === 'same' ? m.sides : [m.sides[1], m.sides[0]];
    a.forEach((x) => sides[0].add(x));
    b.forEach((x) => sides[1].add(x));
    for (const p of m.truce.parties) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  const parties: [string[], string[]] = [[...sides[0]].sort(), [...sides[1]].sort()];
  if (parties[1].length > 0 && cmp(parties[1][0], parties[0][0]) < 0) parties.reverse();
  const declared = group.map((m) => m.truce.declared).filter((d): d is string => !!d)
    .sort((a, b) => cmp(span(a).start, span(b).start) || width(a) - width(b))[0] ?? null;
  const reps = parties.map((s) => representative([s], counts));
  const signals: Signal[] = group.flatMap((m) => m.truce.state_as_of.map((s): Signal => {
    const kind: SignalKind = s.state === 'proposed' ? 'propose' : s.state === 'in_force' ? 'declare' : s.state === 'resumed' ? 'resume'
      : s.state === 'strained' ? 'violation' : s.state === 'ended' ? 'end' : 'contest';
    return {
      day: signalDay(s.date, kind), kind, speaker: null, stance: null, date: s.date,
      evidence: [{ ...sourceRef(m.item, s), kind: 'truce' }], reason: `${m.item.documentName} reports it ${s.state.replace('_', ' ')}`,
    };
  }));
  const start = [declared ? span(declared).start : '9999-12-31', ...signals.map((s) => s.day)].sort()[0];
  return {
    id: `${reps.join('~')}@${declared ? span(declared).start.slice(0, 7) : start.slice(0, 7)}`,
    parties,
    mediator: [...new Set(group.flatMap((m) => m.truce.mediator))].sort(),
    declared,
    conditions: [...new Set(group.map((m) => m.truce.conditions).filter(Boolean))].sort(),
    scope: [],
    documents: [...new Set(group.map((m) => m.item.documentId))].sort(),
    start,
    signals,
  };
}

function sideOf(k: Knowledge, d: Draft, actor: string, day: string): 0 | 1 | null {
  if (d.parties[0].some((p) => sameSide(k, p, actor, day))) return 0;
  if (d.parties[1].some((p) => sameSide(k, p, actor, day))) return 1;
  return null;
}

function isMediator(k: Knowledge, d: Draft, actor: string, day: string): boolean {
  return d.mediator.some((m) => actorsOverlap(k, m, actor, day) || canonicalActor(k, m) === canonicalActor(k, actor));
}

/** The truce a dated happening of these actors belongs to: declared most recently on or before its day. */
function truceFor(drafts: Draft[], day: string, fits: (d: Draft) => boolean): Draft | undefined {
  return drafts.filter((d) => d.start <= day && fits(d)).sort((a, b) => cmp(b.start, a.start) || cmp(a.id, b.id))[0];
}

function eventSignals(events: ResolvedEvent[], drafts: Draft[], k: Knowledge): void {
  for (const e of events) {
    if (!e.date || !HAPPENED.has(e.status)) continue;
    const violation = VIOLATION_TYPES.has(e.type);
    if (!violation && !DECLARATION_TYPES.has(e.type)) continue;
    const kind: SignalKind = violation ? 'violation' : 'declare';
    const day = signalDay(e.date, kind);
    const between = (d: Draft) => e.source.some((s) => e.target.some((t) => {
      const a = sideOf(k, d, s, day);
      const b = sideOf(k, d, t, day);
      return a !== null && b !== null && a !== b;
    }));
    // A declaration may come a few days before the first truce mention dates the truce.
    const d = truceFor(drafts, violation ? day : addDays(day, DECLARED_SLACK), between);
    if (!d) continue;
    d.signals.push({
      day, kind, speaker: null, stance: null, date: e.date,
      evidence: e.mentions.map((m) => ({ ...sourceRef(m, m), kind: 'event' as const })),
      reason: violation ? `${e.type} ${e.source.join('+')} → ${e.target.join('+')} between the sides` : `${e.type} (declaration) by ${e.source.join('+')}`,
    });
    if (!violation && e.location) d.scope = [...new Set([...d.scope, e.location])].sort();
  }
}

function statementSignals(items: ResolveItem[], drafts: Draft[], k: Knowledge): void {
  for (const item of items) {
    for (const s of item.extraction.statements) {
      const kind: SignalKind | null = HOLDING.has(s.stance) ? 'hold' : ENDING.has(s.stance) ? 'end' : PROPOSING.has(s.stance) ? 'propose' : null;
      const date = s.date ?? item.published;
      if (!kind || !date || !s.speaker_actor) continue;
      const day = signalDay(date, kind);
      const d = truceFor(drafts, kind === 'propose' ? addDays(day, DECLARED_SLACK) : day, (x) => sideOf(k, x, s.speaker_actor, day) !== null || isMediator(k, x, s.speaker_actor, day));
      if (!d) continue;
      d.signals.push({
        day, kind, speaker: s.speaker_actor, stance: s.stance, date,
        evidence: [{ ...sourceRef(item, s), kind: 'statement' }], reason: `${s.speaker || s.speaker_actor} (${s.speaker_actor}): ${s.stance}`,
      });
    }
  }
}

function signalOrder(a: Signal, b: Signal): number {
  const ea = a.evidence[0];
  const eb = b.evidence[0];
  return cmp(a.day, b.day) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind)
    || cmp(ea.documentId, eb.documentId) || ea.evidence_start - eb.evidence_start;
}

/** Runs the state machine of the header over a truce's signals. */
function runMachine(d: Draft, k: Knowledge): { timeline: TimelineEntry[]; stances: Position[] } {
  const timeline: TimelineEntry[] = [];
  const positions = new Map<string, Position>();
  const stances: Position[] = [];
  let lastViolation = '';
  const state = (): TruceState | null => timeline.at(-1)?.state ?? null;
  const set = (next: TruceState, sig: Signal, reason: string) => {
    // A state that lasts less than a day between two equal ones (A → B → A on one day) is a flicker
    // of the day's signals, not a state: the day ends in A.
    // Likewise an ending verdict (contested, ended) is refined by the later signals of its day.
    const last = timeline.at(-1);
    if (last && last.from === sig.day && last.state !== next && timeline.at(-2)?.state === next) timeline.pop();
    else if (last && last.from === sig.day && last.state !== next && (last.state === 'contested' || last.state === 'ended')) {
      timeline.pop();
      timeline.push({ from: sig.day, state: next, evidence: [...last.evidence, ...sig.evidence], reason });
      return;
    }
    const cur = timeline.at(-1);
    if (cur && cur.state === next) cur.evidence.push(...sig.evidence);
    else timeline.push({ from: sig.day, state: next, evidence: [...sig.evidence], reason });
  };
  const isParty = (actor: string, day: string) => sideOf(k, d, actor, day) !== null;
  // A listed party has ended when its own latest word, or its umbrella's, is an ending one: one member
  // faction leaving does not take its umbrella out.
  const partyEnded = (p: string, day: string) => {
    const said = [...positions.values()].filter((x) => x.party === p || canonicalActor(k, x.party) === p || ancestors(k, p, day).includes(x.party))
      .sort((a, b) => cmp(span(b.date).end, span(a.date).end))[0];
    return said !== undefined && ENDING.has(said.stance);
  };
  const afterEnding = (sig: Signal) => {
    const holders = [...positions.values()].filter((x) => HOLDING.has(x.stance) && (isParty(x.party, sig.day) || isMediator(k, d, x.party, sig.day)));
    const sideGone = d.parties.find((side) => side.length > 0 && side.every((p) => partyEnded(p, sig.day)));
    if (sideGone) set('ended', sig, `every party of one side (${sideGone.join(', ')}) has said it ended; ${sig.reason}`);
    else if (holders.length > 0) set('contested', sig, `${sig.reason}, while ${holders.map((h) => h.party).join(', ')} said it holds`);
    else set('ended', sig, `${sig.reason}, and no party or mediator says it holds`);
  };
  for (const sig of [...d.signals].sort(signalOrder)) {
    if (sig.speaker && sig.stance) {
      const p = { party: sig.speaker, stance: sig.stance, date: sig.date, evidence: sig.evidence[0] };
      positions.set(sig.speaker, p);
      stances.push(p);
    }
    const s = state();
    switch (sig.kind) {
      case 'propose':
        if (s === null || s === 'proposed') set('proposed', sig, sig.reason);
        break;
      case 'declare':
      case 'hold':
        if (s === 'contested') {
          // A voice that it holds is what made it contested; only a report that it is in force, once no
          // party's latest word is an ending one, settles it.
          const stillEnding = [...positions.values()].some((x) => ENDING.has(x.stance) && isParty(x.party, sig.day));
          if (sig.kind === 'declare' && !stillEnding) set('in_force', sig, `no party says it ended any more; ${sig.reason}`);
        } else if (s === null || s === 'proposed') set('in_force', sig, sig.reason);
        else if (s === 'ended') {
          if (sig.kind === 'declare') set('resumed', sig, `in force again after it ended: ${sig.reason}`);
          else afterEnding(sig);
        } else if (s === 'strained' && sig.day > addDays(lastViolation, STRAIN_DAYS)) set('in_force', sig, `in force again after the attack of ${lastViolation}: ${sig.reason}`);
        else if (s === 'in_force' || s === 'resumed') set(s, sig, sig.reason);
        break;
      case 'resume':
        if (s === null || s === 'ended' || s === 'contested') set('resumed', sig, sig.reason);
        else if (s === 'in_force' || s === 'resumed') set(s, sig, sig.reason);
        break;
      case 'violation':
        if (s !== null && FORCE.has(s)) {
          lastViolation = sig.day;
          set('strained', sig, `attack between the sides while in force: ${sig.reason}`);
        } else if (s === null && sig.evidence[0].kind === 'truce') set('strained', sig, sig.reason);
        break;
      case 'end':
        if (s !== null) afterEnding(sig);
        break;
      case 'contest':
        set('contested', sig, sig.reason);
        break;
    }
  }
  return { timeline, stances };
}

/** Per actor, its latest stance on the truce on or before `day` (the day a stance is placed on, see header). */
export function positionsAt(truce: Pick<Truce, 'stances'>, day: string): Position[] {
  const latest = new Map<string, Position>();
  for (const p of truce.stances) if (signalDay(p.date as string, ENDING.has(p.stance) ? 'end' : 'hold') <= day) latest.set(p.party, p);
  return [...latest.values()].sort((a, b) => cmp(a.party, b.party));
}

/** All truces the articles speak of, merged across articles, with their state over time (rules in the header). */
export function resolveTruces(items: readonly ResolveItem[], k: Knowledge): Truce[] {
  const canon = canonicalItems(items);
  const drafts = groupMentions(mentionsOf(canon, k), k).map((g) => draftOf(g, k));
  eventSignals(resolveEvents(canon, k), drafts, k);
  statementSignals(canon, drafts, k);
  return drafts.map((d) => {
    const { timeline, stances } = runMachine(d, k);
    return {
      id: d.id, parties: d.parties, mediator: d.mediator, declared: d.declared, conditions: d.conditions, scope: d.scope,
      documents: d.documents, timeline, positions: positionsAt({ stances }, '9999-12-31'), stances,
    };
  }).sort((a, b) => cmp(a.id, b.id));
}

/** The truce's state on a day: the latest change on or before it, or null before anything is known. */
export function stateAt(truce: Truce, day: string): { state: TruceState; since: string; evidence: TruceEvidence[] } | null {
  const entry = truce.timeline.filter((e) => e.from <= day).at(-1);
  return entry ? { state: entry.state, since: entry.from, evidence: entry.evidence } : null;
}
