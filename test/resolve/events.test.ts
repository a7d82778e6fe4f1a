// The event linking rules of src/resolve/events.ts on hand-built extractions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addToResolution, emptyResolution, resolveEvents } from '../../src/resolve/events.ts';
import { event, item, knowledge, shuffled } from './build.ts';

const k = knowledge();

test('an "early February" interval and "7 February" with the same person targeted are one event, dated by the most precise', () => {
  const out = resolveEvents([
    item('a', '2024-08-23', { events: [event({ type: 'ASSAULT', date: '2024-02-01/2024-02-10', target: ['KH_COMMANDER', 'KH'] })] }),
    item('b', '2024-02-08', { events: [event({ type: 'ASSAULT', date: '2024-02-07', source: ['USA'], target: ['KH_COMMANDER'] })] }),
  ], k);
  assert.equal(out.length, 1);
  assert.equal(out[0].date, '2024-02-07');
  assert.deepEqual(out[0].mentions.map((m) => m.documentId).sort(), ['a', 'b']);
  assert.deepEqual(out[0].source, ['USA']);
  assert.deepEqual(out[0].target, ['KH', 'KH_COMMANDER']);
});

test('two reports of one strike with different casualty figures: one event, both figures kept, no figure chosen', () => {
  const out = resolveEvents([
    item('a', '2024-06-12', { events: [event({ type: 'ASSAULT', date: '2024-06-11', source: ['USA'], target: ['NUJABA'], fatalities: 3 })] }),
    item('b', '2024-06-13', { events: [event({ type: 'ASSAULT', date: '2024-06-11', source: ['US_FORCES'], target: ['NUJABA'], fatalities: 5 })] }),
  ], k);
  assert.equal(out.length, 1);
  assert.equal(out[0].fatalities, null);
  assert.deepEqual(out[0].figures.map((f) => [f.documentId, f.fatalities]), [['a', 3], ['b', 5]]);
  const d = out[0].disagreements.find((x) => x.field === 'fatalities');
  assert.deepEqual(d?.values, [{ documentId: 'a', value: 3 }, { documentId: 'b', value: 5 }]);
});

test('agreeing figures are kept as the event figure', () => {
  const out = resolveEvents([
    item('a', '2024-06-12', { events: [event({ type: 'ASSAULT', date: '2024-06-11', source: ['USA'], target: ['NUJABA'], fatalities: 3 })] }),
    item('b', '2024-06-13', { events: [event({ type: 'ASSAULT', date: '2024-06-11', source: ['USA'], target: ['NUJABA'], fatalities: 3 })] }),
  ], k);
  assert.equal(out[0].fatalities, 3);
  assert.equal(out[0].disagreements.length, 0);
});

test('attacks on different days, or on different targets, stay apart', () => {
  const days = resolveEvents([
    item('a', '2024-02-06', { events: [event({ type: 'ASSAULT', date: '2024-02-05', source: ['USA'], target: ['KH'] })] }),
    item('b', '2024-02-10', { events: [event({ type: 'ASSAULT', date: '2024-02-09', source: ['USA'], target: ['KH'] })] }),
  ], k);
  assert.equal(days.length, 2);
  const targets = resolveEvents([
    item('a', '2024-02-06', { events: [event({ type: 'ASSAULT', date: '2024-02-05', source: ['USA'], target: ['KH'] })] }),
    item('b', '2024-02-06', { events: [event({ type: 'ASSAULT', date: '2024-02-05', source: ['USA'], target: ['NUJABA'] })] }),
  ], k);
  assert.equal(targets.length, 2);
});

test('a faction and its umbrella overlap as actors; two sibling factions do not', () => {
  const umbrella = resolveEvents([
    item('a', '2024-01-02', { events: [event({ type: 'ASSAULT', date: '2024-01-01', source: ['KH'], target: ['US_FORCES'], location: 'AIN_AL_ASAD' })] }),
    item('b', '2024-01-02', { events: [event({ type: 'ASSAULT', date: '2024-01-01', source: ['IRI'], target: ['USA'], location: 'ANBAR' })] }),
  ], k);
  assert.equal(umbrella.length, 1);
  assert.equal(umbrella[0].placeId, 'AIN_AL_ASAD', 'the nested place is the more specific');
  const siblings = resolveEvents([
    item('a', '2024-01-02', { events: [event({ type: 'ASSAULT', date: '2024-01-01', source: ['KH'], target: ['US_FORCES'] })] }),
    item('b', '2024-01-02', { events: [event({ type: 'ASSAULT', date: '2024-01-01', source: ['NUJABA'], target: ['US_FORCES'] })] }),
  ], k);
  assert.equal(siblings.length, 2);
});

