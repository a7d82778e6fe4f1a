// Splits an article's text at span boundaries so each piece can be rendered as a text node.
import type { Span } from '../src/api.ts';

export interface Segment {
  start: number;
  end: number;
  /** Spans covering the whole segment, widest first. */
  spans: Span[];
}

/** Cuts [0, length) at every span boundary; each piece lists the spans that cover it. */
export function segments(length: number, spans: Span[]): Segment[] {
  const placed = spans.filter((s): s is Span & { start: number; end: number } => s.start !== null && s.end !== null && s.start < s.end && s.start >= 0 && s.end <= length);
  const cuts = [...new Set([0, length, ...placed.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, end] = [cuts[i], cuts[i + 1]];
    const covering = placed.filter((s) => s.start <= start && s.end >= end).sort((a, b) => (b.end - b.start) - (a.end - a.start));
    out.push({ start, end, spans: covering });
  }
  return out;
}

/**
 * The range to focus in the text: [start, end) when the text there begins with `quote`, else the
 * first place the quote occurs (offsets from other stores may be off), else null.
 */
export function locate(text: string, start: number, end: number, quote?: string): [number, number] | null {
  const valid = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= text.length;
  if (!quote) return valid ? [start, end] : null;
  if (valid && text.startsWith(quote, start)) return [start, end];
  const at = text.indexOf(quote);
  return at < 0 ? null : [at, Math.min(text.length, at + Math.max(end - start, quote.length))];
}
