// The truce rules of src/resolve/truce-state.ts (the table in its header) on hand-built extractions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positionsAt, resolveTruces, stateAt } from '../../src/resolve/truce-state.ts';
import { event, item, knowledge, shuffled, statement, truce } from './build.ts';

const k = knowledge();

const declared = item('decl', '2024-03-03', { truces: [truce(['KH', 'USA'], '2024-03-03', [['2024-03-03', 'in_force']], ['IRAQ_GOV'])] });

function only(items: Parameters<typeof resolveTruces>[0]) {
  const out = resolveTruces(items, k);
  assert.equal(out.length, 1, `one truce, got ${out.map((t) => t.id).join(', ')}`);
  return out[0];
}

test('proposal → proposed; a later declaration → in_force', () => {
  const proposal = item('prop', '2024-02-20', { truces: [truce(['KH', 'USA'], null, [['2024-02-20', 'proposed']], ['IRAQ_GOV'])] });
  assert.equal(stateAt(only([proposal]), '2024-02-25')?.state, 'proposed');
  const t = only([proposal, declared]);
  assert.equal(stateAt(t, '2024-02-25')?.state, 'proposed');
  assert.deepEqual(stateAt(t, '2024-03-05'), { state: 'in_force', since: '2024-03-03', evidence: t.timeline[1].evidence });
  assert.equal(t.timeline[1].evidence[0].documentId, 'decl');
  assert.equal(stateAt(t, '2024-02-01'), null, 'nothing known before the proposal');
});

test('a CONCEDE from one side to the other declares the truce', () => {
  const t = only([
    item('p', '2024-02-20', { truces: [truce(['KH', 'USA'], null, [['2024-02-20', 'proposed']])] }),
    item('c', '2024-02-25', { events: [event({ type: 'CONCEDE', date: '2024-02-24', source: ['KH'], target: ['USA'] }, 'KH halted its attacks')] }),
  ]);
  assert.equal(stateAt(t, '2024-02-24')?.state, 'in_force');
  assert.equal(stateAt(t, '2024-02-24')?.evidence[0].kind, 'event');
});

test('an attack between the sides while in force → strained; a sign it holds weeks later → in force again', () => {
  const t = only([declared,
    item('hit', '2024-03-10', { events: [event({ type: 'ASSAULT', date: '2024-03-10', source: ['US_FORCES'], target: ['KH_COMMANDER'] }, 'a US strike killed a KH commander')] }),
    item('calm', '2024-05-01', { statements: [statement('USA', 'truce_holding', '2024-05-01')] }),
  ]);
  assert.equal(stateAt(t, '2024-03-09')?.state, 'in_force');
  const s = stateAt(t, '2024-03-10');
  assert.equal(s?.state, 'strained');
  assert.equal(s?.evidence[0].evidence, 'a US strike killed a KH commander');
  assert.equal(stateAt(t, '2024-05-02')?.state, 'in_force');
});

test('an attack by an unrelated actor, or before the truce, does not strain it', () => {
  const t = only([declared,
    item('x', '2024-03-10', { events: [event({ type: 'ASSAULT', date: '2024-03-10', source: ['HOUTHIS'], target: ['USA'] })] }),
    item('y', '2024-03-01', { events: [event({ type: 'ASSAULT', date: '2024-03-01', source: ['USA'], target: ['KH'] })] }),
  ]);
  assert.deepEqual(t.timeline.map((e) => e.state), ['in_force']);
});

test('a party says it ended while the mediator says it holds → contested, with both positions', () => {
  const t = only([
    item('d', '2024-02-01', { truces: [truce(['IRI', 'USA'], '2024-02-01', [['2024-02-01', 'in_force']], ['IRAQ_GOV'])] }),
    item('gov', '2024-08-20', { statements: [statement('IRAQ_GOV', 'truce_support', '2024-08-20')] }),
    item('nuj', '2024-08-23', { statements: [statement('NUJABA', 'truce_ended', '2024-08-05/2024-08-23')] }),
  ]);
  const s = stateAt(t, '2024-08-25');
  assert.equal(s?.state, 'contested');
  assert.equal(s?.since, '2024-08-23', 'an ending dated by an interval counts from its last day');
  assert.deepEqual(positionsAt(t, '2024-08-25').map((p) => [p.party, p.stance]), [['IRAQ_GOV', 'truce_support'], ['NUJABA', 'truce_ended']]);
  assert.deepEqual(positionsAt(t, '2024-08-21').map((p) => p.party), ['IRAQ_GOV'], 'positions on an earlier day');
  assert.equal(stateAt(t, '2024-08-22')?.state, 'in_force');
});

