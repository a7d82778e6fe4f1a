// Reported speech and statements, on reports written by the team, through the real pipeline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadContext, processInput } from '../../src/pipeline/run.ts';

const ctx = loadContext();

function statements(raw: string) {
  return processInput({ source: 'test', name: 'test.txt', format: 'text', raw: `Monday, March 4, 2024\n\n${raw}` }, ctx).extraction.statements;
}

test('a named person speaks for their organisation', () => {
  const [s] = statements('Qais al-Khazali said on Sunday that the factions will resume their operations if the occupation stays.');
  assert.equal(s.speaker, 'Qais al-Khazali');
  assert.equal(s.speaker_actor, 'ASAIB_AHL_AL_HAQ');
  assert.equal(s.stance, 'will_attack');
  assert.match(s.evidence, /^the factions will resume/);
});

test('an anonymous government source keeps its description and its government', () => {
  const s = statements('The Iraqi government has mediated between the sides since February. A government source told Reuters that the truce is still holding and no attack has been recorded for weeks.').at(-1)!;
  assert.equal(s.speaker, 'government source');
  assert.equal(s.speaker_actor, 'IRAQ_GOV');
  assert.equal(s.channel, 'Reuters');
  assert.equal(s.stance, 'truce_holding');
});

test('a pronoun after a closing quote is the last speaker, and only the quote is evidence', () => {
  const list = statements('Fuad Hussein said that Baghdad wants calm. “We have paid too high a price for these attacks,” he added.');
  assert.equal(list.length, 2);
  assert.equal(list[1].speaker, 'Fuad Hussein');
  assert.match(list[1].evidence, /^We have paid too high a price/);
});

test('a pronoun after a closing quote stands for the subject of the sentence before when someone else spoke last', () => {
  const list = statements('Military spokesman Yahya Rasool said in a statement that the attack had failed. Qais al-Khazali condemned the attack but called for an investigation. "If it is proven that a party carried it out, it must be held accountable," he said.');
  assert.deepEqual(list.map((s) => s.speaker), ['Yahya Rasool', 'Qais al-Khazali']);
});

test('a speaker the packs do not know is kept by name', () => {
  const [s] = statements('Al-Zubaidawi announced that the negotiations with Washington have stalled because of procrastination.');
  assert.equal(s.speaker, 'Al-Zubaidawi');
  assert.equal(s.stance, 'negotiations_stalled');
});

test('an inverted frame names the sources after the verb', () => {
  const [s] = statements('Local media quoted diplomatic sources as saying that the talks had stalled over the timetable.');
  assert.ok(s, 'a statement is found');
  assert.match(s.speaker, /sources/);
});

test('a quote that runs on keeps its speaker', () => {
  const list = statements('Kazem al-Fartousi told Shafaq News that the factions will not wait forever. We are watching the negotiations closely and we know there is no seriousness in withdrawing.');
  assert.equal(list.length, 2);
  assert.equal(list[1].speaker, 'Kazem al-Fartousi');
  assert.equal(list[1].stance, 'negotiations_stalled');
});

test('an announcement of a happening is an event, not a statement', () => {
  const raw = 'The Iraqi authorities announced the arrest of three suspects in the rocket attack.';
  assert.equal(statements(raw).length, 0);
  const events = processInput({ source: 't', name: 't', format: 'text', raw: `Monday, March 4, 2024\n\n${raw}` }, ctx).extraction.events;
  assert.ok(events.some((e) => e.type === 'COERCE' && e.mode === 'arrest' && e.source.includes('IRAQ_GOV')));
});

test('a speaker spelt differently later in the same article is the person it named, when no one else is as close', () => {
  const list = statements('Qais al-Khazali, the leader of Asaib Ahl al-Haq, met tribal leaders in Baghdad on Sunday.\n\nAl-Khazari said that the factions would not withdraw from the border.\n\nAl-Mansour said the talks would continue.');
  assert.deepEqual(list.map((s) => [s.speaker, s.speaker_actor]), [['Al-Khazari', 'ASAIB_AHL_AL_HAQ'], ['Al-Mansour', '']]);
});

