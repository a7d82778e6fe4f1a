// Reader: an article's clean text with the extracted spans highlighted by kind. Article text is
// untrusted, so it is only ever rendered as React text nodes, split at span boundaries.
import { useEffect, useRef, useState } from 'react';
import type { DocumentDetail, Span } from '../src/api.ts';
import { href, loadDocuments, useActorNames, useFetch, useLoad, type Route } from '../src/hooks.ts';
import { Status } from '../common/Status.tsx';
import { locate, segments } from './segments.ts';

export const SPAN_KINDS = ['event', 'statement', 'claim', 'truce_state', 'actor', 'place', 'time'] as const;

function Article({ doc, focus }: { doc: DocumentDetail; focus: [number, number] | null }) {
  const [kinds, setKinds] = useState<Set<string>>(new Set(SPAN_KINDS));
  const name = useActorNames();
  const focused = useRef<HTMLElement>(null);
  useEffect(() => {
    focused.current?.scrollIntoView({ block: 'center' });
  }, [doc.id, focus?.[0]]);
  const present = SPAN_KINDS.filter((k) => doc.spans.some((s) => s.kind === k));
  const spans = doc.spans.filter((s) => kinds.has(s.kind));
  if (focus) spans.push({ kind: 'focus', ref: '', label: 'the evidence you followed', start: focus[0], end: focus[1] });
  const label = (s: Span) => `${s.kind.replace('_', ' ')}: ${s.kind === 'actor' ? name(s.ref) : s.label}`;
  const toggle = (k: string) => {
    const next = new Set(kinds);
    if (next.has(k)) next.delete(k);
    else next.add(k);
    setKinds(next);
  };
  const safeUrl = doc.url && /^https?:\/\//i.test(doc.url) ? doc.url : null;
  return (
    <article className="reader">
      <h1>{doc.title || doc.name}</h1>
      <p className="muted">
        {doc.outlet ?? 'unknown outlet'} · published {doc.published ?? 'unknown'} ({doc.published_basis})
        {safeUrl && <> · <a href={safeUrl} rel="noopener noreferrer" target="_blank">original</a></>}
        {doc.near_duplicate_of && <> · near-duplicate of <a href={href(['reader', doc.near_duplicate_of])}>another report</a></>}
      </p>
      <fieldset className="legend kinds">
        <legend>Highlight</legend>
        {present.map((k) => (
          <label key={k} className={`k-${k}`}><input type="checkbox" checked={kinds.has(k)} onChange={() => toggle(k)} /> {k.replace('_', ' ')} ({doc.spans.filter((s) => s.kind === k).length})</label>
        ))}
      </fieldset>
      <div className="text" data-testid="article-text">
        {segments(doc.text.length, spans).map((seg) => {
          const text = doc.text.slice(seg.start, seg.end);
          if (seg.spans.length === 0) return text;
          const isFocus = seg.spans.some((s) => s.kind === 'focus');
          return (
            <mark key={seg.start} ref={isFocus && seg.start === focus?.[0] ? focused : undefined}
              className={seg.spans.map((s) => `k-${s.kind}`).join(' ')} data-kinds={seg.spans.map((s) => s.kind).join(' ')}
              title={seg.spans.filter((s) => s.kind !== 'focus').map(label).join('\n')}>
              {text}
            </mark>
          );
        })}
      </div>
    </article>
  );
}

function DocumentList() {
  const docs = useLoad('documents', loadDocuments);
  return (
    <>
      <h1>Reader</h1>
      <Status loading={docs.loading} error={docs.error} />
      <table>
        <thead><tr><th scope="col">Published</th><th scope="col">Report</th><th scope="col">Outlet</th><th scope="col">Events</th></tr></thead>
        <tbody>
          {(docs.data?.items ?? []).map((d) => (
            <tr key={d.id}><td>{d.published ?? '—'}</td><td><a href={href(['reader', d.id])}>{d.title || d.name}</a></td><td>{d.outlet ?? '—'}</td><td>{d.events}</td></tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export default function ReaderView({ route }: { route: Route }) {
  const id = route.parts[1];
  const doc = useFetch<DocumentDetail>(id ? `/api/documents/${encodeURIComponent(id)}` : null);
  if (!id) return <DocumentList />;
  const q = route.query;
  const focus = doc.data && q.has('start') ? locate(doc.data.text, Number(q.get('start')), Number(q.get('end')), q.get('q') ?? undefined) : null;
  return (
    <>
      <p><a href="#/reader">← all reports</a></p>
      <Status loading={doc.loading} error={doc.error} />
      {doc.data && doc.data.id === id && <Article doc={doc.data} focus={focus} />}
    </>
  );
}
