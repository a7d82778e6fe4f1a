// Shared by the knowledge tests: the packs they load, built once per test file.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKS_DIR, loadPacks } from '../../src/knowledge/load.ts';

export const FIXTURE = fileURLToPath(new URL('./fixtures/theatre', import.meta.url));
export const WORLD = join(PACKS_DIR, 'world');
/** Whether the real theatre pack is there to test against. */
export const HAS_IRAQ = existsSync(join(PACKS_DIR, 'iraq', 'actors.yaml'));

/** The world pack and the test theatre pack. */
export function testKnowledge() {
  return loadPacks([WORLD, FIXTURE]);
}
