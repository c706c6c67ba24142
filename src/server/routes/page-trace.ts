/**
 * The trace pages: the form (`/trace`), its submission (POST /trace, which saves the trace
 * and redirects to its permalink), and saved traces (`/traces/:id`). The form's body parsers
 * (multipart and urlencoded) are registered here only, so no other route accepts them.
 */
import type { FastifyInstance } from 'fastify';
import { renderTraceForm, type TraceFormData } from '../../web/pages/trace-form.ts';
import { renderTraceReport, type TracePageData } from '../../web/pages/trace-report.ts';
import type { RoomOptions } from '../context.ts';
import { boundaryOf, parseMultipart } from '../multipart.ts';
import { TRACE_FORM_PAGE, TRACE_PAGE } from '../schemas/pages.ts';
import { loadTrace, runAndSaveTrace, tracePermalink } from '../traces.ts';
import { ID_PARAMS, type IdParams } from './id-params.ts';
import { fromForm, MAX_URL_LENGTH, type TraceForm } from './trace-input.ts';
import { twinPage } from './twin.ts';
import { traceRateLimit } from './rate-limit.ts';

export const TRACE_ACCEPTS = ['application/json', 'text/plain', 'text/html'];

function formFromParts(body: Buffer, contentType: string): TraceForm {
  const form: TraceForm = {};
  for (const part of parseMultipart(body, boundaryOf(contentType))) {
    if (part.name === 'text') form.text = part.value;
    else if (part.name === 'url') form.url = part.value;
    else if (part.name === 'file' && part.filename !== undefined) {
      form.file = part.value;
      form.file_name = part.filename;
    }
  }
  return form;
}

const FORM_SCHEMA = {
  type: 'object',
  properties: {
    text: { type: 'string' },
    url: { type: 'string', maxLength: MAX_URL_LENGTH },
    file: { type: 'string' },
    file_name: { type: 'string' },
  },
} as const;

export async function tracePages(app: FastifyInstance, { room }: RoomOptions): Promise<void> {
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: room.bodyLimit }, (request, body, done) => {
    try {
      done(null, formFromParts(body as Buffer, request.headers['content-type'] ?? ''));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: room.bodyLimit }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  twinPage<TraceFormData, object>(app, {
    url: '/trace',
    summary: 'The trace form: paste an article or upload its HTML',
    data: TRACE_FORM_PAGE,
    load: async () => ({ api: '/api/trace', accepts: TRACE_ACCEPTS, max_bytes: room.bodyLimit }),
    render: renderTraceForm,
  });

  app.post<{ Body: TraceForm }>(
    '/trace',
    {
      config: { rateLimit: traceRateLimit(room) },
      schema: {
        summary: 'Submit the trace form; redirects (303) to the saved trace',
        tags: ['pages'],
        body: {
          content: {
            'multipart/form-data': { schema: FORM_SCHEMA },
            'application/x-www-form-urlencoded': { schema: FORM_SCHEMA },
          },
        },
        response: { 303: { description: 'Redirect to the saved trace at /traces/{id}', type: 'null' } },
      },
    },
    async (request, reply) => {
      const traced = await runAndSaveTrace(room.store, room.engines, fromForm(request.body));
      return reply.redirect(tracePermalink(traced.id), 303);
    },
  );

  twinPage<TracePageData, IdParams>(app, {
    url: '/traces/:id',
    summary: 'A saved trace: quotations beside the record, verdicts, claims, permalink',
    params: ID_PARAMS,
    data: TRACE_PAGE,
    load: async ({ params }) => {
      const { result, ...trace } = await loadTrace(room.store, params.id);
      const permalink = tracePermalink(trace.id);
      return {
        trace,
        result,
        links: { json: `${permalink}.json`, permalink, api: `/api/traces/${trace.id}` },
      };
    },
    render: (data) => renderTraceReport(data),
  });
}
