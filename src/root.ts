// The repository's root folder, where packs/, samples/ and web/dist are. This module is src/root.ts when
// run from source (through tsx) and dist/src/root.js when built (scripts/build.js), one level deeper.
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = dirname(fileURLToPath(import.meta.url));

export const ROOT = basename(dirname(src)) === 'dist' ? resolve(src, '../..') : resolve(src, '..');
