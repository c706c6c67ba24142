/** `GET /api/persons/:id`: an authority record. */
import type { FastifyInstance } from 'fastify';
import { VerbatimError } from '../../errors.ts';
import type { RoomOptions } from '../context.ts';
import { PERSON } from '../schemas/model.ts';
import { ID_PARAMS, type IdParams } from './id-params.ts';

export async function personsApi(app: FastifyInstance, { room }: RoomOptions): Promise<void> {
  app.get<IdParams>(
    '/api/persons/:id',
    {
      schema: {
        summary: 'A person: names, aliases in any script, description, source ids',
        tags: ['persons'],
        params: ID_PARAMS,
        response: { 200: PERSON },
      },
    },
    async (request) => {
      const person = await room.store.getPerson(request.params.id);
      if (!person) throw new VerbatimError('VBT_ERR_NOT_FOUND', ['person', request.params.id]);
      return person;
    },
  );
}
