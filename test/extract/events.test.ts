// Which words are events: triggers in context, on reports written by the team, through the real pipeline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadContext, processInput } from '../../src/pipeline/run.ts';
import type { EventOut } from '../../src/pipeline/types.ts';

const ctx = loadContext();

function events(raw: string): EventOut[] {
  return processInput({ source: 'test', name: 'test.txt', format: 'text', raw: `Monday, March 4, 2024\n\n${raw}` }, ctx).extraction.events;
}

test('a progressive verb is an event, a bare participle is not', () => {
  assert.deepEqual(events('Kataib Hezbollah is demanding the release of its fighters held in Baghdad.').map((e) => e.type), ['REQUEST']);
  assert.deepEqual(events('Kataib Hezbollah held a rally on Sunday, denouncing the presence of foreign troops.').filter((e) => e.type === 'ACCUSE'), []);
});

test('"X must ..." in reported words is a demand of X by the speaker', () => {
  const [e] = events('On Sunday, Kataib Hezbollah said that US forces must leave Iraq before the end of the year.').filter((x) => x.type === 'REQUEST');
  assert.ok(e);
  assert.deepEqual(e.source, ['KATAIB_HEZBOLLAH']);
  assert.deepEqual(e.target, ['US_FORCES']);
  // A pronoun stands for the last actor named; nobody asking means no demand.
  const [p] = events('The Iraqi government reminded Kataib Hezbollah on Sunday that it must respect the truce.').filter((x) => x.type === 'REQUEST');
  assert.ok(p);
  assert.deepEqual(p.target, ['KATAIB_HEZBOLLAH']);
  assert.deepEqual(events('Rain must fall in the spring.').filter((x) => x.type === 'REQUEST'), []);
});

test('a verb after "to" is an act only after a verb that says how the act stands', () => {
  const sent = events('On Sunday, Iran continued to send weapons to Kataib Hezbollah.');
  assert.ok(sent.some((e) => e.type === 'AID' && e.source.includes('IRN')), JSON.stringify(sent));
  // "agreed to negotiate": the agreement is the act, the negotiation is what was agreed.
  assert.deepEqual(events('On Sunday, Iraq and Iran agreed to negotiate a new border deal.').map((e) => e.type), ['AGREE']);
});

test('a participle used as an adjective is no act', () => {
  assert.deepEqual(events('On Sunday, the ousted president of Iraq met Kataib Hezbollah in Baghdad.').map((e) => e.type), ['CONSULT']);
  assert.deepEqual(events('On Sunday, the Iraqi government condemned the banned faction.').map((e) => e.type), ['ACCUSE']);
});

test('a general-lexicon verb does not swallow a lexicon phrase, and a determiner before adjectives marks a noun', () => {
  assert.deepEqual(events('On Sunday, Iraqi forces captured three Kataib Hezbollah fighters near Baghdad.').map((e) => `${e.type}/${e.mode}`), ['COERCE/arrest']);
  assert.deepEqual(events('Kataib Hezbollah resumed talks with the Iraqi government on Sunday after a two-month break.').map((e) => e.type), ['CONSULT']);
});

test('a speech-act participle right after a noun says what the words do', () => {
  const list = events('On Sunday, Kataib Hezbollah issued a statement demanding the release of its fighters.');
  assert.ok(list.some((e) => e.type === 'REQUEST' && e.source.includes('KATAIB_HEZBOLLAH')), JSON.stringify(list));
});

test('a condition of an act told before it is no act of its own', () => {
  const list = events('On Sunday, Harakat al-Nujaba said it would keep attacking US forces until they leave Iraq.');
  assert.deepEqual(list.map((e) => e.type), ['THREATEN'], JSON.stringify(list));
});

test('a phrase after a catenative verb and "to" is the act ("continued to send arms")', () => {
  const list = events('On Sunday, Iran continued to send arms to Kataib Hezbollah, officials said.');
  assert.ok(list.some((e) => e.type === 'AID' && e.source.includes('IRN')), JSON.stringify(list));
});

test('a general verb that is a noun here leaves its words to a nominal trigger', () => {
  const list = events('On Sunday, supporters of Kataib Hezbollah staged rallies in Baghdad against the government.');
  assert.deepEqual(list.map((e) => e.type), ['PROTEST'], JSON.stringify(list));
});

test('an attack verb takes the mode of the weapon inside it, after it as instrument, or before it as subject', () => {
  const modes = (s: string) => events(s).filter((e) => e.type === 'ASSAULT').map((e) => `${e.trigger}/${e.mode}`);
  assert.deepEqual(modes('Kataib Hezbollah fired three Katyusha rockets at Ain al-Asad air base on Saturday.'), ['fired three Katyusha rockets at/heavy-weapons']);
  // A weapon in the singular arms the verb but is no attack of its own.
  assert.deepEqual(modes('Kataib Hezbollah fired a drone at Ain al-Asad air base on Saturday.'), ['fired a drone at/drone']);
  assert.deepEqual(modes('Kataib Hezbollah attacked Ain al-Asad air base with drones on Saturday.'), ['attacked/drone']);
  assert.deepEqual(modes('Kataib Hezbollah attacked a checkpoint in Kirkuk with a bomb on Saturday.'), ['attacked/explosives']);
  assert.deepEqual(modes('Rockets were fired at Ain al-Asad air base on Saturday.'), ['fired at/heavy-weapons']);
  assert.deepEqual(modes('US jets struck Kataib Hezbollah positions in Al-Qaim on Saturday.'), ['struck/aerial']);
  // Without a weapon the verb keeps its own mode.
  assert.deepEqual(modes('Gunmen opened fire on a checkpoint in Kirkuk on Saturday, killing two policemen.'), ['opened fire/firearms']);
});

test('a phrase of the lexicon wins over a general verb on the same words, and a verb phrase over a noun that begins inside it', () => {
  const [fire] = events('Gunmen opened fire on a checkpoint in Kirkuk on Saturday, killing two policemen.');
  assert.equal(fire?.location, 'Kirkuk');
  assert.equal(fire?.fatalities, 2);
  const truce = events('On Tuesday, Kataib Hezbollah announced the suspension of its military operations against US forces.');
  assert.deepEqual(truce.map((e) => `${e.type} ${e.source} ${e.target}`), ['CONCEDE KATAIB_HEZBOLLAH US_FORCES']);
});

