/** `GET /api/search`: the query language, facets, paging and sort (src/search's request). */
import type { FastifyInstance } from 'fastify';
import { DEFAULT_LIMIT, MAX_LIMIT, SORTS, type SearchSort } from '../../search/types.ts';
import type { RoomOptions } from '../context.ts';
import { requireSearch } from '../engines.ts';
import { SEARCH_RESULT } from '../schemas/model.ts';
import { MAX_QUERY_LENGTH } from './page-search.ts';

/** Deep offsets cost the engine more than anyone reads; refine the query instead. */
export const MAX_OFFSET = 10_000;

interface SearchQuery {
  Querystring: { q: string; limit: number; offset: number; sort: SearchSort; facets: boolean };
}

export async function searchApi(app: FastifyInstance, { room }: RoomOptions): Promise<void> {
  app.get<SearchQuery>(
    '/api/search',
    {
      schema: {
        summary: 'Search: documents ranked by their best passage, snippets with highlights, facets over all results',
        tags: ['search'],
        querystring: {
          type: 'object',
          required: ['q'],
          additionalProperties: false,
          properties: {
            q: {
              type: 'string',
              minLength: 1,
              maxLength: MAX_QUERY_LENGTH,
              description: 'Words, "phrases", AND/OR/NOT, prefix*, speaker:, person:, place:, type:, collection:, classification:, date:, year:',
            },
            limit: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT, description: 'Documents per page' },
            offset: { type: 'integer', minimum: 0, maximum: MAX_OFFSET, default: 0, description: 'Documents to skip' },
            sort: { type: 'string', enum: [...SORTS], default: 'relevance' },
            facets: { type: 'boolean', default: true, description: 'Count facets (false is faster on big result sets)' },
          },
        },
        response: { 200: SEARCH_RESULT },
      },
    },
    async (request) => {
      const { q, limit, offset, sort, facets } = request.query;
      return requireSearch(room.engines)({ query: q, limit, offset, sort, facets });
    },
  );
}
