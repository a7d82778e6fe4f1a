#!/usr/bin/env node
// Compiles src/ and bench/ to plain JavaScript in dist/ (`npm run build`; run by `npm ci`, `npm start` and
// `npm run bench`), so that the command and the bench run without tsx: its module hooks run on a thread of
// their own with its own heap, which cost ~50 MB of RSS while ingesting. Each file is compiled on its own
// (esbuild, imports left as imports, ".ts" specifiers made ".js"); the other files of src/ (YAML read
// beside the code) are copied. dist/.built marks a complete build: bin/trucewatch.js runs dist/ only while
// no file of src/ is newer than it, and the TypeScript through tsx otherwise.
import { build } from 'esbuild';
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

// bench/ is left out of a production install's copy of the repository when it lacks it.
const sources = ['src', 'bench'].filter((d) => existsSync(join(root, d))).flatMap((d) => files(join(root, d)));
rmSync(dist, { recursive: true, force: true });
try {
  await build({
    entryPoints: sources.filter((f) => f.endsWith('.ts')),
    outdir: dist,
    outbase: root,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    plugins: [{
      name: 'each-file-alone',
      setup(b) {
        b.onResolve({ filter: /.*/ }, (a) => a.kind === 'entry-point' ? undefined : { path: a.path.replace(/^(\.{1,2}\/.*)\.ts$/, '$1.js'), external: true });
      },
    }],
  });
} catch (e) {
  process.stderr.write(`build: compiling src/ failed: ${e.message}\n`);
  process.exit(1);
}
for (const f of sources.filter((f) => !f.endsWith('.ts'))) cpSync(f, join(dist, f.slice(root.length)));
writeFileSync(join(dist, '.built'), `${new Date().toISOString()}\n`);
