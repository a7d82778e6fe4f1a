// Modality of event mentions, on sentences written by the team.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLexicon } from '../../src/extract/lexicon.ts';
import { modalityOf } from '../../src/extract/status.ts';
import type { PloverType } from '../../src/pipeline/types.ts';

const lx = loadLexicon();

/** Modality of the first occurrence of `trigger` in `sentence`. */
function modality(sentence: string, trigger: string, type: PloverType) {
  const start = sentence.indexOf(trigger);
  assert.ok(start >= 0, `trigger «${trigger}» not in «${sentence}»`);
  return modalityOf(lx, sentence, { start: 0, end: sentence.length }, { start, end: start + trigger.length }, type);
}

const cases: Array<[string, string, PloverType, string, PloverType?]> = [
  ['Gunmen fired rockets at the airport on Monday, police said.', 'rockets', 'ASSAULT', 'occurred'],
  ['The brigade said it will strike the convoy if the raids continue.', 'strike', 'ASSAULT', 'conditional', 'THREATEN'],
  ['The group vowed that its fighters will target foreign bases across the region.', 'target', 'ASSAULT', 'threatened', 'THREATEN'],
  ['The militia threatened to shell the border towns within days.', 'threatened to shell', 'THREATEN', 'threatened'],
  ['The movement threatened to resume attacks if the troops do not leave by spring.', 'threatened to resume', 'THREATEN', 'conditional'],
  ['A spokesman denied that the faction carried out the bombing of the depot.', 'bombing', 'ASSAULT', 'denied'],
  ['No attack has been carried out against the convoys since the pause began.', 'attack', 'ASSAULT', 'denied'],
  ['None of the factions attacked the convoys last week.', 'attacked', 'ASSAULT', 'denied'],
  ['The brigade has denied a claim by a US official that its members fired the missiles at the base.', 'fired', 'ASSAULT', 'denied'],
  ['The group launched no attacks on the convoys on Sunday.', 'launched no attacks', 'ASSAULT', 'denied'],
  ['The two delegations will hold talks in Muscat next week.', 'hold talks', 'CONSULT', 'planned'],
  ['Analysts said the militia could attack the embassy compound.', 'attack', 'ASSAULT', 'hypothetical'],
  ['The mediators announced a halt to attacks on Tuesday.', 'announced a halt to attacks', 'CONCEDE', 'occurred'],
  // PLOVER: a promised cooperative act is AGREE, a promised withdrawal a CONCEDE, promised hostility a THREATEN.
  ['The two foreign ministers will meet in Muscat on Friday.', 'meet', 'CONSULT', 'planned', 'AGREE'],
  ['The brigade said its fighters would withdraw from the town within a week.', 'withdraw', 'RETREAT', 'planned', 'CONCEDE'],
  ['Washington will impose sanctions on the militia leaders.', 'impose sanctions', 'SANCTION', 'threatened', 'THREATEN'],
  // Refusing cooperation is a REJECT; a stated intention to coerce is a threat.
  ['The ministry said it will not accept the new demands of the brigade.', 'accept', 'AGREE', 'occurred', 'REJECT'],
  ['The cabinet said it is prepared to impose a curfew on the southern districts.', 'impose a curfew', 'COERCE', 'threatened', 'THREATEN'],
];

for (const [sentence, trigger, type, status, newType] of cases) {
  test(`${status}: ${sentence}`, () => {
    const m = modality(sentence, trigger, type);
    assert.ok(m);
    assert.equal(m.status, status);
    if (newType) assert.equal(m.type, newType);
  });
}

test('a promise that no strike will happen is no event', () => {
  assert.equal(modality('The government promised that the air force will not carry out any strike on the camps.', 'strike', 'ASSAULT'), null);
  assert.equal(modality('A leader said no faction will fire a single shot at the Americans during the talks.', 'fire', 'ASSAULT'), null);
  assert.equal(modality('Trump announced sanctions on Tehran but did not threaten further military action.', 'threaten', 'THREATEN'), null);
});

test('a source who requested anonymity makes no request', async () => {
  const { loadContext, processInput } = await import('../../src/pipeline/run.ts');
  const ctx = loadContext();
  const raw = 'Monday, March 4, 2024\n\nA Kataib Hezbollah commander, who requested anonymity, said the convoy was hit near Erbil.';
  const { events } = processInput({ source: 't', name: 't', format: 'text', raw }, ctx).extraction;
  assert.ok(!events.some((e) => e.type === 'REQUEST'), JSON.stringify(events.map((e) => e.type)));
});

test('a nominal trigger that a reaction answers is past, whatever the tense of the reaction', () => {
  const sentence = 'The Pentagon said the United States would respond to the killing of its soldiers.';
  const start = sentence.indexOf('killing of');
  const m = modalityOf(lx, sentence, { start: 0, end: sentence.length }, { start, end: start + 'killing of'.length }, 'ASSAULT', true);
  assert.equal(m?.status, 'occurred');
  assert.equal(m?.type, undefined);
});

test('a hoped-for act is no event', () => {
  const sentence = 'The minister said he hopes both sides will stop their attacks soon.';
  const start = sentence.indexOf('stop their attacks');
  assert.equal(modalityOf(lx, sentence, { start: 0, end: sentence.length }, { start, end: start + 'stop their attacks'.length }, 'CONCEDE'), null);
});

test('a disavowed intention to yield or cooperate is a refusal; no plan announced is no act', () => {
  assert.deepEqual(modality('Washington does not intend to withdraw its troops, a senior official said.', 'withdraw', 'RETREAT'), { status: 'occurred', type: 'REJECT', mode: '' });
  assert.deepEqual(modality('The US has no plans to withdraw its forces.', 'withdraw', 'RETREAT'), { status: 'occurred', type: 'REJECT', mode: '' });
  assert.equal(modality('Washington has not announced any plan to withdraw.', 'withdraw', 'RETREAT'), null);
  assert.equal(modality('Washington intends to withdraw its troops by 2026.', 'withdraw', 'RETREAT')?.status, 'planned');
});

test('a negated verb whose object the act is says nothing of whether it happened', () => {
  const noun = (sentence: string, trigger: string) => {
    const start = sentence.indexOf(trigger);
    return modalityOf(lx, sentence, { start: 0, end: sentence.length }, { start, end: start + trigger.length }, 'ASSAULT', false, [], true)?.status;
  };
  assert.equal(noun('Kataib Hezbollah did not claim the attack.', 'attack'), 'occurred');
  assert.equal(noun('Kataib Hezbollah denied issuing any statement about the attack.', 'attack'), 'occurred');
  assert.equal(noun('The factions had not been involved and that the attack was meant to provoke.', 'attack'), 'occurred');
  assert.equal(noun('The faction denied any role in the attack.', 'attack'), 'denied');
  assert.equal(noun('The group did not carry out the attack.', 'attack'), 'denied');
  assert.equal(modality('The group has not carried out the attack.', 'carried out the attack', 'ASSAULT')?.status, 'denied');
});

test('an act stopped before it happened is no act', () => {
  assert.equal(modality('Iraqi security forces foiled an attempt to launch rockets at the embassy.', 'rockets', 'ASSAULT'), null);
  assert.equal(modality('Security forces thwarted a drone attack on the Victory base.', 'drone attack', 'ASSAULT'), null);
});
