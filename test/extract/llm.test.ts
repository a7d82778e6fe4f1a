// The optional LLM extractor, against a real HTTP server on loopback that replays a recorded answer.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { loadContext, processInput } from '../../src/pipeline/run.ts';
import { extractWithLlm } from '../../src/extract/llm.ts';

const dir = new URL('../fixtures/llm/', import.meta.url);
const report = readFileSync(new URL('report.txt', dir), 'utf8');
const recorded = readFileSync(new URL('answer.json', dir), 'utf8');

// What the endpoint answers next: the recorded content, a broken body, or an HTTP error.
let reply: { status: number; content: string } = { status: 200, content: recorded };
const requests: Array<Record<string, unknown>> = [];
const server = Fastify();
server.post('/v1/chat/completions', async (req, res) => {
  requests.push(req.body as Record<string, unknown>);
  res.code(reply.status);
  return { choices: [{ message: { role: 'assistant', content: reply.content } }] };
});
const base = `${await server.listen({ host: '127.0.0.1', port: 0 })}/v1`;
after(() => server.close());

const ctx = loadContext();
const result = processInput({ source: 'report.txt', name: 'report.txt', format: 'text', raw: report }, ctx);

test('asks for JSON constrained by a schema and keeps only items with verbatim evidence', async () => {
  reply = { status: 200, content: recorded };
  const { extraction, rejected } = await extractWithLlm(result.annotated, result.extraction, { url: base });
  const body = requests.at(-1)!;
  assert.equal((body.response_format as { type: string }).type, 'json_schema');
  assert.equal(extraction.events.length, 1, 'the invented threat is rejected');
  assert.equal(rejected.length, 1);
  assert.match(rejected[0].reason, /not found verbatim/);
  for (const item of [...extraction.events, ...extraction.statements, ...extraction.claims, ...extraction.truces.flatMap((t) => t.state_as_of)]) {
    assert.equal(report.slice(item.evidence_start, item.evidence_end), item.evidence);
  }
  assert.equal(extraction.statements[0].stance, 'deny_responsibility');
  assert.equal(extraction.published, result.extraction.published, 'the publication date is the rule pipeline\'s');
});

test('an answer outside the schema is a clear error', async () => {
  reply = { status: 200, content: JSON.stringify({ events: [{ type: 'EXPLODE' }], statements: [], truces: [], claims: [] }) };
  await assert.rejects(extractWithLlm(result.annotated, result.extraction, { url: base }), /does not fit the schema at events\.0/);
  reply = { status: 200, content: 'Sure! Here is the JSON you asked for.' };
  await assert.rejects(extractWithLlm(result.annotated, result.extraction, { url: base }), /not JSON/);
});

test('an HTTP error or an unreachable server is a clear error', async () => {
  reply = { status: 500, content: '' };
  await assert.rejects(extractWithLlm(result.annotated, result.extraction, { url: base }), /HTTP 500/);
  await assert.rejects(extractWithLlm(result.annotated, result.extraction, { url: 'http://127.0.0.1:9/v1', timeoutMs: 2000 }), /LLM at http:\/\/127\.0\.0\.1:9/);
});
