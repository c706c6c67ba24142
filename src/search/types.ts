/**
 * What a search is asked and what it answers: the shape `verbatim search --json` prints and the
 * API will serve (fields may be added, never renamed).
 */
import type { NameResolution } from './normalize.ts';

export const SORTS = ['relevance', 'date', 'date-desc'] as const;
export type SearchSort = (typeof SORTS)[number];

export const FACETS = ['type', 'year', 'person', 'place', 'collection', 'classification'] as const;
export type FacetName = (typeof FACETS)[number];

export interface SearchRequest {
  /** The query, in the query language of parser.ts. */
  query: string;
  /** Documents per page. Default DEFAULT_LIMIT, at most MAX_LIMIT. */
  limit?: number;
  /** Documents to skip. Default 0. */
  offset?: number;
  /** `relevance` (default): best passage's score first. `date`: oldest document first; `date-desc`: newest first. */
  sort?: SearchSort;
  /** Whether to count facets (default true); leaving them out saves time on big result sets. */
  facets?: boolean;
}

export const DEFAULT_LIMIT = 10;
/** A page larger than this is refused: it would only slow every other request down. */
export const MAX_LIMIT = 100;
/** Values listed per facet, most frequent first (year is listed whole, in order). */
export const FACET_VALUES = 20;

/** One document of the results, shown by its best-matching passage. */
export interface SearchHit {
  doc_id: string;
  /** The best-matching passage of the document. */
  passage_id: string;
  title: string;
  /** ISO start date of the document (absent when undated). */
  date?: string;
  type: string;
  /** Who speaks the passage, as the record names them (absent for narrative passages). */
  speaker?: string;
  speaker_id?: string;
  page?: string;
  /** Relevance: higher is better; 0 for queries without words to rank by. */
  score: number;
  snippet: string;
  /** [start, end) offsets of the matched words in `snippet`. */
  highlights: [number, number][];
  /** Matching passages of this document beside the one shown. */
  other_passages: number;
}

export interface SearchResult {
  /** Matching documents (public ones only). */
  total: number;
  /** Matching passages in those documents. */
  total_passages: number;
  hits: SearchHit[];
  /** Per facet, value → number of matching documents. Person keys are authority ids. */
  facets: Partial<Record<FacetName, Record<string, number>>>;
  /** Display names of the person ids in `facets.person`. */
  persons: Record<string, string>;
  /** Titles of the collection ids in `facets.collection`. */
  collections: Record<string, string>;
  /** How each `speaker:`/`person:` name of the query resolved (an empty list: unknown name, matched as text). */
  resolved: NameResolution[];
  offset: number;
  limit: number;
  sort: SearchSort;
}
