// Modality of an event mention: did it happen, or was it threatened, conditional, planned,
// denied or hypothetical? Decided from cue words in the clause around the trigger.
import type { EventStatus, PloverType, Span } from '../pipeline/types.ts';
import type { Lexicon } from './lexicon.ts';

export interface Modality {
  status: EventStatus;
  /** Set when the modality changes the event type: a threatened attack is a THREATEN event. */
  type?: PloverType;
  mode?: string;
}

const FUTURE_AGREE: ReadonlySet<PloverType> = new Set(['CONSULT', 'SUPPORT', 'COOPERATE', 'AID']);
const FUTURE_THREAT: ReadonlySet<PloverType> = new Set(['PROTEST', 'SANCTION', 'COERCE', 'MOBILIZE']);
const NEGATED_INTENT = /\b(?:not|never|no\s+longer)\s+(?:intend|intends|plan|plans|planning|want|wants|seek|seeks|seeking)\s+to\s+$|\bno\s+(?:intention|plans?)\s+(?:of|to)\s+$/iu;
/** "has not announced any plan to withdraw": no act, planned or refused. */
const NO_PLAN = /\bany\s+(?:intention|plans?)\s+(?:of|to)\s+$/iu;
const NOBODY = /(?:^|[^\p{L}])(?:no|none\s+of(?:\s+(?:the|its|their))?)\s+(?:[\p{L}-]+\s+){0,2}(?:(?:will|would|shall|has|have|had|did|could|can)\s+(?:\p{L}+ly\s+)?)?$/iu;
const COOPERATIVE: ReadonlySet<PloverType> = new Set(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT']);

const TEMPORAL_BEFORE = /\b(?:after|following|since|amid|despite|because of|in response to|in retaliation for)\b/giu;

/** Where the last match of a global expression ends in `s` (0 when none). */
function lastEnd(re: RegExp, s: string): number {
  let end = 0;
  for (const m of s.matchAll(re)) end = m.index + m[0].length;
  return end;
}

/** Characters of left and right context that form the trigger's clause (about eight and twelve words). */
const LEFT = 60;
/** A period after a negated act: "since February", "for weeks", "in months". */
const LULL_AFTER = /^[^.;]*?\b(?:since|for\s+(?:days|weeks|months|years)|in\s+(?:days|weeks|months|years))\b/iu;
/** An "if" or "unless" clause closed by its comma, and the trigger's clause after it with no comma of its own. */
const FRONTED_CONDITION = /\b(?:if|unless)\s[^;]*,[^,;]*$/iu;
const RIGHT = 90;

/** The text from `from` to `to` with the time expressions in it blanked: "In May" holds no "may", "the strikes on Saturday killed" is "the strikes killed". */
export function untimed(text: string, from: number, to: number, times: readonly Span[]): string {
  let out = text.slice(from, to);
  for (const t of times) {
    if (t.end <= from || t.start >= to) continue;
    const a = Math.max(t.start, from) - from;
    const b = Math.min(t.end, to) - from;
    out = out.slice(0, a) + ' '.repeat(b - a) + out.slice(b);
  }
  return out;
}

function clause(text: string, sentence: Span, trigger: Span, times: readonly Span[]): { left: string; right: string; whole: string } {
  let from = Math.max(sentence.start, trigger.start - LEFT);
  const stop = text.lastIndexOf(';', trigger.start);
  if (stop >= from) from = stop + 1;
  const to = Math.min(sentence.end, trigger.end + RIGHT);
  return { left: untimed(text, from, trigger.start, times), right: untimed(text, trigger.end, to, times), whole: untimed(text, sentence.start, sentence.end, times) };
}

/** "denied a claim by a US official that its members fired": the act a denial's "that" clause tells, its verb right after its subject. */
const DENIED_THAT = /\bden(?:y|ies|ied|ying)\b[^.;:"“”]{0,60}\bthat\s+(?:[\p{L}'’-]+\s+){1,3}(?:had\s+|have\s+|has\s+)?$/iu;

/**
 * "did not claim the attack", "denied issuing any statement about the attack": the negation is of another verb
 * whose object the act is, which says nothing of whether it happened. "did not carry out the attack" (a support
 * verb), "denied the attack" and "denied any role in the attack" do.
 */
function otherVerbNegated(lx: Lexicon, near: string, nominal: boolean): boolean {
  if (!nominal) return false;
  const cue = lx.status.denied.findAll(near).at(-1);
  if (!cue) return false;
  const between = near.slice(cue.end).trim();
  // A negation in a clause of its own ("had not been involved and that the attack was meant to ...").
  if (/[,;]|\b(?:and|but|that|which|while|whereas)\b/iu.test(between)) return true;
  const verb = /\b(?:not|n't|never)$/iu.test(near.slice(cue.start, cue.end)) ? /^\p{L}+/u.exec(between)?.[0] : /^\p{L}+ing\b/u.exec(between)?.[0];
  if (!verb || /^(?:the|a|an|any|its|their|this|that|been|be)$/iu.test(verb)) return false;
  return /^claim/iu.test(verb) || !lx.supportVerbs.startsWith(between);
}

/**
 * Returns null when the mention is a negated promise of violence ("will not carry out any strike") or a
 * hoped-for act ("I hope both sides will stop"): no event at all. `answered`: the trigger names what a reaction answers ("would respond to the killing of its
 * soldiers"), a happening already past whatever the modal of the reaction. `times`: the time expressions of the text,
 * whose words are no cues ("In May" holds no "may"), unless they are future cues themselves ("next week").
 */
export function modalityOf(lx: Lexicon, text: string, sentence: Span, trigger: Span, type: PloverType, answered = false, times: readonly Span[] = [], nominal = false): Modality | null {
  // A time expression that is itself a cue ("next week", "soon") keeps its words.
  const dates = times.filter((t) => t.end > sentence.start && t.start < sentence.end && !lx.status.future.test(text.slice(t.start, t.end)));
  const told = clause(text, sentence, trigger, dates);
  // "threaten to end the truce after a US strike": cues before a temporal or causal preposition govern its clause, not its object.
  const { right, whole } = told;
  const left = told.left.slice(lastEnd(TEMPORAL_BEFORE, told.left));
  const near = left.slice(-40);
  const denied = (lx.status.denied.test(near) && !otherVerbNegated(lx, near, nominal)) || DENIED_THAT.test(left) || /\bno\s+(?:\S+\s+){0,2}$/iu.test(left.slice(-25)) && /\b(has|have|had) been\b/iu.test(right.slice(0, 40));
  // A verb phrase may hold its own modal ("will meet" of the verb lexicon).
  const future = !answered && (lx.status.future.test(left) || /^(?:will|shall)\s/iu.test(text.slice(trigger.start, trigger.end)));
  // "warned that if the Americans insisted on staying in defiance of the vote, the factions would use ...": a long
  // conditional clause fronted before the trigger's own.
  const conditional = lx.status.conditional.test(right) || lx.status.conditional.test(left) ||
    FRONTED_CONDITION.test(text.slice(sentence.start, trigger.start));
  const hypothetical = lx.status.hypothetical.test(near);
  if (future && lx.status.wished.test(left)) return null;
  if (lx.status.prevented.test(near)) return null;
  // "no faction will fire a single shot", "None of the factions attacked", "launched no attacks": a subject or object
  // that is nobody denies the act; promised, it is no threat.
  const nobody = NOBODY.test(near) || /\s(?:no|none)\s/iu.test(text.slice(trigger.start, trigger.end));
  if (type === 'ASSAULT' && future) {
    if (/\bnot\b/iu.test(near) || nobody) return null;
    return { status: conditional ? 'conditional' : 'threatened', type: 'THREATEN', mode: 'violence' };
  }
  // "did not threaten further military action" makes no threat.
  if (type === 'THREATEN' && /\b(?:not|never|n['’]t)\s+(?:\p{L}+ly\s+)?$/iu.test(near)) return null;
  if (type === 'THREATEN') return { status: conditional || lx.status.conditional.test(whole) ? 'conditional' : 'threatened' };
  // "will not accept", "would not meet their demands": refusing cooperation is a REJECT; so is a disavowed
  // intention to cooperate or to yield ("does not intend to withdraw its troops").
  if (COOPERATIVE.has(type) && /\b(?:will|would|shall|can|could)\s+not\s+(?:\S+\s+)?$|\bwon['’]t\s+(?:\S+\s+)?$/iu.test(near)) return { status: 'occurred', type: 'REJECT', mode: '' };
  if ((COOPERATIVE.has(type) || type === 'RETREAT' || type === 'CONCEDE') && NEGATED_INTENT.test(near)) return { status: 'occurred', type: 'REJECT', mode: '' };
  if (NO_PLAN.test(near)) return null;
  // "have not carried out any attack since February": a lull told, no act denied.
  if (denied && /\bany\b/iu.test(`${near.slice(-8)}${text.slice(trigger.start, trigger.end)}`) && LULL_AFTER.test(text.slice(trigger.end, sentence.end))) return null;
  if (denied || (nobody && !future)) return { status: 'denied' };
  // PLOVER codes what is promised by what it promises: future cooperation is AGREE, a future
  // withdrawal is a concession (CONCEDE), future hostility short of violence is a THREATEN. A promise is
  // a future modal or a stated intention ("is prepared to impose", "plans to expel").
  const promised = /\b(?:will|would|shall)\s+(?:\S+\s+){0,2}$/iu.test(near) || (/\bto\s+$/iu.test(near) && lx.status.intention.endsWith(near.replace(/\s*to\s+$/iu, '')));
  if (promised && FUTURE_AGREE.has(type)) return { status: conditional ? 'conditional' : 'planned', type: 'AGREE', mode: '' };
  if (promised && type === 'RETREAT') return { status: conditional ? 'conditional' : 'planned', type: 'CONCEDE', mode: '' };
  if (promised && FUTURE_THREAT.has(type)) return { status: conditional ? 'conditional' : 'threatened', type: 'THREATEN', mode: '' };
  if (future) return { status: conditional ? 'conditional' : 'planned' };
  if (hypothetical) return { status: 'hypothetical' };
  return { status: 'occurred' };
}
