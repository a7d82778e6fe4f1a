// `node --import tsx bench/stages.ts [N] [ROUNDS]`: milliseconds per generated article of each stage
// before extraction, of the whole annotate(), of extract(), and of wink-nlp's bare readDoc on the same
// clean texts, with its default pipe and with sentences + POS only (the floor of the tokenize stage). Stages are timed apart, so annotate()
// repeats work already counted in the stages above it. Each article's time in a stage is the best of
// ROUNDS passes (default 3), since the machine is shared.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { loadavg } from 'node:os';
import { loadContext, annotate } from '../src/pipeline/run.ts';
import { cleanDocument } from '../src/ingest/clean.ts';
import { tokenize } from '../src/text/tokenize.ts';
import { findMentions } from '../src/knowledge/index.ts';
import { findTimes, resolvePublished } from '../src/time/index.ts';
import { extract } from '../src/extract/index.ts';
import { generateArticles, loadTemplates } from './generate.ts';

const ctx = loadContext();
const n = Number(process.argv[2] ?? 60);
const rounds = Number(process.argv[3] ?? 3);
const inputs = [...generateArticles(await loadTemplates(ctx.knowledge), n, 11)];
const nlp = winkNLP(model);
const nlpSbdPos = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;
// best[stage][article]: the fastest of the rounds for that article, so that a round in which another
// process took the core counts only where it was slowest.
const best: Record<string, number[]> = {};
let article = 0;
const time = <T>(k: string, f: () => T): T => {
  const a = performance.now();
  const r = f();
  const ms = performance.now() - a;
  const row = (best[k] ??= []);
  row[article] = Math.min(row[article] ?? Infinity, ms);
  return r;
};

// Warm-up: lazy initialisation and the JIT are not timed.
for (const inp of inputs.slice(0, 3)) extract(annotate(cleanDocument(inp), ctx), ctx);
for (let r = 0; r < rounds; r++) {
  for (const [i, inp] of inputs.entries()) {
    article = i;
    const doc = time('clean', () => cleanDocument(inp));
    const tok = time('tokenize', () => tokenize(doc.text));
    const undated = time('mentions', () => findMentions(ctx.matcher, doc.text, { date: null }));
    time('published', () => resolvePublished({ text: doc.text, metaPublished: doc.metaPublished, sentences: tok.sentences, actors: undated.actors, referenceEvents: ctx.knowledge.referenceEvents }));
    time('times', () => findTimes(doc.text, '2024-01-01'));
    const ann = time('annotate', () => annotate(doc, ctx));
    time('extract', () => extract(ann, ctx));
    time('wink readDoc', () => {
      const d = nlp.readDoc(doc.text);
      d.sentences().out();
      d.tokens().out(its.pos);
    });
    time('wink sbd+pos', () => {
      const d = nlpSbdPos.readDoc(doc.text);
      d.sentences().out();
      d.tokens().out(its.pos);
    });
  }
}
const perArticle = (k: string) => best[k].reduce((a, b) => a + b, 0) / inputs.length;
console.log(`${inputs.length} articles, best of ${rounds} per article, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}; ms/article:`);
for (const k of Object.keys(best)) console.log(`  ${k.padEnd(14)} ${perArticle(k).toFixed(2)}`);
console.log(`  clean+annotate ${(perArticle('clean') + perArticle('annotate')).toFixed(2)}`);