test('a truce kept only on a condition is a conditional stance', () => {
  const [a] = statements('Asaib Ahl al-Haq warned on Sunday that the truce would not last if the US did not set a timetable for withdrawal.');
  assert.equal(a?.stance, 'truce_conditional');
  const [b] = statements('Qais al-Khazali said on Sunday the resistance would abide by the ceasefire as long as negotiations on the withdrawal continued.');
  assert.equal(b?.stance, 'truce_conditional');
});

test('words are dated by when they were said, not by the future they speak of', () => {
  const [s] = statements('The Pentagon said on Sunday that US forces would remain in the Kurdistan Region until the end of 2026.');
  assert.equal(s?.date, '2024-03-03');
  assert.equal(s?.stance, 'support_presence');
  const [d] = statements('Harakat al-Nujaba said on Sunday that "the occupation must leave all Iraqi territory."');
  assert.equal(d?.stance, 'demand_withdrawal');
});

test('asking a party to respect or abide by the truce supports it', () => {
  const [s] = statements('Prime Minister Mohammed Shia al-Sudani called on Sunday on the factions to respect the truce.');
  assert.equal(s?.stance, 'truce_support');
});

test('factions that decided to stop their operations hold a truce', () => {
  const [s] = statements('A source in the Islamic Resistance in Iraq revealed on Sunday that the factions decided to stop the operations against the American forces.');
  assert.equal(s?.stance, 'truce_holding');
});

test('a speaker the packs do not know speaks for the body their description names', () => {
  const [a] = statements('A member of the Security and Defense Committee, Ali al-Bandawi, told reporters on Sunday that talks will resume.');
  assert.deepEqual(a && [a.speaker, a.speaker_actor], ['Ali al-Bandawi', 'IRAQ_PARLIAMENT_SECURITY_COMMITTEE']);
  const [b] = statements('Mohammed Mohi, a spokesman for Kataib Hezbollah, said on Sunday that the factions would not stop.');
  assert.deepEqual(b && [b.speaker, b.speaker_actor], ['Mohammed Mohi', 'KATAIB_HEZBOLLAH']);
});

test('stances of presence and negotiation in other words', () => {
  assert.equal(statements('Qais al-Khazali said on Sunday that the presence of American forces "has become an occupation."')[0]?.stance, 'demand_withdrawal');
  assert.equal(statements('Qais al-Khazali said on Sunday that the negotiations are progressing well.')[0]?.stance, 'negotiations_progress');
  assert.equal(statements('Matthew Miller said on Sunday that Washington remains committed to a strong partnership with Iraq.')[0]?.stance, 'support_presence');
});

test('claiming attacks is a claim; not claiming any is none', () => {
  assert.equal(statements('The Islamic Resistance in Iraq said on Sunday it had launched two drone attacks on Eilat.')[0]?.stance, 'claim_responsibility');
  assert.notEqual(statements('Harakat al-Nujaba has not claimed any operation against US forces since Sunday.')[0]?.stance, 'claim_responsibility');
});

test('vows of revenge threaten attacks; preventing escalation supports the truce', () => {
  assert.equal(statements('Kataib Hezbollah vowed on Sunday revenge for the killing of its commander.')[0]?.stance, 'will_attack');
  assert.equal(statements('Nujaba warned on Sunday of a harsh response if the US strikes continued.')[0]?.stance, 'will_attack');
  assert.equal(statements('Prime Minister Mohammed Shia al-Sudani stressed on Sunday the need to prevent any escalation.')[0]?.stance, 'truce_support');
});

test('a one-word name of a known person inside a longer name is not that person', () => {
  const [s] = statements('Harakat al-Nujaba spokesman Hussein al-Moussawi said that the movement is committed to the calm as long as the government keeps its promises.');
  assert.equal(s.speaker_actor, 'NUJABA');
  const mentions = processInput({ source: 'test', name: 'test.txt', format: 'text', raw: 'Ali Hussein al-Moussawi spoke. King Hussein spoke.' }, ctx).annotated.actors;
  assert.deepEqual(mentions.map((a) => a.text), ['Hussein']);
  assert.equal(mentions[0].start, 'Ali Hussein al-Moussawi spoke. King '.length);
});

