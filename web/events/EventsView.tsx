// Events: the filterable table with a monthly timeline; a row opens the event's sources (its own
// and those of events merged into it, with where they disagree) and the review actions.
import { Fragment, useState } from 'react';
import { getAll, totalText, type EventItem, type Page } from '../src/api.ts';
import { useActorNames, useDocuments, useLoad, type Route } from '../src/hooks.ts';
import { DAY, endOf, isoDay, startOf } from '../src/dates.ts';
import { typeColour } from '../common/colours.ts';
import { Evidence } from '../common/Evidence.tsx';
import { FilterBar, useEventFilters, useEvents } from '../common/Filters.tsx';
import { Status } from '../common/Status.tsx';
import { ReviewPanel } from '../review/ReviewPanel.tsx';
import { disagreements, monthlyCounts } from './summaries.ts';

const PAGE = 100;
const MONTH = 31 * DAY;

function Timeline({ events }: { events: EventItem[] }) {
  const months = monthlyCounts(events);
  const max = Math.max(1, ...months.map((m) => m.count));
  if (months.length === 0) return null;
  return (
    <figure className="histogram" aria-label="Events per month">
      <div className="bars">
        {months.map((m) => (
          <div key={m.month} className="bar" title={`${m.month}: ${m.count}`} style={{ height: `${(m.count / max) * 100}%` }} />
        ))}
      </div>
      <figcaption className="axis"><span>{months[0].month}</span><span>events per month</span><span>{months.at(-1)?.month}</span></figcaption>
    </figure>
  );
}

function EventDetail({ event, onChanged }: { event: EventItem; onChanged: () => void }) {
  // Events merged into this one are hidden from lists; look for them within a month of its dates
  // (reports of one event may disagree on the day, and even on the type).
  const from = startOf(event.date_start);
  const to = endOf(event.date_end);
  const merged = useLoad<Page<EventItem>>(`merged:${event.id}:${event.review}`, () => getAll<EventItem>('/api/events', {
    include_hidden: 'true', from: from === null ? undefined : isoDay(from - MONTH), to: to === null ? undefined : isoDay(to + MONTH),
  }));
  const docs = useDocuments();
  const reports = [event, ...(merged.data?.items ?? []).filter((e) => e.merged_into === event.id)];
  const differ = disagreements(reports);
  return (
    <div className="detail">
      <h3>Sources ({reports.length})</h3>
      <ol className="sources">
        {reports.map((r) => (
          <li key={r.id}>
            {r.url && /^https?:\/\//.test(r.url) ? <a href={r.url} rel="noopener noreferrer" target="_blank">{r.outlet || r.url}</a> : (r.outlet || docs.get(r.document_id)?.name || r.document)}
            {r.published ? ` · published ${r.published}` : ''}
            {r.attributed_to ? ` · according to ${r.attributed_to}` : ''}
            <Evidence text={r.evidence} documentId={r.document_id} start={r.evidence_start} end={r.evidence_end} />
          </li>
        ))}
      </ol>
      {differ.length > 0 && (
        <table className="disagree">
          <caption>The sources disagree on</caption>
          <tbody>{differ.map((d) => <tr key={d.field}><th scope="row">{d.field}</th>{d.values.map((v, i) => <td key={i}>{v}</td>)}</tr>)}</tbody>
        </table>
      )}
      <p className="muted">Date basis: {event.date_basis || '—'} · trigger “{event.trigger}” · mode {event.mode || '—'}</p>
      <ReviewPanel event={event} onChanged={onChanged} />
    </div>
  );
}

export default function EventsView({ route }: { route: Route }) {
  const filters = useEventFilters();
  const events = useEvents(filters);
  const name = useActorNames();
  const [open, setOpen] = useState<string | null>(route.query.get('open'));
  const [shown, setShown] = useState(PAGE);
  const items = events.data?.items ?? [];
  return (
    <>
      <h1>Events</h1>
      <FilterBar key={JSON.stringify(filters)} view="events" />
      <Status loading={events.loading && !events.data} error={events.error} />
      {events.data && (
        <>
          <p aria-live="polite">{totalText(events.data)} event(s){items.length < events.data.total || !events.data.total_exact ? `, first ${items.length} loaded` : ''}.</p>
          <Timeline events={items} />
          <div className="table-wrap">
            <table className="events">
              <thead><tr><th scope="col">Date</th><th scope="col">Type</th><th scope="col">Status</th><th scope="col">Who → whom</th><th scope="col">Place</th><th scope="col">Evidence</th></tr></thead>
              <tbody>
                {items.slice(0, shown).map((e) => (
                  <Fragment key={e.id}>
                    <tr data-event={e.id} className={e.review ? `reviewed-${e.review}` : undefined}>
                      <td>{e.date ?? '—'}</td>
                      <td><span className="dot" style={{ background: typeColour(e.type) }} />{e.type}{e.mode ? ` (${e.mode})` : ''}</td>
                      <td>{e.status}{e.review ? ` · ${e.review}` : ''}{e.edited ? ' · corrected' : ''}</td>
                      <td>{e.source.map(name).join(', ') || '—'} → {e.target.map(name).join(', ') || '—'}</td>
                      <td>{e.location || '—'}</td>
                      <td>
                        <button type="button" className="linkish" aria-expanded={open === e.id} onClick={() => setOpen(open === e.id ? null : e.id)}>
                          {e.evidence.length > 140 ? `${e.evidence.slice(0, 140)}…` : e.evidence}
                        </button>
                      </td>
                    </tr>
                    {open === e.id && <tr className="expanded"><td colSpan={6}><EventDetail event={e} onChanged={events.reload} /></td></tr>}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </div>
          {shown < items.length && <button type="button" onClick={() => setShown(shown + PAGE)}>Show {Math.min(PAGE, items.length - shown)} more</button>}
        </>
      )}
    </>
  );
}
