// Identity of a report: an exact content id (the same report re-ingested, whatever boilerplate
// surrounded it) and a SimHash fingerprint for linking near-duplicates (syndicated copies, light edits).
import { createHash } from 'node:crypto';

/** sha256 hex of the text with white space folded, so line breaks and spacing do not change the id. */
export function contentId(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/gu, ' ').trim()).digest('hex');
}

const SHINGLE = 3;
const SEEDS = [0x9747b28c, 0x1b873593];

/** murmur3's finaliser: spreads every input bit over the 32 output bits. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 32-bit FNV-1a of a word, finalised; a hash per word and seed is computed once, then combined per shingle. */
function hashWord(word: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return fmix(h);
}

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));

/** 64-bit SimHash over lower-cased word 3-shingles, as 16 hex digits. */
export function simhash(text: string): string {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const count = words.length === 0 ? 0 : Math.max(1, words.length - SHINGLE + 1);
  const hashes = SEEDS.map((seed) => words.map((w) => hashWord(w, seed)));
  // Each bit votes +1 when set and -1 when not, so it wins when set in more than half the shingles.
  // The set bits are counted eight columns at a time: lane[half * 8 + k] holds in its byte j the count
  // for bit 8j + k, and is emptied into `ones` before a byte can overflow.
  const ones = new Int32Array(64);
  const lanes = new Int32Array(16);
  const empty = () => {
    for (let l = 0; l < 16; l++) {
      for (let j = 0; j < 4; j++) ones[(l >> 3) * 32 + 8 * j + (l & 7)] += (lanes[l] >>> (8 * j)) & 0xff;
      lanes[l] = 0;
    }
  };
  for (let i = 0; i < count; i++) {
    for (let half = 0; half < 2; half++) {
      const w = hashes[half];
      // Order-sensitive mix of the shingle's (up to) three word hashes.
      let h = w[i];
      for (let j = 1; j < SHINGLE && i + j < w.length; j++) h = Math.imul(rotl(h, 13) ^ w[i + j], 0x5bd1e995) + j;
      h = fmix(h);
      for (let k = 0; k < 8; k++) lanes[half * 8 + k] += (h >>> k) & 0x01010101;
    }
    if (i % 255 === 254) empty();
  }
  empty();
  let hex = '';
  for (let half = 1; half >= 0; half--) {
    let v = 0;
    for (let bit = 0; bit < 32; bit++) if (2 * ones[half * 32 + bit] > count) v |= 1 << bit;
    hex += (v >>> 0).toString(16).padStart(8, '0');
  }
  return hex;
}

function parseHash(h: string): bigint {
  if (!/^[0-9a-f]{16}$/i.test(h)) throw new Error(`not a 64-bit simhash (16 hex digits): ${JSON.stringify(h)}`);
  return BigInt(`0x${h}`);
}

/** Number of differing bits between two simhashes. */
export function hamming(a: string, b: string): number {
  let x = parseHash(a) ^ parseHash(b);
  let n = 0;
  while (x) {
    n += Number(x & 1n);
    x >>= 1n;
  }
  return n;
}

/** True when two simhashes differ in at most `maxBits` bits. */
export function isNearDuplicate(a: string, b: string, maxBits = 3): boolean {
  return hamming(a, b) <= maxBits;
}