test('a description in another preposition before the name places the speaker in its body', () => {
  const [s] = statements('For his part, the leader in the Badr Organization, Mohammed Mahdi al-Bayati, said that the American side bears full responsibility for the escalation.');
  assert.equal(s.speaker, 'Mohammed Mahdi al-Bayati');
  assert.equal(s.speaker_actor, 'BADR_ORGANIZATION');
});

test('in reported words, the name before a verb the act continues is its agent, not the speaker', () => {
  const e = processInput({ source: 'test', name: 'test.txt', format: 'text', raw: 'Monday, March 4, 2024\n\nKataib Hezbollah said the Americans began to withdraw from the base.' }, ctx).extraction.events;
  assert.deepEqual(e.map((x) => `${x.type} ${x.source}`), ['RETREAT USA']);
});

test('"the occupation forces" are the forces of the state the article names, and nobody\'s otherwise', () => {
  const named = (raw: string) => processInput({ source: 'test', name: 'test.txt', format: 'text', raw }, ctx).annotated.actors.map((a) => `${a.text}=${a.actorId}`);
  assert.ok(named('Kataib Hezbollah vowed to expel the occupation forces after the US strike on its base.').includes('occupation forces=US_FORCES'));
  assert.ok(!named('The Popular Mobilization Authority held the occupation forces responsible.').some((x) => x.startsWith('occupation forces')));
});

test('a dateline with its country names no speaker; an unnamed Iraqi armed group speaks for the factions', () => {
  const [s] = processInput({ source: 'test', name: 'test.txt', format: 'text', raw: 'ERBIL, Iraq, March 11 (Reuters) - An Iran-backed Iraqi armed group said on Monday it had launched a drone at a U.S. base in Syria.' }, ctx).extraction.statements;
  assert.equal(s.speaker_actor, 'IRAQI_ARMED_FACTIONS');
});

test('stances in translated words: a truce "a thing of the past", a response "coming", a denied connection', () => {
  const list = statements('Akram al-Kaabi announced on Saturday that the "armistice" that the factions had committed to since February "has become a thing of the past". He said that "the response of the resistance is coming". Kataib Hezbollah denied, in a brief statement, that they had any connection to the rocket attack.');
  assert.deepEqual(list.map((s) => s.stance), ['truce_ended', 'will_attack', 'deny_responsibility']);
});

test('a quote first names its speaker after the verb', () => {
  const list = statements('The factions warned that they would resume attacks. "Any procrastination will be met with a response," said Kataib Hezbollah spokesman Jaafar al-Husseini.');
  const s = list.at(-1)!;
  assert.equal(s.speaker_actor, 'KATAIB_HEZBOLLAH');
  assert.equal(s.stance, 'will_attack');
});

test('a group saying it attacked claims the attack; saying it did not carry it out denies it', () => {
  const list = statements('The Islamic Resistance in Iraq said it had targeted the Harir base with drones. Kataib Hezbollah said it did not carry out the attack on the base.');
  assert.deepEqual(list.map((s) => s.stance), ['claim_responsibility', 'deny_responsibility']);
});

test('words said before a trailing speaker are the statement: "…, a security source said, speaking on condition of anonymity"', () => {
  const list = statements([
    'Security forces found the launcher in a truck near the town of al-Baghdadi, a security source said, speaking on condition of anonymity.',
    '"The truce is over," a spokesman for the group, Kadhim al-Fartousi, told Xinhua by phone.',
    'In Baghdad, government spokesman Basim al-Awadi said the strike was a violation of sovereignty.',
  ].join(' '));
  assert.deepEqual(list.map((s) => s.evidence), [
    'Security forces found the launcher in a truck near the town of al-Baghdadi',
    'The truce is over',
    'the strike was a violation of sovereignty.',
  ]);
  assert.equal(list[0].speaker, 'security source');
  assert.equal(list[1].speaker, 'Kazem al-Fartousi');
});

