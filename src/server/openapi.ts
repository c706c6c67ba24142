/**
 * The OpenAPI 3.1 document, generated from the route table: every route registered with a
 * schema is recorded as it is added (Fastify's onRoute hook) and translated here, so the
 * published description cannot drift from what the server validates. OpenAPI 3.1 uses JSON
 * Schema itself, so route schemas are carried over unchanged.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';
import { ERROR_SCHEMA, COMMON_ERROR_STATUSES } from './errors.ts';

export const OPENAPI_PATH = '/api/openapi.json';

// The documentation keys routes carry beside their validation schemas (as @fastify/swagger does).
declare module 'fastify' {
  interface FastifySchema {
    summary?: string;
    description?: string;
    tags?: readonly string[];
    /** Left out of the OpenAPI document (static files, the document itself). */
    hide?: boolean;
  }
}

interface RouteSchema {
  summary?: string;
  description?: string;
  tags?: readonly string[];
  params?: JsonObject;
  querystring?: JsonObject;
  /** A schema, or Fastify's per-media-type form `{content: {type: {schema}}}`. */
  body?: JsonObject;
  response?: Record<string, JsonObject>;
}

type JsonObject = { [key: string]: unknown };

export interface RecordedRoute {
  method: string;
  url: string;
  schema: RouteSchema;
}

/** Starts recording routes; call before any route is registered. */
export function recordRoutes(app: FastifyInstance): RecordedRoute[] {
  const routes: RecordedRoute[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.schema || route.schema.hide) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      routes.push({ method: method.toLowerCase(), url: route.url, schema: route.schema as RouteSchema });
    }
  });
  return routes;
}

/** `/documents/:id.json` → `/documents/{id}.json` */
function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
}

function parameters(schema: JsonObject | undefined, where: 'path' | 'query'): JsonObject[] {
  const properties = (schema?.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((schema?.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    return {
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(description ? { description } : {}),
      schema: propertySchema,
    };
  });
}

/** A Fastify response entry is either a schema or `{content: {type: {schema}}}`. */
function response(entry: JsonObject): JsonObject {
  const description = (entry.description as string | undefined) ?? 'OK';
  if (entry.content) return { description, content: entry.content };
  return { description, content: { 'application/json': { schema: entry } } };
}

/** `get /documents/{id}.json` → `getDocumentsIdJson`; `/` is the root. */
function operationId(route: RecordedRoute): string {
  const words = openApiPath(route.url).split(/[^A-Za-z0-9]+/).filter(Boolean);
  const camel = words.map((word) => word[0]?.toUpperCase() + word.slice(1)).join('');
  return `${route.method}${camel || 'Root'}`;
}

function operation(route: RecordedRoute): JsonObject {
  const { schema } = route;
  const responses: JsonObject = {};
  for (const [status, entry] of Object.entries(schema.response ?? {})) responses[status] = response(entry);
  for (const status of COMMON_ERROR_STATUSES) {
    responses[String(status)] ??= { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  }
  const op: JsonObject = {
    operationId: operationId(route),
    summary: schema.summary,
    description: schema.description,
    tags: schema.tags,
    parameters: [...parameters(schema.params, 'path'), ...parameters(schema.querystring, 'query')],
    responses,
  };
  if (schema.body) {
    const content = schema.body.content ?? { 'application/json': { schema: schema.body } };
    op.requestBody = { required: true, content };
  }
  return Object.fromEntries(Object.entries(op).filter(([, value]) => value !== undefined));
}

export function openApiDocument(routes: readonly RecordedRoute[], version: string): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const route of [...routes].sort((a, b) => a.url.localeCompare(b.url))) {
    const path = openApiPath(route.url);
    paths[path] = { ...(paths[path] ?? {}), [route.method]: operation(route) };
  }
  const { $id: _id, ...errorSchema } = ERROR_SCHEMA;
  return {
    openapi: '3.1.0',
    info: {
      title: 'Verbatim',
      version,
      description:
        'An archive of declassified primary sources and of the news that quotes them. ' +
        'Every HTML page has a JSON twin: append .json to its path.',
    },
    paths,
    components: { schemas: { Error: errorSchema } },
  };
}
