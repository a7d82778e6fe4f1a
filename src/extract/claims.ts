// Numeric claims worth tracking: "<qualifier> <number> <quantity>" ("more than 165 attacks",
// "the arrest of five people"). Casualty counts belong to their events, not here.
import type { ClaimOut } from '../pipeline/types.ts';
import type { DocContext } from './context.ts';
import type { Report } from './attribution.ts';
import { evidenceOf } from './evidence.ts';
import { PREPOSITION_BEFORE } from './arguments.ts';

const TRAILING_FUNCTION_WORDS = /(?:\s+(?:the|a|an|and|or|of|in|on|at|to|its|their|his|her|this|that|these|those))+$/iu;

/** Who a claim is from: the speaker whose words hold it, else the one it is "according to" in its sentence. */
function sourceOf(ctx: DocContext, view: DocContext['sentences'][number], reports: readonly Report[], start: number, end: number): string {
  const said = reports.find((r) => r.sentence === view.index && r.content.start <= start && end <= r.content.end);
  if (said) return said.speaker.name;
  const per = view.actors.find((a) => /\baccording to\s+(?:the\s+)?$/iu.test(ctx.text.slice(Math.max(view.sentence.start, a.start - 20), a.start)));
  return per ? per.text.replace(/^the\s+/iu, '') : '';
}

export function extractClaims(ctx: DocContext, reports: readonly Report[]): ClaimOut[] {
  const { numbers, durations, pattern: re, times, repeated } = ctx.lexicon.claims;
  const out: ClaimOut[] = [];
  const valueOf = (num: string): number | undefined => (/^\d/.test(num) ? Number(num.replace(/,/g, '')) : numbers[num.toLowerCase()]);
  for (const view of ctx.sentences) {
    const s = view.sentence;
    const text = ctx.text.slice(s.start, s.end);
    const since = view.times.find((t) => t.kind === 'since');
    const interval = since && ctx.today ? `${since.value.split('/')[0]}/${ctx.today}` : null;
    // "US forces have been attacked more than 150 times": a count of acts, on the passive's subject or the verb's object.
    times.lastIndex = 0;
    // (A plain look for the word first: the full expression is a Unicode one.)
    for (let m = /times/iu.test(text) ? times.exec(text) : null; m; m = times.exec(text)) {
      const [found, verb, object, qualifier = '', num] = m;
      const value = valueOf(num);
      if (value === undefined) continue;
      const start = s.start + m.index;
      // The passive's subject: the first name of its clause (after a reporting verb: "The Pentagon says US forces have
      // been attacked") not inside a phrase of place ("US forces in Iraq and Syria").
      const said = ctx.lexicon.reportingVerbs.findAll(text.slice(0, m.index)).pop();
      const clause = Math.max(view.opening, s.start + (said?.end ?? 0));
      const subject = /\b(?:have|has|had|were|was)\s+been\s+$/iu.test(text.slice(0, m.index)) ?
        view.actors.find((a) => a.start >= clause && a.end <= start && !PREPOSITION_BEFORE.test(ctx.text.slice(clause, a.start))) : undefined;
      const recipient = object.trim() || subject?.text || '';
      const from = subject && !object.trim() ? subject.start : start;
      out.push({
        quantity: `${repeated[verb.toLowerCase()]}${recipient ? ` on ${recipient.replace(/^the\s+/iu, '')}` : ''}`,
        value,
        qualifier: qualifier.toLowerCase(),
        interval,
        attributed_to: sourceOf(ctx, view, reports, from, start + found.length),
        ...evidenceOf(ctx, { start: from, end: start + found.length }),
      });
    }
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const [found, qualifier = '', num, noun, rawTail = ''] = m;
      // The words of place after the quantity stop before a word that only opens the next phrase, before "and" ("troops
      // in Iraq and about 900 in Syria") and before a time ("two drones on Tuesday": the time is the act's).
      const tailAt = s.start + m.index + found.length - rawTail.length;
      const timed = view.times.find((t) => t.start >= tailAt && t.start < tailAt + rawTail.length);
      const joined = rawTail.search(/\s(?:and|or|but)\s/iu);
      const cut = Math.min(timed ? timed.start - tailAt : rawTail.length, joined < 0 ? rawTail.length : joined);
      const tail = rawTail.slice(0, cut).replace(/\s+(?:on|of|against|in|ago|since)$/iu, '').replace(TRAILING_FUNCTION_WORDS, '');
      const whole = found.slice(0, found.length - (rawTail.length - tail.length));
      const head = noun.trim().split(/\s+/).pop()!.toLowerCase();
      const isDuration = durations.includes(head);
      const around = text.slice(Math.max(0, m.index - 30), m.index + whole.length + 30);
      // Durations are claims only when qualified ("more than five months"); casualty counts go to events.
      if (isDuration && !qualifier) continue;
      if (!qualifier && ctx.lexicon.killedWords.test(around)) continue;
      if (!qualifier && ctx.lexicon.injuredWords.test(around)) continue;
      const value = valueOf(num);
      if (value === undefined || (value >= 1900 && value <= 2100 && !qualifier)) continue;
      const start = s.start + m.index;
      out.push({
        quantity: (noun + tail).trim(),
        value,
        qualifier: qualifier.toLowerCase(),
        interval,
        attributed_to: sourceOf(ctx, view, reports, start, start + whole.length),
        ...evidenceOf(ctx, { start, end: start + whole.length }),
      });
    }
  }
  return out;
}
