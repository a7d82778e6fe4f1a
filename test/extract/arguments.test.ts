// Who did what to whom: event arguments, on reports written by the team, through the real pipeline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadContext, processInput } from '../../src/pipeline/run.ts';
import type { EventOut } from '../../src/pipeline/types.ts';

const ctx = loadContext();

function events(raw: string): EventOut[] {
  return processInput({ source: 'test', name: 'test.txt', format: 'text', raw: `Monday, March 4, 2024\n\n${raw}` }, ctx).extraction.events;
}

function byTrigger(list: EventOut[], trigger: string): EventOut {
  const e = list.find((x) => x.trigger === trigger);
  assert.ok(e, `no event «${trigger}» in ${JSON.stringify(list.map((x) => x.trigger))}`);
  return e;
}

test('the subject of a clause is not the agent of an attack named in its object', () => {
  const list = events('On Sunday, the Iraqi government announced the arrest of four men who took part in the attack on the convoy.');
  const attack = list.find((e) => e.type === 'ASSAULT');
  if (attack) assert.ok(!attack.source.includes('IRAQ_GOV'), JSON.stringify(attack));
  assert.deepEqual(byTrigger(list, 'arrest of').source, ['IRAQ_GOV']);
});

test('a support verb makes its subject the agent of the nominal trigger', () => {
  const e = events('On Sunday, Kataib Hezbollah launched a wave of drone attacks against the airport.').find((x) => x.type === 'ASSAULT');
  assert.ok(e);
  assert.deepEqual(e.source, ['KATAIB_HEZBOLLAH']);
});

test('a possessive makes the nominal trigger the act of the subject', () => {
  const e = events('On Sunday, Kataib Hezbollah stepped up its targeting of the airport.').find((x) => x.type === 'ASSAULT');
  assert.ok(e);
  assert.deepEqual(e.source, ['KATAIB_HEZBOLLAH']);
});

test('a demonym right before a nominal trigger names its agent', () => {
  const e = events('On Sunday, a convoy of the Popular Mobilization Forces was hit in an Iranian drone strike near the border.').find((x) => x.type === 'ASSAULT');
  assert.ok(e);
  assert.ok(e.source.includes('IRN'), JSON.stringify(e));
});

test('any verb in the passive takes its subject as recipient and its "by" phrase as agent', () => {
  const e = events('On Sunday, Kataib Hezbollah was condemned by the Iraqi government for the attack.').find((x) => x.type === 'ACCUSE');
  assert.ok(e);
  assert.deepEqual(e.source, ['IRAQ_GOV']);
  assert.deepEqual(e.target, ['KATAIB_HEZBOLLAH']);
});

test('a recipient is in the trigger\'s own clause, and a place where it happened yields to a named recipient', () => {
  const [t] = events('On Sunday, Kataib Hezbollah said it will strike American bases in Iraq if Washington attacks the factions.').filter((e) => e.type === 'THREATEN');
  assert.ok(t);
  assert.deepEqual(t.target, ['US_FORCES']);
  assert.equal(t.status, 'conditional');
});

test('an attack told "hours after" another is another act, with its own agent or none', () => {
  const list = events('On Sunday, the United States carried out strikes on three sites used by Kataib Hezbollah in Iraq, hours after a drone hit the Erbil air base and wounded three American soldiers.');
  const strikes = list.find((e) => e.trigger.startsWith('carried out'));
  assert.ok(strikes);
  assert.deepEqual(strikes.source, ['USA']);
  assert.ok(list.length >= 2, JSON.stringify(list.map((e) => [e.trigger, e.source, e.target])));
  assert.ok(list.filter((e) => e !== strikes).every((e) => !e.source.includes('USA')), JSON.stringify(list));
});

test('the subject of a passive is the head of its phrase, not a place inside it', () => {
  const [e] = events('On Sunday, US forces in Iraq and Syria were attacked again.').filter((x) => x.type === 'ASSAULT');
  assert.ok(e);
  assert.deepEqual(e.target, ['US_FORCES']);
});

test("an act on a truce without a recipient is aimed at the truce's other party", () => {
  const list = events('Since February the Iraqi armed factions have observed a truce with the United States. On Sunday, Kataib Hezbollah said the factions ended the truce.');
  const ended = list.find((e) => e.type === 'REJECT');
  assert.ok(ended, JSON.stringify(list));
  assert.ok(ended.target.includes('USA'), JSON.stringify(ended));
});

