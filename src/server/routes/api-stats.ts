/** `GET /api/stats`: what the archive holds. */
import type { FastifyInstance } from 'fastify';
import type { RoomOptions } from '../context.ts';
import { STATS } from '../schemas/model.ts';

export async function statsApi(app: FastifyInstance, { room }: RoomOptions): Promise<void> {
  app.get(
    '/api/stats',
    { schema: { summary: 'Counts, collections, documents by type and year, size on disk', tags: ['archive'], response: { 200: STATS } } },
    async () => room.store.stats(),
  );
}
