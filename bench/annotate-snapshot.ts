// `node --import tsx bench/annotate-snapshot.ts OUT.jsonl [--generated N] [--check BASELINE.jsonl]`
// Runs cleanDocument + annotate() over samples/, the shared scraped articles and N generated articles
// (default 300), and writes one JSON line per document: the clean text's identity and offsets, the
// publication date, sentences, tokens, actor and place mentions and time expressions. Optimising the
// stages before extraction must leave this file byte-identical; --check names the first difference.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { InputDoc } from '../src/pipeline/types.ts';
import { readInputs } from '../src/ingest/read.ts';
import { cleanDocument } from '../src/ingest/clean.ts';
import { annotate, loadContext } from '../src/pipeline/run.ts';
import { generateArticles, loadTemplates, SAMPLES_DIR, SHARED_ARTICLES_DIR } from './generate.ts';
import { checkSnapshot, writeSnapshot } from './snapshot.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { generated: { type: 'string', default: '300' }, check: { type: 'string' } },
});
const out = positionals[0];
if (!out) {
  process.stderr.write('usage: annotate-snapshot.ts OUT.jsonl [--generated N] [--check BASELINE.jsonl]\n');
  process.exit(2);
}

const ctx = loadContext();
const inputs: InputDoc[] = [];
for await (const r of readInputs([SAMPLES_DIR, SHARED_ARTICLES_DIR].filter((d) => existsSync(d)))) if (r.ok) inputs.push(r.input);
inputs.push(...generateArticles(await loadTemplates(ctx.knowledge), Number(values.generated), 11));

const lines: string[] = [];
for (const input of inputs) {
  const doc = cleanDocument(input);
  const a = annotate(doc, ctx);
  lines.push(JSON.stringify({
    source: doc.source,
    clean: { id: doc.id, length: doc.text.length, offsets: doc.offsets, outletsCited: doc.outletsCited, simhash: doc.simhash },
    published: a.published,
    sentences: a.sentences,
    tokens: a.tokens,
    actors: a.actors,
    places: a.places,
    times: a.times,
  }));
}
const sha = writeSnapshot(out, lines);
process.stdout.write(`${lines.length} documents, sha256 ${sha}\n`);

if (values.check) checkSnapshot(lines, values.check, (i) => `document ${i} (${inputs[i]?.source})`);
