// Name normalisation shared by the matcher, the pack loader and the scorer, so that
// "Kata'ib", "Kataib" and "Kattaib", or "al-Sudani" and "Sudani", compare equal.

const ASCII = /^[\x00-\x7f]*$/;

/** Lower case, marks removed (NFKD), apostrophes removed, hyphens/punctuation to spaces, the article "al"/"el" dropped, doubled letters collapsed, white space folded. */
export function normalizeName(s: string): string {
  // Loading tens of thousands of names normalises each of them: plain ASCII, by far the most common, takes a
  // loop that gives the same result as the general path (test/knowledge/normalize.test.ts checks it does).
  return ASCII.test(s) ? normalizeAscii(s) : normalizeUnicode(s);
}

/** The general path, and the definition. */
export function normalizeUnicode(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`ʼʿʾ]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    // "al-Sudani" became "al sudani" above; a word that is only the article goes.
    .filter((w) => w !== '' && w !== 'al' && w !== 'el')
    .map((w) => w.replace(/(\p{L})\1+/gu, '$1'))
    .join(' ');
}

/** normalizeUnicode for ASCII text, in one pass: ASCII is its own NFKD form and has no marks. */
function normalizeAscii(s: string): string {
  const t = s.toLowerCase();
  let out = '';
  let word = '';
  // Letters and digits of the word as written: "al" is dropped, "all" (collapsed to "al") is not.
  let written = 0;
  const flush = () => {
    if (word !== '' && !(written === 2 && (word === 'al' || word === 'el'))) out = out === '' ? word : `${out} ${word}`;
    word = '';
    written = 0;
  };
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 39 || c === 96) continue; // ' and ` vanish inside a word
    const letter = c >= 97 && c <= 122;
    if (letter || (c >= 48 && c <= 57)) {
      written++;
      if (letter && word.charCodeAt(word.length - 1) === c) continue; // a doubled letter (not digit) collapses
      word += t[i];
    } else flush();
  }
  flush();
  return out;
}
