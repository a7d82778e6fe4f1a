import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ActorOut, EventOut, Extraction, StatementOut, TruceOut, ClaimOut } from '../../src/pipeline/types.ts';
import type { GoldActor, GoldDoc, GoldEvent, GoldStatement } from '../../src/eval/gold.ts';
import { loadGold } from '../../src/eval/gold.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dateExact, dateWithin, datesCompatible } from '../../src/eval/range.ts';
import { locateEvidence, matchBestFirst, microAverage, prf, scoreArticle } from '../../src/eval/score.ts';

const SHARED = join(import.meta.dirname, '../../../shared');

// ---- builders for hand-made system and gold documents

const TEXT = [
  'On August 5, the Ain al-Asad base was subjected to a missile attack.', // sentence A
  'Two days later, the Iraqi authorities announced the arrest of five people.', // sentence B
  'Haidar al-Lami confirmed that the truce has ended, and said options for targeting bases are now available.', // sentence C
].join(' ');

function at(s: string): { evidence: string; evidence_start: number; evidence_end: number } {
  const i = TEXT.indexOf(s);
  assert.ok(i >= 0, `test text lacks ${s}`);
  return { evidence: s, evidence_start: i, evidence_end: i + s.length };
}

function sysActor(id: string, name: string, aliases: string[] = []): ActorOut {
  return { id, name, type: 'armed_group', aliases, surface: [] };
}

function sysEvent(id: string, o: Partial<EventOut> & { evidence: string }): EventOut {
  return {
    id, type: 'ASSAULT', mode: '', trigger: '', date: '2024-08-05', date_basis: '', source: [], target: [], location: '',
    status: 'occurred', fatalities: null, injured: null, attributed_to: '', ...at(o.evidence), ...o,
  };
}

function goldEvent(id: string, o: Partial<GoldEvent> & { evidence: string }): GoldEvent {
  return {
    id, type: 'ASSAULT', mode: '', trigger: '', date: '2024-08-05', date_basis: '', source: [], target: [], location: '',
    status: 'occurred', fatalities: null, injured: null, attributed_to: '', ...o,
  };
}

function sysStatement(id: string, o: Partial<StatementOut> & { evidence: string }): StatementOut {
  return {
    id, speaker: '', speaker_actor: '', role: '', channel: '', date: null, topic: 'truce', stance: 'truce_ended',
    stance_detail: '', ...at(o.evidence), ...o,
  };
}

function goldStatement(id: string, o: Partial<GoldStatement> & { evidence: string }): GoldStatement {
  return { id, speaker: '', speaker_actor: '', role: '', channel: '', date: null, topic: 'truce', stance: 'truce_ended', stance_detail: '', ...o };
}

function extraction(o: Partial<Extraction>): Extraction {
  return {
    document: 'doc', published: null, published_precision: null, published_basis: '', outlets_cited: [],
    actors: [], places: [], events: [], statements: [], truces: [], claims: [], ...o,
  };
}

function goldDoc(o: Partial<GoldDoc>): GoldDoc {
  return {
    document: 'doc', published: null, published_precision: null, published_basis: '', outlets_cited: [],
    actors: [], places: [], events: [], statements: [], truces: [], claims: [], notes: [], ...o,
  };
}

const GOLD_ACTORS: GoldActor[] = [
  { id: 'KATAIB_HEZBOLLAH', name: 'Kataib Hezbollah', type: 'armed_group', aliases: ['Hezbollah Brigades', 'Iraqi Hezbollah'], member_of: [] },
  { id: 'NUJABA', name: 'Harakat Hezbollah al-Nujaba', type: 'armed_group', aliases: ['al-Nujaba'], member_of: [] },
  { id: 'US_FORCES', name: 'United States Armed Forces', type: 'state_force', aliases: ['US forces'], member_of: [] },
  { id: 'US', name: 'United States', type: 'state', aliases: ['Washington'], member_of: [] },
];

// ---- dates