test('a member faction counts on its umbrella\'s side; an unrelated speaker does not move the truce', () => {
  const base = item('d', '2024-02-01', { truces: [truce(['IRI', 'USA'], '2024-02-01', [['2024-02-01', 'in_force']])] });
  const t = only([base, item('h', '2024-04-01', { statements: [statement('HOUTHIS', 'truce_ended', '2024-04-01')] })]);
  assert.deepEqual(t.timeline.map((e) => e.state), ['in_force']);
  const u = only([base, item('n', '2024-04-01', { statements: [statement('NUJABA_COMMANDER', 'truce_ended', '2024-04-01')] })]);
  assert.equal(stateAt(u, '2024-04-02')?.state, 'ended', 'nobody says it holds');
});

test('every party of one side ends it → ended; declared again later → resumed', () => {
  const t = only([declared,
    item('end', '2024-04-02', { statements: [statement('KH', 'truce_ended', '2024-04-02')], truces: [truce(['KH', 'USA'], null, [['2024-04-02', 'ended']])] }),
    item('pent', '2024-04-03', { statements: [statement('USA', 'truce_holding', '2024-04-03')] }),
    item('again', '2024-05-01', { truces: [truce(['KH', 'USA'], '2024-05-01', [['2024-05-01', 'in_force']])] }),
  ]);
  assert.equal(stateAt(t, '2024-04-02')?.state, 'ended');
  assert.equal(stateAt(t, '2024-04-10')?.state, 'ended', 'the other side hoping does not revive it');
  const r = stateAt(t, '2024-05-02');
  assert.equal(r?.state, 'resumed');
  assert.equal(r?.evidence[0].documentId, 'again');
});

test('per-article mentions of the umbrella, the unnamed factions and one faction with the US are one truce; other years and theatres are not', () => {
  const items = [
    item('a', '2024-08-23', { truces: [truce(['IRI', 'USA'], '2024-02', [['2024-02', 'in_force'], ['2024-08-23', 'contested']], ['IRAQ_GOV'])] }),
    item('b', '2024-06-20', { truces: [truce(['FACTIONS', 'USA'], '2024-02', [['2024-06-19', 'in_force']], ['IRAQ_GOV'])] }),
    item('c', '2024-02-11', { truces: [truce(['KH', 'US_FORCES'], '2024-01-30', [['2024-01-30', 'in_force']])] }),
    item('old', '2020-10-12', { truces: [truce(['FACTIONS', 'USA'], '2020-10-10', [['2020-10-10', 'in_force']])] }),
    item('yem', '2024-02-03', { truces: [truce(['HOUTHIS', 'USA'], '2024-02-02', [['2024-02-02', 'in_force']])] }),
  ];
  const out = resolveTruces(items, k);
  assert.equal(out.length, 3);
  const main = out.find((t) => t.documents.length === 3);
  assert.ok(main, 'a, b and c merged');
  assert.deepEqual(main.parties, [['FACTIONS', 'IRI', 'KH'], ['USA', 'US_FORCES']]);
  assert.equal(main.declared, '2024-01-30');
  assert.deepEqual(main.mediator, ['IRAQ_GOV']);
  assert.equal(stateAt(main, '2024-06-20')?.state, 'in_force');
  assert.equal(stateAt(main, '2024-08-25')?.state, 'contested');
  assert.ok(out.some((t) => t.documents.join() === 'old'));
  assert.ok(out.some((t) => t.documents.join() === 'yem'));
  for (let seed = 1; seed <= 20; seed++) assert.deepEqual(resolveTruces(shuffled(items, seed), k), out, `seed ${seed}`);
});

test('truce ids are stable: from the parties and the month declared', () => {
  const one = only([declared]);
  const two = only([declared, item('x', '2024-03-20', { statements: [statement('KH', 'truce_holding', '2024-03-20')] })]);
  assert.equal(one.id, two.id);
  assert.equal(one.id, 'KH~USA@2024-03');
});
