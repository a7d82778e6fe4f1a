// The HTTP API: Fastify with zod-validated requests, OpenAPI 3 at /openapi.json and docs at /docs.
// Reads are open; writes (ingest, corrections) need the bearer token and are refused when none is configured.
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { InputDoc } from '../pipeline/types.ts';
import { ConfigError, createIngester, type IngestItem } from '../store/ingest.ts';
import { COUNT_CAP, MAX_PAGE, SEARCH_RANK_LIMIT, StoreError, type Store } from '../store/types.ts';
import { CORRECTION_ACTIONS } from '../store/corrections.ts';
import { EXPORT_FORMATS, exportEvents, type ExportFormat } from './export.ts';
import { HTML_CSP, documentsPage } from './html.ts';

export interface ServerOptions {
  store: Store;
  /** Bearer token for writes; without one, writes are refused (403). */
  token?: string;
  /** Extra knowledge packs for POST /api/ingest. */
  packs?: string[];
  /** Largest request body in bytes (default 2 MB). */
  bodyLimit?: number;
}

const page = {
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50).describe(`page size, at most ${MAX_PAGE}`),
  offset: z.coerce.number().int().min(0).default(0),
};
const list = z.string().max(2000).optional().describe('comma-separated values')
  .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined));
// Control characters never belong in a filter (SQLite would cut a LIKE pattern at a NUL).
const short = z.string().max(500).regex(/^[^\u0000-\u001f\u007f]*$/, 'control characters are not allowed').optional();
const flag = z.enum(['true', 'false']).optional().transform((v) => v === 'true');

const eventQuery = z.object({
  ...page, from: short.describe('YYYY, YYYY-MM or YYYY-MM-DD'), to: short, type: list, mode: list, status: list,
  actor: short.describe('actor id'), place: short.describe('place id or name'), text: short, document: short, include_hidden: flag,
});
const filterOf = (q: z.infer<typeof eventQuery>) => ({
  limit: q.limit, offset: q.offset, from: q.from, to: q.to, type: q.type, mode: q.mode, status: q.status,
  actor: q.actor, place: q.place, text: q.text, document: q.document, includeHidden: q.include_hidden,
});

const article = z.object({
  text: z.string().min(1).max(1_000_000),
  url: z.string().max(2000).optional(),
  title: z.string().max(1000).optional(),
  published: z.string().max(40).optional(),
  outlet: z.string().max(300).optional(),
});
const correction = z.object({
  who: z.string().min(1).max(200),
  action: z.enum(CORRECTION_ACTIONS),
  target: z.string().min(1).max(200),
  payload: z.record(z.string(), z.unknown()).optional(),
});

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8', jsonl: 'application/x-ndjson; charset=utf-8', geojson: 'application/geo+json; charset=utf-8',
};

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

