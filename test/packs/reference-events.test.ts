// The iraq pack's reference events, through the real pipeline: a cue must tell the happening from others like it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadContext, processInput } from '../../src/pipeline/run.ts';

const ctx = loadContext();

test('a rocket attack on US forces somewhere is not the Ain al-Asad attack of August 2024', () => {
  const raw = [
    'BAGHDAD, Feb 19 (Reuters) - Iran-aligned armed groups in Iraq have largely halted attacks on U.S. forces since early February.',
    '',
    'The factions stood down a day after the drone strike that killed three U.S. soldiers in Jordan.',
    'Harakat al-Nujaba claimed a rocket attack on a U.S. base in Syria on Feb. 12, wounding no U.S. forces.',
  ].join('\n');
  const { annotated } = processInput({ source: 'test', name: 'test.txt', format: 'text', raw }, ctx);
  assert.equal(annotated.published.value, '2024-02-19', annotated.published.basis);
});

/** The events of a one-paragraph report dated Monday, March 4, 2024. */
function events(sentence: string) {
  const raw = `BAGHDAD, Monday, March 4, 2024 — ${sentence}`;
  return processInput({ source: 'test', name: 'test.txt', format: 'text', raw }, ctx).extraction.events;
}

test('a strike that "killed three" of a faction is not the Tower 22 attack that killed three US soldiers', () => {
  const strike = events('Kataib Hezbollah said a US strike killed three of its fighters near al-Qaim.').find((e) => e.type === 'ASSAULT');
  assert.ok(strike);
  assert.equal(strike.date, '2024-03-04', strike.date_basis);
  // The happening's own words still date it.
  const tower = events('Kataib Hezbollah has not claimed an attack since the Tower 22 attack in Jordan.').find((e) => e.type === 'ASSAULT');
  assert.equal(tower?.date, '2024-01-28', tower?.date_basis);
});

test('words about a well-known happening are dated when spoken, not by the happening; words that are it keep its date', () => {
  const declined = events('A Kataib Hezbollah official declined to say whether the suspension of operations against US forces still stands.');
  const reject = declined.find((e) => e.type === 'REJECT');
  assert.ok(reject, JSON.stringify(declined.map((e) => e.type)));
  assert.notEqual(reject.date, '2024-01-30', reject.date_basis);
  const announced = events('Kataib Hezbollah announced the suspension of its military operations against US forces in late January.');
  const halt = announced.find((e) => e.type === 'CONCEDE' || e.type === 'RETREAT');
  assert.equal(halt?.date, '2024-01-30', JSON.stringify(announced.map((e) => [e.type, e.date, e.date_basis])));
});

test('a report does not speak of a well-known happening long after its own publication', () => {
  const raw = 'BAGHDAD, Wednesday 22 November 2023 — The Pentagon said US forces were attacked at Ain al-Asad air base, without giving a date.';
  const { extraction } = processInput({ source: 'test', name: 'test.txt', format: 'text', raw }, ctx);
  const attack = extraction.events.find((e) => e.type === 'ASSAULT');
  assert.ok(attack, JSON.stringify(extraction.events.map((e) => e.type)));
  assert.ok(!attack.date?.startsWith('2024'), `${attack.date} (${attack.date_basis})`);
});

test('a well-known happening dates only mentions of its types: a strike told beside a suspension is no suspension', () => {
  const strike = events('Kataib Hezbollah announced the suspension of its operations against American forces, before the factions declared the truce over after the Jurf al-Nasr strike.').find((e) => e.type === 'ASSAULT');
  assert.ok(strike);
  assert.notEqual(strike.date, '2024-01-30', strike.date_basis);
});