test('a singular noun that modifies another noun names no happening', () => {
  assert.deepEqual(events('The Pentagon sent an attack helicopter squadron to Ain al-Asad air base on Saturday.').filter((e) => e.type === 'ASSAULT'), []);
  assert.deepEqual(events('Kataib Hezbollah said it would widen its drone launches towards Israel.').filter((e) => e.mode === 'drone'), []);
  assert.equal(events('A drone strike killed two fighters near Al-Qaim on Saturday.').filter((e) => e.type === 'ASSAULT').length, 1);
  // A time word after the noun is no noun modified.
  assert.equal(events('A member of parliament started a hunger strike yesterday to protest the arrests.').filter((e) => e.type === 'PROTEST').length, 1);
});

test('each casualty count goes with the nearest word for killed or injured', () => {
  const [e] = events('The Iraqi government said the American strikes on Saturday killed one member of its security forces and injured 18 others.');
  assert.equal(e?.fatalities, 1);
  assert.equal(e?.injured, 18);
  // The day of a date is no count.
  const [dated] = events('A US strike in eastern Baghdad on February 7 killed a senior Kataib Hezbollah commander.');
  assert.ok(dated);
  assert.equal(dated.fatalities, null);
  // A count right after its verb, no noun: "killing at least three and wounding five".
  const bare = (s: string) => events(s).filter((e) => e.type === 'ASSAULT').map((e) => [e.fatalities, e.injured]);
  assert.deepEqual(bare('A drone strike hit a car in Baghdad on Sunday, killing at least three and wounding five.'), [[3, 5]]);
  assert.deepEqual(bare('Rockets hit the base on Sunday, killing one protester and wounding dozens.'), [[1, 'dozens']]);
  assert.deepEqual(bare('The Popular Mobilization Authority said on Sunday that the aggression killed 16 martyrs and wounded 23.'), [[16, 23]]);
});

test('a gerund after "on", "about" or "of" names a topic, not an act', () => {
  assert.deepEqual(events('The factions have not yet issued a unified position on ending the truce with Washington.').filter((e) => e.type === 'REJECT'), []);
  assert.equal(events('Kataib Hezbollah said on Monday it would resume attacks on US forces, ending the truce with Washington.').filter((e) => e.type === 'REJECT').length, 1);
});

test('whoever denies a role in an attack is its denied agent', () => {
  const [e] = events('Kataib Hezbollah denied any role in the attack on the Tower 22 base on Sunday.').filter((x) => x.type === 'ASSAULT');
  assert.equal(e?.status, 'denied');
  assert.deepEqual(e?.source, ['KATAIB_HEZBOLLAH']);
});

test('receiving or hosting an official is a visit', () => {
  const [e] = events('Iraqi Prime Minister Mohammed Shia al-Sudani received a US delegation in Baghdad on Sunday.');
  assert.equal(`${e?.type}/${e?.mode}`, 'CONSULT/visit');
  assert.deepEqual(events('Ain al-Asad air base received a shipment of ammunition on Sunday.').filter((x) => x.type === 'CONSULT'), []);
});

test('a headline and the body telling the same latest news are one event, with the body as evidence', () => {
  const raw = 'Factions threaten to end truce after US strike in Babylon\n\nIraqi armed factions threatened on Saturday to end the truce with the American forces, after a drone strike targeted a headquarters of the Popular Mobilization Forces in Jurf al-Nasr, killing two members.';
  const all = events(raw);
  assert.deepEqual(all.map((e) => `${e.type} ${e.date} ${e.source} ${e.target}`), [
    'THREATEN 2024-03-02 IRAQI_ARMED_FACTIONS US_FORCES',
    'ASSAULT 2024-03-02 USA PMF',
  ]);
  assert.ok(all.every((e) => e.evidence.startsWith('Iraqi armed factions')));
  // A headline names no older happening of the body ("in May" is months before publication).
  const old = events('Rockets hit Baghdad airport\n\nIn May, rockets were fired at Baghdad airport.');
  assert.equal(old.filter((e) => e.type === 'ASSAULT').length, 2);
});

test('an attack noun as the subject of a verb names the agent in its own phrase, never the speaker', () => {
  const [e] = events('The Iraqi government said the American strikes on Saturday killed one member of its security forces and injured 18 others.');
  assert.deepEqual(e && [e.source, e.fatalities, e.injured], [['USA'], 1, 18]);
  // The toll told by a second verb is the same attack.
  assert.equal(events('Three American soldiers were killed and at least 34 others were injured on Sunday when a drone struck Tower 22.').filter((x) => x.type === 'ASSAULT').length, 1);
});

test('the words of a time expression are neither triggers nor cues', () => {
  assert.deepEqual(events('Kataib Hezbollah announced its suspension of operations in February: no attack on American forces has been claimed after March 1, according to a count.').filter((e) => e.type === 'PROTEST'), []);
  assert.deepEqual(events('In May, rockets were fired at Baghdad airport.').map((e) => e.status), ['occurred']);
});

test('an act its own words date after publication has not happened yet', () => {
  assert.deepEqual(events('Talks between Baghdad and Washington resume next week.').map((e) => `${e.type} ${e.status}`), ['CONSULT planned']);
});

test('a bare "the strike" points back to the strike told before; "the assassination of X" may be its own', () => {
  const all = events('A US drone strike hit a headquarters of the Popular Mobilization Forces in Jurf al-Nasr on Saturday. The Iraqi government condemned the strike, and called on the international coalition to respect the agreements.');
  assert.deepEqual(all.filter((e) => e.type === 'ASSAULT').map((e) => `${e.source} ${e.target}`), ['USA PMF']);
  // Commenting on it or looking into its circumstances tells no attack.
  assert.deepEqual(events('US Central Command did not comment on the strike in Jurf al-Nasr on Saturday.').filter((e) => e.type === 'ASSAULT'), []);
});

