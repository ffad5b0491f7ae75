import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler, jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { DbHandle } from '../db/database.js';
import { ping } from '../db/database.js';
import { migrationsApplied } from '../db/migrate.js';
import { registerErrorHandling } from './error-handler.js';
import { featureRoutes } from './routes.js';
import type { App, AppContext } from './types.js';
import { sessionPlugin } from '../../features/auth/session.plugin.js';
import { randomToken } from '../ids.js';
import { registerBuiltInConnectors } from '../../connectors/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const WEB_DIST = path.resolve(here, '../../../../web/dist');

export interface BuildOptions {
  config: Config;
  database: DbHandle;
  /** Pino options, or false to silence logs in tests. */
  logger?: boolean | object;
  /** Serve the built web app (off in most tests). */
  serveWeb?: boolean;
}

/** Builds the HTTP application: plugins, error mapping, OpenAPI, health checks and every feature's routes. */
export async function buildApp(opts: BuildOptions): Promise<App> {
  const { config, database } = opts;
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: {
              paths: [
                'req.headers.cookie',
                'req.headers.authorization',
                'req.headers["x-csrf-token"]',
                '*.password',
                '*.secret',
                '*.token',
              ],
              censor: '[redacted]',
            },
            ...(typeof opts.logger === 'object' ? opts.logger : {}),
          },
    bodyLimit: config.bodyLimitBytes,
    genReqId: () => randomToken(8),
    requestIdHeader: false,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const ctx: AppContext = { db: database.db, engine: database.engine, config, log: app.log, onClose: [] };
  app.decorate('ctx', ctx);
  registerBuiltInConnectors(ctx);
  app.addHook('onClose', async () => {
    for (const fn of ctx.onClose.reverse()) await fn();
  });
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  registerErrorHandling(app);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    strictTransportSecurity: config.secureCookies,
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Courtdesk API', version: '0.1.0', description: 'Governance of a judiciary’s official social media accounts.' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(sessionPlugin);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/healthz', { schema: { hide: true, response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({
    status: 'ok' as const,
  }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    const db = await ping(database.db);
    const migrations = db && (await migrationsApplied(database.db));
    const ready = db && migrations;
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', database: db, migrations });
  });

  for (const register of featureRoutes) await app.register(register);

  if (opts.serveWeb !== false) {
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: false, index: false, serve: false });
    // The SPA answers every non-API path with index.html so deep links work. Files are looked up per
    // request, so a rebuild of web/dist is picked up without a restart.
    app.get('/*', { schema: { hide: true } }, async (req, reply) => {
      const p = req.url.split('?')[0] ?? '/';
      if (p.startsWith('/api/') || p.startsWith('/public/')) {
        return reply.status(404).send({ error: { code: 'not_found', message: `No route ${req.method} ${p}.` } });
      }
      const file = path.join(WEB_DIST, path.normalize(decodeURIComponent(p)));
      if (file.startsWith(WEB_DIST + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        return reply
          .header('cache-control', p.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache')
          .sendFile(path.relative(WEB_DIST, file));
      }
      const index = path.join(WEB_DIST, 'index.html');
      if (!fs.existsSync(index)) {
        return reply
          .status(503)
          .send({ error: { code: 'web_not_built', message: 'The web app is not built yet: run `npm run build` (npm start does it).' } });
      }
      return reply.type('text/html').header('cache-control', 'no-store').send(fs.readFileSync(index));
    });
  }
  return app;
}
