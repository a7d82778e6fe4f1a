// Truce mentions within one article, on reports written by the team, through the real pipeline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadContext, processInput } from '../../src/pipeline/run.ts';

const ctx = loadContext();

function truces(raw: string) {
  return processInput({ source: 'test', name: 'test.txt', format: 'text', raw }, ctx).extraction.truces;
}

const states = (t: { state_as_of: Array<{ date: string; state: string }> }) => t.state_as_of.map((s) => `${s.date} ${s.state}`);

test('a declared truce is in force from its declaration', () => {
  const [t] = truces('Tuesday, March 12, 2024\n\nOn March 3, Kataib Hezbollah announced a halt to attacks on American forces, a truce that Iraqi officials hope will last.');
  assert.ok(t, 'one truce');
  assert.deepEqual(t.parties.sort(), ['KATAIB_HEZBOLLAH', 'USA']);
  assert.equal(states(t)[0], '2024-03-03 in_force');
});

test('a party saying it ended while the government says it holds makes it contested', () => {
  const [t] = truces([
    'Friday, May 10, 2024',
    '',
    'Since the beginning of February, the Iraqi resistance factions have entered into a truce with the American side.',
    'On Wednesday, Harakat al-Nujaba said that the truce with Washington has ended.',
    'A government source told Reuters that the truce is still holding and that the factions had given guarantees.',
  ].join('\n'));
  assert.ok(t, 'one truce');
  assert.ok(states(t).includes('2024-02 in_force'), states(t).join(', '));
  assert.equal(t.state_as_of.at(-1)!.state, 'contested', states(t).join(', '));
});

test('a proposal that nobody accepted stays proposed', () => {
  const [t] = truces([
    'Monday, February 5, 2024',
    '',
    'On Sunday, Mohammed Shia al-Sudani announced a ceasefire formula under which the Iraqi armed factions would stop attacks in exchange for an end to US strikes.',
    'A government source said the government supports the formula and hopes to maintain the truce.',
  ].join('\n'));
  assert.ok(t, 'one truce');
  assert.deepEqual(t.state_as_of.map((s) => s.state), t.state_as_of.map(() => 'proposed'));
});

test('an attack between the sides after the declaration strains the truce', () => {
  const [t] = truces([
    'Saturday, April 27, 2024',
    '',
    'On January 30, Kataib Hezbollah announced a halt to attacks against US forces.',
    'On April 21, rockets fired by Kataib Hezbollah struck US forces at a base in Syria, officials said.',
  ].join('\n'));
  assert.ok(t, 'one truce');
  assert.deepEqual(states(t), ['2024-01-30 in_force', '2024-04-21 strained']);
});

test('no truce vocabulary, no truce', () => {
  assert.deepEqual(truces('Monday, February 5, 2024\n\nThe parliament held a session on the budget on Sunday.'), []);
});

test('a ceasefire or armistice ends in the words that end a truce', () => {
  const [a] = truces('Tuesday, March 12, 2024\n\nKataib Hezbollah said on Monday that the ceasefire with the Americans had collapsed.');
  assert.deepEqual(a && states(a), ['2024-03-11 ended']);
  const [b] = truces('Tuesday, March 12, 2024\n\nHarakat al-Nujaba announced on Friday the end of the truce with US forces.');
  assert.deepEqual(b && states(b), ['2024-03-08 ended']);
});

test('a threat to end the truce strains it', () => {
  const [t] = truces('Tuesday, March 12, 2024\n\nIraqi armed factions threatened on Monday to end the truce with the American forces.');
  assert.deepEqual(t && states(t), ['2024-03-11 strained']);
});

test('a faction suspending its operations against the other side declares a truce, in any tense', () => {
  for (const sentence of [
    'On January 30, Kataib Hezbollah announced that it was suspending its military operations against US forces.',
    'On January 30, Kataib Hezbollah announced the suspension of military and security operations against the occupation forces of the United States.',
    'On January 30, Kataib Hezbollah halted its attacks on US forces.',
  ]) {
    const [t] = truces(`Tuesday, February 6, 2024\n\n${sentence}`);
    assert.ok(t, sentence);
    assert.deepEqual(t.parties.sort(), ['KATAIB_HEZBOLLAH', 'USA'], sentence);
    assert.equal(states(t)[0], '2024-01-30 in_force', sentence);
  }
  // Operations of another kind are no truce.
  assert.deepEqual(truces('Tuesday, February 6, 2024\n\nOn January 30, Iraqi Airways suspended its operations at Baghdad airport.'), []);
});