test('event dates are compatible with one day of slack, months are whole, null only matches null', () => {
  assert.ok(datesCompatible('2024-08-06', '2024-08-05'));
  assert.ok(datesCompatible('2024-08-04', '2024-08-05'));
  assert.ok(!datesCompatible('2024-08-07', '2024-08-05'));
  assert.ok(datesCompatible('2024-02-29', '2024-02'));
  assert.ok(datesCompatible('2024-03-01', '2024-02'));
  assert.ok(!datesCompatible('2024-03-02', '2024-02'));
  assert.ok(datesCompatible('2024-08-21', '2024-08-05/2024-08-23'));
  assert.ok(datesCompatible('2024-08-24', '2024-08-05/2024-08-23'));
  assert.ok(!datesCompatible('2024-08-25', '2024-08-05/2024-08-23'));
  assert.ok(datesCompatible('2024', '2024-08-05'));
  assert.ok(datesCompatible(null, null));
  assert.ok(!datesCompatible(null, '2024-08-05'));
  assert.ok(!datesCompatible('2024-08-05', null));
  assert.ok(!datesCompatible('last week', '2024-08-05'));
});

test('date exactness is judged at the gold precision; a gold interval needs the same span', () => {
  assert.ok(dateExact('2024-08-05', '2024-08-05'));
  assert.ok(!dateExact('2024-08-06', '2024-08-05'));
  assert.ok(dateExact('2024-02-07', '2024-02'));
  assert.ok(dateExact('2024-02', '2024-02'));
  assert.ok(!dateExact('2024-02', '2024-02-07'));
  assert.ok(!dateExact('2024-03-01', '2024-02'));
  assert.ok(dateExact('2024-08-05/2024-08-23', '2024-08-05/2024-08-23'));
  assert.ok(!dateExact('2024-08-21', '2024-08-05/2024-08-23'));
  // Published dates: a day inside a gold interval, or the interval itself, is exact.
  assert.ok(dateWithin('2024-02-12', '2024-02-11/2024-02-12'));
  assert.ok(dateWithin('2024-02-11/2024-02-12', '2024-02-11/2024-02-12'));
  assert.ok(!dateWithin('2024-02-13', '2024-02-11/2024-02-12'));
});

// ---- evidence

test('evidence is located by offsets, by search, and across "..."', () => {
  const s = 'the truce has ended';
  const i = TEXT.indexOf(s);
  assert.deepEqual(locateEvidence(TEXT, s, i, i + s.length), { start: i, end: i + s.length });
  // Wrong offsets fall back to search.
  assert.deepEqual(locateEvidence(TEXT, s, 0, 5), { start: i, end: i + s.length });
  const a = TEXT.indexOf('Haidar al-Lami');
  const b = TEXT.indexOf('now available') + 'now available'.length;
  assert.deepEqual(locateEvidence(TEXT, 'Haidar al-Lami confirmed... are now available', undefined, undefined), { start: a, end: b });
  assert.deepEqual(locateEvidence(TEXT, 'Haidar al-Lami confirmed… are now available'), { start: a, end: b });
  assert.equal(locateEvidence(TEXT, 'not in the text'), null);
  assert.equal(locateEvidence(TEXT, 'now available... Haidar al-Lami'), null);
});

// ---- events

