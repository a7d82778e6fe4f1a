// `node --import tsx bench/stages.ts [N] [ROUNDS]`: milliseconds per generated article of each stage
// before extraction, of the whole annotate(), of extract(), and of wink-nlp's bare readDoc on the same
// clean texts (the floor the tokenize stage is measured against). Stages are timed apart, so annotate()
// repeats work already counted in the stages above it. Each figure is the best of ROUNDS (default 3)
// passes over the articles, since the machine is shared.
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
const its = nlp.its;
let t: Record<string, number> = {};
const time = <T>(k: string, f: () => T): T => {
  const a = performance.now();
  const r = f();
  t[k] = (t[k] ?? 0) + performance.now() - a;
  return r;
};
const round = (x: number) => x.toFixed(2);

// Warm-up: lazy initialisation and the JIT are not timed.
for (const inp of inputs.slice(0, 3)) extract(annotate(cleanDocument(inp), ctx), ctx);
const best: Record<string, number> = {};
for (let r = 0; r < rounds; r++) {
  t = {};
  for (const inp of inputs) {
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
  }
  t['clean+annotate'] = t.clean + t.annotate;
  for (const [k, v] of Object.entries(t)) best[k] = Math.min(best[k] ?? Infinity, v);
}
console.log(`${inputs.length} articles, best of ${rounds}, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}; ms/article:`);
for (const [k, v] of Object.entries(best)) console.log(`  ${k.padEnd(14)} ${round(v / inputs.length)}`);
