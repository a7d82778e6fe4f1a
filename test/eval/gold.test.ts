import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadGold } from '../../src/eval/gold.ts';

const GOLD = join(import.meta.dirname, '../../../shared/eval/gold');

test('the shared gold loads: three articles and the actor registry', () => {
  const g = loadGold(GOLD);
  assert.deepEqual(g.docs.map((d) => d.document), ['000_a28615a50a171252.txt', '001_886702d4e5dac6fe.txt', '002_9cbdce729a7c3478.txt']);
  assert.ok(g.actors.some((a) => a.id === 'KATAIB_HEZBOLLAH' && a.aliases.length > 0));
});

test('a malformed gold file is named with the path of the bad field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gold-'));
  copyFileSync(join(GOLD, 'actors.json'), join(dir, 'actors.json'));
  const doc = JSON.parse(readFileSync(join(GOLD, '000_a28615a50a171252.txt.gold.json'), 'utf8'));
  doc.events[2].type = 'DEMAND';
  writeFileSync(join(dir, 'x.gold.json'), JSON.stringify(doc));
  assert.throws(() => loadGold(dir), (e: Error) => e.message.includes(join(dir, 'x.gold.json')) && e.message.includes('events.2.type'));
  writeFileSync(join(dir, 'x.gold.json'), '{ not json');
  assert.throws(() => loadGold(dir), /x\.gold\.json: not valid JSON/);
  writeFileSync(join(dir, 'actors.json'), JSON.stringify([{ id: 'A', name: 'A', type: 'state' }, { id: 'A', name: 'B', type: 'state' }]));
  writeFileSync(join(dir, 'x.gold.json'), JSON.stringify({ ...doc, events: [] }));
  assert.throws(() => loadGold(dir), /actor id A is defined twice/);
  assert.throws(() => loadGold(join(dir, 'nowhere')), /gold directory .*nowhere/);
});