test('a reporting verb with an object of its own is no trailing speaker: "After the strike killed three, the group announced a halt"', () => {
  const list = statements('After the strike killed three of its fighters, Kataib Hezbollah announced a halt to its attacks on American forces.');
  assert.ok(list.every((s) => !/^After the strike/.test(s.evidence)));
});

test('an anonymous source with its description ("an informed source in the Framework") speaks; a quote after the outlet is what was said', () => {
  const list = statements('On Wednesday, an informed source in the Coordination Framework revealed that the factions will resume their operations. The source told Shafaq News Agency, "The factions gave the government a deadline of one week."');
  assert.equal(list.length, 2);
  assert.equal(list[0].speaker, 'informed source');
  assert.equal(list[0].speaker_actor, 'COORDINATION_FRAMEWORK');
  assert.equal(list[0].stance, 'will_attack');
  assert.match(list[1].evidence, /^The factions gave the government/);
});

test('a reporting verb joined by "and" with a clause after it opens a second utterance; a participle does not', () => {
  const list = statements('Kataib Hezbollah on Tuesday denied any involvement in the convoy attack and said it remained committed to the truce.');
  assert.deepEqual(list.map((s) => [s.stance, s.evidence]), [
    ['deny_responsibility', 'any involvement in the convoy attack'],
    ['truce_holding', 'it remained committed to the truce.'],
  ]);
  assert.equal(statements('Kazem al-Fartousi said the position of the factions has been clear and announced from the beginning.').length, 1);
});

test('a passive reporting verb names no speaker: "No injuries were reported", "the first attack claimed by a faction"', () => {
  const list = statements('The attack was the first claimed by an Iraqi faction since February. No injuries were reported, a US defense official said.');
  assert.deepEqual(list.map((s) => [s.speaker, s.evidence]), [['US defense official', 'No injuries were reported']]);
});

test('a name no pack knows speaks after a title or around a quote, for the body the title names', () => {
  const said = (raw: string) => statements(raw).map((s) => [s.speaker, s.speaker_actor, s.evidence]);
  assert.deepEqual(said('Harakat al-Nujaba vowed to keep fighting. "We will not stop," its spokesman Hassan al-Rubaie told Reuters by phone.').at(-1),
    ['Hassan al-Rubaie', 'NUJABA', 'We will not stop']);
  assert.deepEqual(said('"Our patience has limits," said Kataib Hezbollah spokesman Hassan al-Rubaie.'), [['Hassan al-Rubaie', 'KATAIB_HEZBOLLAH', 'Our patience has limits']]);
  assert.deepEqual(said('"Our patience has limits," Hassan al-Rubaie, a member of the group, said.').map((s) => s.slice(0, 1).concat(s.slice(2))),
    [['Hassan al-Rubaie', 'Our patience has limits']]);
  assert.deepEqual(said('Kataib Hezbollah spokesman Hassan al-Rubaie said the group would respond to any attack.'),
    [['Hassan al-Rubaie', 'KATAIB_HEZBOLLAH', 'the group would respond to any attack.']]);
});

test('the speaker of a relative clause is the one who says it, not the person it is about', () => {
  const [s] = statements('The strike killed Abu Baqir al-Saadi, who the officials said was responsible for the group\'s operations in Syria.');
  assert.equal(s.speaker, 'officials');
  assert.equal(statements('A drone strike killed a commander on Wednesday, two Iraqi security officials said.')[0]?.speaker, 'two Iraqi security officials');
});

test('talks said to resume are progress, talks said not to resume are stalled; an adviser or diplomat is an anonymous source', () => {
  const said = (raw: string) => statements(raw).map((s) => [s.speaker, s.stance]);
  assert.deepEqual(said('A government adviser said the talks with Washington would resume next week.'), [['government adviser', 'negotiations_progress']]);
  assert.deepEqual(said('A Western diplomat said the talks will not resume before the elections.'), [['Western diplomat', 'negotiations_stalled']]);
});

