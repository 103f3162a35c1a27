// Builds the Fastify application: one process serves the API under /api/v1, the OpenAPI
// document, the health check and (in production) the built web client.
import path from 'node:path';
import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from './lib/errors';
import { isDatabaseUnavailable } from './lib/db-errors';
import { addSecurityHeaders } from './lib/security-headers';
import { buildOpenApi, parseOr400, requestLocale, zodDetails, type AnyRoute } from './lib/http';
import { actorFromToken, SESSION_COOKIE } from './lib/session';
import type { AppContext } from './lib/context';
import type { AuthActor } from './lib/actor';
import { t } from '../contracts/messages';
import { LIMITS } from '../contracts/limits';
import { allRoutes } from './modules';
import { publicSiteRoutes } from './modules/public-site/public-site.routes';

export const WEB_DIST = path.resolve(import.meta.dirname, '../../dist/web');
const VERSION = '0.1.0';

declare module 'fastify' {
  interface FastifyRequest {
    actor: AuthActor | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a log line says of a request: method, path without the query string, host and client address. */
export function logRequest(req: FastifyRequest) {
  return { method: req.method, url: req.url.split('?')[0], host: req.host, remoteAddress: req.ip };
}

export async function buildApp(ctx: AppContext, opts: { logger?: boolean; serveWeb?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    // Request lines carry the path only: a query string can hold personal data (a CCCD searched for).
    logger: opts.logger ? { level: ctx.config.LOG_LEVEL, serializers: { req: logRequest } } : false,
    trustProxy: ctx.config.TRUST_PROXY === 'true',
    bodyLimit: 1024 * 1024,
    // Refusals by the router before any route runs (percent-encoding that is not UTF-8, an over-long
    // path parameter): the same Vietnamese error body as every other refusal.
    frameworkErrors: (_err, req, reply) => {
      void (reply as FastifyReply).status(400).send({ code: 'VALIDATION', message: t(requestLocale(req as FastifyRequest), 'error.VALIDATION') });
    },
  });
  app.decorateRequest('actor', null);
  app.addHook('onSend', addSecurityHeaders);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: LIMITS.importMaxBytes, files: 1, fields: 10 } });

  app.setErrorHandler((err, req, reply) => {
    const locale = requestLocale(req, req.actor);
    if (err instanceof AppError) {
      return reply.status(err.status).send({ code: err.code, message: t(locale, err.messageKey, err.params), details: err.details });
    }
    if (err instanceof z.ZodError) {
      return reply.status(400).send({ code: 'VALIDATION', message: t(locale, 'error.VALIDATION'), details: zodDetails(err, locale) });
    }
    const e = err as { code?: string; statusCode?: number };
    if (e.code === 'FST_REQ_FILE_TOO_LARGE' || e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || e.statusCode === 413) {
      return reply.status(413).send({ code: 'PAYLOAD_TOO_LARGE', message: t(locale, 'error.PAYLOAD_TOO_LARGE', { maxMb: Math.round(LIMITS.importMaxBytes / 1048576) }) });
    }
    // A multipart body the parser cannot read (no boundary, cut short, malformed part headers).
    if (/^(Multipart: Boundary not found|Unexpected end of (form|multipart data)|Malformed part header)/i.test((err as Error).message ?? '')) {
      return reply.status(400).send({ code: 'VALIDATION', message: t(locale, 'error.VALIDATION') });
    }
    if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || e.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
      return reply.status(415).send({ code: 'UNSUPPORTED_FILE', message: t(locale, 'error.VALIDATION') });
    }
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      return reply.status(400).send({ code: 'VALIDATION', message: t(locale, 'error.VALIDATION') });
    }
    if (isDatabaseUnavailable(err)) {
      // PostgreSQL rolled back whatever this request had begun: nothing was saved; the pool reconnects by itself.
      req.log.warn({ err: { code: e.code, message: (err as Error).message } }, 'database unavailable');
      return reply.status(503).header('retry-after', '5').send({ code: 'UNAVAILABLE', message: t(locale, 'error.UNAVAILABLE') });
    }
    req.log.error(err);
    if (process.env.VD_DEBUG_ERRORS) console.error(err);
    return reply.status(500).send({ code: 'INTERNAL', message: t(locale, 'error.INTERNAL') });
  });

  app.get('/api/health', async (_req, reply) => {
    try {
      await ctx.db.execute(sql`select 1`);
      return { status: 'ok', database: 'ok', version: VERSION };
    } catch {
      return reply.status(503).send({ status: 'error', database: 'unreachable', version: VERSION });
    }
  });

  const routes = allRoutes();
  const openapi = buildOpenApi(routes, VERSION);
  app.get('/api/openapi.json', async () => openapi);

  for (const route of routes) mountRoute(app, ctx, route);
  // The organisations' public site: server-rendered HTML pages (no JavaScript needed), in their own scope.
  await app.register(publicSiteRoutes, { ctx, serveWeb: opts.serveWeb ?? false, webDist: WEB_DIST });

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !opts.serveWeb || !existsSync(path.join(WEB_DIST, 'index.html'))) {
      const locale = requestLocale(req);
      return reply.status(404).send({ code: 'NOT_FOUND', message: t(locale, 'error.NOT_FOUND') });
    }
    // Client-side routes: serve the single-page app.
    return reply.type('text/html').sendFile('index.html');
  });
  if (opts.serveWeb && existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, index: ['index.html'], wildcard: false, maxAge: '1h' });
  }
  return app;
}

async function authenticate(ctx: AppContext, req: FastifyRequest): Promise<AuthActor | null> {
  const token = req.cookies[SESSION_COOKIE];
  if (!token) return null;
  return actorFromToken(ctx, token);
}

function mountRoute(app: FastifyInstance, ctx: AppContext, route: AnyRoute) {
  app.route({
    method: route.method,
    url: `/api/v1${route.url}`,
    handler: async (req, reply) => {
      // authenticate → (CSRF) → validate → handler (which loads, authorizes, runs the use case, presents)
      const actor = await authenticate(ctx, req);
      req.actor = actor;
      if (route.auth !== 'public') {
        if (!actor) throw new AppError('UNAUTHENTICATED');
        if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== actor.csrfToken) throw new AppError('CSRF');
      }
      const locale = requestLocale(req, actor);
      const params = route.params ? parseOr400(route.params, req.params, locale) : undefined;
      const query = route.query ? parseOr400(route.query, req.query, locale) : undefined;
      const body = route.body ? parseOr400(route.body, req.body ?? {}, locale) : undefined;
      const result = await route.handler({ req, reply, params, query, body, actor: actor as AuthActor, app: ctx, locale });
      if (reply.sent) return reply;
      return result;
    },
  });
}
