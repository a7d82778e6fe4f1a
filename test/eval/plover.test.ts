import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Actor, Knowledge } from '../../src/knowledge/types.ts';
import type { EventOut, InputDoc } from '../../src/pipeline/types.ts';
import {
  actorCode, evaluatePlover, formatConfusion, goldType, judgeRecord, loadPloverRecords, summarisePlover,
} from '../../src/eval/plover.ts';

const RECORDS = join(import.meta.dirname, '../../../shared/reference/plover-gsr/records.jsonl');
const records = loadPloverRecords(RECORDS);
const byId = (id: string) => {
  const r = records.find((x) => x.id === id);
  assert.ok(r, id);
  return r;
};

function actor(id: string, type: Actor['type'], o: Partial<Actor> = {}): Actor {
  return { id, name: id, type, aliases: [], contextAliases: [], memberOf: [], offices: [], pack: 'test', ...o };
}

const knowledge: Knowledge = {
  packs: [],
  actors: new Map([
    actor('USA', 'state'),
    actor('JOR', 'state'),
    actor('HUN', 'state'),
    actor('ROU', 'state'),
    actor('UN', 'igo'),
    actor('AMNESTY', 'ngo'),
    actor('US_FORCES', 'state_force', { forcesOf: 'USA' }),
    actor('KATAIB_HEZBOLLAH', 'armed_group', { country: 'IRQ' }),
    actor('SPOKESMAN', 'person', { organisation: 'KATAIB_HEZBOLLAH' }),
    actor('LOOP_A', 'armed_group', { memberOf: [{ id: 'LOOP_B' }] }),
    actor('LOOP_B', 'armed_group', { memberOf: [{ id: 'LOOP_A' }] }),
  ].map((a) => [a.id, a])),
  places: new Map(),
  offices: new Map(),
  referenceEvents: [],
};

function event(type: EventOut['type'], start: number, source: string[], target: string[]): EventOut {
  return {
    id: `e${start}`, type, mode: '', trigger: '', date: null, date_basis: '', source, target, location: '', status: 'occurred',
    fatalities: null, injured: null, attributed_to: '', evidence: 'x', evidence_start: start, evidence_end: start + 1,
  };
}

test('records load without the DOCUMENT header, and 2016 types map to PLOVER 2.0', () => {
  assert.equal(records.length, 322);
  assert.ok(records.every((r) => r.event !== 'DOCUMENT'));
  const types = new Set(records.map(goldType));
  for (const old of ['DEMAND', 'DISAPPROVE', 'INVESTIGATE', 'FIGHT']) assert.ok(!types.has(old), old);
  assert.equal(goldType(byId('PLOVER-GSR01-DEMAND-0009')), 'REQUEST');
  assert.equal(goldType(byId('PLOVER-GSR01-DISAPPROVE-0005')), 'ACCUSE');
  assert.equal(goldType(byId('PLOVER-GSR01-INVESTIGATE-0001')), 'ACCUSE');
  assert.equal(goldType(byId('PLOVER-GSR01-FIGHT-0014')), 'ASSAULT');
  assert.equal(goldType(byId('PLOVER-GSR01-AGREE-0001')), 'AGREE');
  // A target given as "" or a word means none.
  assert.deepEqual(byId('PLOVER-GSR01-AGREE-0003').target, []);
  assert.deepEqual(byId('PLOVER-GSR01-ASSAULT-0009').source, []);
});

test('a bad records file is reported by file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plover-'));
  const file = join(dir, 'bad.jsonl');
  writeFileSync(file, '{"id":"a","event":"AGREE","text":"x","source":[],"target":[]}\n{"id": "b", "event": 3}\n');
  assert.throws(() => loadPloverRecords(file), new RegExp(`${file}:2: invalid record`));
  writeFileSync(file, 'not json\n');
  assert.throws(() => loadPloverRecords(file), /:1: not valid JSON/);
  assert.throws(() => loadPloverRecords(join(dir, 'missing.jsonl')), /cannot read/);
});

test('actor codes come from country, a state id, IGO or NGO type, or the body the actor belongs to', () => {
  assert.equal(actorCode('USA', knowledge), 'USA');
  assert.equal(actorCode('UN', knowledge), 'IGO');
  assert.equal(actorCode('AMNESTY', knowledge), 'NGO');
  assert.equal(actorCode('US_FORCES', knowledge), 'USA');
  assert.equal(actorCode('SPOKESMAN', knowledge), 'IRQ');
  assert.equal(actorCode('LOOP_A', knowledge), null);
  assert.equal(actorCode('UNKNOWN', knowledge), null);
});