test('location: a name standing for an actor is no place, unless a locative phrase introduces it or force landed on it', () => {
  const talks = events('On Sunday, the Iraqi government held talks with Washington over the withdrawal of coalition forces.').find((e) => e.type === 'CONSULT');
  assert.ok(talks);
  assert.equal(talks.location, '');
  const accused = events('On Sunday, Baghdad accused Israel of seeking a pretext to strike Iraq.').find((e) => e.type === 'ACCUSE');
  assert.ok(accused);
  assert.equal(accused.location, '');
  assert.equal(events('On Sunday, three rockets struck Erbil, officials said.').find((e) => e.type === 'ASSAULT')?.location, 'Erbil');
  assert.equal(events('On Sunday, a US drone strike on a car in eastern Baghdad killed a commander.').find((e) => e.type === 'ASSAULT')?.location, 'Baghdad');
});

test('location: the place the trigger hit, or one inside the place named next to it, is the more precise', () => {
  const struck = events('On Sunday, a barrage of rockets struck Camp Taji, north of Baghdad, killing two soldiers.').find((e) => e.type === 'ASSAULT');
  assert.equal(struck?.location, 'Camp Taji');
  const airbase = events('On Sunday, two rockets struck Al Asad airbase in western Iraq, the Pentagon said.').find((e) => e.type === 'ASSAULT');
  assert.equal(airbase?.location, 'Ain al-Asad Air Base');
  const zone = events("On Sunday, several rockets were fired at Baghdad's fortified Green Zone.").find((e) => e.type === 'ASSAULT');
  assert.equal(zone?.location, 'Green Zone');
});

test('date: a coarse date is made exact by the well-known happening the sentence refers to, never moved out of it', () => {
  const e = events('Three American soldiers were killed in an attack in Jordan last January.').find((x) => x.type === 'ASSAULT');
  assert.equal(e?.date, '2024-01-28');
  // The same words in another month: the reference event does not fall in it, the month stands.
  const other = events('Three American soldiers were killed in an attack in Jordan last December.').find((x) => x.type === 'ASSAULT');
  assert.equal(other?.date, '2023-12');
});

test('a name inside the trigger after its verb is its object; the place where parties met is not one of them', () => {
  const called = events('Iraqi lawmakers met in Baghdad on Sunday. Hadi al-Amiri called on the House of Representatives to intervene in the upcoming sessions.');
  const request = called.find((e) => e.type === 'REQUEST');
  assert.ok(request);
  assert.deepEqual(request.target, ['IRAQ_PARLIAMENT']);
  const met = called.find((e) => e.type === 'CONSULT');
  assert.ok(met);
  assert.deepEqual(met.source, ['IRAQ_PARLIAMENT']);
  assert.equal(met.location, 'Baghdad');
});

test('an attack on a named place is an event even when nobody is named', () => {
  const e = events('Rockets were fired at the Victory base near Baghdad airport on Sunday.').find((x) => x.type === 'ASSAULT');
  assert.ok(e);
  assert.equal(e.location, 'Camp Victory (Victory Base Complex)');
  // No agent is named; the base's hosts are what the rockets were fired at.
  assert.deepEqual(e.source, []);
  assert.deepEqual(e.target, ['US_FORCES']);
});

test('a pronoun opening a sentence stands for the subject of the sentence before, of the right kind', () => {
  const group = events('Kataib Hezbollah issued a statement on Sunday. It threatened to attack US bases.').find((e) => e.type === 'THREATEN');
  assert.deepEqual(group?.source, ['KATAIB_HEZBOLLAH']);
  const person = events('Qais al-Khazali spoke on Sunday. He threatened to attack US bases.').find((e) => e.type === 'THREATEN');
  assert.deepEqual(person?.source, ['ASAIB_AHL_AL_HAQ']);
  // "It" is no person.
  const mismatch = events('Qais al-Khazali spoke on Sunday. It threatened to attack US bases.').find((e) => e.type === 'THREATEN');
  assert.deepEqual(mismatch?.source, []);
});

test('a support phrase longer than its verb ("took responsibility for") is no act of its own', () => {
  const list = events('Kataib Hezbollah took responsibility for the rocket attack on Sunday.');
  assert.deepEqual(list.map((e) => [e.type, e.source]), [['ASSAULT', ['KATAIB_HEZBOLLAH']]]);
});

test('whoever claims an attack is its agent', () => {
  const e = events('The Islamic Resistance in Iraq claimed a drone attack on the base on Sunday.').find((x) => x.type === 'ASSAULT');
  assert.deepEqual(e?.source, ['ISLAMIC_RESISTANCE_IN_IRAQ']);
});

test('actors joined by "and" or commas act together, demonyms too', () => {
  assert.deepEqual(events('Iraq and the United States agreed on Friday on a plan to end the mission of the coalition.')[0]?.source, ['IRQ', 'USA']);
  assert.deepEqual(events('The Iraqi and American delegations held talks in Washington on Tuesday.')[0]?.source, ['IRQ', 'USA']);
});

test('a place named inside a longer actor name is part of that name, not the location', () => {
  const [e] = events('Militants launched rockets at the US embassy on Saturday.');
  assert.notEqual(e?.location, 'United States');
});