test('different places, a threat and an attack, or two mentions in one article are never linked', () => {
  const places = resolveEvents([
    item('a', '2024-01-02', { events: [event({ type: 'ASSAULT', date: '2024-01-01', source: ['KH'], target: ['US_FORCES'], location: 'BAGHDAD' })] }),
    item('b', '2024-01-02', { events: [event({ type: 'ASSAULT', date: '2024-01-01', source: ['KH'], target: ['US_FORCES'], location: 'ERBIL' })] }),
  ], k);
  assert.equal(places.length, 2);
  const threat = resolveEvents([
    item('a', '2024-01-02', { events: [event({ type: 'ASSAULT', date: '2024-01-01', source: ['KH'], target: ['US_FORCES'] })] }),
    item('b', '2024-01-02', { events: [event({ type: 'ASSAULT', date: '2024-01-01', source: ['KH'], target: ['US_FORCES'], status: 'threatened' })] }),
  ], k);
  assert.equal(threat.length, 2);
  const same = resolveEvents([item('a', '2024-01-02', { events: [
    event({ type: 'ASSAULT', date: '2024-01-01', source: ['KH'], target: ['US_FORCES'] }),
    event({ type: 'ASSAULT', date: '2024-01-01', source: ['KH'], target: ['US_FORCES'] }),
  ] })], k);
  assert.equal(same.length, 2);
});

test('vague dates need strong evidence: a shared person target links, a shared state target alone does not', () => {
  const weak = resolveEvents([
    item('a', '2024-08-01', { events: [event({ type: 'ASSAULT', date: '2024', target: ['USA'] })] }),
    item('b', '2024-03-02', { events: [event({ type: 'ASSAULT', date: '2024-03-01', source: ['KH'], target: ['US_FORCES'] })] }),
  ], k);
  assert.equal(weak.length, 2);
  const strong = resolveEvents([
    item('a', '2024-08-01', { events: [event({ type: 'ASSAULT', date: '2024', target: ['NUJABA_COMMANDER'] })] }),
    item('b', '2024-03-02', { events: [event({ type: 'ASSAULT', date: '2024-03-01', source: ['USA'], target: ['NUJABA_COMMANDER'] })] }),
  ], k);
  assert.equal(strong.length, 1);
});

const corpus = [
  item('d1', '2024-02-08', { events: [
    event({ type: 'ASSAULT', date: '2024-02-07', source: ['USA'], target: ['KH_COMMANDER', 'KH'], location: 'BAGHDAD', fatalities: 1 }),
    event({ type: 'CONSULT', date: '2024-02-07', source: ['IRAQ_GOV', 'USA'] }),
  ] }),
  item('d2', '2024-08-23', { events: [
    event({ type: 'ASSAULT', date: '2024-02', target: ['KH_COMMANDER'], fatalities: 2 }),
    event({ type: 'ASSAULT', date: '2024-08-05', source: ['NUJABA'], target: ['US_FORCES'], location: 'AIN_AL_ASAD' }),
  ] }),
  item('d3', '2024-08-06', { events: [
    event({ type: 'ASSAULT', date: '2024-08-05', source: ['IRI'], target: ['USA'], location: 'ANBAR' }),
    event({ type: 'ASSAULT', date: '2024-02-06/2024-02-08', source: ['USA'], target: ['KH'] }),
  ] }),
  item('d4', '2024-02-09', { events: [event({ type: 'CONSULT', date: '2024-02-08', source: ['IRAQ_GOV'], target: ['USA'] })] }),
];

test('the result does not depend on the order the articles come in', () => {
  const reference = resolveEvents(corpus, k);
  assert.ok(reference.length < 8, 'some mentions were linked');
  for (let seed = 1; seed <= 25; seed++) assert.deepEqual(resolveEvents(shuffled(corpus, seed), k), reference, `seed ${seed}`);
});

test('ids are stable: from the earliest mention, whatever else is added', () => {
  const before = resolveEvents(corpus.slice(0, 1), k).find((e) => e.type === 'ASSAULT');
  const after = resolveEvents(corpus, k).find((e) => e.mentions.some((m) => m.documentId === 'd1' && m.type === 'ASSAULT'));
  assert.equal(after?.id, before?.id);
  assert.ok((after?.mentions.length ?? 0) >= 2);
});

test('adding articles one at a time gives the same result as resolving them all at once', () => {
  for (const seed of [3, 7, 11]) {
    let state = emptyResolution();
    for (const it of shuffled(corpus, seed)) state = addToResolution(state, it, k);
    assert.deepEqual(state.events, resolveEvents(corpus, k));
  }
});
