import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { datelineLeadIn, resolvePublished } from '../../src/time/index.ts';
import type { ActorMention, Span } from '../../src/pipeline/types.ts';
import type { ReferenceEvent } from '../../src/knowledge/types.ts';

const DIR = new URL('../../../shared/corpus/articles/', import.meta.url);
const article = (prefix: string): string => {
  const name = readdirSync(DIR).find((f) => f.startsWith(prefix));
  assert.ok(name, `no article ${prefix}`);
  return readFileSync(new URL(name, DIR), 'utf8');
};

/** Sentences as the stretches between stops and line breaks (the real splitter is another stage's). */
function sentences(text: string): Span[] {
  return [...text.matchAll(/[^.!?\n]+[.!?]*/g)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

/** Actor mentions by plain string search of a person's names (the real matcher is another stage's). */
function mentions(text: string, actorId: string, names: string[]): ActorMention[] {
  const out: ActorMention[] = [];
  for (const name of names) {
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
      out.push({ text: name, start: i, end: i + name.length, actorId, via: 'alias', score: 1 });
    }
  }
  return out;
}

const SAADI: ReferenceEvent = {
  id: 'KILLING_OF_ABU_BAQIR_AL_SAADI', name: 'US strike in Baghdad kills Abu Baqir al-Saadi', date: '2024-02-07',
  actors: ['ABU_BAQIR_AL_SAADI'], cues: ['killing', 'killed', 'assassination', 'assassinated', 'strike'], types: ['ASSAULT'], pack: 'test',
};

function published(text: string, extra: { metaPublished?: string; events?: ReferenceEvent[] } = {}) {
  return resolvePublished({
    text, metaPublished: extra.metaPublished, sentences: sentences(text),
    actors: mentions(text, 'ABU_BAQIR_AL_SAADI', ['Abu Bakr al-Saadi', 'Abu Baqir al-Saadi']), referenceEvents: extra.events ?? [SAADI],
  });
}

test('article 000: dateline at the top', () => {
  const p = published(article('000'));
  assert.equal(p.value, '2024-08-23');
  assert.equal(p.precision, 'day');
  assert.match(p.basis, /dateline/);
});

test('article 001: dateline at the top', () => {
  assert.deepEqual([published(article('001')).value, published(article('001')).precision], ['2024-06-20', 'day']);
});

test('article 002 (undated): the reference event and "On Sunday" give Sunday or the next day', () => {
  const p = published(article('002'));
  assert.equal(p.value, '2024-02-11/2024-02-12');
  assert.equal(p.precision, 'day');
  assert.match(p.basis, /KILLING_OF_ABU_BAQIR_AL_SAADI.*2024-02-07.*On Sunday/);
});

test('article 002 without the reference event has no basis for a date', () => {
  const p = published(article('002'), { events: [] });
  assert.deepEqual(p, { value: null, precision: null, basis: 'no date in text or metadata' });
});

test('valid metadata wins; invalid metadata falls through to the text', () => {
  const text = article('000');
  assert.equal(published(text, { metaPublished: '2024-08-24T06:30:00+03:00' }).value, '2024-08-24');
  assert.equal(published(text, { metaPublished: 'Sat, 24 Aug 2024 06:30:00 GMT' }).value, '2024-08-24');
  assert.match(published(text, { metaPublished: '2024-08-24' }).basis, /metadata/);
  assert.equal(published(text, { metaPublished: 'not a date' }).value, '2024-08-23');
  assert.equal(published(text, { metaPublished: '2024-02-30' }).value, '2024-08-23');
});

test('dateline variants', () => {
  const body = '\nThe factions said the truce had ended.\n';
  assert.equal(published(`23 AUGUST 2024${body}`).value, '2024-08-23');
  assert.equal(published(`Baghdad, 5 March 2021 (AFP) - Rockets struck the Ain al-Asad air base on Wednesday, officials said.${body}`).value, '2021-03-05');
  assert.equal(published(`Published: March 5, 2021\nUpdated: March 6, 2021 10:32 GMT${body}`).value, '2021-03-05');
  assert.equal(published(`Updated 6 March 2021${body}`).value, '2021-03-06');
  assert.equal(published(`Updated: March 6, 2021\nPublished: March 5, 2021\n7 March 2021${body}`).value, '2021-03-05');
  assert.equal(published(`Updated: March 6, 2021\nUpdated: March 7, 2021${body}`).value, '2021-03-06');
  const names = published(`ERBIL, Kurdistan Region of Iraq (Rudaw) – Sunday, 4 Feb. 2024${body}`);
  assert.deepEqual([names.value, names.basis.startsWith('dateline')], ['2024-02-04', true]);
  // A line that goes on after its date, or says something, is no dateline.
  assert.doesNotMatch(published(`Rockets hit the base on 4 Feb. 2024${body}`).basis, /dateline/);
  // A full date deep inside a long first paragraph is a happening, not a dateline: inference, not "dateline".
  const p = published(`The parliament voted on 5 January 2020 to expel the foreign forces, a decision the government has never carried out in full.${body}`);
  assert.doesNotMatch(p.basis, /dateline/);
  // A page header's cell; a labelled date under a scraped page's menus.
  const live = published(`Regional news outlet-style live coverage | Wednesday 22 November 2023\nLast updated: 15:48${body}On Monday, rockets hit the base.\n`);
  assert.deepEqual([live.value, live.basis.startsWith('dateline')], ['2023-11-22', true]);
  const menus = 'Skip to main content\nHome | Politics | Security\nSearch...\nLog in | Subscribe\nBreaking: Oil prices climb\nPolitics\nA headline on the 15th of this month\n';
  const posted = published(`${menus}Posted: 11 February 2025, 10:22 | Updated: 11 February 2025, 13:05${body}On Monday, rockets hit the base.\n`);
  assert.deepEqual([posted.value, posted.basis.startsWith('dateline')], ['2025-02-11', true]);
  // Deep in the text, only a labelled line is a dateline.
  assert.doesNotMatch(published(`${menus}11 February 2025${body}`).basis, /dateline/);
});

test('inference: latest dated happening, then weekdays after it, "yesterday, Wednesday", "N days ago"', () => {
  const withDate = 'The strike on 2 February 2024 hit 85 targets.\nThe factions have not responded.';
  const p = published(withDate);
  assert.deepEqual([p.value, p.precision], ['2024-02-02', 'day']);
  assert.match(p.basis, /^latest dated happening \(2024-02-02, '.*2 February 2024'\)$/);
  const weekday = 'The strike on 2 February 2024 hit 85 targets.\nOn Tuesday, parliament met.';
  assert.equal(published(weekday).value, '2024-02-06/2024-02-07');
  const yesterday = 'The strike on 2 February 2024 hit 85 targets.\nThe committee met yesterday, Tuesday, in Baghdad.';
  assert.equal(published(yesterday).value, '2024-02-07');
  const ago = 'Abu Baqir al-Saadi was killed in a strike two days ago.';
  assert.equal(published(ago).value, '2024-02-09');
  // A future weekday says nothing about publication.
  const future = 'The strike on 2 February 2024 hit 85 targets.\nParliament will meet on Tuesday.';
  assert.equal(published(future).value, '2024-02-02');
  const month = 'In February 2024 the factions announced a truce.';
  assert.deepEqual([published(month).value, published(month).precision], ['2024-02', 'month']);
});

test('a dateline without its year takes the year of the date the text implies', () => {
  const text = 'BAGHDAD, Feb 8 (Wire) - A US drone strike in Baghdad killed Abu Baqir al-Saadi on Wednesday.';
  const p = published(text);
  assert.equal(p.value, '2024-02-08');
  assert.match(p.basis, /dateline.*its year from/);
  // Without anything to imply a year, a yearless dateline stays unresolved.
  assert.equal(published('BAGHDAD, Feb 8 (Wire) - Talks resumed.', { events: [] }).value, null);
});

test('a dateline without its year is its first occurrence after the latest happening, however long after', () => {
  // Five weeks after the latest dated happening: March 11 of that year, not of the year before.
  assert.equal(published('ERBIL, March 11 (Wire) - The groups halted their attacks after the strike of 2 February 2024.').value, '2024-03-11');
  // A year-old happening: the next year's date.
  assert.equal(published('BAGHDAD, Feb 3 (Wire) - The attacks began in October 2023.').value, '2024-02-03');
});

test('a month named without its year, told as past and later than the latest dated happening, moves publication on', () => {
  const last = 'The strike on 2 February 2024 hit 85 targets.\nThe factions have kept the truce they declared last March.';
  assert.deepEqual([published(last).value, published(last).precision], ['2024-04', 'month']);
  const weekday = 'The strike on 2 February 2024 hit 85 targets.\nThe minister said in May that talks would resume. Today, Wednesday, the factions attacked.';
  assert.equal(published(weekday).value, '2024-05-01');
  // An earlier month is that year's, before the happening; a future month says nothing; nor does "may" the verb.
  for (const text of [
    'The strike on 2 February 2024 hit 85 targets, after an attack in late January.',
    'The strike on 2 February 2024 hit 85 targets.\nMen were arrested for rockets fired at the embassy in December.',
    'The strike on 2 February 2024 hit 85 targets.\nTalks will resume in June.',
    'The strike on 2 February 2024 hit 85 targets.\nThe factions said in may respond.',
  ]) assert.equal(published(text).value, '2024-02-02', text);
});

test('the dateline lead-in is found up to its dash; a sentence is none', () => {
  const lead = (text: string) => { const s = datelineLeadIn(text); return s && text.slice(s.start, s.end); };
  assert.equal(lead('Headline\n\nBAGHDAD, 6 May 2025 — Talks between the government and the factions'), 'BAGHDAD, 6 May 2025 — ');
  assert.equal(lead('ERBIL, Kurdistan Region of Iraq (Rudaw) – Drones struck'), 'ERBIL, Kurdistan Region of Iraq (Rudaw) – ');
  assert.equal(lead('Baghdad - Rockets struck the airport'), 'Baghdad - ');
  assert.equal(lead('BAGHDAD (Reuters) - Rockets struck the airport'), 'BAGHDAD (Reuters) - ');
  assert.equal(lead('Baghdad is calm. Rockets struck on Wednesday - police said.'), null);
  assert.equal(lead('LIVE: US strikes Kataib Hezbollah in Iraq after a missile attack on Ain al-Asad - latest updates'), null);
});