test('the two sides of a joint act named after "between" are its agents', () => {
  const [e] = events('The first round of talks between Iraq and the United States was held in Baghdad on Saturday.');
  assert.deepEqual(e && [e.type, [...e.source].sort()], ['CONSULT', ['IRQ', 'USA']]);
});

test('a clause after the recipient and a comma, or a purpose clause, names no recipient', () => {
  const [e] = events('Kataib Hezbollah announced the suspension of its military operations against the American occupation forces, in order not to embarrass the Iraqi government.');
  assert.deepEqual(e && [e.type, e.target], ['CONCEDE', ['US_FORCES']]);
  const [f] = events('Kataib Hezbollah announced the suspension of its military operations in order not to embarrass the Iraqi government.');
  assert.deepEqual(f && [f.type, f.target], ['CONCEDE', []]);
});

test('the name opening words said is the agent of the act they tell, in the utterance that holds it', () => {
  const [e] = events('Local media quoted diplomatic sources as saying Washington had set tough conditions for a return to talks, adding that "the Iraqi government guarantees that US forces will not be attacked."').filter((x) => x.type === 'REQUEST');
  assert.deepEqual(e?.source, ['USA']);
  const [f] = events('The Iraqi government said that American air strikes killed 16 people, and it summoned the US charge d\'affaires in Baghdad to protest.').filter((x) => x.type === 'ACCUSE');
  assert.deepEqual(f?.source, ['IRAQ_GOV']);
});

test('an attack "on a coalition logistics convoy" is aimed at the coalition', () => {
  const [e] = events('The US-led coalition said. The Ashab al-Kahf claimed responsibility for an IED attack on a coalition logistics convoy near Nasiriyah on Sunday.').filter((x) => x.type === 'ASSAULT');
  assert.deepEqual(e && [e.source, e.target], [['ASHAB_AL_KAHF'], ['INTL_COALITION']]);
});

test('the group whose members act is the agent ("armed men from the Brigades surrounded")', () => {
  const [e] = events('On Sunday, dozens of armed men from Kataib Hezbollah surrounded the headquarters of the Counter-Terrorism Service.');
  assert.ok(e);
  assert.deepEqual(e.source, ['KATAIB_HEZBOLLAH']);
});

test('a participle clause after a comma ends the act\'s objects, a headline\'s ".." its subject, and a city before an attack noun is its place', () => {
  const [met] = events('On Sunday, Quds Force commander Esmail Qaani met with leaders of the armed factions, urging them to stop targeting American forces.').filter((e) => e.type === 'CONSULT');
  assert.ok(met);
  assert.ok(!met.source.includes('US_FORCES') && !met.target.includes('US_FORCES'), JSON.stringify(met));
  assert.ok([...met.source, ...met.target].includes('IRAQI_ARMED_FACTIONS'));
  const [halt] = events('Qaani in Baghdad.. Iranian pressure behind the halt of attacks on American forces').filter((e) => e.type === 'CONCEDE');
  assert.ok(halt);
  assert.deepEqual(halt.source, []);
  const city = events('On Sunday, the group commented on the latest Baghdad attack.').filter((e) => e.type === 'ASSAULT');
  assert.equal(city.length, 1);
  assert.deepEqual(city[0].source, []);
});

test('a quarter of a city is where an act happened; victims named before "have been killed" are its recipients', () => {
  const [strike] = events('On Wednesday, a US drone strike on a car in eastern Baghdad killed a Kataib Hezbollah commander.').filter((e) => e.type === 'ASSAULT');
  assert.ok(strike);
  assert.ok(!strike.target.includes('IRAQ_GOV'), JSON.stringify(strike));
  assert.ok(strike.target.includes('KATAIB_HEZBOLLAH'));
  const [bombing] = events('At least three Iraqi soldiers have been killed in a car bombing in central Baghdad on Sunday.').filter((e) => e.type === 'ASSAULT');
  assert.ok(bombing);
  assert.deepEqual(bombing.target, ['IRAQ_SECURITY_FORCES']);
});

test('no state attacks itself: a body of the state hit is no agent of the attack, while a group of its country may be', () => {
  const cited = events('US Central Command said the commander was responsible for directly planning and participating in attacks on American forces in the region, and that the strike was carried out in response to the attacks on US service members, including the one that killed three soldiers in Jordan on January 28.')
    .filter((e) => e.type === 'ASSAULT' && e.target.includes('US_FORCES'));
  assert.ok(cited.length > 0);
  for (const e of cited) assert.ok(!e.source.includes('CENTCOM'), JSON.stringify(e));
  const [raid] = events('On Sunday, dozens of armed men from Kataib Hezbollah attacked the headquarters of the Iraqi security forces in Baghdad.').filter((e) => e.type === 'ASSAULT');
  assert.ok(raid);
  assert.deepEqual(raid.source, ['KATAIB_HEZBOLLAH']);
});