test('events match on type, date and an actor matched through aliases and normalisation', () => {
  const gold = goldDoc({
    actors: [{ id: 'KATAIB_HEZBOLLAH', surface: ['Hezbollah'] }, { id: 'US_FORCES', surface: [] }],
    events: [goldEvent('e1', { source: ['KATAIB_HEZBOLLAH'], target: ['US_FORCES'], evidence: 'subjected to a missile attack' })],
  });
  const viaAlias = extraction({
    actors: [sysActor('KH', "Kata'ib Hizbollah", ['Al-Hezbollah Brigades'])],
    events: [sysEvent('s1', { source: ['KH'], evidence: 'On August 5' })],
  });
  const r1 = scoreArticle(viaAlias, gold, GOLD_ACTORS, TEXT);
  assert.equal(r1.events.matched, 1);
  assert.deepEqual(r1.events.pairs[0].wrong, ['target']);

  // A gold surface spelling counts as a gold name too.
  const viaSurface = extraction({ actors: [sysActor('HZ', 'Hezbollah')], events: [sysEvent('s1', { source: ['HZ'], evidence: 'On August 5' })] });
  assert.equal(scoreArticle(viaSurface, gold, GOLD_ACTORS, TEXT).events.matched, 1);

  const wrongActor = extraction({ actors: [sysActor('NJ', 'Nujaba')], events: [sysEvent('s1', { source: ['NJ'], evidence: 'On August 5' })] });
  assert.equal(scoreArticle(wrongActor, gold, GOLD_ACTORS, TEXT).events.matched, 0);

  const wrongType = extraction({ actors: [sysActor('KH', 'Kataib Hezbollah')], events: [sysEvent('s1', { type: 'COERCE', source: ['KH'], evidence: 'On August 5' })] });
  assert.equal(scoreArticle(wrongType, gold, GOLD_ACTORS, TEXT).events.matched, 0);

  const wrongDate = extraction({ actors: [sysActor('KH', 'Kataib Hezbollah')], events: [sysEvent('s1', { date: '2024-08-07', source: ['KH'], evidence: 'On August 5' })] });
  assert.equal(scoreArticle(wrongDate, gold, GOLD_ACTORS, TEXT).events.matched, 0);

  // No actors on one side only: no match; none on both sides: type and date alone.
  const noActors = extraction({ events: [sysEvent('s1', { evidence: 'On August 5' })] });
  assert.equal(scoreArticle(noActors, gold, GOLD_ACTORS, TEXT).events.matched, 0);
  const goldNoActors = goldDoc({ events: [goldEvent('e1', { evidence: 'subjected to a missile attack' })] });
  assert.equal(scoreArticle(noActors, goldNoActors, GOLD_ACTORS, TEXT).events.matched, 1);
});

test('event matching is one-to-one, best first: overlapping evidence, then actors in the same role', () => {
  const gold = goldDoc({
    actors: [{ id: 'KATAIB_HEZBOLLAH', surface: [] }, { id: 'US_FORCES', surface: [] }],
    events: [
      goldEvent('e1', { source: ['KATAIB_HEZBOLLAH'], target: ['US_FORCES'], evidence: 'subjected to a missile attack' }),
      goldEvent('e2', { source: ['KATAIB_HEZBOLLAH'], target: [], evidence: 'the arrest of five people' }),
    ],
  });
  const actors = [sysActor('KH', 'Kataib Hezbollah'), sysActor('USF', 'US forces')];
  // s1 has e2's evidence but e1's actors; s2 has e1's evidence and fewer actors. Evidence decides.
  const sys = extraction({
    actors,
    events: [
      sysEvent('s1', { source: ['KH'], target: ['USF'], evidence: 'the arrest of five people' }),
      sysEvent('s2', { source: ['KH'], evidence: 'a missile attack' }),
      sysEvent('s3', { source: ['KH'], evidence: 'On August 5' }),
    ],
  });
  const r = scoreArticle(sys, gold, GOLD_ACTORS, TEXT);
  assert.deepEqual(r.events.pairs.map((p) => [p.system, p.gold]).sort(), [['s1', 'e2'], ['s2', 'e1']]);
  assert.equal(r.events.p, 2 / 3);
  assert.equal(r.events.r, 1);
  assert.deepEqual(r.events.unmatched_system.map((m) => m.id), ['s3']);
  // Without evidence overlap, more actors in the same role win.
  const sys2 = extraction({
    actors,
    events: [
      sysEvent('s1', { source: ['KH'], evidence: 'On August 5' }),
      sysEvent('s2', { source: ['KH'], target: ['USF'], evidence: 'On August 5' }),
    ],
  });
  const gold2 = goldDoc({ ...gold, events: [gold.events[0]] });
  assert.deepEqual(scoreArticle(sys2, gold2, GOLD_ACTORS, TEXT).events.pairs.map((p) => p.system), ['s2']);
});

