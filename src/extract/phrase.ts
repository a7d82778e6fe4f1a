// Compiles the lexicon's phrase syntax into regular expressions:
//   words match case-insensitively on word boundaries; "word*" matches any ending;
//   "a|an|the" is a choice; "~" skips up to three words, "~~" up to twenty-five (within the sentence).

export interface PhraseMatch {
  start: number;
  end: number;
  phrase: string;
}

const WORD = String.raw`[\p{L}\p{N}’'\-]`;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function piece(token: string): string {
  return token
    .split('|')
    .map((alt) => (alt.endsWith('*') ? `${escape(alt.slice(0, -1))}${WORD}*` : escape(alt)))
    .join('|');
}

export function compilePhrase(phrase: string): RegExp {
  const tokens = phrase.trim().split(/\s+/);
  let body = '';
  let gap = 0;
  for (const token of tokens) {
    if (token === '~' || token === '~~') {
      gap = token === '~' ? 3 : 25;
      continue;
    }
    if (body !== '') body += gap > 0 ? String.raw`(?:\s+|[,;:]\s*)(?:\S+\s+){0,${gap}}?` : String.raw`\s+`;
    body += `(?:${piece(token)})`;
    gap = 0;
  }
  return new RegExp(String.raw`(?<!${WORD})${body}(?!${WORD})`, 'giu');
}

/** For each word of a phrase, the lower-case strings of which one must occur in a matching text. */
function literalsOf(phrase: string): string[][] {
  return phrase.trim().split(/\s+/).filter((t) => t !== '~' && t !== '~~').map((t) => t.toLowerCase().split('|').map((a) => a.replace(/\*$/, '')));
}

/** A set of phrases compiled once. */
export class PhraseSet {
  private readonly compiled: Array<{ phrase: string; re: RegExp; literals: string[][] }>;

  constructor(phrases: readonly string[]) {
    this.compiled = phrases.map((phrase) => ({ phrase, re: compilePhrase(phrase), literals: literalsOf(phrase) }));
  }

  /** Every match in `text`, in order of position (ties: longer first). */
  findAll(text: string): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    const lower = text.toLowerCase();
    for (const { phrase, re, literals } of this.compiled) {
      // Most phrases are absent from most sentences: a substring check of their words skips the regex.
      if (!literals.every((alts) => alts.some((a) => lower.includes(a)))) continue;
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        out.push({ start: m.index, end: m.index + m[0].length, phrase });
        if (m[0].length === 0) re.lastIndex++;
      }
    }
    return out.sort((a, b) => a.start - b.start || b.end - a.end);
  }

  first(text: string): PhraseMatch | null {
    return this.findAll(text)[0] ?? null;
  }

  test(text: string): boolean {
    const lower = text.toLowerCase();
    return this.compiled.some(({ re, literals }) => {
      if (!literals.every((alts) => alts.some((a) => lower.includes(a)))) return false;
      re.lastIndex = 0;
      return re.test(text);
    });
  }

  /** True when a phrase ends exactly at the end of `text` (ignoring trailing white space and quotes). */
  endsWith(text: string): boolean {
    const t = text.replace(/[\s“”"'‘’(]+$/u, '');
    return this.findAll(t).some((m) => m.end === t.length);
  }

  /** True when a phrase starts at the start of `text` (ignoring leading white space and quotes). */
  startsWith(text: string): boolean {
    const t = text.replace(/^[\s“”"'‘’,)]+/u, '');
    return this.findAll(t).some((m) => m.start === 0);
  }
}
