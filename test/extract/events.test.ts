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
