// Every output item carries its evidence: an exact substring of the article and its raw offsets.
import type { EvidenceRef, Span } from '../pipeline/types.ts';
import type { DocContext } from './context.ts';
import { toRawSpan } from '../ingest/clean.ts';

export function evidenceOf(ctx: DocContext, span: Span): EvidenceRef {
  const doc = ctx.annotated.doc;
  let { start, end } = span;
  // A span running over a line the cleaner dropped stops at the drop: the evidence must be the raw text at its offsets.
  const piece = doc.offsets.find((o) => start >= o.clean && start < o.clean + o.length);
  if (piece) end = Math.min(end, piece.clean + piece.length);
  while (end > start && /\s/u.test(ctx.text[end - 1])) end--;
  const raw = toRawSpan(doc, { start, end });
  return { evidence: ctx.text.slice(start, end), evidence_start: raw.start, evidence_end: raw.end };
}
