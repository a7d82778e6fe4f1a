// Event mentions: PLOVER triggers from the lexicon, kept when eventive, with modality,
// arguments and date; mentions of the same happening in one article merged into one event.
import type { EventOut, PloverType, Span } from '../pipeline/types.ts';
import type { DocContext, SentenceView } from './context.ts';
import type { Trigger } from './lexicon.ts';
import type { Report } from './attribution.ts';
import { modalityOf } from './status.ts';
import { argumentsOf } from './arguments.ts';
import { Dater } from './dating.ts';
import { evidenceOf } from './evidence.ts';
import { overlaps as datesOverlap } from '../pipeline/date-range.ts';

interface Hit extends Span {
  trigger: Trigger;
}

/** Trigger matches of one sentence, overlaps resolved: earlier lexicon entries first, then longer. */
function hits(ctx: DocContext, view: SentenceView): Hit[] {
  const s = view.sentence;
  const text = ctx.text.slice(s.start, s.end);
  const all: Hit[] = [];
  for (const trigger of ctx.lexicon.triggers) {
    for (const m of trigger.patterns.findAll(text)) all.push({ start: s.start + m.start, end: s.start + m.end, trigger });
  }
  all.sort((a, b) => a.trigger.rank - b.trigger.rank || b.end - b.start - (a.end - a.start));
  const kept: Hit[] = [];
  for (const h of all) if (!kept.some((k) => h.start < k.end && k.start < h.end)) kept.push(h);
  return kept.sort((a, b) => a.start - b.start);
}

/** A nominal trigger ("attacks") names a happening only in an eventive context, and never right after "stop", "resume", "no" .... */
function eventive(ctx: DocContext, view: SentenceView, h: Hit): boolean {
  const lx = ctx.lexicon;
  const before = ctx.text.slice(Math.max(view.sentence.start, h.start - 40), h.start);
  if (lx.nonEventiveBefore.endsWith(before)) return false;
  if (h.trigger.kind === 'verb') return true;
  const after = ctx.text.slice(h.end, Math.min(view.sentence.end, h.end + 40));
  return lx.eventiveBefore.endsWith(before) || lx.eventiveAfter.startsWith(after);
}

function sameHappening(a: EventOut, b: EventOut): boolean {
  if (a.type !== b.type || a.status !== b.status) return false;
  if (!a.date || !b.date || !datesOverlap(a.date, b.date, 0)) return false;
  const ta = new Set(a.target);
  const sa = new Set(a.source);
  const sharedTarget = b.target.some((t) => ta.has(t));
  const sharedSource = b.source.some((t) => sa.has(t));
  // Both precise to the day and sharing a participant, or one sentence's two triggers for one act.
  return (sharedTarget && (sharedSource || a.source.length === 0 || b.source.length === 0)) || (sharedSource && a.evidence === b.evidence);
}

function precision(date: string | null): number {
  if (!date) return 99;
  if (date.includes('/')) return 50;
  return 20 - date.length;
}

function merge(events: EventOut[]): EventOut[] {
  const out: EventOut[] = [];
  for (const e of events) {
    const twin = out.find((o) => sameHappening(o, e));
    if (!twin) {
      out.push(e);
      continue;
    }
    twin.source = [...new Set([...twin.source, ...e.source])];
    twin.target = [...new Set([...twin.target, ...e.target])].filter((t) => !twin.source.includes(t));
    if (precision(e.date) < precision(twin.date)) {
      twin.date = e.date;
      twin.date_basis = e.date_basis;
    }
    twin.mode ||= e.mode;
    twin.location ||= e.location;
    twin.fatalities ??= e.fatalities;
    twin.injured ??= e.injured;
  }
  return out.map((e, i) => ({ ...e, id: `e${String(i + 1).padStart(2, '0')}` }));
}

interface Candidate {
  event: EventOut;
  /** Named by a noun ("the attack", "recent attacks") rather than a verb. */
  nominal: boolean;
  /** Dated by an expression or reference event of its own, not by the undated fallback. */
  ownDate: boolean;
}

/**
 * An undated nominal mention ("following recent attacks on the base") refers back to a happening
 * the article dates elsewhere: it joins that event when they share a place or a participant;
 * a bare undated plural ("attacks") is a series, not a happening, and is dropped.
 */
function attachBackReferences(cands: Candidate[]): EventOut[] {
  const dated = cands.filter((c) => !c.nominal || c.ownDate);
  const out: EventOut[] = dated.map((c) => c.event);
  for (const c of cands) {
    if (!c.nominal || c.ownDate) continue;
    const e = c.event;
    const shares = (o: EventOut): boolean =>
      o.type === e.type && ((e.location !== '' && o.location === e.location) || [...e.source, ...e.target].some((id) => o.source.includes(id) || o.target.includes(id)));
    const host = dated.map((d) => d.event).find((o) => shares(o) && o.status === e.status);
    if (host) {
      host.target = [...new Set([...host.target, ...e.target])].filter((t) => !host.source.includes(t));
      host.location ||= e.location;
      continue;
    }
    if (!/s$/iu.test(e.trigger)) out.push(e);
  }
  return out.sort((a, b) => a.evidence_start - b.evidence_start);
}

export function extractEvents(ctx: DocContext, reports: Report[]): EventOut[] {
  const dater = new Dater(ctx);
  const bySentence = new Map(reports.map((r) => [r.sentence, r]));
  const events: Candidate[] = [];
  for (const view of ctx.sentences) {
    const report = bySentence.get(view.index);
    for (const h of hits(ctx, view)) {
      if (!eventive(ctx, view, h)) continue;
      const modality = modalityOf(ctx.lexicon, ctx.text, view.sentence, h, h.trigger.type);
      if (!modality) continue;
      const type: PloverType = modality.type ?? h.trigger.type;
      let mode = modality.mode ?? h.trigger.mode;
      const args = argumentsOf(ctx, view, h, type, report);
      if (type === 'ASSAULT' && !mode && args.target.some((id) => ctx.knowledge.actors.get(id)?.type === 'person')) mode = 'targeted';
      let fatalities = args.fatalities;
      if (type === 'ASSAULT' && mode === 'targeted' && fatalities === null && args.target.some((id) => ctx.knowledge.actors.get(id)?.type === 'person')) fatalities = 1;
      const { date, basis } = dater.date(view, h.start);
      const attributed = report && h.start >= report.content.start ? report.speaker.name : '';
      events.push({ nominal: h.trigger.kind === 'noun', ownDate: !basis.startsWith('undated'), event: {
        id: '',
        type,
        mode,
        trigger: ctx.text.slice(h.start, h.end),
        date,
        date_basis: basis,
        source: args.source,
        target: args.target,
        location: args.location,
        status: modality.status,
        fatalities,
        injured: args.injured,
        attributed_to: attributed,
        ...evidenceOf(ctx, view.sentence),
      } });
    }
  }
  return merge(attachBackReferences(events));
}
