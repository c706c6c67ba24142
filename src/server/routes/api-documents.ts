/** `GET /api/documents/:id` and its citations. */
import type { FastifyInstance } from 'fastify';
import { CITATION_FORMATS, cite, type CitationFormat } from '../../cite/index.ts';
import type { RoomOptions } from '../context.ts';
import { CITATION, DOCUMENT } from '../schemas/model.ts';
import { loadDocument } from '../views/document.ts';
import { ID_PARAMS, type IdParams } from './id-params.ts';
import { documentSerializer } from './document-serializer.ts';

export async function documentsApi(app: FastifyInstance, { room }: RoomOptions): Promise<void> {
  app.get<IdParams>(
    '/api/documents/:id',
    {
      schema: {
        summary: 'A document whole: metadata, text, passages, speaker turns, footnotes, pages, redactions',
        tags: ['documents'],
        params: ID_PARAMS,
        response: { 200: DOCUMENT },
      },
      serializerCompiler: documentSerializer,
    },
    async (request) => loadDocument(room.store, request.params.id),
  );

  app.get<IdParams & { Querystring: { format: CitationFormat } }>(
    '/api/documents/:id/citation',
    {
      schema: {
        summary: 'A citation of the document, ready to paste',
        tags: ['documents'],
        params: ID_PARAMS,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { format: { type: 'string', enum: [...CITATION_FORMATS], default: 'chicago' } },
        },
        response: { 200: CITATION },
      },
    },
    async (request) => {
      const document = await loadDocument(room.store, request.params.id);
      return { doc_id: document.id, ...cite(document, request.query.format) };
    },
  );
}