test('whoever claims responsibility for targeting a place attacked it', () => {
  const [e] = events('Harakat al-Nujaba claimed responsibility on Sunday for targeting the Victory base near Baghdad airport with a drone.');
  assert.deepEqual(e && [e.type, e.mode, e.source, e.location], ['ASSAULT', 'drone', ['NUJABA'], 'Camp Victory (Victory Base Complex)']);
  assert.deepEqual(events('Kataib Hezbollah accused Washington on Sunday of targeting civilians.').filter((x) => x.type === 'ASSAULT'), []);
});

test('a toll "in the strikes" told apart is the toll of those strikes; a passive names its agent only after "by"', () => {
  const all = events('The United States launched retaliatory airstrikes on Friday night against targets in Iraq and Syria. The Iraqi government said 16 people were killed and 25 wounded in the strikes.');
  assert.deepEqual(all.map((e) => `${e.trigger} ${e.source} ${e.fatalities} ${e.injured}`), ['airstrikes USA 16 25']);
});

test('a place in capitals opening a sentence is its dateline, not an actor', () => {
  const [e] = events('BAGHDAD, March 3 (Wire) - The Islamic Resistance in Iraq said on Sunday it had launched two drone attacks on Eilat.');
  assert.deepEqual(e?.source, ['ISLAMIC_RESISTANCE_IN_IRAQ']);
  // So is a place and a spaced dash ("Baghdad - The Security Media Cell announced ...").
  const [arrest] = events('Baghdad - The Security Media Cell announced on Sunday the arrest of three suspects involved in launching rockets at the airport.');
  assert.deepEqual(arrest && [arrest.type, arrest.source], ['COERCE', ['IRAQ_SECURITY_FORCES']]);
});

test('a parliament voting for a resolution that requires the government to act asks it to', () => {
  const [e] = events('The Iraqi parliament voted on Sunday in favour of a resolution requiring the government to end the presence of foreign troops.');
  assert.deepEqual(e && [e.type, e.source, e.target], ['REQUEST', ['IRAQ_PARLIAMENT'], ['IRAQ_GOV']]);
});

test('an undated act before any dated one runs from the first recent happening the article dates to publication', () => {
  const all = events('Kataib Hezbollah has ended its truce with Washington.\n\nRockets struck Ain al-Asad air base on February 25, wounding two soldiers.');
  assert.deepEqual(all.map((e) => `${e.type} ${e.date}`), ['REJECT 2024-02-25/2024-03-04', 'ASSAULT 2024-02-25']);
  // A happening long past is background, not the news the article follows.
  assert.equal(events('Kataib Hezbollah has ended its truce with Washington.\n\nThe group was founded in 2007.')[0]?.date, '2024-03-04');
});

test('capitalised words inside a known name are not an event, nor is "suspected of"', () => {
  const list = events('Last week, Iraqi security forces arrested three men suspected of launching rockets at the base, the Joint Operations Command said. A government source told the Tigris Monitor that talks continue.');
  assert.deepEqual(list.map((e) => e.type), ['COERCE']);
  // The same words in lower case still tell an act.
  assert.deepEqual(events('US forces and the Iraqi army launched a joint operation in Anbar.').map((e) => e.type), ['COOPERATE']);
});

test('a verb whose subject is the attack tells it, even with nobody named, and a place before the verb is not its agent', () => {
  assert.deepEqual(events('The drone attack on the base wounded three soldiers.').map((e) => `${e.type} ${e.mode} ${e.injured}`), ['ASSAULT drone 3']);
  assert.deepEqual(events('US strikes in Iraq killed two fighters.').map((e) => `${e.source} ${e.fatalities}`), ['USA 2']);
  // The attack in a phrase after "after" is not dated by the main clause when a happening the packs know dates it.
  const [e] = events('Iraq\'s parliament voted on Sunday, two days after a US drone strike near Baghdad International Airport killed Qasem Soleimani.').filter((x) => x.type === 'ASSAULT');
  assert.equal(e.date, '2020-01-03');
});

test('a place named after the recipient of an act is no recipient', () => {
  const [e] = events('Kataib Hezbollah announced the resumption of operations against the bases of the occupation in Iraq.').filter((x) => x.type === 'ASSAULT');
  assert.deepEqual(e.target, []);
});

test('a country\'s convoy or patrol is its force', () => {
  assert.deepEqual(events('A roadside bomb struck a US convoy near Nasiriyah on Sunday.').map((e) => `${e.type} ${e.mode} ${e.target}`), ['ASSAULT explosives US_FORCES']);
});

test('"N days after" dates the happening it introduces from the day the sentence tells', () => {
  const list = events('Kataib Hezbollah announced on Saturday a halt to attacks, twelve days after a rocket attack killed five civilians in Baghdad.');
  assert.deepEqual(list.map((e) => `${e.type} ${e.date}`), ['CONCEDE 2024-03-02', 'ASSAULT 2024-02-19']);
});

test('a phrase that opens the sentence, a second place and another happening keep their names from the act', () => {
  // The phrase ends at its comma: the office that proposed is not a target of the strikes.
  const [strikes] = events('On Tuesday, four days after the American strikes on 85 targets in Iraq and Syria, the office of Prime Minister Mohammed Shia al-Sudani proposed a formula for a truce.').filter((e) => e.type === 'ASSAULT');
  assert.deepEqual(strikes.target, []);
  // The victims of the attack the strikes answer are not the strikes' targets.
  const hit = events('The United States hit 85 targets at seven sites in Iraq and Syria on Friday night, its first retaliation for the drone attack that killed three American soldiers in Jordan on January 28.');
  assert.deepEqual(hit.map((e) => `${e.trigger} ${e.source} ${e.target}`), ['hit USA ', 'drone attack  US_FORCES']);
});

