// "two days after", "a week before": the distance a temporal phrase puts between the happening it introduces and
// the one the sentence tells it against ("voted on Sunday, two days after a US strike killed ...").
import { COUNT, HOUR, UNIT, UNIT_DAYS, lexicon, lookup, parseCount } from './lexicon.ts';

const DISTANCE = new RegExp(`\\b(${COUNT})\\s+(${UNIT}|${HOUR})\\s*$`, 'i');

/**
 * The days to add to the sentence's own date to date the happening that `following` introduces, where `before` is
 * the text up to the preposition and `following` starts with it: −2 for "two days after", +7 for "a week before",
 * 0 for "hours after". Null when no exact distance in days or hours is written there.
 */
export function offsetDays(before: string, following: string): number | null {
  const dir = /^(after|before)\b/i.exec(following)?.[1].toLowerCase();
  const m = dir ? DISTANCE.exec(before) : null;
  const count = m ? parseCount(m[1]) : null;
  if (!m || !count || count.min !== count.max) return null;
  const unit = lookup(lexicon.units, m[2]);
  const days = lexicon.hour_units.includes(m[2].toLowerCase()) ? 0 : unit !== undefined ? UNIT_DAYS[unit] : undefined;
  if (days === undefined) return null;
  const n = days * count.min;
  return n === 0 || dir === 'before' ? n : -n;
}
