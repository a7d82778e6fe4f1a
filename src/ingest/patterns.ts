// Loads src/ingest/boilerplate.yaml once, validates it and compiles its patterns, so that the
// cleaning and outlet rules stay data that can be edited without touching code.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

const FILE = new URL('./boilerplate.yaml', import.meta.url);

const patternList = z.array(z.string().min(1));
const schema = z.object({
  drop_lines: z.record(z.string(), patternList),
  trailing_markers: patternList,
  navigation: z.object({
    separators: z.array(z.string().min(1)).min(1),
    min_items: z.number().int().min(2),
    max_words_per_item: z.number().int().min(1),
    max_length: z.number().int().min(1),
    keep_if: z.string().min(1),
  }),
  repeated_title: z.object({
    min_words: z.number().int().min(1),
    max_words: z.number().int().min(1),
    max_suffix_words: z.number().int().min(0),
  }),
  outlets: z.object({
    patterns: patternList,
    name_end: z.array(z.string().min(1)),
    name_joiners: z.array(z.string().min(1)),
    not_names: z.array(z.string().min(1)),
    credit_acronym: z.string().min(1),
    credit_suffixes: z.array(z.string().min(1)),
  }),
});

export interface BoilerplateRules {
  /** Whole-line patterns, each tagged with its kind ("comments", "share", ...). */
  dropLines: { kind: string; re: RegExp }[];
  trailingMarkers: RegExp[];
  navigation: { separators: RegExp; minItems: number; maxWordsPerItem: number; maxLength: number; keepIf: RegExp };
  repeatedTitle: { minWords: number; maxWords: number; maxSuffixWords: number };
  /** Outlet patterns; capture group 1 is the outlet's name as written. */
  outlets: RegExp[];
  notNames: Set<string>;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(source: string, flags: string, where: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (e) {
    throw new Error(`${FILE.pathname}: ${where}: invalid pattern ${JSON.stringify(source)}: ${(e as Error).message}`);
  }
}

/** Builds the {name} and {credit} sub-patterns of the outlet rules from their word lists. */
function outletPatterns(o: z.infer<typeof schema>['outlets']): RegExp[] {
  const word = `(?:\\p{Lu}[\\p{L}\\p{N}'’.&-]*|(?:al|el)-\\p{Lu}[\\p{L}\\p{N}'’-]*)`;
  const joiners = o.name_joiners.map(escape).join('|');
  const name = `(?:the\\s+)?(${word}(?:\\s+(?:(?:${joiners})\\s+)?${word})*)`;
  // The name must stop at punctuation, the end of the line or a listed word, never mid-phrase.
  const end = `(?=\\s*(?:[,.;:!?)"“”’]|$)|\\s+(?:${o.name_end.map(escape).join('|')})\\b)`;
  const suffixes = o.credit_suffixes.map(escape).join('|');
  const credit = `\\(((?:${o.credit_acronym})|[A-Z][^()\\n]{0,60}?\\s(?:${suffixes}))\\)\\.?[\\s\\u00a0]*$`;
  return o.patterns.map((p, i) => compile(p.replace('{name}', name + end).replace('{credit}', credit), 'gmu', `outlets.patterns[${i}]`));
}

function load(): BoilerplateRules {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(FILE, 'utf8'));
  } catch (e) {
    throw new Error(`${FILE.pathname}: cannot read: ${(e as Error).message}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${FILE.pathname}: ${issue.path.join('.')}: ${issue.message}`);
  }
  const d = parsed.data;
  return {
    dropLines: Object.entries(d.drop_lines).flatMap(([kind, list]) =>
      list.map((p, i) => ({ kind, re: compile(p, 'iu', `drop_lines.${kind}[${i}]`) })),
    ),
    trailingMarkers: d.trailing_markers.map((p, i) => compile(p, 'iu', `trailing_markers[${i}]`)),
    navigation: {
      separators: compile(`[${d.navigation.separators.map(escape).join('')}]`, 'u', 'navigation.separators'),
      minItems: d.navigation.min_items,
      maxWordsPerItem: d.navigation.max_words_per_item,
      maxLength: d.navigation.max_length,
      keepIf: compile(d.navigation.keep_if, 'iu', 'navigation.keep_if'),
    },
    repeatedTitle: { minWords: d.repeated_title.min_words, maxWords: d.repeated_title.max_words, maxSuffixWords: d.repeated_title.max_suffix_words },
    outlets: outletPatterns(d.outlets),
    notNames: new Set(d.outlets.not_names),
  };
}

let cached: BoilerplateRules | undefined;

/** The compiled rules, loaded on first use. */
export function boilerplateRules(): BoilerplateRules {
  cached ??= load();
  return cached;
}
