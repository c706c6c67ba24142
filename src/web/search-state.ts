/**
 * The search page's whole state lives in its URL (so a search can be shared): the query,
 * one selected value per facet, the sort and the page. This module reads and writes that URL;
 * the server turns the same state into a query for the search engine.
 */
import type { FacetName, SearchSort } from '../search/types.ts';

/** Facets shown beside results, in display order; each is also a query-language field. */
export const FACETS = ['type', 'year', 'person', 'place', 'classification', 'collection'] as const satisfies readonly FacetName[];
export type Facet = (typeof FACETS)[number];

export const FACET_LABELS: Record<Facet, string> = {
  type: 'Kind of record',
  year: 'Year',
  person: 'Person',
  place: 'Place',
  classification: 'Classification',
  collection: 'Collection',
};

/** Documents per result page. */
export const RESULTS_PER_PAGE = 20;

export interface SearchState {
  q: string;
  filters: Partial<Record<Facet, string>>;
  sort: SearchSort;
  page: number;
}

/** `/search?q=…&type=memcon&sort=date&page=2`, defaults omitted, parameters in a fixed order. */
export function searchUrl(state: SearchState, change: Partial<SearchState> = {}, suffix = ''): string {
  const next = { ...state, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  for (const facet of FACETS) {
    const value = next.filters[facet];
    if (value) params.set(facet, value);
  }
  if (next.sort !== 'relevance') params.set('sort', next.sort);
  if (next.page > 1) params.set('page', String(next.page));
  const query = params.toString();
  return `/search${suffix}${query ? `?${query}` : ''}`;
}

/** The same search with one facet set to a value (or cleared), back on page 1. */
export function withFilter(state: SearchState, facet: Facet, value: string | undefined): string {
  const filters = { ...state.filters };
  if (value === undefined) delete filters[facet];
  else filters[facet] = value;
  return searchUrl(state, { filters, page: 1 });
}