test('a relative clause after a noun has that noun as subject, not the main clause\'s', () => {
  const found = events('The U.S. military has carried out strikes against Kataib Hezbollah in response to more than 170 attacks on its forces since Oct. 17, including one that killed three U.S. soldiers at a base in Jordan in January.');
  const killed = found.find((e) => e.trigger === 'killed');
  assert.ok(killed, JSON.stringify(found));
  assert.deepEqual(killed.source, []);
  assert.deepEqual(killed.target, ['US_FORCES']);
});

test('a framework an act is done within is no recipient of it', () => {
  const [agreed] = events('On Sunday, it was agreed to continue the negotiation sessions within the framework of the Higher Military Commission.').filter((e) => e.type === 'AGREE');
  assert.ok(agreed);
  assert.deepEqual(agreed.target, []);
});

test('a pronoun object stands for the nearest body named before it, "it" for no plural; "whom" for the name it follows', () => {
  const blamed = byTrigger(events('Kataib Hezbollah said it was suspending operations against U.S. forces, days after Washington blamed it for a drone strike that killed three American soldiers.'), 'blamed');
  assert.deepEqual([blamed.source, blamed.target], [['USA'], ['KATAIB_HEZBOLLAH']]);
  const holds = byTrigger(events('Kataib Hezbollah, whom Washington holds responsible for the attack on Tower 22 in Jordan, announced on Tuesday that it was suspending its operations.'), 'holds');
  assert.deepEqual([holds.source, holds.target], [['USA'], ['KATAIB_HEZBOLLAH']]);
  const urged = events('The Israeli foreign minister wrote to the UN Security Council this week urging it to act against the armed factions.').find((e) => e.type === 'REQUEST');
  assert.ok(urged);
  assert.deepEqual(urged.target, ['UN_SECURITY_COUNCIL']);
});

test('a state named as the place, after a compass word, does not act', () => {
  const e = events('The drone attack on Tower 22, a logistics base in northeastern Jordan near the Syrian border, on Sunday also wounded more than 40 troops.').filter((x) => x.type === 'ASSAULT');
  assert.ok(e.length > 0);
  assert.ok(e.every((x) => !x.source.includes('JOR')), JSON.stringify(e));
});

test('a country named where its demonym would be ("the Jordan attack") is no agent; an acronym is ("the US strike")', () => {
  const found = events('Talks began in Baghdad on Saturday, a day before the Jordan attack.');
  const jordan = found.find((e) => e.trigger === 'attack');
  assert.ok(jordan, JSON.stringify(found));
  assert.deepEqual(jordan.source, []);
  assert.deepEqual(events('On Sunday, the US strike hit a car in Baghdad.').find((e) => e.type === 'ASSAULT')?.source, ['USA']);
  const syria = events('On Sunday, the Syria strikes killed 18 fighters.').find((e) => e.type === 'ASSAULT');
  assert.ok(syria);
  assert.ok(!syria.source.includes('SYR'), JSON.stringify(syria));
});

test('a subordinate clause whose subject has an apposition in commas keeps that subject', () => {
  const visit = events("On Sunday, the factions halted their attacks after the commander of Iran's Quds Force, Esmail Qaani, visited Baghdad.").find((e) => e.trigger === 'visited');
  assert.ok(visit);
  assert.ok(visit.source.includes('QUDS_FORCE') && !visit.source.includes('IRAQI_ARMED_FACTIONS'), JSON.stringify(visit));
});

test('"one of its commanders" hit makes the group it belongs to the target', () => {
  const [e] = events('Kataib Hezbollah said on Sunday that US strikes killed two of its fighters near al-Qaim.').filter((x) => x.type === 'ASSAULT');
  assert.ok(e);
  assert.deepEqual([e.source, e.target], [['USA'], ['KATAIB_HEZBOLLAH']]);
});

test('a composed name of a state ("The German government today welcomed") stays its agent', () => {
  const [e] = events('The German government today welcomed the statement of the Iraqi government.').filter((x) => x.type === 'SUPPORT');
  assert.ok(e);
  assert.deepEqual(e.source, ['DEU']);
});

test('a name right after the article of a phrase premodifies its attack noun: "in retaliation for the US strike"', () => {
  const strike = events('On Monday, Iran vowed revenge for the US strike on Kataib Hezbollah.').find((e) => e.type === 'ASSAULT');
  assert.deepEqual(strike?.source, ['USA'], JSON.stringify(strike));
  // Not a name in a phrase of place before a verb.
  const tower = events('On Monday, a drone attack on Tower 22 in northeastern Jordan killed three US soldiers.').find((e) => e.type === 'ASSAULT');
  assert.deepEqual(tower?.source, [], JSON.stringify(tower));
});
