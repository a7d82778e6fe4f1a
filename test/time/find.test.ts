import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTimes } from '../../src/time/index.ts';

/** The one expression overlapping `expr` in `text`, as [value, precision, kind]. */
function resolve(text: string, expr: string, ref: string | null): [string, string, string] | null {
  const at = text.indexOf(expr);
  assert.ok(at >= 0, `"${expr}" not in "${text}"`);
  const m = findTimes(text, ref).find((t) => t.start < at + expr.length && at < t.end);
  return m ? [m.value, m.precision, m.kind] : null;
}

test('offsets point at the expression in the given text', () => {
  const text = 'Officials said that on August 5, the base was hit.';
  const [m] = findTimes(text, '2024-08-23');
  assert.equal(text.slice(m.start, m.end), m.text);
  assert.match(m.text, /August 5/);
});

test('past bias: a day or month later in the year than the reference is last year', () => {
  assert.deepEqual(resolve('On August 5, the base was hit.', 'August 5', '2024-08-23'), ['2024-08-05', 'day', 'point']);
  assert.deepEqual(resolve('On December 14, they met.', 'December 14', '2024-02-11'), ['2023-12-14', 'day', 'point']);
  assert.deepEqual(resolve('The talks began in October.', 'October', '2024-08-23'), ['2023-10', 'month', 'point']);
  assert.deepEqual(resolve('The attack took place on the 28th.', 'the 28th', '2024-08-23'), ['2024-07-28', 'day', 'point']);
});

test('future grammar resolves forward', () => {
  assert.deepEqual(resolve('The committee will meet on December 14.', 'December 14', '2024-02-11'), ['2024-12-14', 'day', 'point']);
  assert.deepEqual(resolve('Elections are scheduled for October 10.', 'October 10', '2021-07-07'), ['2021-10-10', 'day', 'point']);
  assert.deepEqual(resolve('The talks will continue on Monday.', 'on Monday', '2025-03-01'), ['2025-03-03', 'day', 'point']);
  assert.deepEqual(resolve('They will leave by the end of the year.', 'by the end of the year', '2021-07-07'), ['2021', 'year', 'until']);
  assert.deepEqual(resolve('Parliament will vote next week.', 'next week', '2024-10-07'), ['2024-10-14/2024-10-20', 'week', 'point']);
});

test('parts of periods keep the period at its precision', () => {
  assert.deepEqual(resolve('It happened in late January.', 'late January', '2024-08-23'), ['2024-01', 'month', 'point']);
  assert.deepEqual(resolve('Attacks since mid-October.', 'since mid-October', '2024-08-23'), ['2023-10', 'month', 'since']);
  assert.deepEqual(resolve('Since the beginning of last February, calm.', 'Since the beginning of last February', '2024-08-23'), ['2024-02', 'month', 'since']);
  assert.deepEqual(resolve('Since the beginning of last February, calm.', 'Since the beginning of last February', '2024-02-11'), ['2023-02', 'month', 'since']);
  assert.deepEqual(resolve('It was agreed in mid-2021.', 'mid-2021', null), ['2021', 'year', 'point']);
  assert.deepEqual(resolve('Rockets fell late last month.', 'late last month', '2024-01-15'), ['2023-12', 'month', 'point']);
});

test('last / this / next periods, weeks as Monday to Sunday', () => {
  assert.deepEqual(resolve('Strikes last week.', 'last week', '2024-02-11'), ['2024-01-29/2024-02-04', 'week', 'point']);
  assert.deepEqual(resolve('Three attacks this month.', 'this month', '2025-05-09'), ['2025-05', 'month', 'point']);
  assert.deepEqual(resolve('The drone strikes began last October.', 'last October', '2023-10-19'), ['2022-10', 'month', 'point']);
  assert.deepEqual(resolve('Oil fell last year.', 'last year', '2020-01-05'), ['2019', 'year', 'point']);
  assert.deepEqual(resolve('The attacks started last summer.', 'last summer', '2024-08-23'), ['2023-06/2023-08', 'season', 'point']);
});

test('weekdays in past narrative, and "last night, Wednesday" as one expression', () => {
  assert.deepEqual(resolve('On Sunday, talks resumed.', 'On Sunday', '2024-02-11'), ['2024-02-11', 'day', 'point']);
  assert.deepEqual(resolve('On Saturday, parliament met.', 'On Saturday', '2024-02-11'), ['2024-02-10', 'day', 'point']);
  assert.deepEqual(resolve('a statement issued on Wednesday evening', 'Wednesday evening', '2024-08-23'), ['2024-08-21', 'day', 'point']);
  assert.deepEqual(resolve('They met last Friday.', 'last Friday', '2021-11-20'), ['2021-11-19', 'day', 'point']);
  const text = 'the coordination stated, last night, Wednesday, that it held a meeting';
  const times = findTimes(text, '2024-06-20');
  assert.equal(times.length, 1);
  assert.equal(times[0].text, 'last night, Wednesday');
  assert.equal(times[0].value, '2024-06-19');
});