test('a participle used as an adjective reports nothing; "welcomed the truce, saying" states support', () => {
  const [a] = statements('A State Department spokesperson declined to comment on the reported arrangement but said Washington would hold Iran responsible for any attack.');
  assert.match(a.evidence, /^Washington would hold/);
  const [b] = statements('Qais al-Khazali welcomed the truce, saying the resistance had given the government a chance.');
  assert.equal(b.stance, 'truce_support');
});

test('"The coordination said", first in its sentence or after a dateline, speaks for the body named before', () => {
  const list = statements('The Coordination of the Iraqi Resistance held a meeting on Sunday. The coordination said in a statement received by the agency that the opportunity given to the government will not be open-ended.');
  assert.deepEqual(list.map((s) => [s.speaker, s.speaker_actor]), [['coordination', 'IRAQI_RESISTANCE_COORDINATION_COMMITTEE']]);
});

test('"It" opening a sentence after no statement speaks for the subject of the sentence before, and acts for it', () => {
  const raw = 'The Iraqi parliament passed a resolution on the withdrawal of foreign forces. It called on the government to implement the resolution.';
  assert.deepEqual(statements(raw).map((s) => s.speaker_actor), ['IRAQ_PARLIAMENT']);
  const events = processInput({ source: 'test', name: 'test.txt', format: 'text', raw: `Monday, March 4, 2024\n\n${raw}` }, ctx).extraction.events;
  assert.deepEqual(events.filter((e) => e.type === 'REQUEST').map((e) => [e.source, e.target]), [[['IRAQ_PARLIAMENT'], ['IRAQ_GOV']]]);
});

test('a reporting verb inside the quote another verb opens is the quoted words; a surname speaks as the full name before', () => {
  const list = statements('The analyst, Ali al-Baidar, told the agency, “The factions announced the truce to give the government a chance.” A member of the Security and Defense Committee, Yasser Iskandar Watout, said the government is working to keep the calm. Watout pointed out that “the negotiations are going well.”');
  assert.deepEqual(list.map((s) => [s.speaker, s.speaker_actor, s.stance]), [
    ['Ali al-Baidar', '', 'other'],
    ['Yasser Iskandar Watout', 'IRAQ_PARLIAMENT_SECURITY_COMMITTEE', 'truce_holding'],
    ['Yasser Iskandar Watout', 'IRAQ_PARLIAMENT_SECURITY_COMMITTEE', 'negotiations_progress'],
  ]);
});

test('a government official or adviser speaks for the government the article is about; "the force" for the Forces named before', () => {
  const list = statements('The Iraqi government said on Sunday it would investigate. A senior government official said the truce is holding. An explosion at the Kalsu base killed a member of the Popular Mobilization Forces. The force said the base had been attacked.');
  assert.deepEqual(list.map((s) => s.speaker_actor), ['IRAQ_GOV', 'IRAQ_GOV', 'PMF']);
});

test('the words said run past a later "and that"; "the coalition\'s presence remains necessary" supports it', () => {
  const [s] = statements('Mohammed Shia al-Sudani said negotiations with Washington were making progress and that a timetable would be announced soon.');
  assert.match(s.evidence, /^negotiations with Washington were making progress and that/);
  const [k] = statements('The Kurdistan Regional Government said on Thursday that the presence of the US-led coalition remained necessary to fight Islamic State remnants.');
  assert.equal(k.stance, 'support_presence');
});

test('"announced on Sunday that its fighters targeted" claims the attack', () => {
  const [s] = statements('The Islamic Resistance in Iraq announced on Sunday that its fighters targeted a vital target in the occupied territories.');
  assert.equal(s?.stance, 'claim_responsibility');
});

test('the words said start after a far "that" only when no verb stands before it; "insisted on staying" reports nothing', () => {
  const [told] = statements('Secretary of State Mike Pompeo warned Iraqi President Barham Salih in a phone call on Sunday that the embassy would be shut down.');
  assert.equal(told.evidence, 'the embassy would be shut down.');
  // "the strikes were a new violation ... that undermined": a relative "that" after a verb is no opener.
  const [relative] = statements('Government spokesman Basim al-Awadi said on Sunday the strikes were a new violation of Iraqi sovereignty that undermined efforts to keep the country stable.');
  assert.match(relative.evidence, /the strikes were a new violation/);
  assert.deepEqual(statements('On Sunday the Americans insisted on staying in Iraq despite the vote.'), []);
});

