// Table-driven: spelling variants, translations and near-misses (data/name-variants.yaml).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { createMatcher, findMentions, loadKnowledge, lookupActor, lookupPlace, type Matcher } from '../../src/knowledge/index.ts';
import { HAS_IRAQ, testKnowledge } from './helpers.ts';

interface Row {
  name?: string;
  text?: string;
  find?: string;
  date?: string;
  actor?: string | null;
  place?: string | null;
  real?: string;
}
const table = parse(readFileSync(new URL('./data/name-variants.yaml', import.meta.url), 'utf8')) as { actors: Row[]; places: Row[] };

function resolveRow(m: Matcher, row: Row): string | null {
  if (row.text !== undefined) {
    const found = findMentions(m, row.text, { date: row.date }).actors.filter((a) => a.text === row.find);
    return found.length > 0 ? found[found.length - 1].actorId : null;
  }
  if (row.place !== undefined) return lookupPlace(m, row.name!)?.id ?? null;
  return lookupActor(m, row.name!, row.date)?.id ?? null;
}

function label(row: Row): string {
  return `${row.name ?? `${row.find} in "${row.text}"`}${row.date ? ` on ${row.date}` : ''}`;
}

function runTable(m: Matcher, real: boolean): string[] {
  const failures: string[] = [];
  for (const row of [...table.actors, ...table.places]) {
    if (real && row.real === 'skip') continue;
    const expected = real && row.real !== undefined ? row.real : row.actor !== undefined ? row.actor : row.place!;
    const got = resolveRow(m, row);
    if (got !== expected) failures.push(`${label(row)}: expected ${expected}, got ${got}`);
  }
  return failures;
}

test('every variant and near-miss of the table resolves as listed (world + test theatre pack)', () => {
  const failures = runTable(createMatcher(testKnowledge()), false);
  assert.deepEqual(failures, []);
});

test('the table holds against the default packs (world + iraq)', { skip: !HAS_IRAQ && 'packs/iraq not written yet' }, () => {
  const failures = runTable(createMatcher(loadKnowledge()), true);
  assert.deepEqual(failures, []);
});