test('the article\'s own words about the truce count as a party\'s do', () => {
  const [t] = truces('Tuesday, March 5, 2024\n\nThe truce between Kataib Hezbollah and the US collapsed on Sunday after a drone strike in Baghdad.');
  assert.ok(t, 'one truce');
  assert.deepEqual(states(t), ['2024-03-03 ended']);
  const [held] = truces('Tuesday, March 5, 2024\n\nOn January 30, Kataib Hezbollah announced a halt to attacks on US forces. The truce has held since then, officials in Baghdad noted with relief.');
  assert.equal(held.state_as_of.at(-1)!.state, 'in_force');
  // A sentence that declares a truce speaks of that truce, not of the one before it.
  const [again] = truces('Wednesday, May 1, 2024\n\nKataib Hezbollah announced a truce with the United States on 1 May 2024, weeks after the previous one collapsed.');
  assert.deepEqual(states(again), ['2024-05-01 in_force']);
});

test('an agreement on the truce declares it; a proposal told after the declaration does not turn it back into one', () => {
  const [t] = truces('Tuesday, March 5, 2024\n\nOn Monday, Kataib Hezbollah and the US agreed to a ceasefire until the end of the year.');
  assert.deepEqual(states(t), ['2024-03-04 in_force']);
  const [u] = truces([
    'Tuesday, March 12, 2024',
    '',
    'On March 3, Kataib Hezbollah announced a halt to attacks on American forces.',
    'On Sunday, a spokesman for Kataib Hezbollah said the group had offered a conditional ceasefire to the Americans.',
    'A government source said on Monday that the truce holds.',
  ].join('\n'));
  assert.deepEqual(states(u), ['2024-03-03 in_force', '2024-03-11 in_force']);
});

test('a faction\'s own word that it keeps the truce puts it in force, with the foreign state it faces', () => {
  const [t] = truces([
    'Monday, July 14, 2025',
    '',
    'Iraqi officials said Washington has not set a date for the withdrawal of its forces from Iraq.',
    'Harakat al-Nujaba spokesman Hussein al-Moussawi said that the movement "is committed to the calm as long as the Iraqi government keeps its promises."',
  ].join('\n'));
  assert.ok(t, 'one truce');
  assert.deepEqual(t.parties, ['NUJABA', 'USA']);
  assert.deepEqual(states(t), ['2025-07-14 in_force']);
});

test('a truce told in passing with who declared it and when ("the truce announced by X on January 30") is declared then', () => {
  const [t] = truces('Tuesday, March 5, 2024\n\nThe truce announced by Kataib Hezbollah on January 30 has held, US officials said, despite the drone strike in Baghdad.');
  assert.ok(t, 'one truce');
  assert.deepEqual(t.parties, ['KATAIB_HEZBOLLAH', 'USA']);
  assert.equal(t.declared, '2024-01-30');
});

test('a truce by any of its names: a "hudna" holds, a "pause" is over', () => {
  const [held] = truces('Monday, March 4, 2024\n\nAsaib Ahl al-Haq said on Sunday that the hudna with the Americans still holds.');
  assert.ok(held, 'one truce');
  assert.deepEqual(states(held), ['2024-03-03 in_force']);
  const [over] = truces('Monday, March 4, 2024\n\nKataib Hezbollah said on Sunday that its pause in attacks on US forces was over.');
  assert.ok(over, 'one truce');
  assert.equal(states(over).at(-1), '2024-03-03 ended');
});

test("another's words open the truce of the faction they name; a threat on a condition strains it, it does not end it", () => {
  const [t] = truces('Thursday, August 8, 2024\n\nOn Wednesday, an informed source revealed that the armed factions told the government that they will resume their operations against the American forces if Washington continues its strikes, in the first threat to the truce.');
  assert.ok(t, 'one truce');
  assert.deepEqual(t.parties.sort(), ['IRAQI_ARMED_FACTIONS', 'USA']);
  assert.deepEqual(states(t), ['2024-08-07 strained']);
});

