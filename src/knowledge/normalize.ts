// Name normalisation shared by the matcher, the pack loader and the scorer, so that
// "Kata'ib", "Kataib" and "Kattaib", or "al-Sudani" and "Sudani", compare equal.

/** Lower case, marks removed (NFKD), apostrophes removed, hyphens/punctuation to spaces, the article "al"/"el" dropped, doubled letters collapsed, white space folded. */
export function normalizeName(s: string): string {
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
