/** Schemas of the pages' JSON twins: the same data object each HTML page is rendered from. */
import { FACETS } from '../../web/search-state.ts';
import { DOCUMENT, FACETS as FACET_COUNTS, PERSON, SEARCH_HIT, STATS, TRACE_RESULT } from './model.ts';
import { SORTS } from '../engines.ts';

const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;

export const HOME_PAGE = {
  type: 'object',
  required: ['stats'],
  properties: { stats: STATS },
} as const;

export const DOCUMENT_PAGE = {
  type: 'object',
  required: ['document', 'citations', 'links'],
  properties: {
    document: DOCUMENT,
    citations: {
      type: 'array',
      items: { type: 'object', required: ['format', 'media_type', 'text'], properties: { format: str, media_type: str, text: str } },
    },
    links: {
      type: 'object',
      required: ['json', 'api', 'citations'],
      properties: { json: str, api: str, citations: { type: 'object', additionalProperties: str } },
    },
  },
} as const;

export const SEARCH_STATE = {
  type: 'object',
  required: ['q', 'filters', 'sort', 'page'],
  properties: {
    q: str,
    filters: { type: 'object', properties: Object.fromEntries(FACETS.map((f) => [f, str])) },
    sort: { type: 'string', enum: [...SORTS] },
    page: int,
  },
} as const;

export const SEARCH_PAGE = {
  type: 'object',
  required: ['state', 'query', 'total', 'total_passages', 'pages', 'hits', 'facets', 'labels'],
  properties: {
    state: SEARCH_STATE,
    query: { type: 'string', description: 'The query sent to search: the words and the facet selections as fields' },
    total: { type: 'integer', description: 'Matching documents' },
    total_passages: { type: 'integer', description: 'Matching passages in those documents' },
    pages: int,
    hits: { type: 'array', items: SEARCH_HIT },
    facets: FACET_COUNTS,
    labels: { type: 'object', additionalProperties: { type: 'object', additionalProperties: str } },
    next_url: str,
    prev_url: str,
  },
} as const;

const PERSON_TURN = {
  type: 'object',
  required: ['doc_id', 'title', 'passage_id', 'n', 'text'],
  properties: {
    doc_id: str, title: str, date: str, passage_id: str, n: int, page: str,
    label: str, style: { type: 'string', enum: ['dialogue', 'narrative'] }, text: str,
  },
} as const;

export const PERSON_PAGE = {
  type: 'object',
  required: ['person', 'search_available', 'documents', 'turns', 'links'],
  properties: {
    person: PERSON,
    search_available: { type: 'boolean' },
    documents: {
      type: 'object',
      required: ['total', 'items'],
      properties: {
        total: int,
        items: { type: 'array', items: { type: 'object', required: ['doc_id', 'title'], properties: { doc_id: str, title: str, date: str, type: str } } },
      },
    },
    turns: {
      type: 'object',
      required: ['documents', 'items'],
      properties: { documents: { type: 'integer', description: 'Records in which they speak' }, items: { type: 'array', items: PERSON_TURN } },
    },
    links: {
      type: 'object',
      required: ['json', 'documents_search', 'turns_search'],
      properties: { json: str, documents_search: str, turns_search: str },
    },
  },
} as const;

export const TRACE_FORM_PAGE = {
  type: 'object',
  required: ['api', 'accepts', 'max_bytes'],
  properties: { api: str, accepts: { type: 'array', items: str }, max_bytes: int },
} as const;

export const SAVED_TRACE_INPUT = {
  type: 'object',
  required: ['format', 'content'],
  properties: { format: { type: 'string', enum: ['text', 'html'] }, content: str, url: str },
} as const;

export const TRACE_PAGE = {
  type: 'object',
  required: ['trace', 'result', 'links'],
  properties: {
    trace: {
      type: 'object',
      required: ['id', 'created_at', 'version', 'input'],
      properties: { id: str, created_at: str, version: int, input: SAVED_TRACE_INPUT },
    },
    result: TRACE_RESULT,
    links: { type: 'object', required: ['json', 'permalink', 'api'], properties: { json: str, permalink: str, api: str } },
  },
} as const;

export const SAVED_TRACE = {
  type: 'object',
  required: ['id', 'created_at', 'version', 'input', 'result'],
  properties: { id: str, created_at: str, version: int, input: SAVED_TRACE_INPUT, result: TRACE_RESULT },
} as const;
