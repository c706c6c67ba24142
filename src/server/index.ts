/**
 * The reading room: Verbatim's web UI and HTTP API on one Fastify server, over one store.
 *
 * @example
 *   const store = openStore('./verbatim-data');
 *   const app = await buildServer({ store });
 *   await app.listen({ port: 8080, host: '127.0.0.1' });
 *   // GET /api/documents/frus1981-88v05-d151 → the document as JSON
 *   // GET /documents/frus1981-88v05-d151      → the same, to read; .json for its twin
 */
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Store } from '../store/store.ts';
import type { Room, TraceRateLimit } from './context.ts';
import type { Engines } from './engines.ts';
import { errorHandling, frameworkErrorHandler, MAX_PATH_PARAM_LENGTH } from './errors.ts';
import { OPENAPI_PATH, openApiDocument, recordRoutes } from './openapi.ts';
import { documentsApi } from './routes/api-documents.ts';
import { personsApi } from './routes/api-persons.ts';
import { searchApi } from './routes/api-search.ts';
import { statsApi } from './routes/api-stats.ts';
import { traceApi } from './routes/api-trace.ts';
import { documentPage } from './routes/page-document.ts';
import { homePage } from './routes/page-home.ts';
import { personPage } from './routes/page-person.ts';
import { searchPage } from './routes/page-search.ts';
import { tracePages } from './routes/page-trace.ts';
import { registerRateLimit } from './routes/rate-limit.ts';
import { staticRoutes } from './routes/static.ts';
import { securityHeaders } from './security.ts';

import { defaultEngines } from './default-engines.ts';

export { defaultEngines };
export type { Engines } from './engines.ts';

/** 2 MiB: a long article page with its markup; nothing else the server takes comes close. */
export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;
/** Tracing is CPU-heavy: 20 a minute from one address is plenty for a person at a desk. */
export const DEFAULT_TRACE_RATE_LIMIT: TraceRateLimit = { max: 20, windowMs: 60_000 };

export interface ServerOptions {
  store: Store;
  /** Search and trace. Default defaultEngines(store); a missing one answers 503 on its routes. */
  engines?: Engines;
  /** Largest request body in bytes. Default DEFAULT_BODY_LIMIT. */
  bodyLimit?: number;
  /** Default DEFAULT_TRACE_RATE_LIMIT. */
  traceRateLimit?: TraceRateLimit;
  /** Fastify's request logging. Default false (the CLI turns it on). */
  logger?: boolean;
}

const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const room: Room = {
    store: options.store,
    engines: options.engines ?? defaultEngines(options.store),
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    traceRateLimit: options.traceRateLimit ?? DEFAULT_TRACE_RATE_LIMIT,
  };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: room.bodyLimit,
    // Verbatim's ids never need more; longer ones are refused by the router, in our error shape.
    routerOptions: { maxParamLength: MAX_PATH_PARAM_LENGTH },
    frameworkErrors: frameworkErrorHandler(room.bodyLimit),
    // verbose: validation errors carry their schema, so messages can name the expected fields.
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false, verbose: true } },
  });
  const routes = recordRoutes(app);
  securityHeaders(app);
  errorHandling(app, room.bodyLimit);
  await registerRateLimit(app);

  await app.register(staticRoutes);
  for (const plugin of [homePage, searchPage, documentPage, personPage, tracePages, searchApi, documentsApi, personsApi, traceApi, statsApi]) {
    await app.register(plugin, { room });
  }
  app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => openApiDocument(routes, PACKAGE_VERSION));
  return app;
}
