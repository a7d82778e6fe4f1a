import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTimes, governingTime } from '../../src/time/index.ts';

const whole = (text: string) => ({ start: 0, end: text.length });

test('a sentence-initial date governs a trigger later in the sentence', () => {
  const text = 'On August 5, the Ain al-Asad base was subjected to a missile attack, for which a new group claimed responsibility.';
  const times = findTimes(text, '2024-08-23');
  assert.equal(governingTime(times, whole(text), text.indexOf('missile attack'), text)?.value, '2024-08-05');
  assert.equal(governingTime(times, whole(text), text.indexOf('claimed'))?.value, '2024-08-05');
});

test('the nearest preceding expression in the same clause wins over an earlier one', () => {
  const text = 'On Saturday, parliament met, and on Sunday the talks resumed in Baghdad.';
  const times = findTimes(text, '2024-02-11');
  assert.equal(times.length, 2);
  assert.equal(governingTime(times, whole(text), text.indexOf('resumed'), text)?.value, '2024-02-11');
  assert.equal(governingTime(times, whole(text), text.indexOf('met'), text)?.value, '2024-02-10');
});

test('an expression after the trigger in the same clause governs it', () => {
  const text = 'He said in a statement issued on Wednesday evening that the truce had ended.';
  const times = findTimes(text, '2024-08-23');
  assert.equal(governingTime(times, whole(text), text.indexOf('statement'), text)?.value, '2024-08-21');
});

test('only the sentence counts; none when it has no expression', () => {
  const text = 'Two days ago, the spokesman spoke. The factions have not yet issued a position.';
  const times = findTimes(text, '2024-08-23');
  const second = { start: text.indexOf('The factions'), end: text.length };
  assert.equal(governingTime(times, second, text.indexOf('issued'), text), null);
  const first = { start: 0, end: text.indexOf('The factions') };
  assert.equal(governingTime(times, first, text.indexOf('spoke'), text)?.value, '2024-08-21');
});

test('an "until ..." after the act tells how long it lasts, not when it happened', () => {
  const text = 'The factions agreed to extend the truce until the end of the year.';
  const times = findTimes(text, '2024-03-04');
  assert.ok(times.some((t) => t.kind === 'until'));
  assert.equal(governingTime(times, whole(text), text.indexOf('agreed'), text), null);
  assert.equal(governingTime(times, whole(text), text.indexOf('agreed')), null);
});

test('a time of another happening or of another noun, outside the act\'s clause, does not date it', () => {
  const after = 'Armed factions have threatened to abandon the truce, after a US drone strike killed four of their members late last month.';
  assert.equal(governingTime(findTimes(after, '2024-08-08'), whole(after), after.indexOf('threatened'), after), null);
  // "hours after" puts both on one day.
  const hours = 'The United States struck three sites, hours after a drone hit the Erbil air base on Monday.';
  assert.equal(governingTime(findTimes(hours, '2023-12-26'), whole(hours), hours.indexOf('struck'), hours)?.value, '2023-12-25');
  const of = 'He warned that if the Americans stayed in defiance of the vote of January, the factions would act.';
  assert.equal(governingTime(findTimes(of, '2020-10-11'), whole(of), of.indexOf('act.'), of), null);
  // The act's own "of": "the attack of January 5".
  const own = 'They condemned the attack of January 5 on the base.';
  assert.equal(governingTime(findTimes(own, '2024-02-11'), whole(own), own.indexOf('attack'), own)?.value, '2024-01-05');
  // A date qualifying a noun after the act is that noun's.
  const noun = 'Earlier this month, security forces arrested several suspects over a Dec. 8 rocket attack on the embassy.';
  assert.equal(governingTime(findTimes(noun, '2023-12-26'), whole(noun), noun.indexOf('arrested'), noun)?.value, '2023-12');
  // A part of the day "of" a date is that date.
  for (const day of ['On the morning of January 8, Iran fired missiles.', 'On the night of January 8, Iran fired missiles.']) {
    assert.equal(governingTime(findTimes(day, '2020-01-09'), whole(day), day.indexOf('fired'), day)?.value, '2020-01-08', day);
  }
});
