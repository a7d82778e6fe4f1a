// An optional extractor behind the same interface: a local LLM served through an OpenAI-compatible
// endpoint (llama.cpp, vLLM, Ollama...), asked for JSON constrained by a schema. Nothing is taken on
// trust: every item whose evidence is not found verbatim in the article is rejected. The rule-based
// extractor stays the default and gives everything the model is not asked for (date, actors, places).
import { z } from 'zod';
import type { Annotated, ClaimOut, EventOut, Extraction, StatementOut, TruceOut } from '../pipeline/types.ts';
import { STANCES } from '../pipeline/types.ts';
import { toRawSpan } from '../ingest/clean.ts';

const PLOVER = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT',
  'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'] as const;
const STATUS = ['occurred', 'claimed', 'threatened', 'conditional', 'planned', 'denied', 'hypothetical'] as const;
const TOPICS = ['truce', 'us_presence', 'attacks', 'negotiations', 'other'] as const;
const TRUCE_STATES = ['proposed', 'in_force', 'strained', 'contested', 'ended', 'resumed'] as const;

const LlmEvent = z.object({
  type: z.enum(PLOVER), mode: z.string(), trigger: z.string(), date: z.string().nullable(),
  source: z.array(z.string()), target: z.array(z.string()), location: z.string(), status: z.enum(STATUS),
  fatalities: z.number().int().nullable(), injured: z.union([z.number(), z.string()]).nullable(), attributed_to: z.string(), evidence: z.string(),
});
const LlmStatement = z.object({
  speaker: z.string(), speaker_actor: z.string(), role: z.string(), channel: z.string(), date: z.string().nullable(),
  topic: z.enum(TOPICS), stance: z.enum(STANCES), evidence: z.string(),
});
const LlmTruce = z.object({
  parties: z.array(z.string()), mediator: z.array(z.string()), declared: z.string().nullable(), conditions: z.string(),
  state_as_of: z.array(z.object({ date: z.string(), state: z.enum(TRUCE_STATES), evidence: z.string() })),
});
const LlmClaim = z.object({ quantity: z.string(), value: z.number(), qualifier: z.string(), interval: z.string().nullable(), attributed_to: z.string(), evidence: z.string() });
const LlmAnswer = z.object({ events: z.array(LlmEvent), statements: z.array(LlmStatement), truces: z.array(LlmTruce), claims: z.array(LlmClaim) });
type LlmAnswer = z.infer<typeof LlmAnswer>;

export interface LlmOptions {
  /** Base URL of an OpenAI-compatible server, e.g. http://127.0.0.1:8081/v1 */
  url: string;
  model?: string;
  timeoutMs?: number;
}

export interface LlmResult {
  extraction: Extraction;
  /** Items the model gave whose evidence is not in the article, with the reason. */
  rejected: Array<{ kind: string; evidence: string; reason: string }>;
}

const INSTRUCTIONS = [
  'You extract a sourced record from one news article about armed conflict.',
  'Return JSON only, matching the schema: events (PLOVER types and modes, with status occurred|claimed|threatened|conditional|planned|denied|hypothetical),',
  'statements (speaker, stance from the closed list), truces (parties, mediator, states over time) and numeric claims.',
  'Use the actor ids listed with the article. Every evidence field must be copied EXACTLY from the article text: items whose evidence is not found verbatim are discarded.',
  'Dates are ISO days, months, years or "a/b" intervals, resolved against the publication date given.',
].join(' ');

function schemaFormat(): unknown {
  return { type: 'json_schema', json_schema: { name: 'trucewatch_extraction', strict: true, schema: z.toJSONSchema(LlmAnswer) } };
}

async function ask(opts: LlmOptions, annotated: Annotated, actorIds: string[]): Promise<LlmAnswer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs ?? 120_000);
  const endpoint = `${opts.url.replace(/\/+$/, '')}/chat/completions`;
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      signal: controller.signal,
      body: JSON.stringify({
        model: opts.model ?? 'local',
        temperature: 0,
        response_format: schemaFormat(),
        messages: [
          { role: 'system', content: INSTRUCTIONS },
          { role: 'user', content: `Published: ${annotated.published.value ?? 'unknown'}\nActor ids: ${actorIds.join(', ')}\n\nArticle:\n${annotated.doc.text}` },
        ],
      }),
    });
  } catch (e) {
    throw new Error(`LLM at ${endpoint}: ${(e as Error).name === 'AbortError' ? 'timed out' : (e as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) throw new Error(`LLM at ${endpoint}: HTTP ${response.status}`);
  const body = (await response.json().catch(() => null)) as { choices?: Array<{ message?: { content?: string } }> } | null;
  const content = body?.choices?.[0]?.message?.content;
  if (typeof content !== 'string') throw new Error(`LLM at ${endpoint}: the answer has no message content`);
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    throw new Error(`LLM at ${endpoint}: the answer is not JSON`);
  }
  const parsed = LlmAnswer.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`LLM at ${endpoint}: the answer does not fit the schema at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

/**
 * Runs the model on an annotated article and returns an Extraction whose events, statements, truces and
 * claims come from the model, each kept only if its evidence is a verbatim substring of the article.
 * `base` is the rule-based extraction of the same article: its publication date, actors and places are kept.
 */
export async function extractWithLlm(annotated: Annotated, base: Extraction, opts: LlmOptions): Promise<LlmResult> {
  const answer = await ask(opts, annotated, base.actors.map((a) => a.id));
  const text = annotated.doc.text;
  const rejected: LlmResult['rejected'] = [];
  const locate = <T extends { evidence: string }>(kind: string, item: T): (T & { evidence_start: number; evidence_end: number }) | null => {
    const at = item.evidence ? text.indexOf(item.evidence) : -1;
    if (at < 0) {
      rejected.push({ kind, evidence: item.evidence, reason: 'evidence not found verbatim in the article' });
      return null;
    }
    const raw = toRawSpan(annotated.doc, { start: at, end: at + item.evidence.length });
    return { ...item, evidence_start: raw.start, evidence_end: raw.end };
  };
  const id = (prefix: string, i: number): string => `${prefix}${String(i + 1).padStart(2, '0')}`;
  const events: EventOut[] = answer.events.flatMap((e) => locate('event', e) ?? []).map((e, i) => ({ ...e, id: id('e', i), date_basis: 'model' }));
  const statements: StatementOut[] = answer.statements.flatMap((s) => locate('statement', s) ?? []).map((s, i) => ({ ...s, id: id('s', i), stance_detail: s.stance }));
  const claims: ClaimOut[] = answer.claims.flatMap((c) => locate('claim', c) ?? []);
  const truces: TruceOut[] = answer.truces.flatMap((t, i) => {
    const states = t.state_as_of.flatMap((s) => locate('truce state', s) ?? []);
    return states.length > 0 ? [{ ...t, id: id('t', i), state_as_of: states }] : [];
  });
  return { extraction: { ...base, events, statements, truces, claims }, rejected };
}
