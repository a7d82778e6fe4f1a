// Truce view: each truce's state over time as colour bands, with the state reports, the parties'
// statements and the events between the parties as markers; a marker opens its evidence.
import { useState } from 'react';
import { getAll, type EventItem, type Page, type StatementItem, type TruceItem } from '../src/api.ts';
import { useActorNames, useFetch, useLoad, type Route } from '../src/hooks.ts';
import { DAY, endOf, isoDay, startOf } from '../src/dates.ts';
import { bandsOf, stack } from './timeline.ts';
import { STATE_COLOURS, TRUCE_STATES, typeColour } from '../common/colours.ts';
import { Evidence } from '../common/Evidence.tsx';
import { Status } from '../common/Status.tsx';

interface Marker {
  key: string;
  kind: 'state' | 'statement' | 'event';
  at: number;
  date: string;
  label: string;
  colour: string;
  evidence: string;
  document_id: string;
  start: number;
  end: number;
}

function markersOf(truce: TruceItem, statements: StatementItem[], events: EventItem[], name: (id: string) => string): Marker[] {
  const out: Marker[] = [];
  truce.states.forEach((s, i) => {
    const at = startOf(s.date);
    if (at !== null) out.push({ key: `s${i}`, kind: 'state', at, date: s.date, label: `reported ${s.state.replace('_', ' ')}`, colour: STATE_COLOURS[s.state] ?? '#555', evidence: s.evidence, document_id: s.document_id, start: s.evidence_start, end: s.evidence_end });
  });
  for (const st of statements) {
    const at = startOf(st.date);
    if (at !== null && truce.parties.includes(st.speaker_actor)) {
      out.push({ key: st.id, kind: 'statement', at, date: st.date ?? '', label: `${st.speaker || name(st.speaker_actor)}: ${st.stance.replace('_', ' ')}`, colour: '#34495e', evidence: st.evidence, document_id: st.document_id, start: st.evidence_start, end: st.evidence_end });
    }
  }
  for (const ev of events) {
    const at = startOf(ev.date);
    if (at !== null) out.push({ key: ev.id, kind: 'event', at, date: ev.date ?? '', label: `${ev.type} (${ev.status}) ${ev.source.map(name).join(', ')} → ${ev.target.map(name).join(', ')}`, colour: typeColour(ev.type), evidence: ev.evidence, document_id: ev.document_id, start: ev.evidence_start, end: ev.evidence_end });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Events between the parties: one party on one side and another party on the other. */
function betweenParties(events: EventItem[], parties: string[]): EventItem[] {
  return events.filter((e) => e.source.some((s) => parties.includes(s)) && e.target.some((t) => parties.includes(t) && !e.source.includes(t)));
}

/** The row's time range: its reports and markers, padded so edge markers stay inside. */
function domainOf(truce: TruceItem, markers: Marker[]): [number, number] {
  const times = [...truce.states.map((s) => endOf(s.date)), ...markers.map((m) => m.at)].filter((t): t is number => t !== null);
  const lo = times.length ? Math.min(...times) : Date.now();
  const hi = times.length ? Math.max(...times) : Date.now();
  const pad = Math.max((hi - lo) * 0.04, 10 * DAY);
  return [lo - pad, hi + pad];
}

function TruceRow({ truce, statements, name }: { truce: TruceItem; statements: StatementItem[]; name: (id: string) => string }) {
  const events = useLoad<Page<EventItem>>(`events:${truce.parties[0]}`, () => getAll<EventItem>('/api/events', { actor: truce.parties[0] }));
  const [selected, setSelected] = useState<Marker | null>(null);
  const markers = markersOf(truce, statements, betweenParties(events.data?.items ?? [], truce.parties), name);
  const domain = domainOf(truce, markers);
  const span = domain[1] - domain[0];
  const pct = (t: number) => `${(((t - domain[0]) / span) * 100).toFixed(3)}%`;
  const bands = bandsOf(truce, domain[1]);
  const lanes: Marker['kind'][] = ['state', 'statement', 'event'];
  const title = truce.parties.map(name).join(' – ');
  return (
    <section className="truce" aria-label={`Truce ${title}`}>
      <h2>{title}</h2>
      <p className="muted">
        {truce.declared ? `declared ${truce.declared} · ` : ''}
        {truce.mediator.length ? `mediator ${truce.mediator.map(name).join(', ')} · ` : ''}
        latest state: <strong data-testid="truce-state">{truce.state ? truce.state.state.replace('_', ' ') : 'unknown'}</strong>
        {truce.state ? ` (${truce.state.date})` : ''}
        {truce.disputed_by.length ? ` · disputed: ${truce.disputed_by.map((d) => d.state).join(', ')}` : ''}
        {truce.conditions.length ? ` · conditions: ${truce.conditions.join('; ')}` : ''}
      </p>
      <div className="timeline">
        <div className="bands" role="img" aria-label={`States: ${bands.map((b) => `${b.state} from ${isoDay(b.from)}`).join(', ')}`}>
          {bands.map((b, i) => (
            <div key={i} className="band" data-state={b.state} title={`${b.state} from ${isoDay(b.from)}`}
              style={{ left: pct(b.from), width: `calc(${pct(b.to)} - ${pct(b.from)})`, background: STATE_COLOURS[b.state] ?? '#999' }} />
          ))}
        </div>
        {lanes.map((lane) => {
          const placed = stack(markers.filter((m) => m.kind === lane), domain);
          const rows = Math.max(1, ...placed.map((p) => p.row + 1));
          return (
            <div key={lane} className="lane" data-lane={lane} style={{ height: `${rows * 1.2 + 0.4}rem` }}>
              <span className="lane-label">{lane === 'state' ? 'reports' : `${lane}s`}</span>
              {placed.map(({ marker: m, row }) => (
                <button key={m.key} type="button" className={`marker marker-${m.kind}`} data-kind={m.kind}
                  aria-pressed={selected?.key === m.key} aria-label={`${m.date} ${m.label}`} title={`${m.date} ${m.label}`}
                  style={{ left: pct(m.at), top: `${row * 1.2 + 0.3}rem`, background: m.colour }} onClick={() => setSelected(selected?.key === m.key ? null : m)} />
              ))}
            </div>
          );
        })}
        <div className="axis" aria-hidden="true"><span>{isoDay(domain[0])}</span><span>{isoDay(domain[1])}</span></div>
      </div>
      {selected && (
        <div className="marker-detail" aria-live="polite">
          <p><strong>{selected.date}</strong> · {selected.label}</p>
          <Evidence text={selected.evidence} documentId={selected.document_id} start={selected.start} end={selected.end} />
        </div>
      )}
      <h3>Positions</h3>
      <ul className="positions">
        {truce.parties.map((p) => {
          const latest = statements.filter((s) => s.speaker_actor === p).sort((a, b) => (startOf(b.date) ?? 0) - (startOf(a.date) ?? 0))[0];
          return (
            <li key={p}>
              <strong>{name(p)}</strong>:{' '}
              {latest ? (
                <>
                  <span className="stance">{latest.stance.replace('_', ' ')}</span> on {latest.date ?? 'an unknown date'}
                  <Evidence text={latest.evidence} documentId={latest.document_id} start={latest.evidence_start} end={latest.evidence_end} />
                </>
              ) : <span className="muted">no statement on the truce on record</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export default function TruceView(_: { route: Route }) {
  const truces = useFetch<Page<TruceItem>>('/api/truces?limit=500');
  const statements = useLoad<Page<StatementItem>>('truce-statements', () => getAll<StatementItem>('/api/statements', { topic: 'truce' }));
  const name = useActorNames();
  const items = truces.data?.items ?? [];
  const st = statements.data?.items ?? [];
  return (
    <>
      <h1>Truces</h1>
      <ul className="legend" aria-label="Truce states">
        {TRUCE_STATES.map((s) => <li key={s}><span className="swatch" style={{ background: STATE_COLOURS[s] }} />{s.replace('_', ' ')}</li>)}
        <li><span className="swatch marker-statement" />statement</li>
        <li><span className="swatch marker-event" />event between the parties</li>
      </ul>
      <Status loading={truces.loading} error={truces.error ?? statements.error} />
      {truces.data && items.length === 0 && <p>No truce has been reported yet.</p>}
      {items.map((t) => <TruceRow key={t.id} truce={t} statements={st} name={name} />)}
    </>
  );
}
