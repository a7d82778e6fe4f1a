// Talks to the TruceWatch API (same origin). Shapes come from the store's public contract.
import type { ActorItem, CappedPage, DocumentDetail, DocumentSummary, EventItem, Page, PlaceItem, StatementItem, TruceItem, TruceStateItem, Span, CorrectionItem } from '../../src/store/types.ts';

export type { ActorItem, CappedPage, DocumentDetail, DocumentSummary, EventItem, Page, PlaceItem, StatementItem, TruceItem, TruceStateItem, Span, CorrectionItem };

export interface Membership { id: string; from?: string; to?: string }
export interface MembershipLink { member: string; group: string; from: string | null; to: string | null }
export interface ActorProfile {
  id: string; name: string; type: string; country: string | null; aliases: string[]; context_aliases: string[];
  memberships: Membership[]; members: MembershipLink[]; names: Record<string, string>;
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function parse<T>(r: Response, what: string): Promise<T> {
  const body = await r.json().catch(() => null) as { message?: string } | null;
  if (!r.ok) throw new ApiError(r.status, `${what}: ${body?.message ?? r.statusText}`);
  return body as T;
}

export async function getJSON<T>(path: string): Promise<T> {
  return parse<T>(await fetch(path, { headers: { accept: 'application/json' } }), path.split('?')[0]);
}

/** Query string of the non-empty values. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Every item of a list route, page by page, up to `cap` items. A route that caps its count (events) says whether `total` is exact. */
export async function getAll<T>(path: string, params: Record<string, string | undefined>, cap = 2000): Promise<CappedPage<T>> {
  const items: T[] = [];
  let total = 0;
  let exact = true;
  do {
    const page = await getJSON<Page<T> & { total_exact?: boolean }>(path + qs({ ...params, limit: 500, offset: items.length }));
    items.push(...page.items);
    total = page.total;
    exact = page.total_exact ?? true;
    if (page.items.length === 0) break;
  } while (items.length < total && items.length < cap);
  return { items, total, total_exact: exact };
}

/** A page's total for display: "10000+" when the count stopped there. */
export function totalText(page: { total: number; total_exact?: boolean }): string {
  return `${page.total}${page.total_exact === false ? '+' : ''}`;
}

export interface CorrectionRequest {
  who: string;
  action: 'confirm' | 'edit' | 'reject';
  target: string;
  payload?: Record<string, unknown>;
}

export async function postCorrection(token: string, c: CorrectionRequest): Promise<CorrectionItem> {
  const r = await fetch('/api/corrections', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(c),
  });
  return parse<CorrectionItem>(r, 'correction');
}
