// `node --import tsx bench/annotate-snapshot.ts OUT.jsonl [--generated N] [--check BASELINE.jsonl]`
// Runs cleanDocument + annotate() over samples/, the shared scraped articles and N generated articles
// (default 300), and writes one JSON line per document: the clean text's identity and offsets, the
// publication date, sentences, tokens, actor and place mentions and time expressions. Optimising the
// stages before extraction must leave this file byte-identical; --check names the first difference.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { InputDoc } from '../src/pipeline/types.ts';
import { readInputs } from '../src/ingest/read.ts';
import { cleanDocument } from '../src/ingest/clean.ts';
import { annotate, loadContext } from '../src/pipeline/run.ts';
import { generateArticles, loadTemplates, SAMPLES_DIR, SHARED_ARTICLES_DIR } from './generate.ts';

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
const body = `${lines.join('\n')}\n`;
writeFileSync(out, body);
process.stdout.write(`${lines.length} documents, sha256 ${createHash('sha256').update(body).digest('hex')}\n`);

if (values.check) {
  const base = readFileSync(values.check, 'utf8').split('\n');
  const diff = lines.findIndex((l, i) => l !== base[i]);
  if (diff < 0 && base.length === lines.length + 1) {
    process.stdout.write('identical to the baseline\n');
  } else {
    const i = diff < 0 ? lines.length : diff;
    const a = lines[i] ?? '';
    const b = base[i] ?? '';
    let c = 0;
    while (c < a.length && a[c] === b[c]) c++;
    process.stdout.write(`differs at document ${i} (${inputs[i]?.source}), char ${c}:\n  now:  …${a.slice(Math.max(0, c - 200), c + 200)}\n  base: …${b.slice(Math.max(0, c - 200), c + 200)}\n`);
    process.exitCode = 1;
  }
}
