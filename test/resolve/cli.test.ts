// `trucewatch truce` on a real SQLite store filled through the real pipeline, and its errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadContext, processInput } from '../../src/pipeline/run.ts';
import { openStore } from '../../src/store/index.ts';
import { itemsFromStore } from '../../src/resolve/from-store.ts';
import { resolveTruces, stateAt } from '../../src/resolve/truce-state.ts';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'resolve');
const files = readdirSync(fixtures).filter((f) => f.startsWith('r') && f.endsWith('.txt')).sort();
const tmp = mkdtempSync(join(tmpdir(), 'trucewatch-truce-'));
const db = join(tmp, 'store.db');
const ctx = loadContext();

const store = await openStore(db);
for (const f of files) {
  const { doc, extraction } = processInput({ source: join(fixtures, f), name: f, format: 'text', raw: readFileSync(join(fixtures, f), 'utf8') }, ctx);
  await store.saveDocument(doc, extraction);
}
const stored = await itemsFromStore(store);
await store.close();

const run = promisify(execFile);
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(root, 'bin', 'trucewatch.js'), 'truce', ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

test.after(() => rmSync(tmp, { recursive: true, force: true }));

test('the stored extractions read back give the truce its timeline', () => {
  assert.equal(stored.length, files.length);
  const t = resolveTruces(stored, ctx.knowledge).find((x) => x.parties.some((s) => s.includes('KATAIB_HEZBOLLAH')));
  assert.ok(t);
  assert.equal(stateAt(t, '2024-03-12')?.state, 'strained');
  assert.equal(stateAt(t, '2024-04-15')?.state, 'ended');
});

test('truce --db --json --history, and clear errors for bad options', async () => {
  const [json, badDay, badParty, noStore] = await Promise.all([
    cli('--db', db, '--parties', 'KATAIB_HEZBOLLAH,USA', '--as-of', '2024-03-12', '--json', '--history'),
    cli('--db', db, '--as-of', '2024-02-30'),
    cli('--db', db, '--parties', 'NO_SUCH_GROUP'),
    cli('--db', join(tmp, 'missing.db')),
  ]);
  assert.equal(json.code, 0, json.stderr);
  const out = JSON.parse(json.stdout) as Array<Record<string, unknown> & { parties: Array<{ id: string; name: string }>; history: Array<{ state: string }>; evidence: unknown[] }>;
  assert.equal(out.length, 1);
  assert.equal(out[0].state, 'strained');
  assert.ok(out[0].parties.some((p) => p.id === 'KATAIB_HEZBOLLAH' && p.name === 'Kataib Hezbollah'));
  assert.ok(out[0].evidence.length > 0);
  assert.deepEqual(out[0].history.map((h) => h.state), ['proposed', 'in_force', 'strained']);
  assert.equal(badDay.code, 2);
  assert.match(badDay.stderr, /--as-of: "2024-02-30" is not a day/);
  assert.equal(badParty.code, 2);
  assert.match(badParty.stderr, /unknown actor "NO_SUCH_GROUP"/);
  assert.equal(noStore.code, 2);
  assert.match(noStore.stderr, /no store at/);
});