test('casual days and "ago"', () => {
  assert.deepEqual(resolve('Two days ago, he said', 'Two days ago', '2024-08-23'), ['2024-08-21', 'day', 'point']);
  assert.deepEqual(resolve('It happened yesterday.', 'yesterday', '2022-09-03'), ['2022-09-02', 'day', 'point']);
  assert.deepEqual(resolve('It struck last night.', 'last night', '2024-01-15'), ['2024-01-14', 'day', 'point']);
  assert.deepEqual(resolve('given more than four months ago.', 'more than four months ago', '2024-06-20'), ['2024-02', 'month', 'point']);
  assert.deepEqual(resolve('about a week ago, strikes', 'about a week ago', '2024-02-11'), ['2024-01-29/2024-02-04', 'week', 'point']);
  assert.deepEqual(resolve('The protests began three years ago.', 'three years ago', '2021-02-15'), ['2018', 'year', 'point']);
});

test('spans and durations', () => {
  assert.deepEqual(resolve('attacks over the past three months', 'over the past three months', '2024-08-23'), ['2024-05-23/2024-08-23', 'month', 'interval']);
  assert.deepEqual(resolve('in Iraq for more than five months, as', 'for more than five months', '2024-06-20'), ['2024-01-20/2024-06-20', 'month', 'duration']);
  assert.deepEqual(resolve('The political deadlock has lasted more than ten months.', 'more than ten months', '2022-09-03'), ['2021-11-03/2022-09-03', 'month', 'duration']);
  assert.deepEqual(resolve('The truce will be extended for 60 days.', 'for 60 days', '2025-01-27'), ['2025-01-27/2025-03-28', 'day', 'duration']);
  assert.deepEqual(resolve('Talks ran from 5 to 10 February.', 'from 5 to 10 February', '2024-08-23'), ['2024-02-05/2024-02-10', 'day', 'interval']);
  assert.deepEqual(resolve('It peaked between January and March.', 'between January and March', '2021-11-20'), ['2021-01/2021-03', 'month', 'interval']);
  // Each end is put in the past alone; the interval still runs forward ("between January and March" in February).
  assert.deepEqual(resolve('Talks were held between January and March.', 'between January and March', '2024-02-14'), ['2024-01/2024-03', 'month', 'interval']);
  assert.deepEqual(resolve('Talks were held between November and January.', 'between November and January', '2024-02-14'), ['2023-11/2024-01', 'month', 'interval']);
  // A week-long escalation is no duration, and "the past years" names no length.
  assert.equal(resolve('after a week-long escalation', 'week', '2024-02-11'), null);
  assert.equal(resolve('operations over the past years', 'past years', '2024-02-11'), null);
});

test('years only after a preposition', () => {
  assert.deepEqual(resolve('The coalition has been in Iraq since 2014.', 'since 2014', '2024-06-20'), ['2014', 'year', 'since']);
  assert.deepEqual(resolve('The invasion in 2003 toppled Saddam.', 'in 2003', null), ['2003', 'year', 'point']);
  assert.deepEqual(resolve('from 2014 to 2017', 'from 2014 to 2017', null), ['2014/2017', 'year', 'interval']);
  assert.deepEqual(findTimes('Parliament passed Resolution No. 2020 on the withdrawal.', '2024-02-11'), []);
  assert.deepEqual(findTimes('The 2021 elections were marred by low turnout.', '2024-02-11'), []);
  assert.deepEqual(resolve('The Mosul offensive in 2016-17 displaced a million people.', '2016-17', null), ['2016/2017', 'year', 'interval']);
});

test('month names that are common words count only when capitalised', () => {
  assert.deepEqual(findTimes('Protesters plan to march on Baghdad. The US may strike again.', '2024-08-23'), []);
  assert.deepEqual(resolve('Exports averaged 3.3 million barrels per day in May.', 'May', '2024-08-23'), ['2024-05', 'month', 'point']);
  // A sentence's full stop is not an abbreviation's: the expression ends at the month.
  assert.equal(findTimes('at least 102 attacks since mid-October.', '2024-01-15')[0].text, 'since mid-October');
  assert.deepEqual(resolve('killed the commander on Feb. 7.', 'Feb. 7', '2024-02-11'), ['2024-02-07', 'day', 'point']);
});