test('a toll verb with an attack of its own as subject, and a series over months, are happenings apart', () => {
  const list = events('They stopped after a drone attack killed three U.S. soldiers in Jordan on Jan. 28, and U.S. retaliatory strikes killed a senior Kataib Hezbollah commander in Baghdad on Feb. 7.');
  assert.deepEqual(list.map((e) => `${e.date} ${e.source} ${e.target}`), ['2024-01-28  US_FORCES', '2024-02-07 USA KATAIB_HEZBOLLAH']);
  assert.equal(list[0].fatalities, 3);
  const series = events('The groups carried out more than 170 attacks on U.S. forces between Oct. 17 and Feb. 4. A drone attack killed three U.S. soldiers in Jordan on Jan. 28.');
  assert.equal(series.filter((e) => e.type === 'ASSAULT').length, 2);
});

test('a meeting in the passive with nobody named after "by" is no meeting ("will be met with a response")', () => {
  assert.deepEqual(events('Any procrastination will be met with a response, said Kataib Hezbollah.').filter((e) => e.type === 'AGREE' || e.type === 'CONSULT'), []);
  assert.deepEqual(events('The delegation was met by the Iraqi prime minister on Monday.').map((e) => e.type), ['CONSULT']);
});

test('announcing an agreement or a deal is an agreement', () => {
  assert.deepEqual(events('Iraq and the United States announced Friday an agreement to end the mission of the coalition.').map((e) => `${e.type} ${e.source}`), ['AGREE IRQ,USA']);
});

test('a trailing speaker is cited for the act, neither its agent nor its target', () => {
  const [e] = events('Gunmen attacked a checkpoint near Baiji, the Iraqi Interior Ministry said on Sunday.').filter((x) => x.type === 'ASSAULT');
  assert.ok(e);
  assert.deepEqual([e.source, e.target], [[], []]);
  const [agreed] = events('Kataib Hezbollah and Asaib Ahl al-Haq have agreed to stop attacks, a senior Iraqi official said.').filter((x) => x.type === 'AGREE' || x.type === 'CONCEDE');
  assert.ok(agreed);
  assert.deepEqual(agreed.source.sort(), ['ASAIB_AHL_AL_HAQ', 'KATAIB_HEZBOLLAH']);
  assert.ok(!agreed.target.includes('IRAQ_GOV'));
});

test('a name in a modifier, or a collective described before the name, is not the agent', () => {
  const agents = (raw: string) => events(raw).slice(0, 1).map((e) => e.source.join('+'));
  assert.deepEqual(agents('The Iran-backed militia Kataib Hezbollah fired drones at the base.'), ['KATAIB_HEZBOLLAH']);
  assert.deepEqual(agents('The pro-Iranian faction Asaib Ahl al-Haq condemned the strike.'), ['ASAIB_AHL_AL_HAQ']);
  assert.deepEqual(agents('The Iraqi armed group Harakat Hezbollah al-Nujaba threatened to resume its operations against American forces.'), ['NUJABA']);
});

test("a state's formal protest is a diplomatic disapproval, not a demonstration", () => {
  const types = events("The foreign ministry summoned the US charge d'affaires in Baghdad on Sunday to deliver a formal protest.").map((e) => e.type);
  assert.ok(types.includes('ACCUSE'));
  assert.ok(!types.includes('PROTEST'));
  assert.deepEqual(events('Thousands protested in Baghdad on Sunday against the US presence.').map((e) => e.type), ['PROTEST']);
});

test('people killed with no attack named in their sentence are the toll of the attack just told', () => {
  const list = events('A US drone strike hit a vehicle in eastern Baghdad on Sunday. An Interior Ministry source said three people were killed inside the vehicle.');
  assert.equal(list.filter((e) => e.type === 'ASSAULT').length, 1);
  assert.equal(list[0].fatalities, 3);
  // Two sentences on, or with an attack of its own, the killing is told anew.
  assert.equal(events('Rockets hit the base on Sunday. Talks resumed in Baghdad on Monday. Police said later that three people were killed in a car bombing in Basra on Tuesday.').filter((e) => e.type === 'ASSAULT').length, 2);
});

test('the one a targeted thing belongs to is the target; the evidence leaves out the dateline', () => {
  const list = processInput({ source: 'test', name: 'test.txt', format: 'text',
    raw: 'Convoy hit\n\nBAGHDAD, Tuesday, 14 May 2024 (Rudaw) - A convoy carrying logistical supplies for the international coalition was targeted by an explosive device in Diwaniyah province on Monday evening.' }, ctx).extraction.events;
  const [e] = list.filter((x) => x.type === 'ASSAULT');
  assert.deepEqual(e.target, ['INTL_COALITION']);
  assert.match(e.evidence, /^A convoy carrying/);
  assert.deepEqual(events('The headquarters of the PMF in Jurf al-Sakhar was hit by a drone on Sunday.').map((x) => x.target), [['PMF']]);
});

test('a group claiming "the attack" is the agent the attack told before lacked', () => {
  const list = events('A drone attack hit a base housing US troops in Syria on Friday. The Islamic Resistance in Iraq claimed the attack in a statement.').filter((e) => e.type === 'ASSAULT');
  assert.equal(list.length, 1);
  assert.deepEqual(list[0].source, ['ISLAMIC_RESISTANCE_IN_IRAQ']);
});

test('a dateline with only the agency in brackets is no part of the evidence', () => {
  const [e] = events('BAGHDAD (Wire) - The Islamic Resistance in Iraq said on Sunday it had launched two drone attacks on Eilat.');
  assert.deepEqual(e?.source, ['ISLAMIC_RESISTANCE_IN_IRAQ']);
  assert.match(e?.evidence ?? '', /^The Islamic Resistance/);
});

test('a time among the words said dates what they tell; the same sides meeting twice in a month are one meeting', () => {
  const list = events('The Iraqi government said on Friday that talks between Baghdad and Washington began last January. The first round of dialogue between Baghdad and Washington was held on January 27.');
  assert.deepEqual(list.filter((e) => e.type === 'CONSULT').map((e) => [e.date, e.source.slice().sort()]), [['2024-01-27', ['IRAQ_GOV', 'USA']]]);
  assert.deepEqual(events('On Tuesday, officials said that two rockets hit the base.').map((e) => e.date), ['2024-02-27']);
});

