// Must-show on the three shared real articles, through the real pipeline: one truce between the
// factions and the US declared in early 2024, in force in June 2024 and contested in late August 2024;
// the killing of the Kataib Hezbollah commander on 7 February 2024 as one event.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadContext, processFile } from '../../src/pipeline/run.ts';
import { resolveEvents } from '../../src/resolve/events.ts';
import { resolveTruces, stateAt } from '../../src/resolve/truce-state.ts';
import type { ResolveItem } from '../../src/resolve/input.ts';

const dir = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'articles');
const ctx = loadContext();
const k = ctx.knowledge;
const items: ResolveItem[] = [];
for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
  const { doc, extraction } = await processFile(join(dir, f), ctx);
  items.push({ documentId: doc.id, documentName: doc.name, published: extraction.published, extraction });
}

const FACTION_SIDE = ['ISLAMIC_RESISTANCE_IN_IRAQ', 'IRAQI_ARMED_FACTIONS', 'KATAIB_HEZBOLLAH'];

test('one truce between the factions and the US, declared early 2024: in force in June, contested in late August', () => {
  const truces = resolveTruces(items, k).filter((t) =>
    t.parties.some((side) => side.includes('USA')) && t.parties.some((side) => side.some((p) => FACTION_SIDE.includes(p))));
  assert.equal(truces.length, 1, `one factions–US truce: ${truces.map((t) => t.id).join(', ')}`);
  const t = truces[0];
  assert.ok(t.declared && t.declared >= '2024-01' && t.declared < '2024-03', `declared early 2024: ${t.declared}`);
  const june = stateAt(t, '2024-06-20');
  assert.equal(june?.state, 'in_force');
  assert.ok((june?.evidence.length ?? 0) > 0);
  const august = stateAt(t, '2024-08-25');
  assert.equal(august?.state, 'contested');
  assert.ok((august?.evidence.length ?? 0) > 0);
  assert.ok(august?.evidence.some((e) => e.documentName.startsWith('000_')), 'the late-August article backs the contest');
});

const killings = () => resolveEvents(items, k).filter((e) => e.type === 'ASSAULT' && e.target.includes('ABU_BAQIR_AL_SAADI'));

test('the killing of Abu Baqir al-Saadi is one event, dated 7 February 2024, reported by several articles', () => {
  const found = killings();
  assert.equal(found.length, 1, 'one event');
  assert.equal(found[0].date, '2024-02-07');
  assert.ok(new Set(found[0].mentions.map((m) => m.documentId)).size >= 2);
});

test('the killing of Abu Baqir al-Saadi has a mention from each of the three articles', () => {
  assert.equal(new Set(killings()[0]?.mentions.map((m) => m.documentId)).size, 3);
});
