/**
 * What the reading room asks of search and trace: src/search and src/trace bound to the store
 * (default-engines.ts). They are options so a deployment can run without one (its routes
 * then answer 503 saying so) and tests can observe the server without the engines' cost.
 */
import { VerbatimError } from '../errors.ts';
import type { SearchRequest, SearchResult } from '../search/types.ts';
import type { TraceInput, TraceResult } from '../trace/index.ts';

export type { SearchHit, SearchRequest, SearchResult, SearchSort } from '../search/types.ts';
export { SORTS } from '../search/types.ts';
export type { TraceInput, TraceResult, TracedQuote } from '../trace/index.ts';

/** `store.search(request)` (src/search over the store). */
export type SearchEngine = (request: SearchRequest) => Promise<SearchResult>;

/** `trace(store, input)` of src/trace, bound to the server's store. */
export type TraceEngine = (input: TraceInput) => Promise<TraceResult>;

export interface Engines {
  search?: SearchEngine;
  trace?: TraceEngine;
}

export function requireSearch(engines: Engines): SearchEngine {
  if (!engines.search) {
    throw new VerbatimError('VBT_ERR_UNAVAILABLE', ['search', 'this server was started without search']);
  }
  return engines.search;
}

export function requireTrace(engines: Engines): TraceEngine {
  if (!engines.trace) {
    throw new VerbatimError('VBT_ERR_UNAVAILABLE', ['tracing', 'this server was started without tracing']);
  }
  return engines.trace;
}