test('an attack told in a clause after "a day after" is its own: agent "U.S.", recipient in its phrase, the day before', () => {
  const list = events('An Iraqi armed faction on Monday announced the end of the truce, a day after a U.S. airstrike on a base of the Popular Mobilization Forces (PMF) south of Baghdad killed four fighters.');
  const attacks = list.filter((e) => e.type === 'ASSAULT');
  assert.deepEqual(attacks.map((e) => [e.source, e.target, e.date]), [[['USA'], ['PMF'], '2024-03-03']]);
  assert.deepEqual(list.find((e) => e.type === 'REJECT')?.source, ['IRAQI_ARMED_FACTIONS']);
});

test('a place not in capitals opens a dateline only with its agency in brackets', () => {
  const [e] = events('Baghdad, March 3 (Wire) -- Kataib Hezbollah said on Sunday it had launched two drone attacks on a US base.');
  assert.deepEqual(e?.source, ['KATAIB_HEZBOLLAH']);
  assert.match(e?.evidence ?? '', /^Kataib Hezbollah said/);
});

test('an act someone was attempting when stopped, in a clause about them, is no act and no part of the act told', () => {
  const list = events('The U.S. military said on Tuesday that it carried out a strike in Jurf al-Sakhar against militants who were attempting to launch attack drones that posed a threat to U.S. forces.');
  assert.deepEqual(list.map((e) => [e.type, e.source, e.target]), [['ASSAULT', ['US_FORCES'], []]]);
});

test('a time expression is no word of a trigger phrase: "agreed on Tuesday to suspend attacks"', () => {
  const [e] = events('Kataib Hezbollah agreed on Sunday to suspend attacks on US forces.');
  assert.deepEqual(e && [e.type, e.trigger, e.date], ['AGREE', 'agreed on Sunday to', '2024-03-03']);
});

test('a crowd demonstrating is a protest with no actor named; a demonstration verb with an object is none', () => {
  assert.deepEqual(events('Hundreds of supporters of the Popular Mobilization Forces demonstrated in Tahrir Square on Sunday.').map((e) => [e.type, e.date]), [['PROTEST', '2024-03-03']]);
  assert.deepEqual(events('The attack on Sunday demonstrated the weakness of the government.').map((e) => e.type), ['ASSAULT']);
});

test('the time in an attack noun\'s relative clause is the attack\'s; "the attack, which took place on Friday" narrows it', () => {
  const list = events('Security forces arrested three suspects early Monday over a rocket attack that targeted the airport late last week. The attack, which took place on Friday night, caused no casualties.');
  assert.deepEqual(list.map((e) => [e.type, e.date]).sort(), [['ASSAULT', '2024-03-01'], ['COERCE', '2024-03-04']]);
});

test('attacks "since October 17" run from then to publication; a truce entered "since February" began then', () => {
  const list = events('US forces in Iraq and Syria have been attacked at least 61 times since February 1. Since the beginning of February, the factions have entered into a truce with the Americans.');
  assert.deepEqual(list.map((e) => [e.type, e.date]), [['ASSAULT', '2024-02-01/2024-03-04'], ['CONCEDE', '2024-02']]);
});

test('firing a missile or rockets, however described, is an attack', () => {
  assert.deepEqual(events('Militants fired a close-range ballistic missile at Ain al-Asad air base on Tuesday.').map((e) => [e.type, e.mode, e.date]), [['ASSAULT', 'heavy-weapons', '2024-02-27']]);
});

test('two attacks told in one sentence at two bases far apart are two attacks', () => {
  const list = events('The Islamic Resistance in Iraq said it targeted the US base at al-Tanf in southern Syria with two drones on Sunday, and struck the Conoco gas field base with rockets hours later.');
  assert.deepEqual(list.map((e) => [e.type, e.source, e.location]), [
    ['ASSAULT', ['ISLAMIC_RESISTANCE_IN_IRAQ'], 'Al-Tanf Garrison'],
    ['ASSAULT', ['ISLAMIC_RESISTANCE_IN_IRAQ'], 'Conoco gas field base'],
  ]);
  // The Victory base complex lies at Baghdad airport: one attack.
  assert.equal(events('Two rockets struck near the Victory base complex at Baghdad airport late on Sunday.').length, 1);
});

test('"warned it would respond to any further attacks" is a threat on a condition', () => {
  assert.deepEqual(events('Washington warned on Sunday it would respond to any further attacks.').map((e) => [e.type, e.status, e.source]), [['THREATEN', 'conditional', ['USA']]]);
});

test('"the first attack since early February" is dated by its own day, not by the lull before it', () => {
  assert.deepEqual(events('Rockets were fired late on Sunday towards a base hosting US forces in Syria, the first attack on American troops since early February.').map((e) => e.date), ['2024-03-03']);
  // Nor by the time of the happening a "since" phrase names.
  const drone = events('On Sunday, the Islamic Resistance in Iraq said it targeted the Ain al-Asad base with two drones, in the first attack of its kind since the announcement of the truce in early February.');
  assert.ok(drone.length > 0);
  assert.ok(drone.every((e) => e.date === '2024-03-03'), JSON.stringify(drone.map((e) => [e.trigger, e.date])));
});

test('rockets that "were fired" are an attack; the dateline\'s agency is no word of an event; "it was first declared" reports nothing', () => {
  const list = events('BAGHDAD, Oct 20 (Tigris Monitor) - The calm was broken on Sunday, when rockets were fired from Zummar towards a US base in Syria.');
  assert.deepEqual(list.map((e) => [e.type, e.date]), [['ASSAULT', '2024-03-03']]);
});

test('"launched a drone at" is an attack of the drone\'s mode; an instrument in commas arms the verb', () => {
  assert.deepEqual(events('Factions launched a drone at the Ain al-Asad base on Sunday evening.').map((e) => [e.type, e.mode]), [['ASSAULT', 'drone']]);
  assert.deepEqual(events('The Islamic Resistance in Iraq said its fighters targeted, with drones, a vital target in Umm al-Rashrash on Sunday.').map((e) => [e.type, e.mode, e.location]),
    [['ASSAULT', 'drone', 'Eilat']]);
});

