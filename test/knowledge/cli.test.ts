// `trucewatch actors lookup` and `trucewatch places lookup` through the real CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/trucewatch.js', import.meta.url));
const PACK = fileURLToPath(new URL('./fixtures/cli', import.meta.url));

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
}

test('actors lookup: an office title on two dates gives two people, with memberships at the date', () => {
  const early = cli('actors', 'lookup', 'the Zorblat Chief', '--date', '2020-06-01', '--pack', PACK, '--json');
  assert.equal(early.status, 0, early.stderr);
  const a = JSON.parse(early.stdout);
  assert.equal(a.id, 'TEST_CLI_FIRST');
  assert.equal(a.type, 'person');
  assert.deepEqual(a.memberships, [{ id: 'TEST_CLI_UMBRELLA', from: '2020', to: '2020-12' }]);
  assert.deepEqual(a.offices, [{ office: 'TEST_CLI_CHIEF', from: '2019-01-01', to: '2021-06-30' }]);
  const late = cli('actors', 'lookup', 'Zorblat Chief', '--date', '2022-01-01', '--pack', PACK);
  assert.equal(late.status, 0, late.stderr);
  assert.match(late.stdout, /^TEST_CLI_SECOND {2}Qarvendo Secondman {2}\(person\)/);
});

test('actors lookup: a demonym is no actor: null, exit 1', () => {
  const none = cli('actors', 'lookup', 'Iraqi', '--json');
  assert.equal(none.status, 1);
  assert.equal(JSON.parse(none.stdout), null);
});

test('actors lookup: a bad date or a bad pack is a clear error, exit 2', () => {
  const date = cli('actors', 'lookup', 'Iraq', '--date', '2021-02-30');
  assert.equal(date.status, 2);
  assert.match(date.stderr, /--date "2021-02-30" is not a date/);
  const dir = mkdtempSync(join(tmpdir(), 'tw-bad-pack-'));
  writeFileSync(join(dir, 'pack.yaml'), 'name: bad\nversion: 1\n');
  writeFileSync(join(dir, 'places.yaml'), '- { id: TEST_BAD_PLACE, name: Bad, type: town, lat: 91, lon: 0 }\n');
  const bad = cli('actors', 'lookup', 'Iraq', '--pack', dir);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /places\.yaml, entry TEST_BAD_PLACE.*latitude must be within -90\.\.90/);
});

test('places lookup: the place with its ancestors, and a readable form', () => {
  const r = cli('places', 'lookup', 'Zorblat Outpost', '--pack', PACK, '--json');
  assert.equal(r.status, 0, r.stderr);
  const p = JSON.parse(r.stdout);
  assert.deepEqual([p.id, p.type, p.parent, p.lat, p.lon], ['TEST_CLI_OUTPOST', 'base', 'IRQ_ANBAR', 33.1, 42.2]);
  assert.deepEqual(p.ancestors.map((x: { id: string }) => x.id), ['IRQ_ANBAR', 'IRQ']);
  const text = cli('places', 'lookup', 'al-Anbar province');
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /^IRQ_ANBAR {2}Anbar Governorate {2}\(province in Iraq\)/);
});
