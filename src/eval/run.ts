// `trucewatch eval`: runs the pipeline over the gold articles and scores it (SCORING.md), measures
// actor mentions against the gold surface lists (TruceWatch and compromise side by side), and
// adds the date-expression evaluation when that module is present.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Extraction, Span } from '../pipeline/types.ts';
import type { PipelineContext, PipelineResult } from '../pipeline/run.ts';
import type { DatesReport as DateSetReport } from './dates.ts';
import { loadGold, type GoldDoc } from './gold.ts';
import { microAverage, scoreArticle, type ArticleScore, type MicroScore } from './score.ts';
import { compromiseEntities, scoreMentions, sumMentions, surfaceOccurrences, type Compromise, type MentionScore } from './mentions.ts';

export interface EvalOptions {
  corpus: string;
  gold: string;
  /** Extra knowledge pack folders. */
  packs?: string[];
}

export interface ArticleMentions {
  document: string;
  actors: { trucewatch: MentionScore; compromise: MentionScore | null };
  places: { trucewatch: MentionScore; compromise: MentionScore | null };
}

export interface MentionReport {
  /** People and organisations of compromise against the gold actors; its places against the gold places. */
  trucewatch: MentionScore;
  compromise: MentionScore | null;
  places: { trucewatch: MentionScore; compromise: MentionScore | null };
  per_article: ArticleMentions[];
}

/** What src/eval/dates.ts reports, or why it is not available. */
export type DatesReport = DateSetReport | { available: false; reason: string };

export interface EvalReport {
  articles: Array<ArticleScore & { error?: string }>;
  micro: MicroScore;
  events: { p: number; r: number; f1: number };
  statements: { p: number; r: number; f1: number; stance: number | null };
  truces: { accuracy: number | null; correct: number; total: number };
  published: { correct: number; total: number };
  claims: { p: number; r: number; f1: number };
  actor_mentions: MentionReport;
  dates: DatesReport;
}

function emptyExtraction(document: string): Extraction {
  return {
    document, published: null, published_precision: null, published_basis: '', outlets_cited: [],
    actors: [], places: [], events: [], statements: [], truces: [], claims: [],
  };
}

function requireDir(dir: string, what: string): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`${what} directory ${dir} does not exist (give another with --${what})`);
}

async function loadCompromise(): Promise<Compromise | null> {
  try {
    // A dev dependency: without it the comparison column is left empty rather than failing the run.
    const mod = (await import('compromise')) as unknown as { default: Compromise };
    return mod.default;
  } catch {
    return null;
  }
}

async function evaluateDatesIfPresent(): Promise<DatesReport> {
  let evaluateDates: () => DateSetReport;
  try {
    ({ evaluateDates } = await import('./dates.ts'));
  } catch (e) {
    return { available: false, reason: `cannot load src/eval/dates.ts: ${(e as Error).message}` };
  }
  try {
    return evaluateDates();
  } catch (e) {
    return { available: false, reason: `evaluateDates() failed: ${(e as Error).message}` };
  }
}

function mentionScores(result: PipelineResult, gold: GoldDoc, nlp: Compromise | null, toRaw: (s: Span) => Span): ArticleMentions {
  const text = result.doc.raw;
  const goldActors = surfaceOccurrences(text, gold.actors.flatMap((a) => a.surface));
  const goldPlaces = surfaceOccurrences(text, gold.places.flatMap((p) => p.surface));
  const ents = nlp ? compromiseEntities(nlp, text) : null;
  return {
    document: gold.document,
    actors: {
      trucewatch: scoreMentions(result.annotated.actors.map(toRaw), goldActors),
      compromise: ents ? scoreMentions([...ents.people, ...ents.organizations], goldActors) : null,
    },
    places: {
      trucewatch: scoreMentions(result.annotated.places.map(toRaw), goldPlaces),
      compromise: ents ? scoreMentions(ents.places, goldPlaces) : null,
    },
  };
}

function sumOrNull(list: Array<MentionScore | null>): MentionScore | null {
  return list.every((x) => x !== null) ? sumMentions(list as MentionScore[]) : null;
}

/**
 * Scores every article that has a gold file. An article the pipeline fails on is scored as an
 * empty extraction (it found nothing), carries the error, and is left out of the mention figures
 * (there are no annotations to count); `log` receives the errors.
 */
export async function runEval(opts: EvalOptions, log: (line: string) => void = () => {}): Promise<EvalReport> {
  requireDir(opts.corpus, 'corpus');
  requireDir(opts.gold, 'gold');
  const gold = loadGold(opts.gold);
  for (const g of gold.docs) {
    if (!existsSync(join(opts.corpus, g.document))) throw new Error(`gold file for ${g.document} has no article ${join(opts.corpus, g.document)}`);
  }
  const { loadContext, processFile } = await import('../pipeline/run.ts');
  const { toRawSpan } = await import('../ingest/clean.ts');
  const ctx: PipelineContext = loadContext(opts.packs ?? []);
  const nlp = await loadCompromise();

  const articles: EvalReport['articles'] = [];
  const mentions: ArticleMentions[] = [];
  for (const g of gold.docs) {
    const path = join(opts.corpus, g.document);
    let result: PipelineResult;
    try {
      result = await processFile(path, ctx);
    } catch (e) {
      const error = (e as Error).message;
      log(`error: ${g.document}: ${error}`);
      articles.push({ ...scoreArticle(emptyExtraction(g.document), g, gold.actors, ''), error });
      continue;
    }
    articles.push(scoreArticle(result.extraction, g, gold.actors, result.doc.raw));
    mentions.push(mentionScores(result, g, nlp, (s) => toRawSpan(result.doc, s)));
  }

  const micro = microAverage(articles);
  return {
    articles,
    micro,
    events: { p: micro.events.p, r: micro.events.r, f1: micro.events.f1 },
    statements: { p: micro.statements.p, r: micro.statements.r, f1: micro.statements.f1, stance: micro.statements.stance.accuracy },
    truces: micro.truces,
    published: { correct: micro.published.correct, total: micro.published.total },
    claims: { p: micro.claims.p, r: micro.claims.r, f1: micro.claims.f1 },
    actor_mentions: {
      trucewatch: sumMentions(mentions.map((m) => m.actors.trucewatch)),
      compromise: sumOrNull(mentions.map((m) => m.actors.compromise)),
      places: {
        trucewatch: sumMentions(mentions.map((m) => m.places.trucewatch)),
        compromise: sumOrNull(mentions.map((m) => m.places.compromise)),
      },
      per_article: mentions,
    },
    dates: await evaluateDatesIfPresent(),
  };
}