test('the first event in text order is judged: type and actors against the record', () => {
  // "Senior Hungarian and Romanian officials agreed ..." : source HUN, ROU; no target.
  const agree = byId('PLOVER-GSR01-AGREE-0001');
  const o = judgeRecord(agree, [event('COOPERATE', 40, ['USA'], []), event('AGREE', 10, ['ROU'], ['USA'])], knowledge);
  assert.equal(o.gold, 'AGREE');
  assert.equal(o.predicted, 'AGREE');
  assert.equal(o.source, true);
  assert.equal(o.target, null);
  const none = judgeRecord(agree, [], knowledge);
  assert.equal(none.predicted, 'NONE');
  assert.equal(none.source, false);
  // APEC (IGO) agreed ... in Tokyo (JAP, CAMEO's code for Japan).
  const apec = judgeRecord(byId('PLOVER-GSR01-AGREE-0002'), [event('AGREE', 0, ['UN'], ['JOR'])], knowledge);
  assert.deepEqual(apec.gold_target, ['JPN']);
  assert.equal(apec.source, true);
  assert.equal(apec.target, false);
});

test('confusion counts gold rows against predicted columns; accuracies over judged records', () => {
  const rec = [byId('PLOVER-GSR01-AGREE-0001'), byId('PLOVER-GSR01-DEMAND-0009'), byId('PLOVER-GSR01-FIGHT-0014'), byId('PLOVER-GSR01-AGREE-0003')];
  const outcomes = [
    judgeRecord(rec[0], [event('AGREE', 0, ['HUN'], [])], knowledge),
    judgeRecord(rec[1], [event('REQUEST', 0, [], [])], knowledge),
    judgeRecord(rec[2], [event('COERCE', 0, ['USA'], [])], knowledge),
    judgeRecord(rec[3], [event('AGREE', 0, ['JOR'], [])], knowledge),
  ];
  const r = summarisePlover(outcomes);
  assert.equal(r.n, 4);
  assert.equal(r.type_accuracy, 3 / 4);
  assert.deepEqual(r.confusion, { AGREE: { AGREE: 2 }, REQUEST: { REQUEST: 1 }, ASSAULT: { COERCE: 1 } });
  // Sources: HUN ok, GRC missed, USA ok, JOR ok.
  assert.equal(r.source_accuracy, 3 / 4);
  assert.deepEqual(r.misses.map((m) => [m.id, m.gold, m.predicted]), [['PLOVER-GSR01-FIGHT-0014', 'ASSAULT', 'COERCE']]);
  const table = formatConfusion(r.confusion, ['AGREE', 'REQUEST', 'COERCE', 'ASSAULT']);
  const lines = table.split('\n');
  assert.match(lines[0], /AGRE\s+REQU\s+COER\s+ASSA/);
  assert.match(lines.find((l) => l.startsWith('ASSAULT'))!, /^ASSAULT\s+1\s*$/);
});

test('evaluatePlover runs records through the real pipeline as text documents', async () => {
  const { loadContext, processInput } = await import('../../src/pipeline/run.ts');
  const ctx = loadContext();
  const rec = ['AGREE-0001', 'DEMAND-0009', 'FIGHT-0014', 'THREATEN-0022', 'ASSAULT-0009'].map((x) => byId(`PLOVER-GSR01-${x}`));
  const seen: InputDoc[] = [];
  const logs: string[] = [];
  const r = evaluatePlover(rec, (input) => {
    seen.push(input);
    return processInput(input, ctx).extraction;
  }, ctx.knowledge, (l) => logs.push(l));
  assert.deepEqual(seen.map((i) => [i.source, i.format, i.raw]), rec.map((x) => [x.id, 'text', x.text]));
  assert.deepEqual(logs, []);
  assert.equal(r.n, 5);
  assert.deepEqual(Object.keys(r.confusion).sort(), ['AGREE', 'ASSAULT', 'REQUEST', 'THREATEN']);
  assert.equal(Object.values(r.confusion).flatMap((row) => Object.values(row)).reduce((a, b) => a + b, 0), 5);
  assert.equal(r.misses.length, Math.round(5 * (1 - r.type_accuracy)));
});
