// Statements: each reported utterance with its speaker, channel, date, topic and stance.
import type { Stance, StatementOut, Topic } from '../pipeline/types.ts';
import type { DocContext } from './context.ts';
import type { Report } from './attribution.ts';
import { RELATIVE_ASIDE, speakerVoice } from './attribution.ts';
import { Dater, type Dated } from './dating.ts';
import { evidenceOf } from './evidence.ts';

/**
 * The stance of what was said (and where in it its phrase starts): the first lexicon entry whose phrase occurs in it. An end of the truce that is only
 * threatened or foreseen ("threatened on Saturday to end the truce") is a threat against the truce.
 */
export function stanceOf(ctx: DocContext, said: string, lead = ''): { stance: Stance; topic: Topic; at: number } {
  let best: { stance: Stance; topic: Topic; rank: number } | null = null;
  let at = 0;
  let end = 0;
  for (const m of ctx.lexicon.stances.findAll(said)) {
    const entry = ctx.lexicon.stanceOf[m.index];
    if (!best || entry.rank < best.rank) [best, at, end] = [entry, m.start, m.end];
  }
  if (!best) return { stance: 'other', topic: 'other', at: 0 };
  // `lead`: the words before the reporting verb ("has not" of "has not claimed any operation").
  const before = `${lead}${said.slice(0, at)}`.slice(-40);
  const { future, hypothetical } = ctx.lexicon.status;
  if (best.stance === 'truce_ended' && (future.endsWithin(before, 3) || hypothetical.endsWithin(before, 3))) return { stance: 'threaten', topic: 'truce', at };
  // "has not claimed any operation since": no claim.
  // Nor "its forces would not be attacked": a negation or a passive inside the phrase.
  if (best.stance === 'claim_responsibility' && (/\b(?:not|never|no)\s+(?:\S+\s+)?$|n['’]t\s+(?:\S+\s+)?$/iu.test(before) ||
    /\b(?:not|never|be|been|being)\b/iu.test(said.slice(at, end)))) return { stance: 'other', topic: 'other', at };
  // "did not threaten further military action": no threat.
  if (best.stance === 'threaten' && /\b(?:not|never)\s+$|n['’]t\s+$/iu.test(before)) return { stance: 'other', topic: 'other', at };
  return { stance: best.stance, topic: best.topic, at };
}

const PARTICIPLE_VERB = /^(?:saying|stating|adding)$/iu;

export function extractStatements(ctx: DocContext, reports: Report[]): StatementOut[] {
  const dater = new Dater(ctx);
  const out: StatementOut[] = [];
  let lastDate: string | null = null;
  let prevSentence = -2;
  let prevStart = 0;
  for (const r of reports) {
    const view = ctx.sentences[r.sentence];
    const from = Math.min(r.verb.start, r.content.start);
    const said = ctx.text.slice(from, r.content.end);
    let { stance, topic } = stanceOf(ctx, said, ctx.text.slice(Math.max(view.sentence.start, from - 20), from));
    // "welcomed the agreement, saying ...": the act the participle explains states the position too.
    // A relative clause set off by commas ("The Brigades, which announced a halt, commented ...") is no part of that act.
    if (stance === 'other' && PARTICIPLE_VERB.test(r.verb.text)) ({ stance, topic } = stanceOf(ctx, ctx.text.slice(view.opening, r.verb.start).replace(RELATIVE_ASIDE, ',')));
    // "X announced the arrest of ...": an announcement of a happening is an event, not a position; nor is one told in
    // passing, in a relative clause ("The Brigades, which announced a halt to attacks, ...").
    const nounObject = !/^(?:[^,.;“"‘]{0,30}\s)?(?:that\b|[“"‘])/iu.test(ctx.text.slice(r.verb.end, r.content.end).trim());
    if (nounObject && /^announc/iu.test(r.verb.text) && (stance === 'other' || /,\s*(?:which|who)\s+(?:\S+\s+)?$/iu.test(ctx.text.slice(view.sentence.start, r.verb.start)))) continue;
    // A continued quote keeps the date of the words it continues.
    // The words said, after the verb, tell of their own times, not of when they were said; a time opening them is the
    // verb's ("threatened on Sunday to impose sanctions").
    const lead = view.times.find((t) => t.start >= r.content.start && t.start - r.content.start <= 4);
    const wordsFrom = r.content.start >= r.verb.end ? lead?.end ?? r.content.start : Infinity;
    const dated: Dated = r.continuation && lastDate ? { date: lastDate, basis: 'continues the previous quote' } : dater.date(view, r.verb.start, { actors: null, until: wordsFrom });
    lastDate = dated.date;
    const prev = out[out.length - 1];
    if (prev && r.continuation && prev.speaker === r.speaker.name && prev.stance === stance && r.sentence - prevSentence === 1) {
      // One utterance spread over two sentences: one statement whose evidence covers both.
      Object.assign(prev, evidenceOf(ctx, { start: prevStart, end: r.content.end }));
      prevSentence = r.sentence;
      continue;
    }
    prevSentence = r.sentence;
    prevStart = r.content.start;
    out.push({
      id: `s${String(out.length + 1).padStart(2, '0')}`,
      speaker: r.speaker.name,
      speaker_actor: speakerVoice(ctx, r.speaker),
      role: r.speaker.role,
      channel: r.channel,
      date: dated.date,
      topic,
      stance,
      stance_detail: stance,
      ...evidenceOf(ctx, r.content),
    });
  }
  return out;
}
