// Actors: a network of who acted on whom (edge width by event count, membership links dashed)
// and, at #/actors/<id>, one actor's page: aliases, memberships, events and statements.
import { useEffect, useRef } from 'react';
import cytoscape from 'cytoscape';
import { getAll, totalText, type ActorProfile, type CappedPage, type EventItem, type MembershipLink, type Page, type StatementItem } from '../src/api.ts';
import { href, loadActors, useActorNames, useFetch, useLoad, type Route } from '../src/hooks.ts';
import { typeColour } from '../common/colours.ts';
import { Evidence } from '../common/Evidence.tsx';
import { Status } from '../common/Status.tsx';
import { actionEdges } from './edges.ts';

function Network({ events, links, name }: { events: EventItem[]; links: MembershipLink[]; name: (id: string) => string }) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const edges = actionEdges(events);
    const nodes = new Set(edges.flatMap((e) => [e.source, e.target]));
    const member = links.filter((l) => nodes.has(l.member) && nodes.has(l.group));
    const max = Math.max(1, ...edges.map((e) => e.weight));
    const cy = cytoscape({
      container: holder.current,
      elements: [
        ...[...nodes].map((id) => ({ data: { id, label: name(id) } })),
        ...edges.map((e, i) => ({ data: { id: `a${i}`, source: e.source, target: e.target, weight: e.weight, kind: 'acts' } })),
        ...member.map((l, i) => ({ data: { id: `m${i}`, source: l.member, target: l.group, weight: 1, kind: 'member' } })),
      ],
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 9, 'min-zoomed-font-size': 7, 'background-color': '#2c3e50', width: 14, height: 14, color: '#222', 'text-valign': 'bottom' } },
        { selector: 'edge[kind = "acts"]', style: { width: `mapData(weight, 1, ${max}, 1, 8)`, 'line-color': '#c0392b', 'target-arrow-color': '#c0392b', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', opacity: 0.7 } },
        { selector: 'edge[kind = "member"]', style: { width: 1.5, 'line-style': 'dashed', 'line-color': '#7f8c8d', 'curve-style': 'bezier' } },
      ],
      layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 60000, idealEdgeLength: () => 110, nodeOverlap: 20 },
      wheelSensitivity: 0.3,
    });
    cy.on('tap', 'node', (e) => {
      window.location.hash = href(['actors', e.target.id()]);
    });
    return () => cy.destroy();
  }, [events, links, name]);
  return <div ref={holder} className="network" role="img" aria-label="Network of actors: who acted on whom; dashed lines are memberships" />;
}

function ActorList() {
  const actors = useLoad('actors', loadActors);
  return (
    <>
      <Status loading={actors.loading} error={actors.error} />
      <table className="actors">
        <thead><tr><th scope="col">Actor</th><th scope="col">Type</th><th scope="col">Events</th><th scope="col">Documents</th></tr></thead>
        <tbody>
          {(actors.data?.items ?? []).map((a) => (
            <tr key={a.id}><td><a href={href(['actors', a.id])}>{a.name}</a></td><td>{a.type}</td><td>{a.events}</td><td>{a.documents}</td></tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function ActorPage({ id }: { id: string }) {
  const profile = useFetch<ActorProfile>(`/api/actors/${encodeURIComponent(id)}`);
  const events = useLoad<CappedPage<EventItem>>(`actor-events:${id}`, () => getAll<EventItem>('/api/events', { actor: id }));
  const statements = useLoad<Page<StatementItem>>(`actor-statements:${id}`, () => getAll<StatementItem>('/api/statements', { actor: id }));
  const name = useActorNames();
  const p = profile.data;
  const linked = (other: string) => <a href={href(['actors', other])}>{p?.names[other] ?? name(other)}</a>;
  return (
    <article className="actor">
      <p><a href="#/actors">← all actors</a></p>
      <h1>{p?.name ?? name(id)}</h1>
      <Status loading={profile.loading} error={profile.error} />
      {p && (
        <dl>
          <dt>Type</dt><dd>{p.type}{p.country ? ` · ${p.country}` : ''}</dd>
          <dt>Aliases</dt><dd>{[...p.aliases, ...p.context_aliases].join(' · ') || '—'}</dd>
          <dt>Member of</dt>
          <dd>{p.memberships.length ? p.memberships.map((m, i) => <span key={i}>{i ? ', ' : ''}{linked(m.id)}{m.from || m.to ? ` (${m.from ?? '…'} – ${m.to ?? '…'})` : ''}</span>) : '—'}</dd>
          <dt>Members</dt>
          <dd>{p.members.length ? p.members.map((m, i) => <span key={i}>{i ? ', ' : ''}{linked(m.member)}</span>) : '—'}</dd>
        </dl>
      )}
      <h2>Events ({events.data ? totalText(events.data) : '…'})</h2>
      <p><a href={href(['events'], { actor: id })}>Open in the events table</a> · <a href={href(['map'], { actor: id })}>on the map</a></p>
      <ul className="items">
        {(events.data?.items ?? []).slice(0, 50).map((e) => (
          <li key={e.id}>
            <span className="dot" style={{ background: typeColour(e.type) }} />{e.date ?? '—'} {e.type} ({e.status}): {e.source.map(name).join(', ') || '—'} → {e.target.map(name).join(', ') || '—'}
            <Evidence text={e.evidence} documentId={e.document_id} start={e.evidence_start} end={e.evidence_end} />
          </li>
        ))}
      </ul>
      <h2>Statements ({statements.data?.total ?? '…'})</h2>
      <ul className="items">
        {(statements.data?.items ?? []).slice(0, 50).map((s) => (
          <li key={s.id}>
            {s.date ?? '—'} {s.speaker || name(s.speaker_actor)} on {s.topic.replace('_', ' ')}: <em>{s.stance.replace('_', ' ')}</em>
            <Evidence text={s.evidence} documentId={s.document_id} start={s.evidence_start} end={s.evidence_end} />
          </li>
        ))}
      </ul>
    </article>
  );
}

export default function ActorsView({ route }: { route: Route }) {
  const id = route.parts[1];
  const events = useLoad<Page<EventItem>>(id ? null : 'all-events', () => getAll<EventItem>('/api/events', {}));
  const links = useFetch<Page<MembershipLink>>(id ? null : '/api/memberships');
  const name = useActorNames();
  if (id) return <ActorPage id={id} />;
  return (
    <>
      <h1>Actors</h1>
      <Status loading={events.loading} error={events.error ?? links.error} />
      <p className="muted">Arrows: who acted on whom (thicker = more events). Dashed: membership. Select an actor to open its page.</p>
      {events.data && links.data && <Network events={events.data.items} links={links.data.items} name={name} />}
      <ActorList />
    </>
  );
}
