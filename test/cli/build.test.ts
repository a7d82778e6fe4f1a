// The build (scripts/build.js) in a copy of the repository: the compiled command finds its packs and
// assets and prints what the TypeScript sources print; bin/trucewatch.js runs the build while it is
// current and the sources once one of them is newer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  assert.equal(r.status, 0, `${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

test('the built command matches the sources, and an edited source is never shadowed by the build', { timeout: 120_000 }, () => {
  const copy = mkdtempSync(join(tmpdir(), 'tw-build-'));
  try {
    for (const d of ['src', 'bin', 'scripts']) cpSync(join(ROOT, d), join(copy, d), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
    for (const d of ['node_modules', 'packs', 'samples']) symlinkSync(join(ROOT, d), join(copy, d));
    run([join(copy, 'scripts/build.js')], copy);

    const sample = join(copy, 'samples/02_taji-rocket-attack.txt');
    const built = run([join(copy, 'bin/trucewatch.js'), 'extract', '--json', sample], copy);
    const fromSource = run(['--import', 'tsx', join(copy, 'src/cli/main.ts'), 'extract', '--json', sample], copy);
    assert.ok(JSON.parse(built).events.length > 0);
    assert.equal(built, fromSource);

    // While the build is current, the command runs it: a mark put in the compiled file shows.
    const compiled = join(copy, 'dist/src/cli/main.js');
    writeFileSync(compiled, readFileSync(compiled, 'utf8').replace('Turn news reports', 'BUILT Turn news reports'));
    assert.match(run([join(copy, 'bin/trucewatch.js'), '--help'], copy), /BUILT Turn news reports/);

    // A source edited after the build: the command runs the sources, with the edit.
    const main = join(copy, 'src/cli/main.ts');
    writeFileSync(main, readFileSync(main, 'utf8').replace('Turn news reports', 'EDITED Turn news reports'));
    const later = new Date(Date.now() + 5_000);
    utimesSync(main, later, later);
    const help = run([join(copy, 'bin/trucewatch.js'), '--help'], copy);
    assert.match(help, /EDITED Turn news reports/);
    assert.doesNotMatch(help, /BUILT/);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
