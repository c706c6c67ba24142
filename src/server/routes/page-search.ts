/** `/search` and `/search.json`: results with facets; the URL holds the whole state. */
import type { FastifyInstance } from 'fastify';
import { renderSearchPage, type SearchPageData } from '../../web/pages/search.ts';
import { FACETS, type Facet, type SearchState } from '../../web/search-state.ts';
import type { RoomOptions } from '../context.ts';
import { SORTS, type SearchSort } from '../engines.ts';
import { SEARCH_PAGE } from '../schemas/pages.ts';
import { searchData } from '../views/search.ts';
import { twinPage } from './twin.ts';

/** Longer queries are refused with a message rather than silently cut. */
export const MAX_QUERY_LENGTH = 1000;
export const MAX_FACET_VALUE_LENGTH = 200;
/** Deep pages cost the engine more than anyone reads; refine the query instead. */
export const MAX_PAGE = 500;

export const SEARCH_PAGE_QUERY = {
  type: 'object',
  // A shared link may gain parameters on the way (utm_source, fbclid): ignore them, do not fail.
  additionalProperties: true,
  properties: {
    q: { type: 'string', maxLength: MAX_QUERY_LENGTH, default: '', description: 'Query in the query language' },
    ...Object.fromEntries(
      FACETS.map((facet) => [facet, { type: 'string', maxLength: MAX_FACET_VALUE_LENGTH, description: `Selected ${facet} facet value` }]),
    ),
    sort: { type: 'string', enum: [...SORTS], default: 'relevance' },
    page: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 },
  },
} as const;

type SearchQuerystring = { q: string; sort: SearchSort; page: number } & Partial<Record<Facet, string>>;

export function stateOf(query: SearchQuerystring): SearchState {
  const filters: SearchState['filters'] = {};
  for (const facet of FACETS) {
    const value = query[facet]?.trim();
    if (value) filters[facet] = value;
  }
  return { q: query.q, filters, sort: query.sort, page: query.page };
}

export async function searchPage(app: FastifyInstance, { room }: RoomOptions): Promise<void> {
  twinPage<SearchPageData, { Querystring: SearchQuerystring }>(app, {
    url: '/search',
    summary: 'Search results with facets, histogram by year, snippets, paging and sort',
    querystring: SEARCH_PAGE_QUERY,
    data: SEARCH_PAGE,
    load: ({ query }) => searchData(room.engines, stateOf(query)),
    render: renderSearchPage,
  });
}