test('secondary event figures are judged on matched pairs', () => {
  const gold = goldDoc({
    actors: [{ id: 'KATAIB_HEZBOLLAH', surface: [] }, { id: 'US_FORCES', surface: [] }],
    places: [{ name: 'Ain al-Asad Air Base', surface: ['Ain al-Asad base'], within: '' }],
    events: [
      goldEvent('e1', { source: ['KATAIB_HEZBOLLAH'], target: ['US_FORCES'], mode: 'heavy-weapons', location: 'Ain al-Asad Air Base', evidence: 'subjected to a missile attack' }),
      goldEvent('e2', { type: 'COERCE', date: '2024-08', status: 'occurred', source: ['KATAIB_HEZBOLLAH'], evidence: 'the arrest of five people' }),
    ],
  });
  const sys = extraction({
    actors: [sysActor('KH', 'Kataib Hezbollah'), sysActor('USF', 'US forces')],
    events: [
      sysEvent('s1', { source: ['KH'], target: ['USF'], mode: 'heavy-weapons', location: 'Ain al-Asad base', evidence: 'a missile attack' }),
      sysEvent('s2', { type: 'COERCE', date: '2024-08-07', status: 'claimed', source: ['USF'], target: ['KH'], location: 'Baghdad', evidence: 'the arrest of five people' }),
    ],
  });
  const r = scoreArticle(sys, gold, GOLD_ACTORS, TEXT);
  assert.equal(r.events.f1, 1);
  assert.deepEqual(r.events.pairs.find((p) => p.gold === 'e1')!.wrong, []);
  assert.deepEqual(r.events.pairs.find((p) => p.gold === 'e2')!.wrong, ['status', 'source', 'target', 'location']);
  assert.deepEqual(r.events.status, { correct: 1, total: 2, accuracy: 0.5 });
  assert.deepEqual(r.events.date_exact, { correct: 2, total: 2, accuracy: 1 });
  assert.deepEqual(r.events.mode, { correct: 2, total: 2, accuracy: 1 });
});

// ---- statements

test('statements match on speaker (actor or name) and overlapping evidence, "..." spanning the gap', () => {
  const gold = goldDoc({
    actors: [{ id: 'NUJABA', surface: [] }],
    statements: [
      goldStatement('g1', { speaker: 'Haidar al-Lami', speaker_actor: 'NUJABA', stance: 'truce_ended', evidence: 'Haidar al-Lami confirmed... the truce has ended' }),
      goldStatement('g2', { speaker: 'reliable sources', speaker_actor: '', stance: 'other', evidence: 'Two days later' }),
    ],
  });
  const sys = extraction({
    actors: [sysActor('NJ', 'Nujaba Movement', ['Al-Nujaba'])],
    statements: [
      // Inside the gap between the two pieces of g1's evidence: overlaps its span.
      sysStatement('s1', { speaker: 'al-Lami', speaker_actor: 'NJ', stance: 'will_attack', evidence: 'confirmed that the truce' }),
      sysStatement('s2', { speaker: 'Reliable Sources', stance: 'other', evidence: 'Two days later, the Iraqi authorities' }),
      // Right speaker, evidence elsewhere.
      sysStatement('s3', { speaker: 'Haidar al-Lami', speaker_actor: 'NJ', evidence: 'options for targeting bases' }),
    ],
  });
  const r = scoreArticle(sys, gold, GOLD_ACTORS, TEXT);
  assert.deepEqual(r.statements.pairs.map((p) => [p.system, p.gold]), [['s1', 'g1'], ['s2', 'g2']]);
  assert.equal(r.statements.matched, 2);
  assert.equal(r.statements.p, 2 / 3);
  assert.deepEqual(r.statements.stance, { correct: 1, total: 2, accuracy: 0.5 });

  // Speaker matched by name alone, through the system actor's names.
  const byActorName = extraction({
    actors: [sysActor('HAIDAR', 'Haidar al-Lami')],
    statements: [sysStatement('s1', { speaker: 'he', speaker_actor: 'HAIDAR', evidence: 'the truce has ended' })],
  });
  assert.equal(scoreArticle(byActorName, gold, GOLD_ACTORS, TEXT).statements.matched, 1);
  const wrongSpeaker = extraction({ statements: [sysStatement('s1', { speaker: 'Kazem al-Fartousi', evidence: 'the truce has ended' })] });
  assert.equal(scoreArticle(wrongSpeaker, gold, GOLD_ACTORS, TEXT).statements.matched, 0);
});

// ---- truces

