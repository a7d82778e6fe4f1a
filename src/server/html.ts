// The plain HTML start page (until the dashboard lands): the stored documents, each linking to its JSON.
import type { DocumentSummary } from '../store/types.ts';

/** Content-Security-Policy for our HTML: no scripts, no external anything. */
export const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function documentsPage(docs: DocumentSummary[], total: number): string {
  const rows = docs.map((d) => {
    const title = escapeHtml(d.title || d.name);
    const link = `/api/documents/${encodeURIComponent(d.id)}`;
    const dup = d.near_duplicate_of ? ` <small>(near-duplicate of <a href="/api/documents/${encodeURIComponent(d.near_duplicate_of)}">${escapeHtml(d.near_duplicate_of.slice(0, 12))}</a>)</small>` : '';
    return `<tr><td>${escapeHtml(d.published ?? '')}</td><td><a href="${escapeHtml(link)}">${title}</a>${dup}</td><td>${escapeHtml(d.outlet ?? '')}</td><td>${d.events}</td></tr>`;
  }).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TruceWatch</title>
<style>body{font:15px system-ui,sans-serif;margin:2rem;max-width:70rem}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left}</style>
</head><body>
<h1>TruceWatch</h1>
<p>${total} document(s). API: <a href="/docs">/docs</a> · <a href="/openapi.json">/openapi.json</a> · <a href="/api/events">/api/events</a> · <a href="/api/truces">/api/truces</a> · <a href="/api/export.csv">export.csv</a></p>
<table><thead><tr><th>published</th><th>document</th><th>outlet</th><th>events</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`;
}
