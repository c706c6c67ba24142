/** `/persons/:id` and its twin: who someone is, where they appear, what they said. */
import type { FastifyInstance } from 'fastify';
import { renderPersonPage } from '../../web/pages/person.ts';
import type { RoomOptions } from '../context.ts';
import { PERSON_PAGE } from '../schemas/pages.ts';
import { personData, type PersonPageData } from '../views/person.ts';
import { ID_PARAMS, type IdParams } from './id-params.ts';
import { twinPage } from './twin.ts';

export async function personPage(app: FastifyInstance, { room }: RoomOptions): Promise<void> {
  twinPage<PersonPageData, IdParams>(app, {
    url: '/persons/:id',
    summary: 'A person: authority record, their documents, their speaker turns over time',
    params: ID_PARAMS,
    data: PERSON_PAGE,
    load: ({ params }) => personData(room.store, room.engines, params.id),
    render: (data) => renderPersonPage(data),
  });
}
