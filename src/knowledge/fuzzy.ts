// Spelling tolerance for transliterated names: a phonetic key that folds the usual variation of
// Arabic/Persian names in English (q/k, dh/z/d, kh/k, ph/f, e/i, o/u, ou/oo/u, y/i, w/v, ai/ei),
// a consonant skeleton used to find candidates, and Jaro-Winkler to confirm them.
// Inputs are single tokens already passed through normalizeName (lower case, doubled letters collapsed).

const REWRITES: [RegExp, string][] = [
  [/ph/g, 'f'],
  [/kh/g, 'k'],
  [/gh/g, 'g'],
  [/dh/g, 'd'],
  [/th/g, 't'],
  [/ck/g, 'k'],
  [/[qc]/g, 'k'],
  [/z/g, 'd'],
  [/x/g, 'ks'],
  [/v/g, 'w'],
  [/ou|oo/g, 'u'],
  [/ee/g, 'i'],
  [/e/g, 'i'],
  [/o/g, 'u'],
  [/y/g, 'i'],
  [/w/g, 'u'],
  [/(\p{L})\1+/gu, '$1'],
  [/[ai]i/g, 'i'],
  [/([aiu])h$/, '$1'],
];

/** "Kattayib" and "Kataeb" → "katib"; "Kadhimi" and "Kazimi" → "kadimi". */
export function phoneticKey(token: string): string {
  let s = token;
  for (const [re, to] of REWRITES) s = s.replace(re, to);
  return s;
}

/** The key without vowels: a coarse bucket that all spellings of a name share ("hidbulah", "hidbalah" → "hdbl"). */
export function skeleton(key: string): string {
  return key.replace(/[aiu]/g, '').replace(/h$/, '') || key;
}

/** Jaro-Winkler similarity in [0, 1]. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aHit = new Array<boolean>(a.length).fill(false);
  const bHit = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++) {
      if (bHit[j] || a[i] !== b[j]) continue;
      aHit[i] = bHit[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let t = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    if (!aHit[i]) continue;
    while (!bHit[j]) j++;
    if (a[i] !== b[j]) t++;
    j++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Below this per-token similarity of phonetic keys two spellings are different names. */
export const FUZZY_THRESHOLD = 0.9;

/**
 * How alike two normalised tokens are as spellings of one name (0 when they must not match).
 * A token that is the other plus an ending ("Sudan"/"Sudani", "Iraq"/"Iraqi", "Jordan"/"Jordanian")
 * is a different word (a nisba or demonym), never a variant; so is one that is the other plus a first letter.
 * `key` may be a cached phoneticKey.
 */
export function tokenSimilarity(a: string, b: string, key: (token: string) => string = phoneticKey): number {
  if (a === b) return 1;
  if (a.startsWith(b) || b.startsWith(a)) return 0;
  const ka = key(a);
  const kb = key(b);
  if (ka === kb) return 0.95;
  // One word inside the other is a different word: an ending ("Sudani") or a lost first letter ("Krajina"/"Ukrajina").
  if (ka.startsWith(kb) || kb.startsWith(ka) || ka.endsWith(kb) || kb.endsWith(ka)) return 0;
  // Short words carry too little evidence for an inexact match.
  if (Math.min(a.length, b.length) < 4) return 0;
  const s = jaroWinkler(ka, kb);
  return s >= FUZZY_THRESHOLD ? s : 0;
}
