// Serves the built dashboard (web/dist) at / with a strict Content-Security-Policy, plus the
// knowledge-pack routes its actor views need. Without a build, / keeps the server's plain start page.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';
import { actorProfileRoutes } from './routes/actor-profiles.ts';
import { ROOT } from '../root.ts';

export const WEB_DIST = join(ROOT, 'web', 'dist');

/** Scripts only from our origin; Leaflet and React style attributes need inline styles; nothing may frame us. */
export const DASHBOARD_CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
  + "form-action 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'";

export interface DashboardOptions {
  /** Extra knowledge packs, as given to the server. */
  packs?: string[];
}

const dashboardPlugin: FastifyPluginAsync<DashboardOptions> = async (app: FastifyInstance, opts) => {
  await app.register(actorProfileRoutes, { packs: opts.packs });
  const indexFile = join(WEB_DIST, 'index.html');
  if (!existsSync(indexFile)) return;
  // The server's own / route answers when there is no build; with one, this hook answers first.
  // index.html is read per request so a rebuild (new asset names) needs no restart.
  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return;
    const path = req.url.split('?')[0];
    if (path !== '/' && path !== '/index.html') return;
    return reply.header('content-security-policy', DASHBOARD_CSP).header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(await readFile(indexFile));
  });
  await app.register(fastifyStatic, {
    root: join(WEB_DIST, 'assets'),
    prefix: '/assets/',
    index: false,
    // File names carry a content hash, so they never change.
    immutable: true,
    maxAge: '365d',
    setHeaders: (res) => {
      res.setHeader('content-security-policy', DASHBOARD_CSP);
      res.setHeader('x-content-type-options', 'nosniff');
    },
  });
};

// Not encapsulated (what fastify-plugin does): the / hook must see the server's own routes.
(dashboardPlugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;

export const dashboard = dashboardPlugin;
