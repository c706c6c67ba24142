/**
 * Datasette's habit: every page is also JSON. A page is registered once, as a loader that
 * builds one data object and a renderer that turns it into HTML; this registers the page at
 * its path and the data at the same path plus `.json`, both schema-checked.
 */
import type { FastifyInstance, FastifyRequest, RouteGenericInterface } from 'fastify';
import type { SafeHtml } from '../../web/html.ts';

type JsonSchema = Record<string, unknown>;

export interface TwinPage<Data, Request extends RouteGenericInterface> {
  /** Serialises the JSON twin instead of the schema's compiled serialiser (large documents). */
  serializer?: () => (data: unknown) => string;
  /** The HTML page's path; the twin is this plus `.json` (`/` → `/.json`). */
  url: string;
  summary: string;
  params?: JsonSchema;
  querystring?: JsonSchema;
  /** The JSON twin's response schema. */
  data: JsonSchema;
  /** Builds the page's data from its validated path parameters and query. */
  load(input: { params: Request['Params']; query: Request['Querystring'] }): Promise<Data>;
  render(data: Data, jsonUrl: string): SafeHtml;
}

export const HTML_RESPONSE = {
  description: 'The page',
  content: { 'text/html': { schema: { type: 'string' } } },
} as const;

export function jsonPath(path: string): string {
  return path === '/' ? '/.json' : `${path}.json`;
}

/** The twin's URL for this request: its path plus `.json`, query string kept. */
export function jsonUrlOf(request: FastifyRequest): string {
  const [path = '/', query] = request.url.split('?');
  return jsonPath(path) + (query ? `?${query}` : '');
}

export function twinPage<Data, Request extends RouteGenericInterface>(
  app: FastifyInstance,
  page: TwinPage<Data, Request>,
): void {
  const input = {
    ...(page.params ? { params: page.params } : {}),
    ...(page.querystring ? { querystring: page.querystring } : {}),
  };
  const inputOf = (request: FastifyRequest) => ({
    params: request.params as Request['Params'],
    query: request.query as Request['Querystring'],
  });
  app.get(
    page.url,
    { schema: { summary: page.summary, tags: ['pages'], ...input, response: { 200: HTML_RESPONSE } } },
    async (request, reply) => {
      const data = await page.load(inputOf(request));
      return reply.type('text/html; charset=utf-8').send(page.render(data, jsonUrlOf(request)).value);
    },
  );
  app.get(
    jsonPath(page.url),
    {
      schema: { summary: `${page.summary} (JSON twin)`, tags: ['pages'], ...input, response: { 200: page.data } },
      ...(page.serializer ? { serializerCompiler: page.serializer } : {}),
    },
    async (request) => page.load(inputOf(request)),
  );
}
