/**
 * The search page's data: the URL's state turned into one query-language string (the words,
 * then each selected facet as a field clause), run through the search engine, with display
 * names for facet values that are ids.
 */
import type { SearchPageData } from '../../web/pages/search.ts';
import { FACETS, RESULTS_PER_PAGE, searchUrl, type Facet, type SearchState } from '../../web/search-state.ts';
import { requireSearch, type Engines } from '../engines.ts';

/** A value the query language takes bare; anything else is quoted (and inner quotes dropped). */
const BARE_VALUE = /^[\p{L}\p{N}._-]+$/u;

export function fieldClause(facet: Facet, value: string): string {
  return `${facet}:${BARE_VALUE.test(value) ? value : `"${value.replace(/"/g, '')}"`}`;
}

export function composeQuery(state: SearchState): string {
  const clauses = FACETS.flatMap((facet) => {
    const value = state.filters[facet];
    return value ? [fieldClause(facet, value)] : [];
  });
  const words = state.q.trim();
  // Parenthesised so "a OR b" plus a filter means (a OR b) AND filter.
  return [words && clauses.length > 0 ? `(${words})` : words, ...clauses].filter(Boolean).join(' ');
}

export async function searchData(engines: Engines, state: SearchState): Promise<SearchPageData> {
  const query = composeQuery(state);
  if (!query) {
    return { state, query, total: 0, total_passages: 0, pages: 0, hits: [], facets: {}, labels: {} };
  }
  const result = await requireSearch(engines)({
    query,
    limit: RESULTS_PER_PAGE,
    offset: (state.page - 1) * RESULTS_PER_PAGE,
    sort: state.sort,
  });
  const pages = Math.ceil(result.total / RESULTS_PER_PAGE);
  return {
    state,
    query,
    total: result.total,
    total_passages: result.total_passages,
    pages,
    hits: result.hits,
    facets: result.facets,
    labels: { person: result.persons, collection: result.collections },
    next_url: state.page < pages ? searchUrl(state, { page: state.page + 1 }, '.json') : undefined,
    prev_url: state.page > 1 ? searchUrl(state, { page: state.page - 1 }, '.json') : undefined,
  };
}