test('"wrote that" reports words, "wrote to" a letter; a title after a body\'s head word speaks for that body', () => {
  const [wrote] = statements('Abu Ali al-Askari, a security official in Kataib Hezbollah, wrote on Sunday that the halt does not mean the resistance has abandoned its weapons.');
  assert.equal(wrote.speaker_actor, 'KATAIB_HEZBOLLAH');
  assert.match(wrote.evidence, /^the halt does not mean/);
  assert.deepEqual(statements('On Sunday, the Israeli foreign minister wrote to the UN Security Council about the factions.'), []);
  const titled = statements('The international coalition said on Sunday that rockets hit the base. Coalition spokesman Wayne Marotto said in a tweet that 14 rockets were launched.').at(-1)!;
  assert.equal(titled.speaker, 'Wayne Marotto');
  assert.equal(titled.speaker_actor, 'INTL_COALITION');
});

test('a headline clause after a semicolon has its own speaker; a plain noun before the verb speaks ("witnesses said")', () => {
  const found = statements('Hezbollah Brigades suspend attacks; Nujaba says fight goes on\n\nOn Sunday, the base was quiet, witnesses said.');
  assert.deepEqual(found.map((s) => [s.speaker, s.speaker_actor]), [['Nujaba', 'NUJABA'], ['witnesses', '']]);
});

test('a second speaker joined by "and" to the first one\'s words says words of their own', () => {
  const found = statements('On Sunday, Harakat al-Nujaba vowed to respond, and its spokesman Hussein al-Mousawi said the movement will not stop until the last American soldier leaves Iraq.');
  assert.deepEqual(found.map((s) => [s.speaker, s.speaker_actor, s.stance]), [
    ['Harakat al-Nujaba', 'NUJABA', 'will_attack'],
    ['Hussein al-Mousawi', 'NUJABA', 'will_attack'],
  ]);
  assert.equal(found[0].evidence, 'to respond');
  // A pronoun after "and" is the same speaker.
  const same = statements('On Sunday, Kataib Hezbollah said it would respond to any attack, and it said the truce was over.');
  assert.deepEqual([...new Set(same.map((s) => s.speaker_actor))], ['KATAIB_HEZBOLLAH']);
});

test('"According to X, ..." makes the words after the comma X\'s; "the statement" is the one issued just before', () => {
  const [byGroup] = statements('According to a statement by the Islamic Resistance in Iraq, its fighters targeted the Harir base with a drone on Sunday.');
  assert.equal(byGroup.speaker_actor, 'ISLAMIC_RESISTANCE_IN_IRAQ');
  assert.equal(byGroup.stance, 'claim_responsibility');
  assert.match(byGroup.evidence, /^its fighters targeted/);
  const issued = statements('Kataib Hezbollah issued a statement on Sunday. According to the statement, the group will continue its attacks until the occupation leaves.');
  assert.deepEqual(issued.map((s) => [s.speaker_actor, s.stance]), [['KATAIB_HEZBOLLAH', 'will_attack']]);
  const [anon] = statements('According to security sources, the detained men were preparing to launch rockets on Sunday.');
  assert.equal(anon.speaker, 'security sources');
  // A trailing "according to" attributes a fact; it is no statement of a position.
  assert.deepEqual(statements('Two drones targeted the Harir base on Sunday, according to a security source.'), []);
});

test('a speaker named again by surname with a capital article is the one named in full before', () => {
  const found = statements('The leader in Asaib Ahl al-Haq, Saad al-Saadi, told reporters on Monday that the resistance gave the government enough time. Al-Saadi added that the delay is a violation of the understandings.');
  assert.deepEqual(found.map((s) => [s.speaker, s.speaker_actor]), [['Saad al-Saadi', 'ASAIB_AHL_AL_HAQ'], ['Saad al-Saadi', 'ASAIB_AHL_AL_HAQ']]);
});