test('the dateline\'s date dates no happening in its sentence; rockets that "landed" are an attack', () => {
  const list = events('BAGHDAD, March 4 (Wire) - An explosion hit a PMF depot in the Jurf al-Nasr area, 60 km south of Baghdad, on Sunday. Rockets landed near the US embassy in the Green Zone on Saturday.');
  assert.deepEqual(list.map((e) => [e.type, e.date]), [['ASSAULT', '2024-03-03'], ['ASSAULT', '2024-03-02']]);
});

test('a verb pattern whose object is what is halted names no act of that object ("announce halt to attacks")', () => {
  const found = events('Iraqi factions announce conditional halt to attacks on US forces.');
  assert.deepEqual(found.filter((e) => e.type === 'ASSAULT'), [], JSON.stringify(found));
  assert.ok(found.some((e) => e.type === 'CONCEDE'));
});

test('the main clause after a fronted "if" clause has its own subject, and the threat is conditional', () => {
  const said = events('Kataib Hezbollah spokesman Mohammed Mohi told Reuters on Sunday that if the Americans insisted on staying, the armed factions would use all the weapons at their disposal.');
  const use = said.find((e) => e.type === 'THREATEN');
  assert.ok(use, JSON.stringify(said));
  assert.deepEqual(use.source, ['IRAQI_ARMED_FACTIONS']);
  assert.equal(use.status, 'conditional');
  // A pronoun subject is the one who warns, not a name in the clause after; "the vote of January" dates only the vote.
  const warned = events('Kataib Hezbollah spokesman Mohammed Mohi spoke to Reuters on Sunday. He warned that if the Americans insisted on staying in defiance of the parliament\'s vote of January, the factions would use all the weapons at their disposal.')
    .filter((e) => e.type === 'THREATEN');
  assert.ok(warned.length > 0);
  for (const e of warned) {
    assert.ok(!e.source.includes('USA'), JSON.stringify(e));
    assert.equal(e.status, 'conditional');
    assert.notEqual(e.date?.slice(0, 7), '2024-01');
  }
});

test('an attack on a site that hosts foreign forces hits them when no target is named, unless their own side strikes', () => {
  const [hit] = events('On Sunday, two rockets struck the vicinity of the Ain al-Asad air base in Anbar.').filter((e) => e.type === 'ASSAULT');
  assert.ok(hit);
  assert.deepEqual(hit.target, ['US_FORCES']);
  assert.equal(hit.location, 'Ain al-Asad Air Base');
  // "the base of X" names the place, not a place named later in the sentence.
  const [drone] = events('On Sunday, the Islamic Resistance in Iraq targeted the occupation base of Ain al-Assad with two drones, in response to the massacres against our people in Gaza.').filter((e) => e.type === 'ASSAULT');
  assert.ok(drone);
  assert.deepEqual([drone.location, drone.target], ['Ain al-Asad Air Base', ['US_FORCES']]);
  const [own] = events('On Sunday, US aircraft bombed the Ain al-Asad air base.').filter((e) => e.type === 'ASSAULT');
  assert.ok(own);
  assert.deepEqual(own.target, []);
  // "north of Baghdad" places the base; Baghdad is no recipient.
  const [taji] = events('On Sunday, rockets struck Camp Taji, north of Baghdad.').filter((e) => e.type === 'ASSAULT');
  assert.ok(taji);
  assert.ok(!taji.target.includes('IRAQ_GOV'), JSON.stringify(taji));
});

test('a verb phrase holding its own "will" is planned, and a verb form after a determiner or preposition is a noun', () => {
  const [meet] = events('The coordination committee will meet in the coming days.');
  assert.ok(meet, 'a meeting to come');
  assert.equal(meet.status, 'planned');
  const arrested = events('On Sunday, security forces arrested a number of suspects involved in launching rockets at the Victory base.');
  assert.deepEqual(arrested.filter((e) => e.type === 'ACCUSE'), [], JSON.stringify(arrested));
  assert.ok(arrested.some((e) => e.type === 'COERCE'));
});

test('an act dated after publication, by its words or by the happening it names, has not happened yet', () => {
  const raw = 'Wednesday, January 10, 2024\n\nForeign Minister Fuad Hussein said that the first round of talks of the Higher Military Commission would be held within days.';
  const talks = processInput({ source: 'test', name: 'test.txt', format: 'text', raw }, ctx).extraction.events.filter((e) => e.type === 'CONSULT');
  assert.ok(talks.length > 0);
  for (const e of talks) assert.equal(e.status, 'planned', JSON.stringify(e));
});

test('people who protest are no protest of their own: "the killing of protesters"', () => {
  const found = events('On Sunday, the US accused the militia leaders of involvement in the killing of protesters.');
  assert.deepEqual(found.filter((e) => e.type === 'PROTEST'), [], JSON.stringify(found));
});

test('a danger is no threat: "this presence threatens security"', () => {
  const found = events('On Sunday, the deputy said the foreign presence threatens security and stability in Iraq.');
  assert.deepEqual(found.filter((e) => e.type === 'THREATEN'), [], JSON.stringify(found));
  assert.equal(events('On Sunday, Kataib Hezbollah threatened to attack US bases.').filter((e) => e.type === 'THREATEN').length, 1);
  // A modal may stand between, and a coded verb of force is a danger too.
  const harm = events('On Sunday, Qais al-Khazali called on the factions to be patient, warning that "any escalation will harm Iraq before anyone else."');
  assert.deepEqual(harm.filter((e) => e.type === 'THREATEN' || e.type === 'ASSAULT'), [], JSON.stringify(harm));
  assert.equal(events('On Sunday, Kataib Hezbollah said it will harm American interests.').filter((e) => e.type === 'THREATEN').length, 1);
});

