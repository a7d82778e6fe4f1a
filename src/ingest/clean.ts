// The clean stage: drops what scraping leaves in a report's body (see also links, comment forms,
// share and donation widgets, menus, a title shown twice, "link" markers) by whole lines, so every
// kept piece is a verbatim copy of the raw text and evidence offsets map back exactly.
// The patterns are data, in boilerplate.yaml.
import type { Document, InputDoc, OffsetSegment, Span } from '../pipeline/types.ts';
import { boilerplateRules, type BoilerplateRules } from './patterns.ts';
import { contentId, simhash } from './identity.ts';
import { findOutletsCited } from './outlets.ts';

interface Line {
  start: number;
  /** End of the kept content (before a trimmed trailing marker). */
  end: number;
  /** Start of the line terminator. */
  eol: number;
  /** End of the line terminator. */
  next: number;
  blank: boolean;
}

/** Folds every kind of white space (the scraped text is full of non-breaking spaces) and trims. */
const fold = (s: string): string => s.replace(/\s+/gu, ' ').trim();

function splitLines(raw: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  for (;;) {
    const m = re.exec(raw);
    const end = m ? m.index : raw.length;
    const next = m ? m.index + m[0].length : raw.length;
    lines.push({ start, end, eol: end, next, blank: !/\S/.test(raw.slice(start, end)) });
    if (!m) return lines;
    start = next;
  }
}

function isNavigation(text: string, nav: BoilerplateRules['navigation']): boolean {
  if (text.length > nav.maxLength || nav.keepIf.test(text)) return false;
  const items = text.split(nav.separators).map((s) => s.trim());
  return items.length >= nav.minItems && items.every((s) => s !== '' && s.split(' ').length <= nav.maxWordsPerItem);
}

/** Key under which a headline-like line is compared with earlier ones. */
const titleKey = (text: string): string => text.toLowerCase().replace(/[\s.,:;!?]+$/u, '');

/** Words of a folded text: one more than its spaces (counted without splitting it). */
function wordCount(s: string): number {
  if (s === '') return 0;
  let n = 1;
  for (let i = s.indexOf(' '); i >= 0; i = s.indexOf(' ', i + 1)) n++;
  return n;
}

/** Keys of a line minus a short trailing suffix after a separator ("<title>, 23 AUGUST" → "<title>"). */
function stems(key: string, rules: BoilerplateRules['repeatedTitle']): string[] {
  const out: string[] = [];
  for (const m of key.matchAll(/(?:[,:]|\s[|–—-])\s+/gu)) {
    const stem = titleKey(key.slice(0, m.index));
    if (wordCount(stem) >= rules.minWords && wordCount(key.slice(m.index + m[0].length)) <= rules.maxSuffixWords) out.push(stem);
  }
  return out;
}

/** Decides which lines to keep, and where a kept line ends once a trailing marker is cut. */
function keptLines(raw: string, rules: BoilerplateRules): Line[] {
  const kept: Line[] = [];
  // Keys of earlier headline-like lines, and of those lines minus a short suffix: a later line with one of these keys repeats them.
  const seen = new Set<string>();
  for (const line of splitLines(raw)) {
    if (line.blank) {
      // One blank line between kept lines is enough; runs left by dropped lines collapse.
      if (kept.length > 0 && !kept[kept.length - 1].blank) kept.push(line);
      continue;
    }
    let end = line.end;
    for (const re of rules.trailingMarkers) {
      const m = re.exec(raw.slice(line.start, end));
      if (m) end = line.start + m.index;
    }
    const text = fold(raw.slice(line.start, end));
    if (text === '' || rules.dropLines.some(({ re }) => re.test(text)) || isNavigation(text, rules.navigation)) continue;
    const words = wordCount(text);
    if (words >= rules.repeatedTitle.minWords && words <= rules.repeatedTitle.maxWords) {
      const key = titleKey(text);
      if (seen.has(key)) continue;
      seen.add(key);
      for (const stem of stems(key, rules.repeatedTitle)) seen.add(stem);
    }
    kept.push({ ...line, end });
  }
  while (kept.length > 0 && kept[kept.length - 1].blank) kept.pop();
  return kept;
}

/** Removes scraping boilerplate; the clean text is the kept lines, verbatim, with offsets back to the raw text. */
export function cleanDocument(input: InputDoc): Document {
  const rules = boilerplateRules();
  const raw = input.raw;
  const kept = keptLines(raw, rules);
  const offsets: OffsetSegment[] = [];
  let text = '';
  const emit = (from: number, to: number): void => {
    if (to <= from) return;
    const last = offsets[offsets.length - 1];
    if (last && last.raw + last.length === from) last.length += to - from;
    else offsets.push({ clean: text.length, raw: from, length: to - from });
    text += raw.slice(from, to);
  };
  kept.forEach((line, i) => {
    emit(line.start, line.end);
    if (i < kept.length - 1) emit(line.eol, line.next);
  });
  return {
    id: contentId(text),
    source: input.source,
    name: input.name,
    format: input.format,
    url: input.url,
    title: input.title,
    outlet: input.outlet,
    metaPublished: input.metaPublished,
    raw,
    text,
    offsets,
    outletsCited: findOutletsCited(text),
    simhash: simhash(text),
  };
}

/** Index of the segment holding `offset` on the given side, or -1. */
function findSegment(segments: OffsetSegment[], side: 'clean' | 'raw', offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid];
    if (offset < s[side]) hi = mid - 1;
    else if (offset >= s[side] + s.length) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Raw-text offset of the character at `cleanOffset`; `text.length` maps to the end of the last kept piece. */
export function toRawOffset(doc: Document, cleanOffset: number): number {
  if (!Number.isInteger(cleanOffset) || cleanOffset < 0 || cleanOffset > doc.text.length) {
    throw new RangeError(`${doc.source}: clean offset ${cleanOffset} is outside the text (0..${doc.text.length})`);
  }
  if (cleanOffset === doc.text.length) {
    const last = doc.offsets[doc.offsets.length - 1];
    return last ? last.raw + last.length : 0;
  }
  const s = doc.offsets[findSegment(doc.offsets, 'clean', cleanOffset)];
  return s.raw + (cleanOffset - s.clean);
}

/** Raw span of a clean span: the end is mapped from the last character, so a span never reaches over a dropped line. */
export function toRawSpan(doc: Document, span: Span): Span {
  const start = toRawOffset(doc, span.start);
  return { start, end: span.end > span.start ? toRawOffset(doc, span.end - 1) + 1 : start };
}

/** Clean-text offset of the raw character at `rawOffset`, or null when cleaning dropped it. */
export function toCleanOffset(doc: Document, rawOffset: number): number | null {
  if (!Number.isInteger(rawOffset) || rawOffset < 0 || rawOffset > doc.raw.length) {
    throw new RangeError(`${doc.source}: raw offset ${rawOffset} is outside the raw text (0..${doc.raw.length})`);
  }
  const i = findSegment(doc.offsets, 'raw', rawOffset);
  if (i >= 0) return doc.offsets[i].clean + (rawOffset - doc.offsets[i].raw);
  const last = doc.offsets[doc.offsets.length - 1];
  return last && rawOffset === last.raw + last.length ? doc.text.length : null;
}