test('anchoring to the previous dated happening', () => {
  const text = 'On August 5, the base was hit by missiles. Two days later, five people were arrested.';
  assert.deepEqual(resolve(text, 'Two days later', '2024-08-23'), ['2024-08-07', 'day', 'point']);
  assert.deepEqual(resolve('Rockets struck on March 3. The next day, a contractor died.', 'The next day', '2021-03-05'), ['2021-03-04', 'day', 'point']);
  assert.deepEqual(resolve('The results came on 16 October. Three days earlier, they protested.', 'Three days earlier', '2021-11-20'), ['2021-10-13', 'day', 'point']);
  // Nothing dated before it: not guessed from the reference day (chrono alone says ref + 2).
  assert.equal(resolve('Two days later, the Iraqi authorities announced arrests.', 'Two days later', '2024-08-23'), null);
  // Landing after publication in a past clause means the anchor was not the happening meant.
  assert.equal(resolve('On Sunday, talks resumed. A day after this announcement, Washington launched a strike.', 'A day after', '2024-02-11'), null);
});

test('without a reference day only absolute expressions resolve', () => {
  const text = 'On August 5 and two days ago, and on 5 March 2021, and in February 2024, and last week.';
  assert.deepEqual(findTimes(text, null).map((t) => t.value), ['2021-03-05', '2024-02']);
});

test('a malformed reference day is an error naming it', () => {
  assert.throws(() => findTimes('On Sunday', '2024-13-01'), /reference date "2024-13-01" is not an ISO day/);
  assert.throws(() => findTimes('On Sunday', 'yesterday'), /"yesterday"/);
});

test('a numeric date that reads both ways: a weekday decides, else the reading nearest before the reference day', () => {
  assert.deepEqual(resolve('The base was hit on 05/02/2024.', '05/02/2024', '2024-02-14'), ['2024-02-05', 'day', 'point']);
  assert.deepEqual(resolve('The base was hit on 13/2/2024.', '13/2/2024', '2024-02-14'), ['2024-02-13', 'day', 'point']);
  assert.deepEqual(resolve('The base was hit on Tuesday, 2/1/2024.', '2/1/2024', '2024-02-14'), ['2024-01-02', 'day', 'point']);
  assert.deepEqual(resolve('The base was hit on Thursday, 2/1/2024.', '2/1/2024', '2024-02-14'), ['2024-02-01', 'day', 'point']);
});

test('the coming days and recent weeks are a few of them', () => {
  assert.deepEqual(resolve('The committee will meet in the coming days.', 'in the coming days', '2024-02-14'), ['2024-02-14/2024-02-18', 'day', 'interval']);
  assert.deepEqual(resolve('Attacks rose in recent weeks.', 'in recent weeks', '2024-02-14'), ['2024-01-17/2024-02-14', 'week', 'interval']);
  // "the next day" counts from another happening; "the past years" names no length.
  assert.equal(resolve('Talks resumed the next day.', 'the next day', '2024-02-14'), null);
  assert.equal(resolve('It grew over the past years.', 'over the past years', '2024-02-14'), null);
});

test('a future in reported words after the date does not make the date future', () => {
  assert.deepEqual(resolve('The committee announced, in a statement on Sunday evening, that the factions "will resume their operations."', 'on Sunday evening', '2024-02-26'), ['2024-02-25', 'day', 'point']);
  assert.deepEqual(resolve('On Sunday, the factions will hold a rally.', 'On Sunday', '2024-02-26'), ['2024-03-03', 'day', 'point']);
  // Nor does a second verb joined by "and".
  assert.deepEqual(resolve('Talks began on Jan. 27 and are expected to resume next week.', 'on Jan. 27', '2024-03-04'), ['2024-01-27', 'day', 'point']);
  assert.deepEqual(resolve('Talks on Jan. 27 will decide the date.', 'on Jan. 27', '2024-03-04'), ['2025-01-27', 'day', 'point']);
  // Nor does a quote before it.
  assert.deepEqual(resolve('"Any violation will be met with a response," a commander said on Wednesday.', 'on Wednesday', '2024-03-14'), ['2024-03-13', 'day', 'point']);
});

test('an ordinal day of a month named relative to the reference day', () => {
  assert.deepEqual(resolve('The talks will resume on the 15th of this month.', 'the 15th of this month', '2024-02-14'), ['2024-02-15', 'day', 'point']);
  assert.deepEqual(resolve('The talks began on the 5th of last month.', 'the 5th of last month', '2024-02-14'), ['2024-01-05', 'day', 'point']);
  assert.deepEqual(resolve('The committee met on the third of this month.', 'the third of this month', '2024-02-14'), ['2024-02-03', 'day', 'point']);
  // A part of the day of an ordinal day.
  assert.deepEqual(resolve('Qaani arrived on the evening of the 12th.', 'the 12th', '2025-03-27'), ['2025-03-12', 'day', 'point']);
  assert.deepEqual(findTimes('He commands the 5th fleet.', '2025-03-27'), []);
});