test('a sentence going on about the same subject by a pronoun tells the occasion of the sentence before', () => {
  const found = events('Fatah Alliance leader Ali al-Fatlawi said in a statement on Wednesday that the forces are determined to expel American forces. He called on the House of Representatives to intervene.');
  const call = found.find((e) => e.type === 'REQUEST');
  assert.ok(call, JSON.stringify(found));
  assert.equal(call.date, '2024-02-28');
  // A word that moves it in time keeps it apart.
  const later = events('Fatah Alliance leader Ali al-Fatlawi said in a statement on Wednesday that the forces are determined to expel American forces. He later called on the House of Representatives to intervene.')
    .find((e) => e.type === 'REQUEST');
  assert.ok(later);
  assert.notEqual(later.date, '2024-02-28');
});

test('a lull told ("have not carried out any attack since February") is no act; a denied attack is', () => {
  assert.deepEqual(events('The Brigades have not carried out any attack on US forces since February.').filter((e) => e.type === 'ASSAULT'), []);
  const [denied] = events('On Sunday, Kataib Hezbollah denied carrying out the attack on the Victory base.').filter((e) => e.type === 'ASSAULT');
  assert.ok(denied);
  assert.equal(denied.status, 'denied');
});

test('of two well-known happenings a sentence speaks of, each act is dated by the one whose cue is nearest', () => {
  const found = events('The halt began when Kataib Hezbollah announced the suspension of its operations, two days after a drone attack killed three American soldiers in Jordan.');
  const halt = found.find((e) => e.type === 'CONCEDE');
  const attack = found.find((e) => e.type === 'ASSAULT');
  assert.equal(halt?.date, '2024-01-30', JSON.stringify(found));
  assert.equal(attack?.date, '2024-01-28');
});

test('a leading condition is no act; not ruling out and considering an attack threaten it; a saying\'s weekday is past', () => {
  const found = events('If the talks fail, the armed factions will resume attacks on US forces, Kataib Hezbollah said on Sunday.');
  assert.deepEqual(found.map((e) => [e.type, e.status, e.date]), [['THREATEN', 'conditional', '2024-03-03']]);
  const [ruled] = events('On Sunday, Kataib Hezbollah said it does not rule out targeting US bases.');
  assert.equal(ruled?.type, 'THREATEN');
  const [weighed] = events('On Sunday, Washington was considering strikes against the factions.');
  assert.deepEqual([weighed?.type, weighed?.status], ['THREATEN', 'threatened']);
});

test('an act told "according to" a source is attributed to it', () => {
  const [e] = events('On Friday, two drones were shot down near the Ain al-Asad base, according to a security official.');
  assert.ok(e);
  assert.equal(e.attributed_to, 'security official');
});

test('a state of affairs ("is still providing support") is no datable happening', () => {
  assert.deepEqual(events('On Sunday, she said the US Army is still providing support to the Iraqi security forces.').filter((e) => e.type === 'AID'), []);
  assert.equal(events('On Sunday, the US Army began providing support to the Iraqi security forces.').filter((e) => e.type === 'AID').length, 1);
});

test('a happening told in a "who/whom" clause set off by commas takes none of the main clause\'s times', () => {
  const found = events('On Sunday, a drone attack killed three American soldiers in Jordan. Kataib Hezbollah, whom Washington holds responsible for the drone attack on Tower 22, announced on Tuesday that it was suspending its operations.');
  assert.equal(found.find((e) => e.type === 'CONCEDE')?.date, '2024-02-27');
  const told = found.filter((e) => e.type !== 'CONCEDE');
  assert.ok(told.some((e) => e.type === 'ACCUSE'), JSON.stringify(found));
  assert.ok(told.every((e) => e.date !== '2024-02-27'), JSON.stringify(told.map((e) => [e.trigger, e.date])));
});

test('readiness to strike is a threat, and readiness for a threatened act no agreement of its own', () => {
  const ready = events('On Sunday, Kataib Hezbollah said it is ready to attack American bases. Harakat al-Nujaba is prepared to strike the US embassy in Baghdad.');
  assert.deepEqual(ready.map((e) => `${e.type}/${e.mode} ${e.source.join('+')} → ${e.target.join('+')}`), [
    'THREATEN/violence KATAIB_HEZBOLLAH → US_FORCES',
    'THREATEN/violence NUJABA → US_EMBASSY_BAGHDAD',
  ]);
  const resume = events('On Sunday, Abu Alaa al-Walai said that "the resistance is ready to resume its operations at any moment."');
  assert.deepEqual(resume.map((e) => e.type), ['THREATEN'], JSON.stringify(resume));
});

test('"it" after "that" is the body named before; the same side\'s words told twice are one act', () => {
  const [pause] = events('The announcement on Saturday by Kataib Hezbollah that it was suspending operations against US forces was welcomed in Baghdad.').filter((e) => e.type === 'CONCEDE');
  assert.deepEqual(pause?.source, ['KATAIB_HEZBOLLAH']);
  const ended = events([
    'The statements of the Iraqi armed factions continue, confirming that they are no longer in the truce with Washington.',
    'A leader pointed out that the Iraqi armed factions "ended this truce, after procrastination by America."',
  ].join(' ')).filter((e) => e.type === 'REJECT');
  assert.equal(ended.length, 1, JSON.stringify(ended));
  assert.deepEqual(ended[0].source, ['IRAQI_ARMED_FACTIONS']);
});

test('a weapon that landed or crashed, with no verb of attack, is the attack', () => {
  const [rocket] = events('On Friday, a rocket landed in an open field near the Harir base.');
  assert.deepEqual(rocket && [rocket.type, rocket.mode, rocket.target, rocket.date], ['ASSAULT', 'heavy-weapons', ['US_FORCES'], '2024-03-01']);
  const fell = events('On Friday, a rocket fell near the Harir base.');
  assert.equal(fell.length, 1, JSON.stringify(fell));
  assert.deepEqual(events('The plane landed in Baghdad on Friday.'), []);
});

test('a relative clause after an attack noun\'s phrase tells that attack again', () => {
  const found = events('Kataib Hezbollah announced on 30 January the suspension of its military operations against the American forces, after the attack on the Tower 22 base in Jordan which killed three American soldiers.');
  assert.equal(found.filter((e) => e.type === 'ASSAULT').length, 1, JSON.stringify(found));
});

