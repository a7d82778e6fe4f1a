// End to end: short reports written by the team (test/fixtures/resolve/*.txt) through the real
// pipeline, then across articles. Kept to sentences the extractor reads today ("X announced a truce
// with the United States on 3 March 2024"); the rules themselves are tested in truce-state.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadContext, processInput } from '../../src/pipeline/run.ts';
import { resolveEvents } from '../../src/resolve/events.ts';
import { resolveTruces, stateAt, type Truce } from '../../src/resolve/truce-state.ts';
import type { ResolveItem } from '../../src/resolve/input.ts';
import { shuffled } from './build.ts';

const dir = join(import.meta.dirname, '..', 'fixtures', 'resolve');
const ctx = loadContext();
const k = ctx.knowledge;

function read(name: string): ResolveItem {
  const { doc, extraction } = processInput({ source: join(dir, name), name, format: 'text', raw: readFileSync(join(dir, name), 'utf8') }, ctx);
  return { documentId: doc.id, documentName: name, published: extraction.published, extraction };
}

const all = new Map(readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => [f, read(f)]));
const pick = (prefix: string) => [...all].filter(([f]) => f.startsWith(prefix)).map(([, it]) => it);

function only(truces: Truce[], party: string): Truce {
  const found = truces.filter((t) => t.parties.some((side) => side.includes(party)));
  assert.equal(found.length, 1, `one truce with ${party}: ${truces.map((t) => t.id).join(', ')}`);
  return found[0];
}

test('a Kataib Hezbollah truce with the US: proposed, in force, strained, ended, resumed, each with its sentence', () => {
  const t = only(resolveTruces(pick('r'), k), 'KATAIB_HEZBOLLAH');
  assert.deepEqual(t.parties[1], ['USA']);
  assert.equal(t.declared, '2024-03-03');
  const expect: Array<[string, string, string]> = [
    ['2024-02-25', 'proposed', 'r2-proposed.txt'],
    ['2024-03-05', 'in_force', 'r1-declared.txt'],
    ['2024-03-12', 'strained', 'r3-attack.txt'],
    ['2024-04-15', 'ended', 'r4-ended.txt'],
    ['2024-05-05', 'resumed', 'r6-resumed.txt'],
  ];
  for (const [day, state, source] of expect) {
    const s = stateAt(t, day);
    assert.equal(s?.state, state, `state on ${day}`);
    assert.ok(s?.evidence.some((e) => e.documentName === source), `${state} backed by ${source}`);
    for (const e of s?.evidence ?? []) {
      const raw = readFileSync(join(dir, e.documentName), 'utf8');
      assert.equal(raw.slice(e.evidence_start, e.evidence_end), e.evidence, 'evidence is the exact text at its offsets');
    }
  }
});

test('one faction of the umbrella says the truce ended while the US says it holds: contested', () => {
  const t = only(resolveTruces(pick('c'), k), 'ISLAMIC_RESISTANCE_IN_IRAQ');
  assert.equal(stateAt(t, '2024-06-01')?.state, 'in_force');
  const s = stateAt(t, '2024-08-25');
  assert.equal(s?.state, 'contested');
  assert.equal(s?.since, '2024-08-20');
  const byParty = new Map(t.positions.map((p) => [p.party, p.stance]));
  assert.equal(byParty.get('NUJABA'), 'truce_ended');
  assert.equal(byParty.get('PENTAGON'), 'truce_holding');
});

test('two reports of one strike with different death tolls: one event, both figures kept', () => {
  const strikes = resolveEvents(pick('s'), k).filter((e) => e.type === 'ASSAULT');
  assert.equal(strikes.length, 1);
  assert.deepEqual(strikes[0].figures.map((f) => [f.documentName, f.fatalities]).sort(), [['s1-strike-a.txt', 3], ['s2-strike-b.txt', 5]]);
  assert.equal(strikes[0].fatalities, null);
  assert.ok(strikes[0].disagreements.some((d) => d.field === 'fatalities'));
});

test('ingest order does not matter', () => {
  const items = [...all.values()];
  const events = resolveEvents(items, k);
  const truces = resolveTruces(items, k);
  for (const seed of [1, 2, 3, 4, 5]) {
    const again = shuffled(items, seed);
    assert.deepEqual(resolveEvents(again, k), events, `events, seed ${seed}`);
    assert.deepEqual(resolveTruces(again, k), truces, `truces, seed ${seed}`);
  }
});