test('the words said start past the one told, and their own times do not date the saying', () => {
  const [s] = statements('A spokesman for Kataib Hezbollah, Jaafar al-Husseini, told Reuters the group remained committed to the suspension it announced in late January.');
  assert.match(s.evidence, /^the group remained committed/);
  assert.notEqual(s.date, '2024-01');
  // A time right after the verb is the saying's.
  const [dated] = statements('President Donald Trump threatened on Sunday to impose sanctions on Iraq if its troops were forced out.');
  assert.equal(dated.date, '2024-03-03');
});

test('a fragment after a statement continues nothing; a quoted sentence does', () => {
  const frag = statements('On Sunday, credible sources said the talks would resume. “Without warranty.”');
  assert.equal(frag.length, 1);
  const goes = statements('On Sunday, Kataib Hezbollah said the truce was over. “We will resume our operations against the occupation.”');
  assert.equal(goes.length, 2);
});

test('a faction suspending or keeping up its attacks states its position; an aside that announced a halt is no statement', () => {
  const list = statements([
    'Kataib Hezbollah announced that it is suspending "military and security operations" against U.S. forces.',
    'Harakat al-Nujaba said late Tuesday it would keep up its attacks.',
    'The Pentagon said it would still respond. "Actions speak louder than words," Pentagon spokesman Maj. Gen. Pat Ryder told reporters.',
    'The Brigades, which announced a halt to attacks against Americans, commented on the raid, saying, "America has no honour."',
  ].join(' '));
  assert.deepEqual(list.map((s) => `${s.speaker_actor} ${s.stance}`), [
    'KATAIB_HEZBOLLAH truce_holding',
    'NUJABA will_attack',
    'PENTAGON will_attack',
    'PENTAGON other',
    'KATAIB_HEZBOLLAH other',
  ]);
  assert.equal(list[3].speaker, 'Pat Ryder');
  assert.equal(list[3].evidence, 'Actions speak louder than words');
});

test('"which said" speaks for the name it follows; "the leader" for the body "a leader in X" was placed in', () => {
  const list = statements([
    'Rockets fell near Baghdad airport on Sunday, according to a statement by the Security Media Cell, which said that its forces found the launch pad.',
    'The factions have extended the truce, according to a leader in the Coordination Framework.',
    'The leader, who requested anonymity, told the newspaper that "the factions agreed to give the negotiations more time."',
  ].join(' '));
  const cell = list.find((s) => /launch pad/u.test(s.evidence));
  assert.deepEqual([cell?.speaker, cell?.speaker_actor], ['Security Media Cell', 'IRAQ_SECURITY_FORCES']);
  const leader = list.find((s) => /more time/u.test(s.evidence));
  assert.deepEqual([leader?.speaker, leader?.speaker_actor], ['leader', 'COORDINATION_FRAMEWORK']);
});

test('"the minister", "the committee" stand for the last speaker only when they can be that speaker', () => {
  const list = statements([
    'A Kataib Hezbollah commander said the enemy will pay the price.',
    'The minister said the meeting was "positive and constructive."',
    'The committee said the factions "did not sign any commitment to stop the operations."',
    'A government source said the talks were stalled. The source added that the truce holds.',
  ].join(' '));
  assert.deepEqual(list.map((s) => `${s.speaker}/${s.speaker_actor} ${s.stance}`), [
    'Kataib Hezbollah/KATAIB_HEZBOLLAH threaten',
    'minister/ negotiations_progress',
    'committee/ truce_ended',
    'government source/IRAQ_GOV negotiations_stalled',
    'government source/IRAQ_GOV truce_holding',
  ]);
});

test('a name inside a relative clause set off by commas does not speak', () => {
  const [s] = statements('The committee, which includes Kataeb Hizbullah and al-Nujabaa, said in a statement that the factions will resume operations if the occupation stays.');
  assert.equal(s?.speaker, 'committee');
  assert.notEqual(s?.speaker_actor, 'KATAIB_HEZBOLLAH');
});

