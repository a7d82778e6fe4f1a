// The runner: chains the named stages over one document. Each stage is a pure function;
// knowledge is loaded once into a PipelineContext and passed in.
//   read → clean → tokens and sentences → actor and place mentions → publication date
//   → time expressions → events, statements, claims, truces
import type { Annotated, Document, Extraction, InputDoc } from './types.ts';
import type { Knowledge } from '../knowledge/types.ts';
import { cleanDocument } from '../ingest/clean.ts';
import { readInputs } from '../ingest/read.ts';
import { loadKnowledge, createMatcher, findNames, mentionsOn, type Matcher } from '../knowledge/index.ts';
import { tokenize } from '../text/tokenize.ts';
import { datelineLeadIn, findTimes, resolvePublished } from '../time/index.ts';
import { extract } from '../extract/index.ts';
import { loadLexicon, type Lexicon } from '../extract/lexicon.ts';

export interface PipelineContext {
  knowledge: Knowledge;
  matcher: Matcher;
  lexicon: Lexicon;
}

export interface PipelineResult {
  doc: Document;
  annotated: Annotated;
  extraction: Extraction;
}

/** Loads the packs (default ones plus `extraPacks`) once for many documents. */
export function loadContext(extraPacks: string[] = []): PipelineContext {
  const knowledge = loadKnowledge(extraPacks);
  return { knowledge, matcher: createMatcher(knowledge), lexicon: loadLexicon() };
}

/** Tokens, sentences, mentions, publication date and time expressions of a clean document. */
export function annotate(doc: Document, ctx: PipelineContext): Annotated {
  const { tokens, sentences } = tokenize(doc.text);
  // Names are found once; their mentions are resolved without a date (offices resolve to their
  // organisation), then again on the publication day.
  // The dateline's place is where the report was filed from, no mention of what it tells.
  const leadIn = datelineLeadIn(doc.text);
  const told = <T extends { start: number }>(m: T): boolean => leadIn === null || m.start < leadIn.start || m.start >= leadIn.end;
  const found = findNames(ctx.matcher, doc.text);
  const names = leadIn === null ? found : { ...found, actors: found.actors.filter(told), places: found.places.filter(told) };
  const undated = mentionsOn(names, { date: null });
  const published = resolvePublished({
    text: doc.text,
    metaPublished: doc.metaPublished,
    sentences,
    actors: undated.actors,
    referenceEvents: ctx.knowledge.referenceEvents,
  });
  const day = published.value ? published.value.split('/')[0] : null;
  // Only office titles ("the Prime Minister") depend on the day; without any, the first resolution stands.
  const dated = day && day.length === 10 && undated.actors.some((m) => m.via === 'office');
  const { actors, places } = dated ? mentionsOn(names, { date: day }) : undated;
  const times = findTimes(doc.text, day && day.length === 10 ? day : null);
  return { doc, published, sentences, tokens, actors, places, times };
}

/** clean → annotate → extract. */
export function processInput(input: InputDoc, ctx: PipelineContext): PipelineResult {
  return processDocument(cleanDocument(input), ctx);
}

/** annotate → extract, for a document already cleaned. */
export function processDocument(doc: Document, ctx: PipelineContext): PipelineResult {
  const annotated = annotate(doc, ctx);
  const extraction = extract(annotated, ctx);
  return { doc, annotated, extraction };
}

/** Reads one file (any supported format) and runs the pipeline on its first document. Throws with the reason when it cannot be read. */
export async function processFile(path: string, ctx: PipelineContext): Promise<PipelineResult> {
  for await (const r of readInputs([path])) {
    if (!r.ok) throw new Error(`${r.source}: ${r.error}`);
    return processInput(r.input, ctx);
  }
  throw new Error(`${path}: no document found`);
}
