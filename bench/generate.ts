// A deterministic corpus generator for the benchmarks: each article is a real report (samples/ and,
// when present, the shared scraped articles) with its actor names swapped for other aliases of the
// same actor (from the packs), its dates shifted, scraping noise added, and a related report
// appended until it is about 5 KB. The same seed always gives the same corpus.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { InputDoc } from '../src/pipeline/types.ts';
import type { Knowledge } from '../src/knowledge/types.ts';
import { readInputs } from '../src/ingest/read.ts';
import { ROOT } from '../src/root.ts';

export const SAMPLES_DIR = join(ROOT, 'samples');
export const SHARED_ARTICLES_DIR = join(ROOT, '..', 'shared', 'corpus', 'articles');

/** Target size of a generated article in bytes. */
export const ARTICLE_BYTES = 5 * 1024;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// Lines a scraper leaves around a body; the cleaner is expected to drop most of them.
const NOISE = [
  'Share this article', 'Advertisement', 'Subscribe to our newsletter', 'Follow us on Telegram',
  'Read more: Regional security roundup', 'Related coverage:', 'Comments (0)', 'Click to print',
  'Sign up for breaking news alerts', 'Skip to main content', 'Photo: archive image', 'Most read',
];

/** mulberry32: a small, fast, seedable PRNG (floats in [0, 1)). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

/** A base text cut into literal pieces and slots the generator fills per article. */
type Piece = string | { alias: string[] } | { year: number } | { month: number } | { day: number };

export interface Template {
  name: string;
  format: InputDoc['format'];
  pieces: Piece[];
  metaPublished?: string;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Alias groups of the theatre actors (the world pack's countries excluded: their names are too
 * common to swap safely), keyed by alias (case-sensitive, as names are capitalised in text).
 */
function aliasGroups(knowledge: Knowledge): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const a of knowledge.actors.values()) {
    if (a.pack === 'world') continue;
    const names = a.aliases.filter((n) => n.length >= 4 && !/[^\p{L}\p{N} .'-]/u.test(n));
    if (names.length < 2) continue;
    for (const n of names) if (!groups.has(n)) groups.set(n, names);
  }
  return groups;
}

/** Cuts a text into literal pieces, alias slots and date slots (years, month names, "Month D" days). */
export function toTemplate(input: InputDoc, groups: Map<string, string[]>, aliasRe: RegExp): Template {
  const slotRe = new RegExp(`${aliasRe.source}|\\b(20[12]\\d)\\b|\\b(${MONTHS.join('|')})(?: (\\d{1,2})\\b)?`, 'gu');
  const pieces: Piece[] = [];
  let last = 0;
  for (const m of input.raw.matchAll(slotRe)) {
    pieces.push(input.raw.slice(last, m.index));
    if (m[1] !== undefined) pieces.push({ alias: groups.get(m[1]) ?? [m[1]] });
    else if (m[2] !== undefined) pieces.push({ year: Number(m[2]) });
    else {
      pieces.push({ month: MONTHS.indexOf(m[3]) });
      if (m[4] !== undefined) pieces.push(' ', { day: Number(m[4]) });
    }
    last = m.index + m[0].length;
  }
  pieces.push(input.raw.slice(last));
  return { name: input.name, format: input.format, pieces, metaPublished: input.metaPublished };
}

/** Reads the base reports (samples/ minus its README, plus the shared articles when present) and makes templates. */
export async function loadTemplates(knowledge: Knowledge, dirs: string[] = [SAMPLES_DIR, SHARED_ARTICLES_DIR]): Promise<Template[]> {
  const groups = aliasGroups(knowledge);
  // Longest alias first so "US forces" wins over "US"; word boundaries keep names whole.
  const alternatives = [...groups.keys()].sort((a, b) => b.length - a.length).map(escapeRe);
  const aliasRe = new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const templates: Template[] = [];
  for await (const r of readInputs(dirs.filter((d) => existsSync(d)))) {
    if (!r.ok || /readme/i.test(r.input.name)) continue;
    templates.push(toTemplate(r.input, groups, aliasRe));
  }
  if (templates.length === 0) throw new Error(`no base reports found in ${dirs.join(', ')}`);
  return templates;
}

function render(t: Template, rand: () => number, yearShift: number, monthShift: number): string {
  let out = '';
  for (const p of t.pieces) {
    if (typeof p === 'string') out += p;
    else if ('alias' in p) out += pick(rand, p.alias);
    else if ('year' in p) out += String(p.year + yearShift);
    else if ('month' in p) out += MONTHS[(p.month + monthShift + 12) % 12];
    else out += String(1 + ((p.day - 1 + Math.floor(rand() * 5)) % 28));
  }
  return out;
}

/**
 * Yields `count` articles of about ARTICLE_BYTES each, deterministically from `seed`.
 * Articles are produced one at a time, so a large corpus is never held in memory.
 */
export function* generateArticles(templates: Template[], count: number, seed = 1): Generator<InputDoc> {
  const rand = prng(seed);
  for (let i = 0; i < count; i++) {
    const yearShift = Math.floor(rand() * 5) - 2;
    const monthShift = Math.floor(rand() * 5) - 2;
    const main = templates[i % templates.length];
    const lines: string[] = [pick(rand, NOISE), render(main, rand, yearShift, monthShift)];
    // A "related report" section fills the article to size, as on many news pages.
    while (lines.join('\n').length < ARTICLE_BYTES) {
      lines.push('', pick(rand, NOISE), render(pick(rand, templates), rand, yearShift, monthShift));
    }
    // A unique trailer keeps every article a distinct document (the store de-duplicates by content hash).
    lines.push('', `${pick(rand, NOISE)} · ref ${seed}-${i}`);
    const raw = lines.join('\n').slice(0, ARTICLE_BYTES + 512);
    yield { source: `generated:${seed}-${i}`, name: `gen-${i}-${main.name}`, format: main.format === 'html' ? 'html' : 'text', raw,
      metaPublished: main.metaPublished?.replace(/^\d{4}/, (y) => String(Number(y) + yearShift)) };
  }
}