test('a numeric date that reads both ways, with no reference day, reads the day first unless a weekday says otherwise', () => {
  assert.deepEqual(findTimes('Al-Maalouma - 8/3/2024', null).map((t) => t.value), ['2024-03-08']);
  assert.deepEqual(findTimes('Saturday, 8/3/2024', null).map((t) => t.value), ['2024-08-03']);
  // A clock time after it changes nothing.
  assert.deepEqual(findTimes('Kurdistan24 · 05/12/2023 09:14', null).map((t) => t.value), ['2023-12-05']);
});

test('"N days after" is a distance in days from the day the sentence tells', async () => {
  const { offsetDays } = await import('../../src/time/index.ts');
  assert.equal(offsetDays('voted on Sunday, two days ', 'after a strike'), -2);
  assert.equal(offsetDays('a week ', 'before the vote'), 7);
  assert.equal(offsetDays('hours ', 'after the attack'), null);
  assert.equal(offsetDays('two hours ', 'after the attack'), 0);
  assert.equal(offsetDays('several days ', 'after the attack'), null);
  assert.equal(offsetDays('two days ', 'since the attack'), null);
});

test('"hours later", "minutes earlier": the day of the happening told before', () => {
  const text = 'A convoy was hit on Monday evening. Hours later, rockets fell near the airport. Minutes earlier, a drone was seen.';
  assert.deepEqual(resolve(text, 'Hours later', '2024-05-14'), ['2024-05-13', 'day', 'point']);
  assert.deepEqual(resolve(text, 'Minutes earlier', '2024-05-14'), ['2024-05-13', 'day', 'point']);
  assert.deepEqual(resolve('The base was hit on May 10. 36 hours later, the group claimed it.', '36 hours later', '2024-05-14'), ['2024-05-12', 'day', 'point']);
});

test('"fall" is a season only when named as one: not "rockets fall", "the fall of Mosul"', () => {
  assert.equal(resolve('Rockets fall near the airport every week.', 'fall', '2024-05-14'), null);
  assert.equal(resolve('The Security Media Cell announced the fall of two rockets.', 'the fall', '2024-05-14'), null);
  assert.equal(resolve('It was the first attack since the fall of the regime.', 'the fall', '2024-05-14'), null);
  assert.deepEqual(resolve('The talks began last fall.', 'last fall', '2024-05-14'), ['2023-09/2023-11', 'season', 'point']);
  assert.deepEqual(resolve('The talks began in the fall of 2022.', 'the fall of 2022', '2024-05-14'), ['2022-09/2022-11', 'season', 'point']);
});

test('"hours later" counts from a happening\'s day, never from a "since" bound', () => {
  const times = findTimes('Ryder said on Friday that US forces had been attacked 38 times since October 17. Hours later, a drone targeted the base.', '2023-11-04');
  const later = times.find((t) => /Hours later/u.test(t.text));
  assert.equal(later?.value, '2023-11-03');
});

test('"the night of Wednesday-Thursday" is the nearest such night, both its days', () => {
  assert.deepEqual(resolve('Rockets fell on the base on the night of Wednesday-Thursday.', 'night of Wednesday-Thursday', '2024-08-23'), ['2024-08-21/2024-08-22', 'day', 'point']);
  assert.deepEqual(resolve('Drones struck late on the night of Saturday to Sunday.', 'Saturday to Sunday', '2024-08-23'), ['2024-08-17/2024-08-18', 'day', 'point']);
  // Told on its first day, the night has not ended: the week before's.
  assert.deepEqual(resolve('The attack came on the night between Friday and Saturday.', 'Friday and Saturday', '2024-08-23'), ['2024-08-16/2024-08-17', 'day', 'point']);
  // Days that do not follow each other are no night.
  assert.notDeepEqual(resolve('It happened on the night of Monday-Wednesday.', 'Monday', '2024-08-23'), ['2024-08-19/2024-08-20', 'day', 'point']);
});

test('"Today" in a name ("Baghdad Today reported", "USA Today") is no date; "Today, the factions met" is', () => {
  const text = 'The meeting was held, Baghdad Today reported. USA Today said so. Today, the factions met.';
  assert.deepEqual(findTimes(text, '2025-02-11').map((t) => [t.text, t.start]), [['Today', text.lastIndexOf('Today')]]);
});
