#!/usr/bin/env node
// Builds the dashboard into web/dist (`npm run build:web`, and before `npm start`). Without vite
// (a production install) an existing build is kept; without either, the server keeps its plain start page.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
let vite;
try {
  vite = await import('vite');
} catch {
  const built = existsSync(`${root}web/dist/index.html`);
  process.stderr.write(built
    ? 'build:web: vite is not installed; serving the existing build in web/dist\n'
    : 'build:web: vite is not installed (install the dev dependencies) and web/dist is missing; / shows the plain start page\n');
  process.exit(0);
}
try {
  await vite.build({ configFile: `${root}vite.config.ts`, logLevel: 'warn' });
} catch (e) {
  process.stderr.write(`build:web: the dashboard build failed: ${e.message}\n`);
  process.exit(1);
}