test('truce state: the latest system entry starting by the end of the gold date, for the same parties', () => {
  const truce = (parties: string[], states: Array<[string, TruceOut['state_as_of'][number]['state']]>): TruceOut => ({
    id: 't', parties, mediator: [], declared: null, conditions: '',
    state_as_of: states.map(([date, state]) => ({ date, state, ...at('the truce has ended') })),
  });
  const gold = goldDoc({
    actors: [{ id: 'NUJABA', surface: [] }, { id: 'US', surface: [] }],
    truces: [{
      id: 'g', parties: ['NUJABA', 'US'], mediator: [], declared: null, conditions: '',
      state_as_of: [
        { date: '2024-01', state: 'proposed', evidence: '' },
        { date: '2024-02', state: 'in_force', evidence: '' },
        { date: '2024-08-21', state: 'in_force', evidence: '' },
        { date: '2024-08-23', state: 'ended', evidence: '' },
      ],
    }],
  });
  const actors = [sysActor('NJ', 'Nujaba'), sysActor('USA', 'United States', ['Washington'])];
  const sys = extraction({ actors, truces: [truce(['USA', 'NJ'], [['2024-08-22', 'ended'], ['2024-02-10', 'in_force']])] });
  const r = scoreArticle(sys, gold, GOLD_ACTORS, TEXT);
  assert.deepEqual(r.truces.entries.map((e) => e.system), [null, 'in_force', 'in_force', 'ended']);
  assert.deepEqual({ correct: r.truces.correct, total: r.truces.total }, { correct: 3, total: 4 });

  // Parties must match one-to-one: a truce with one party more, or a different party, has no state.
  const extra = extraction({ actors: [...actors, sysActor('KH', 'Kataib Hezbollah')], truces: [truce(['USA', 'NJ', 'KH'], [['2024-02', 'in_force']])] });
  assert.equal(scoreArticle(extra, gold, GOLD_ACTORS, TEXT).truces.correct, 0);
  const other = extraction({ actors: [...actors, sysActor('KH', 'Kataib Hezbollah')], truces: [truce(['USA', 'KH'], [['2024-02', 'in_force']])] });
  assert.equal(scoreArticle(other, gold, GOLD_ACTORS, TEXT).truces.correct, 0);
});

// ---- published, claims, counting

test('published date is exact at the gold precision, gold intervals accept a day inside', () => {
  const gold = goldDoc({ published: '2024-02-11/2024-02-12', published_precision: 'day' });
  assert.ok(scoreArticle(extraction({ published: '2024-02-11' }), gold, GOLD_ACTORS, TEXT).published.exact);
  assert.ok(scoreArticle(extraction({ published: '2024-02-11/2024-02-12' }), gold, GOLD_ACTORS, TEXT).published.exact);
  assert.ok(!scoreArticle(extraction({ published: '2024-02-10' }), gold, GOLD_ACTORS, TEXT).published.exact);
  assert.ok(!scoreArticle(extraction({ published: null }), gold, GOLD_ACTORS, TEXT).published.exact);
  const month = goldDoc({ published: '2024-02', published_precision: 'month' });
  assert.ok(scoreArticle(extraction({ published: '2024-02-11' }), month, GOLD_ACTORS, TEXT).published.exact);
});

test('claims match on value and overlapping evidence', () => {
  const claim = (value: number, evidence: string): ClaimOut => ({ quantity: 'q', value, qualifier: '', interval: null, attributed_to: '', ...at(evidence) });
  const gold = goldDoc({ claims: [{ quantity: 'arrests', value: 5, qualifier: '', interval: null, attributed_to: '', evidence: 'the arrest of five people' }] });
  assert.equal(scoreArticle(extraction({ claims: [claim(5, 'five people')] }), gold, GOLD_ACTORS, TEXT).claims.f1, 1);
  assert.equal(scoreArticle(extraction({ claims: [claim(6, 'five people')] }), gold, GOLD_ACTORS, TEXT).claims.matched, 0);
  assert.equal(scoreArticle(extraction({ claims: [claim(5, 'On August 5')] }), gold, GOLD_ACTORS, TEXT).claims.matched, 0);
});

