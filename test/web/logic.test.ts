// The dashboard's pure helpers: span splitting, truce bands and marker rows, monthly counts,
// disagreements, place groups and network edges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { locate, segments } from '../../web/reader/segments.ts';
import { bandsOf, stack } from '../../web/truce/timeline.ts';
import { disagreements, monthlyCounts } from '../../web/events/summaries.ts';
import { groupByPlace } from '../../web/map/group.ts';
import { actionEdges } from '../../web/actors/edges.ts';
import { endOf, isoDay, startOf } from '../../web/src/dates.ts';
import type { EventItem, Span, TruceItem } from '../../src/store/types.ts';

const event = (over: Partial<EventItem>): EventItem => ({
  id: 'ev_1', document_id: 'd', document: 'a.txt', local_id: 'e01', type: 'ASSAULT', mode: '', trigger: 'attack', status: 'occurred',
  date: '2024-02-07', date_start: '2024-02-07', date_end: '2024-02-07', date_basis: '', location: 'Baghdad', place_id: 'BAGHDAD',
  within: '', lat: 33.3, lon: 44.4, fatalities: null, injured: null, source: ['A'], target: ['B'], attributed_to: '',
  evidence: 'x', evidence_start: 0, evidence_end: 1, url: null, outlet: null, published: null, review: null, merged_into: null, edited: false, ...over,
});

test('dates: day, month, year and ranges give their first and last day', () => {
  assert.equal(isoDay(startOf('2024-02') as number), '2024-02-01');
  assert.equal(isoDay(endOf('2024-02') as number), '2024-02-29');
  assert.equal(isoDay(endOf('2023') as number), '2023-12-31');
  assert.equal(isoDay(endOf('2024-01-05/2024-03') as number), '2024-03-31');
  assert.equal(startOf('last week'), null);
  assert.equal(startOf(null), null);
});

test('segments cover the text exactly once and list the spans over each piece, widest first', () => {
  const spans: Span[] = [
    { kind: 'event', ref: 'e', label: '', start: 0, end: 20 },
    { kind: 'actor', ref: 'A', label: '', start: 5, end: 10 },
    { kind: 'place', ref: 'P', label: '', start: null, end: null },
    { kind: 'time', ref: 'T', label: '', start: 25, end: 99 },
  ];
  const segs = segments(30, spans);
  assert.deepEqual(segs.map((s) => [s.start, s.end, s.spans.map((x) => x.kind)]), [
    [0, 5, ['event']], [5, 10, ['event', 'actor']], [10, 20, ['event']], [20, 30, []],
  ]);
  fc.assert(fc.property(fc.nat(200), fc.array(fc.tuple(fc.integer({ min: -5, max: 210 }), fc.nat(60))), (length, raw) => {
    const spans = raw.map(([start, n]): Span => ({ kind: 'actor', ref: '', label: '', start, end: start + n }));
    const out = segments(length, spans);
    let at = 0;
    for (const s of out) {
      assert.equal(s.start, at);
      assert.ok(s.end > s.start);
      for (const sp of s.spans) assert.ok((sp.start as number) <= s.start && (sp.end as number) >= s.end);
      at = s.end;
    }
    assert.equal(at, out.length ? length : 0);
  }));
});

test('truce bands run from each reported state to the next; markers at one spot get their own rows', () => {
  const state = (date: string, s: string) => ({ date, state: s, document_id: 'd', evidence: '', evidence_start: 0, evidence_end: 0 });
  const truce = { states: [state('2024-08', 'ended'), state('2024-01-28', 'in_force'), state('someday', 'strained')] } as TruceItem;
  const bands = bandsOf(truce, Date.UTC(2024, 11, 31));
  assert.deepEqual(bands.map((b) => [b.state, isoDay(b.from), isoDay(b.to)]), [['in_force', '2024-01-28', '2024-08-01'], ['ended', '2024-08-01', '2024-12-31']]);
  const rows = stack([{ at: 0 }, { at: 0 }, { at: 50 }, { at: 1 }], [0, 100]).map((r) => r.row);
  assert.deepEqual(rows, [0, 1, 2, 0]);
});

test('monthly counts fill empty months; disagreements list only differing fields', () => {
  const counts = monthlyCounts([event({ date: '2023-11-20' }), event({ date: '2024-02' }), event({ date: '2024-02-07' }), event({ date: null })]);
  assert.deepEqual(counts, [{ month: '2023-11', count: 1 }, { month: '2023-12', count: 0 }, { month: '2024-01', count: 0 }, { month: '2024-02', count: 2 }]);
  const d = disagreements([event({ fatalities: 3, target: ['B'] }), event({ fatalities: null, target: ['B'] })]);
  assert.deepEqual(d, [{ field: 'fatalities', values: ['3', '—'] }]);
});

test('map groups events by place, coloured by the most frequent type; network edges count events', () => {
  const groups = groupByPlace([event({ type: 'THREATEN' }), event({}), event({}), event({ place_id: null, lat: null, lon: null }), event({ place_id: 'ERBIL', lat: 36, lon: 44 })]);
  assert.deepEqual(groups.map((g) => [g.id, g.events.length, g.type]), [['BAGHDAD', 3, 'ASSAULT'], ['ERBIL', 1, 'ASSAULT']]);
  const edges = actionEdges([event({ source: ['A'], target: ['B', 'A'] }), event({ source: ['A', 'C'], target: ['B'] })]);
  assert.deepEqual(edges, [{ source: 'A', target: 'B', weight: 2 }, { source: 'C', target: 'B', weight: 1 }]);
});

test('the reader focuses the quoted sentence even when its offsets are off', () => {
  const text = 'NAV. Rockets hit the base. Officials said nothing.';
  assert.deepEqual(locate(text, 5, 26, 'Rockets hit'), [5, 26]);
  assert.deepEqual(locate(text, 0, 21, 'Rockets hit'), [5, 26]);
  assert.deepEqual(locate(text, 5, 26), [5, 26]);
  assert.equal(locate(text, 40, 99), null);
  assert.equal(locate(text, 0, 5, 'not there'), null);
});