test('a promised response is a threat, not an agreement', () => {
  const found = events('On Sunday, Biden promised a response "at a time and place of our choosing".');
  assert.deepEqual(found.map((e) => `${e.type}/${e.mode} ${e.status}`), ['THREATEN/violence threatened']);
});

test('forces that are deployed somewhere are no deployment that happened', () => {
  const found = events('About 2,500 US troops are deployed in Iraq. The Pentagon deployed more troops to the region on Sunday.');
  assert.deepEqual(found.map((e) => `${e.type} ${e.date}`), ['MOBILIZE 2024-03-03']);
});

test('"at the time" is the day of the happening told before', () => {
  const found = events('A US strike in eastern Baghdad on February 7 killed a senior Kataib Hezbollah commander. The prime minister\'s office condemned the strike at the time.');
  const condemned = found.find((e) => e.type === 'ACCUSE');
  assert.equal(condemned?.date, '2024-02-07', JSON.stringify(found));
});

test('"48 hours after the attack" counts two days from the happening before', () => {
  const found = events('Kataib Hezbollah attacked a US base in Syria on February 20. 48 hours after the attack, the Pentagon struck back.');
  assert.deepEqual(found.map((e) => e.date), ['2024-02-20', '2024-02-22']);
});

test('"the base", "the airport" after an attack is the last site of that kind named before', () => {
  const found = events('A drone hit the Ain al-Asad air base last month. On Saturday, a drone targeted the base again.');
  const saturday = found.find((e) => e.date === '2024-03-02');
  assert.deepEqual(saturday && [saturday.location, saturday.target], ['Ain al-Asad Air Base', ['US_FORCES']]);
});

test('"no one was hurt" tells a toll of nobody, not an act', () => {
  for (const s of ['On Sunday, the Iraqi army said no one was hurt in the attack.', 'On Sunday, a rocket hit the base. No US personnel were injured, the Pentagon said.',
    'On Sunday, Trump said "no Americans were harmed" in the attack.', 'On Sunday, a drone was destroyed and there were no injuries to coalition personnel.']) {
    const found = events(s);
    assert.deepEqual(found.filter((e) => e.type === 'ASSAULT' && e.status === 'denied'), [], JSON.stringify(found));
    assert.ok(found.every((e) => e.type !== 'ASSAULT' || e.source.length === 0), JSON.stringify(found));
  }
});

test('the dateline\'s place is where the report was filed: no actor, no location', () => {
  const raw = 'BAGHDAD, 6 May 2025 — Talks between the Iraqi government and the armed factions made progress on Monday, the minister said.';
  const { extraction } = processInput({ source: 'test', name: 'test.txt', format: 'text', raw }, ctx);
  const talks = extraction.events.find((e) => e.type === 'CONSULT');
  assert.ok(talks, JSON.stringify(extraction.events));
  assert.equal(talks.location, '');
  assert.ok(!extraction.places.some((p) => p.surface.includes('BAGHDAD')), JSON.stringify(extraction.places));
});

test('a threat not made is none: "did not threaten further military action"', () => {
  const found = events('On Monday, Trump announced sanctions on Tehran but did not threaten further military action.');
  assert.deepEqual(found.filter((e) => e.type === 'THREATEN'), [], JSON.stringify(found));
  // A threat after "but" stands.
  assert.equal(events('On Monday, the White House said the United States did not seek a wider war but would respond.').filter((e) => e.type === 'THREATEN').length, 1);
});

test('"struck a softer tone" strikes nobody', () => {
  assert.deepEqual(events('On Sunday, Qais al-Khazali struck a softer tone, saying the factions would respect the state.').filter((e) => e.type === 'ASSAULT'), []);
  assert.equal(events('On Sunday, a drone struck a base in Erbil.').filter((e) => e.type === 'ASSAULT').length, 1);
});

test('a close spelling of a place that is exactly an actor\'s name is that actor, not the place', () => {
  const raw = 'BAGHDAD, Monday, March 4, 2024 — A Kataib Hezbollah spokesman told Al Mayadeen that the killing of Soleimani would be avenged. Rockets hit Sulaymaniyah.';
  const { annotated } = processInput({ source: 'test', name: 'test.txt', format: 'text', raw }, ctx);
  assert.deepEqual(annotated.places.map((p) => p.text), ['Sulaymaniyah']);
  assert.ok(annotated.actors.some((a) => a.text === 'Al Mayadeen'));
});

test('one sentence\'s two triggers for one act, one of them with nobody named, are one event', () => {
  const found = events('On Sunday, the Jan. 3 strike also killed eight other people, including members of Kataib Hezbollah.').filter((e) => e.type === 'ASSAULT');
  assert.equal(found.length, 1, JSON.stringify(found));
  // Two happenings told in one sentence stay two.
  const two = events('On Sunday, the United States struck three sites, hours after a drone hit the Erbil air base.').filter((e) => e.type === 'ASSAULT');
  assert.equal(two.length, 2, JSON.stringify(two));
});

test('a target named as the subject of a passive "hit" is the target', () => {
  const [hit] = events('On Monday, two Kataib Hezbollah facilities were hit.').filter((e) => e.type === 'ASSAULT');
  assert.deepEqual([hit?.source, hit?.target], [[], ['KATAIB_HEZBOLLAH']], JSON.stringify(hit));
});

test('a surname alone is the person only after nothing, an article or a title; after another given name it is someone else', () => {
  const raw = 'BAGHDAD, Monday, March 4, 2024 — Abu Baqir al-Saadi was killed in February. Saad al-Saadi, a leader in the movement, spoke. '
    + 'A group calling itself Saraya Thar al-Muhandis claimed it. Commander al-Saadi was praised. Fuad Hussein met them. Hussein said so.';
  const { annotated } = processInput({ source: 'test', name: 'test.txt', format: 'text', raw }, ctx);
  const at = (text: string) => annotated.actors.filter((a) => a.text === text).map((a) => a.actorId);
  assert.deepEqual(at('al-Saadi'), ['ABU_BAQIR_AL_SAADI'], 'only "Commander al-Saadi"');
  assert.deepEqual(at('al-Muhandis'), []);
  assert.deepEqual(at('Hussein'), ['FUAD_HUSSEIN']);
});