test('P/R/F1 count vacuous sides as perfect; micro-average sums counts', () => {
  assert.deepEqual(prf(0, 0, 0), { matched: 0, system: 0, gold: 0, p: 1, r: 1, f1: 1 });
  assert.equal(prf(0, 0, 3).f1, 0);
  assert.equal(prf(0, 2, 0).f1, 0);
  assert.equal(prf(1, 2, 4).f1, 2 * 0.5 * 0.25 / 0.75);
  const goldA = goldDoc({ events: [goldEvent('e1', { evidence: 'a missile attack' }), goldEvent('e2', { date: '2024-08-07', evidence: 'the arrest' })] });
  const sysA = extraction({ events: [sysEvent('s1', { evidence: 'a missile attack' })] });
  const goldB = goldDoc({ events: [goldEvent('e1', { evidence: 'a missile attack' })] });
  const sysB = extraction({ events: [sysEvent('s1', { evidence: 'a missile attack' }), sysEvent('s2', { date: '2024-01-01', evidence: 'the arrest' })] });
  const m = microAverage([scoreArticle(sysA, goldA, GOLD_ACTORS, TEXT), scoreArticle(sysB, goldB, GOLD_ACTORS, TEXT)]);
  assert.deepEqual([m.events.matched, m.events.system, m.events.gold], [2, 3, 3]);
  assert.equal(m.events.p, 2 / 3);
});

test('best-first matching takes higher keys first and never reuses an item', () => {
  const keys: Record<string, number[]> = { '0,0': [1], '0,1': [5], '1,1': [3], '1,0': [2] };
  assert.deepEqual(matchBestFirst(2, 2, (s, g) => keys[`${s},${g}`] ?? null), [[0, 1], [1, 0]]);
  assert.deepEqual(matchBestFirst(2, 1, () => [1]), [[0, 0]]);
});

// ---- sanity: every gold file scored against itself is perfect

function goldAsExtraction(gold: GoldDoc, goldActors: GoldActor[], text: string): Extraction {
  const registry = new Map(goldActors.map((a) => [a.id, a]));
  const ref = (evidence: string) => {
    const span = locateEvidence(text, evidence);
    assert.ok(span, `${gold.document}: evidence not in text: ${evidence}`);
    return { evidence, evidence_start: span.start, evidence_end: span.end };
  };
  return {
    document: gold.document,
    published: gold.published,
    published_precision: gold.published_precision,
    published_basis: gold.published_basis,
    outlets_cited: gold.outlets_cited,
    actors: gold.actors.map((a) => {
      const r = registry.get(a.id);
      assert.ok(r, `${gold.document}: actor ${a.id} not in actors.json`);
      return { id: a.id, name: r.name, type: r.type, aliases: r.aliases, surface: a.surface };
    }),
    places: gold.places.map((p, i) => ({ id: `P${i}`, name: p.name, surface: p.surface, within: p.within, lat: null, lon: null })),
    events: gold.events.map((e) => ({ ...e, ...ref(e.evidence) })),
    statements: gold.statements.map((s) => ({ ...s, topic: s.topic as StatementOut['topic'], ...ref(s.evidence) })),
    truces: gold.truces.map((t) => ({ ...t, state_as_of: t.state_as_of.map((e) => ({ ...e, evidence_start: 0, evidence_end: 0 })) })),
    claims: gold.claims.map((c) => ({ ...c, ...ref(c.evidence) })),
  };
}

test('each gold file scored against itself is perfect', () => {
  const { docs, actors } = loadGold(join(SHARED, 'eval/gold'));
  assert.ok(docs.length >= 3);
  for (const gold of docs) {
    const text = readFileSync(join(SHARED, 'corpus/articles', gold.document), 'utf8');
    const r = scoreArticle(goldAsExtraction(gold, actors, text), gold, actors, text);
    assert.equal(r.events.f1, 1, gold.document);
    assert.equal(r.statements.f1, 1, gold.document);
    assert.equal(r.truces.accuracy, 1, gold.document);
    assert.equal(r.claims.f1, 1, gold.document);
    assert.ok(r.published.exact, gold.document);
    for (const f of ['status', 'mode', 'source', 'target', 'location', 'date_exact'] as const) assert.equal(r.events[f].accuracy, 1, `${gold.document} ${f}`);
    assert.equal(r.statements.stance.accuracy, 1, gold.document);
  }
});
