// What the resolvers take: per-article extractions with their document, in a canonical order so that
// results never depend on the order the articles were ingested in.
import { createHash } from 'node:crypto';
import type { EvidenceRef, Extraction } from '../pipeline/types.ts';
import { dayRange } from '../pipeline/date-range.ts';

export interface ResolveItem {
  documentId: string;
  documentName: string;
  /** The article's publication date value (ISO day, month, year or "a/b"); null when unknown. */
  published: string | null;
  extraction: Extraction;
}

/** Where a fact was read: the article and the exact sentence. */
export interface SourceRef extends EvidenceRef {
  documentId: string;
  documentName: string;
}

/** One copy per document id, sorted by id (the same document given twice counts once). */
export function canonicalItems(items: readonly ResolveItem[]): ResolveItem[] {
  const byId = new Map<string, ResolveItem>();
  for (const it of [...items].sort((a, b) => cmp(a.documentId, b.documentId))) if (!byId.has(it.documentId)) byId.set(it.documentId, it);
  return [...byId.values()];
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** First and last day of a date value; unknown dates sort last. */
export function span(date: string | null): { start: string; end: string } {
  return (date ? dayRange(date) : null) ?? { start: '9999-12-31', end: '9999-12-31' };
}

/** Number of days a date value covers (unknown: infinite), to prefer the most precise. */
export function width(date: string | null): number {
  const r = date ? dayRange(date) : null;
  return r ? (Date.parse(r.end) - Date.parse(r.start)) / 86_400_000 + 1 : Number.POSITIVE_INFINITY;
}

/** A short stable id from its parts. */
export function stableId(prefix: string, ...parts: string[]): string {
  return `${prefix}-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16)}`;
}

export function sourceRef(item: { documentId: string; documentName: string }, e: EvidenceRef): SourceRef {
  return { documentId: item.documentId, documentName: item.documentName, evidence: e.evidence, evidence_start: e.evidence_start, evidence_end: e.evidence_end };
}