test('the ones a deal was brokered by, or made with the help of, mediate the truce', () => {
  const [t] = truces('Thursday, March 14, 2024\n\nKataib Hezbollah agreed on Tuesday to suspend attacks on US forces. The deal, brokered by Prime Minister Mohammed Shia al-Sudani with the help of Quds Force commander Esmail Qaani, was reached in Baghdad.');
  assert.deepEqual(t?.mediator.slice().sort(), ['IRAQ_GOV', 'QUDS_FORCE']);
});

test('a threat on a condition strains a truce in force; a faction not party to it contests it', () => {
  const [t] = truces('Thursday, March 14, 2024\n\nKataib Hezbollah agreed on Tuesday to suspend attacks on US forces. "Any violation will be met with a response," a commander said on Wednesday. Harakat al-Nujaba said on Thursday: "We are not party to any truce."');
  assert.deepEqual(states(t!), ['2024-03-12 in_force', '2024-03-13 strained', '2024-03-14 contested']);
});

test('a truce in force again after it ended is resumed', () => {
  const [t] = truces('Sunday, October 20, 2024\n\nOn August 7, Harakat al-Nujaba declared that the truce with the Americans was over. In September, the Iraqi armed factions agreed to return to the truce, a government source said.');
  assert.deepEqual(states(t!), ['2024-08-07 ended', '2024-09 resumed']);
});

test('a faction with no truce of its own that vows more attacks opens none; a threat to abandon one strains it', () => {
  const found = truces('Wednesday, January 31, 2024\n\nKataib Hezbollah said on Tuesday it was suspending military operations against US forces. Harakat al-Nujaba said it would continue its military operations against American forces until the occupation leaves Iraq.');
  assert.deepEqual(found.map((t) => t.parties[0]), ['KATAIB_HEZBOLLAH']);
  const [threat] = truces('Monday, March 4, 2024\n\nKataib Hezbollah announced a halt to attacks on American forces on February 1. On Sunday, the armed factions threatened to abandon the truce with the American forces.');
  assert.ok(threat);
  assert.deepEqual(states(threat), ['2024-02-01 in_force', '2024-03-03 strained']);
});

test('a faction\'s threat of violence that names no target is aimed at the forces of the truce\'s other side', () => {
  const raw = 'Monday, March 4, 2024\n\nKataib Hezbollah announced a halt to attacks on American forces on February 1. On Sunday, Harakat al-Nujaba threatened to resume its operations if the talks fail.';
  const { events } = processInput({ source: 'test', name: 'test.txt', format: 'text', raw }, ctx).extraction;
  const threat = events.find((e) => e.type === 'THREATEN' && e.source.includes('NUJABA'));
  assert.ok(threat, JSON.stringify(events));
  assert.deepEqual(threat.target, ['US_FORCES']);
});

test('a faction outside the one truce told, threatening on a condition, strains it', () => {
  const [t] = truces('Tuesday, July 16, 2024\n\nKataib Hezbollah announced a halt to attacks on American forces on February 1. On Monday, Asaib Ahl al-Haq leader Saad al-Saadi said the delay of the talks will be met with a response if it continues.');
  assert.ok(t);
  assert.deepEqual(t.parties, ['KATAIB_HEZBOLLAH', 'USA']);
  assert.deepEqual(states(t), ['2024-02-01 in_force', '2024-07-15 strained']);
});

test('the state\'s vow to answer an attack strains the truce, from its declaration, and ends nothing', () => {
  const [t] = truces([
    'Tuesday, January 30, 2024',
    '',
    'Kataib Hezbollah announced on Tuesday that it is suspending military operations against US forces, days after a drone strike killed three American soldiers in Jordan.',
    'Days after the strike, the Pentagon said it would still respond.',
  ].join('\n'));
  assert.ok(t);
  assert.deepEqual(states(t), ['2024-01-30 in_force', '2024-01-30 strained']);
});

test('words of calm make no truce between a faction and its own state', () => {
  assert.deepEqual(truces('Monday, March 4, 2024\n\nQais al-Khazali called on the factions to be calm, warning that escalation will harm Iraq.'), []);
});