test('an unnamed source after the verb keeps its description and the body it is placed in', () => {
  const [s] = statements('"Without his intervention, it would have been impossible to convince the Brigades to stop," said a source in one of the Iraqi armed factions, who declined to be named.');
  assert.deepEqual([s?.speaker, s?.speaker_actor], ['source', 'IRAQI_ARMED_FACTIONS']);
});

test('a "that" after the words\' own verb opens no words; a country labelling a headline does not speak', () => {
  const [s] = statements('Kataib Hezbollah said it will respond to the US strike that killed its commander.');
  assert.equal(s?.evidence, 'it will respond to the US strike that killed its commander.');
  const [label] = processInput({ source: 'test', name: 'test.txt', format: 'text', raw: 'Thursday, February 8, 2024\n\nIraq: Kataib Hezbollah says it will respond to the US strike\n\nBody.' }, ctx).extraction.statements;
  assert.equal(label?.speaker_actor, 'KATAIB_HEZBOLLAH');
  const [assured] = statements('Diplomatic sources said Washington had asked for assurances that its forces would not be attacked again.');
  assert.notEqual(assured?.stance, 'claim_responsibility');
});

test('words that say no threat was made are no threat', () => {
  assert.deepEqual(statements('Mike Pompeo said Washington did not threaten to close the embassy.').map((s) => s.stance), ['other']);
  assert.deepEqual(statements('Mike Pompeo threatened to close the embassy.').map((s) => s.stance), ['threaten']);
});

test('stance vocabulary: vows without an attack verb, denials, conditions, a broken calm', () => {
  const stance = (s: string) => statements(s).map((x) => x.stance);
  assert.deepEqual(stance('Kataib Hezbollah said "the American crimes will not pass without punishment."'), ['will_attack']);
  assert.deepEqual(stance('Kataib Sayyid al-Shuhada said his group "has no relation to what happened in Erbil."'), ['deny_responsibility']);
  assert.deepEqual(stance('Harakat al-Nujaba said the truce "is not an eternal commitment."'), ['truce_conditional']);
  assert.deepEqual(stance('Kataib Hezbollah said the American enemy has broken the calm.'), ['truce_ended']);
  assert.deepEqual(stance('Muqtada al-Sadr called on the factions to be patient and not to start military operations.'), ['oppose_attacks']);
  assert.deepEqual(stance('Harakat al-Nujaba said the movement "is not concerned with the decision of the brothers in the Brigades."'), ['truce_reject']);
  assert.deepEqual(stance('Akram al-Kaabi said American interests in Iraq "will not be safe."'), ['threaten']);
  assert.deepEqual(stance('Hadi al-Amiri said the factions renewed their commitment to the truce.'), ['truce_holding']);
  // What the words deny must be an attack: "nothing to do with what happened" says the truce holds, not who attacked.
  assert.deepEqual(stance('A source in the Islamic Resistance in Iraq said the factions "have nothing to do with the targeting of the base."'), ['deny_responsibility']);
});

test('the time of a relative clause about the speaker ("who replaced Muhandis last month") does not date the words', () => {
  const [s] = statements('PMF chief of staff Abu Fadak al-Mohammadawi, who replaced Muhandis last month, said the Hashd reserved the right to respond.');
  assert.equal(s?.date, '2024-03-04', JSON.stringify(s));
});

test('a connective set off by commas is no speaker ("Some lawmakers, however, say")', () => {
  assert.ok(statements('Some lawmakers, however, say the calm is fragile.').every((s) => !/^however$/iu.test(s.speaker)));
  assert.ok(statements('Fuad Hussein condemned the attack in a tweet, and said the attacks must stop.').every((s) => s.speaker !== 'and'));
});

test('a sentence that closes a quote the sentence before left open continues its words', () => {
  const list = statements('Firas al-Yasser said in an interview, "The occupation committed a heinous crime in Jurf al-Nasr. This crime will not pass without punishment, and the Americans will pay dearly."');
  assert.deepEqual(list.map((s) => [s.speaker, s.stance]), [['Firas al-Yasser', 'other'], ['Firas al-Yasser', 'will_attack']]);
});
