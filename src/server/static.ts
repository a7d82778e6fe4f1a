// Serves the built dashboard (web/dist) at / with a strict Content-Security-Policy, plus the
// knowledge-pack routes its actor views need. Without a build, / keeps the server's plain start page.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';
import { actorProfileRoutes } from './routes/actor-profiles.ts';

export const WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** Scripts only from our origin; Leaflet and React style attributes need inline styles; nothing may frame us. */
export const DASHBOARD_CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
  + "form-action 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'";

export interface DashboardOptions {
  /** Folder of the built dashboard (default web/dist). */
  dist?: string;
  /** Extra knowledge packs, as given to the server. */
  packs?: string[];
}

const dashboardPlugin: FastifyPluginAsync<DashboardOptions> = async (app: FastifyInstance, opts) => {
  await app.register(actorProfileRoutes, { packs: opts.packs });
  const dist = opts.dist ?? WEB_DIST;
  const indexFile = join(dist, 'index.html');
  if (!existsSync(indexFile)) return;
  const index = readFileSync(indexFile);
  // The server's own / route answers when there is no build; with one, this hook answers first.
  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return;
    const path = req.url.split('?')[0];
    if (path !== '/' && path !== '/index.html') return;
    return reply.header('content-security-policy', DASHBOARD_CSP).header('x-content-type-options', 'nosniff')
      .header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(index);
  });
  await app.register(fastifyStatic, {
    root: join(dist, 'assets'),
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