function errorBody(error: string, message: string) {
  return { error, message };
}

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const { store } = opts;
  const app = Fastify({ bodyLimit: opts.bodyLimit ?? 2 * 1024 * 1024, logger: false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((err: FastifyError, _req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'request';
      const detail = err.validation.map((v) => `${v.instancePath || where}: ${v.message}`).join('; ');
      return reply.code(400).send(errorBody('bad_request', `invalid ${where}: ${detail}`));
    }
    if (err instanceof StoreError) return reply.code(err.code === 'not_found' ? 404 : 400).send(errorBody(err.code, err.message));
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send(errorBody('payload_too_large', `request body is larger than ${app.initialConfig.bodyLimit} bytes`));
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return reply.code(415).send(errorBody('unsupported_media_type', 'send the body as application/json'));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send(errorBody(err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError ? 'invalid_json' : 'bad_request', err.message));
    }
    if (err instanceof ConfigError) return reply.code(500).send(errorBody('configuration', err.message));
    process.stderr.write(`error: ${err.stack ?? err.message}\n`);
    return reply.code(500).send(errorBody('internal', 'internal error; see the server log'));
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send(errorBody('not_found', `no route ${req.method} ${req.url.split('?')[0]}`)));

  await app.register(swagger, {
    openapi: {
      info: { title: 'TruceWatch API', version: '0.1.0', description: 'Events, statements, claims and truce states extracted from news reports, each traced to its sentence.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  await app.register((await import('./static.ts')).dashboard, { packs: opts.packs });

  const requireToken = async (req: FastifyRequest, reply: FastifyReply) => {
    if (!opts.token) return reply.code(403).send(errorBody('forbidden', 'writes are disabled: start the server with TRUCEWATCH_TOKEN set to allow them'));
    const header = req.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (!given || !timingSafeEqual(digest(given), digest(opts.token))) {
      return reply.code(401).header('www-authenticate', 'Bearer').send(errorBody('unauthorized', 'missing or wrong bearer token'));
    }
  };

  // The pipeline and its packs load on the first ingest request, not at start-up.
  let ingester: Promise<(input: InputDoc) => Promise<IngestItem>> | undefined;

  app.get('/', { schema: { hide: true } }, async (_req, reply) => {
    const docs = await store.listDocuments({ limit: MAX_PAGE });
    return reply.header('content-security-policy', HTML_CSP).header('x-content-type-options', 'nosniff').type('text/html; charset=utf-8').send(documentsPage(docs.items, docs.total));
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/api/documents', { schema: { tags: ['documents'], querystring: z.object(page) } }, (req) => store.listDocuments(req.query));
  app.get('/api/documents/:id', { schema: { tags: ['documents'], params: z.object({ id: z.string().max(200) }) } }, async (req) => {
    const doc = await store.getDocument(req.params.id);
    if (!doc) throw new StoreError('not_found', `no document with id ${req.params.id}`);
    return doc;
  });
  app.get('/api/events', {
    schema: {
      tags: ['events'], querystring: eventQuery,
      description: 'Events, newest first (undated last), as `{items, total, total_exact}`. Matches are counted up to '
        + `${COUNT_CAP.toLocaleString('en')} (or to the end of the page asked for, when further): past that \`total_exact\` is false and \`total\` `
        + 'is a lower bound, always beyond `offset + limit` while another page follows.',
    },
  }, (req) => store.listEvents(filterOf(req.query)));
  app.get('/api/statements', {
    schema: { tags: ['statements'], querystring: z.object({ ...page, from: short, to: short, actor: short, topic: list, stance: list, text: short, document: short, include_hidden: flag }) },
  }, (req) => store.listStatements({ ...req.query, includeHidden: req.query.include_hidden }));
  app.get('/api/claims', { schema: { tags: ['claims'], querystring: z.object({ ...page, text: short, document: short, include_hidden: flag }) } },
    (req) => store.listClaims({ ...req.query, includeHidden: req.query.include_hidden }));
  app.get('/api/actors', { schema: { tags: ['actors'], querystring: z.object({ ...page, q: short }) } }, (req) => store.listActors(req.query));
  app.get('/api/places', { schema: { tags: ['places'], querystring: z.object({ ...page, q: short }) } }, (req) => store.listPlaces(req.query));
  app.get('/api/truces', { schema: { tags: ['truces'], querystring: z.object({ ...page, as_of: short.describe('the state on this day (YYYY-MM-DD)') }) } },
    (req) => store.listTruces({ limit: req.query.limit, offset: req.query.offset, asOf: req.query.as_of }));
  app.get('/api/search', {
    schema: {
      tags: ['search'], querystring: z.object({ ...page, q: z.string().min(1).max(500), kind: list }),
      description: 'Full-text search (every word, stemmed) as `{items, total, total_exact, ranked}`. Best matches first when at most '
        + `${SEARCH_RANK_LIMIT.toLocaleString('en')} rows match (\`ranked\`); past that the most recently indexed first, with \`rank\` null. `
        + '`total` is counted as for /api/events.',
    },
  },
    (req) => store.search(req.query.q, { limit: req.query.limit, offset: req.query.offset, kinds: req.query.kind }));
  app.get('/api/changes', { schema: { tags: ['changes'], querystring: z.object({ ...page, since: z.string().min(4).max(40).describe('ISO date or timestamp') }) } },
    (req) => store.changesSince(req.query.since, req.query));
  app.get('/api/corrections', { schema: { tags: ['corrections'], querystring: z.object({ ...page, target: short, document: short }) } }, (req) => store.listCorrections(req.query));

  for (const format of EXPORT_FORMATS) {
    app.get(`/api/export.${format}`, { schema: { tags: ['export'], querystring: eventQuery.omit({ limit: true, offset: true }) } }, async (req, reply) => {
      const body = await exportEvents(store, format, { ...filterOf({ ...req.query, limit: MAX_PAGE, offset: 0 }), limit: undefined, offset: undefined });
      return reply.type(CONTENT_TYPES[format]).header('content-disposition', `attachment; filename="trucewatch-events.${format}"`).send(body);
    });
  }

  app.post('/api/ingest', {
    onRequest: requireToken,
    schema: { tags: ['write'], security: [{ bearer: [] }], body: z.union([article, z.array(article).min(1).max(100)]) },
  }, async (req) => {
    ingester ??= createIngester(store, { packs: opts.packs });
    const ingest = await ingester;
    const items: IngestItem[] = [];
    for (const [i, a] of (Array.isArray(req.body) ? req.body : [req.body]).entries()) {
      const name = a.title ?? a.url ?? `api-${i + 1}`;
      items.push(await ingest({ source: `api:${name}`, name, format: 'text', raw: a.text, url: a.url, title: a.title, outlet: a.outlet, metaPublished: a.published }));
    }
    return { items, total: items.length };
  });

  app.post('/api/corrections', {
    onRequest: requireToken,
    schema: { tags: ['write'], security: [{ bearer: [] }], body: correction },
  }, async (req, reply) => reply.code(201).send(await store.addCorrection(req.body)));

  return app;
}
