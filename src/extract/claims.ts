// Numeric claims worth tracking: "<qualifier> <number> <quantity>" ("more than 165 attacks",
// "the arrest of five people"). Casualty counts belong to their events, not here.
import type { ClaimOut } from '../pipeline/types.ts';
import type { DocContext } from './context.ts';
import { evidenceOf } from './evidence.ts';

const TRAILING_FUNCTION_WORDS = /(?:\s+(?:the|a|an|and|or|of|in|on|at|to|its|their|his|her|this|that|these|those))+$/iu;

export function extractClaims(ctx: DocContext): ClaimOut[] {
  const { numbers, durations, pattern: re } = ctx.lexicon.claims;
  const out: ClaimOut[] = [];
  for (const view of ctx.sentences) {
    const s = view.sentence;
    const text = ctx.text.slice(s.start, s.end);
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const [found, qualifier = '', num, noun, rawTail = ''] = m;
      // The words of place or time after the quantity stop before a word that only opens the next phrase.
      const tail = rawTail.replace(TRAILING_FUNCTION_WORDS, '');
      const whole = found.slice(0, found.length - (rawTail.length - tail.length));
      const head = noun.trim().split(/\s+/).pop()!.toLowerCase();
      const isDuration = durations.includes(head);
      const around = text.slice(Math.max(0, m.index - 30), m.index + whole.length + 30);
      // Durations are claims only when qualified ("more than five months"); casualty counts go to events.
      if (isDuration && !qualifier) continue;
      if (!qualifier && ctx.lexicon.killedWords.test(around)) continue;
      if (!qualifier && ctx.lexicon.injuredWords.test(around)) continue;
      const value = /^\d/.test(num) ? Number(num.replace(/,/g, '')) : numbers[num.toLowerCase()];
      if (value === undefined || (value >= 1900 && value <= 2100 && !qualifier)) continue;
      const since = view.times.find((t) => t.kind === 'since');
      const interval = since && ctx.today ? `${since.value.split('/')[0]}/${ctx.today}` : null;
      const start = s.start + m.index;
      out.push({
        quantity: (noun + tail).trim(),
        value,
        qualifier: qualifier.toLowerCase(),
        interval,
        attributed_to: '',
        ...evidenceOf(ctx, { start, end: start + whole.length }),
      });
    }
  }
  return out;
}
