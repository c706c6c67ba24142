/**
 * `POST /api/trace` (rate-limited) and `GET /api/traces/:id`. A trace is saved as it is made,
 * so the response already carries its permalink.
 */
import type { FastifyInstance } from 'fastify';
import type { RoomOptions } from '../context.ts';
import { SAVED_TRACE } from '../schemas/pages.ts';
import { TRACE_RESULT } from '../schemas/model.ts';
import { loadTrace, runAndSaveTrace } from '../traces.ts';
import { ID_PARAMS, type IdParams } from './id-params.ts';
import { traceRateLimit } from './rate-limit.ts';
import { fromJson, fromRaw, MAX_URL_LENGTH, URL_PATTERN, type JsonTraceBody } from './trace-input.ts';

const JSON_BODY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    text: { type: 'string', description: 'The article as plain text' },
    html: { type: 'string', description: 'The article as an HTML page (boilerplate is removed)' },
    url: { type: 'string', maxLength: MAX_URL_LENGTH, pattern: URL_PATTERN, description: 'Where the article was published' },
  },
  oneOf: [{ required: ['text'] }, { required: ['html'] }],
} as const;

export async function traceApi(app: FastifyInstance, { room }: RoomOptions): Promise<void> {
  // Raw HTML bodies, for `curl --data-binary @article.html -H 'content-type: text/html'`.
  app.addContentTypeParser('text/html', { parseAs: 'string', bodyLimit: room.bodyLimit }, (_request, body, done) => done(null, body));

  app.post<{ Body: JsonTraceBody | string }>(
    '/api/trace',
    {
      config: { rateLimit: traceRateLimit(room) },
      schema: {
        summary: 'Trace an article: candidate documents, a verdict per quotation, claims checked; saved with a permalink',
        tags: ['trace'],
        body: {
          content: {
            'application/json': { schema: JSON_BODY },
            'text/plain': { schema: { type: 'string', description: 'The article as plain text' } },
            'text/html': { schema: { type: 'string', description: 'The article as an HTML page' } },
          },
        },
        response: { 200: TRACE_RESULT },
      },
    },
    async (request) => {
      const input = typeof request.body === 'string' ? fromRaw(request.body, request.headers['content-type']) : fromJson(request.body);
      return runAndSaveTrace(room.store, room.engines, input);
    },
  );

  app.get<IdParams>(
    '/api/traces/:id',
    {
      schema: {
        summary: 'A saved trace: what was traced, when, and the result',
        tags: ['trace'],
        params: ID_PARAMS,
        response: { 200: SAVED_TRACE },
      },
    },
    async (request) => loadTrace(room.store, request.params.id),
  );
}
