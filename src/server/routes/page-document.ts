/** `/documents/:id` and its twin: a record to read and cite. */
import type { FastifyInstance } from 'fastify';
import { renderDocumentPage } from '../../web/pages/document.ts';
import type { RoomOptions } from '../context.ts';
import { DOCUMENT_PAGE } from '../schemas/pages.ts';
import { documentData } from '../views/document.ts';
import { ID_PARAMS, type IdParams } from './id-params.ts';
import { twinPage } from './twin.ts';
import { documentSerializer } from './document-serializer.ts';

export async function documentPage(app: FastifyInstance, { room }: RoomOptions): Promise<void> {
  twinPage<Awaited<ReturnType<typeof documentData>>, IdParams>(app, {
    url: '/documents/:id',
    summary: 'A document: metadata, text with speakers, pages, footnotes and redactions, citations',
    params: ID_PARAMS,
    data: DOCUMENT_PAGE,
    serializer: documentSerializer,
    load: ({ params }) => documentData(room.store, params.id),
    render: (data) => renderDocumentPage(data),
  });
}
