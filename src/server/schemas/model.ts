/**
 * JSON schemas of the model types the API returns (src/model). Known fields are declared so
 * responses are validated and documented; objects stay open (`additionalProperties: true`)
 * because the brief lets fields be added, never renamed, and a field added to the model must
 * not silently vanish from the API.
 */
import { CLASSIFICATION_LEVELS, DOCUMENT_TYPES } from '../../model/index.ts';

const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const strings = { type: 'array', items: str } as const;

function open<P extends Record<string, unknown>>(properties: P, required: readonly (keyof P & string)[] = []) {
  return { type: 'object', additionalProperties: true, required, properties } as const;
}

export const PERSON_REF = open({ person_id: str, name: str }, ['name']);

export const PARTICIPANT = open({ person_id: str, name: str, role: str, side: str, description: str }, ['name']);

export const DOCUMENT_DATE = open(
  { start: str, end: str, precision: { type: 'string', enum: ['day', 'month', 'year', 'range'] }, text: str },
  ['start', 'precision'],
);

export const PASSAGE = open(
  {
    id: str,
    n: int,
    kind: str,
    text: str,
    start: int,
    end: int,
    page: str,
    speaker: PERSON_REF,
    turn: int,
  },
  ['id', 'n', 'kind', 'text', 'start', 'end'],
);

export const DOCUMENT = open(
  {
    id: str,
    collection: open({ id: str, title: str }, ['id', 'title']),
    type: { type: 'string', enum: [...DOCUMENT_TYPES] },
    title: str,
    number: str,
    date: DOCUMENT_DATE,
    time: open({ start: str, end: str, zone: str, text: str }),
    place: str,
    participants: { type: 'array', items: PARTICIPANT },
    mentions: strings,
    classification: open({ marked: str, level: { type: 'string', enum: [...CLASSIFICATION_LEVELS] } }, ['marked', 'level']),
    declassification: open({ authority: str, date: str, case_number: str, text: str }),
    source_note: str,
    language: str,
    style: { type: 'string', enum: ['dialogue', 'narrative', 'none'] },
    text: str,
    passages: { type: 'array', items: PASSAGE },
    turns: {
      type: 'array',
      items: open({ n: int, speaker: PERSON_REF, label: str, style: str, first_passage: int, last_passage: int }, [
        'n', 'speaker', 'label', 'style', 'first_passage', 'last_passage',
      ]),
    },
    footnotes: { type: 'array', items: open({ id: str, n: str, type: str, text: str, anchor: int }, ['id', 'n', 'text', 'anchor']) },
    pages: { type: 'array', items: open({ page: str, offset: int }, ['page', 'offset']) },
    redactions: {
      type: 'array',
      items: open({ offset: int, length: int, marked: str, exemptions: strings }, ['offset', 'length', 'marked', 'exemptions']),
    },
    citation: open({ text: str, url: str }, ['text']),
    source: open({ origin: str, format: str }),
  },
  ['id', 'collection', 'type', 'title', 'participants', 'language', 'style', 'text', 'passages', 'turns', 'footnotes', 'pages', 'redactions', 'citation'],
);

export const PERSON = open(
  { id: str, name: str, sort_name: str, description: str, aliases: strings, source_ids: strings },
  ['id', 'name', 'sort_name', 'aliases'],
);

export const STATS = open(
  {
    documents: int,
    passages: int,
    persons: int,
    articles: int,
    collections: { type: 'array', items: open({ id: str, title: str, documents: int }, ['id', 'title', 'documents']) },
    by_type: { type: 'object', additionalProperties: int },
    by_year: { type: 'object', additionalProperties: int },
    size_bytes: int,
  },
  ['documents', 'passages', 'persons', 'articles', 'collections', 'by_type', 'by_year', 'size_bytes'],
);

export const CITATION = open(
  {
    doc_id: str,
    format: { type: 'string', enum: ['chicago', 'bibtex', 'csl-json'] },
    media_type: str,
    text: { type: 'string', description: 'The citation, ready to paste (CSL-JSON as JSON text)' },
  },
  ['doc_id', 'format', 'media_type', 'text'],
);

/** Search results: the product brief's shape, as src/search returns it. */
export const SEARCH_HIT = open(
  {
    doc_id: str,
    passage_id: { type: 'string', description: 'The best-matching passage of the document' },
    title: str,
    date: str,
    type: str,
    speaker: str,
    speaker_id: str,
    page: str,
    score: { type: 'number' },
    snippet: { type: 'string', description: 'Plain text; matched words are at the highlights offsets' },
    highlights: {
      type: 'array',
      description: '[start, end) UTF-16 offsets of the matched words in snippet',
      items: { type: 'array', items: int, minItems: 2, maxItems: 2 },
    },
    other_passages: { type: 'integer', description: 'Matching passages of this document beside the one shown' },
  },
  ['doc_id', 'passage_id', 'title', 'type', 'score', 'snippet', 'highlights', 'other_passages'],
);

export const FACETS = {
  type: 'object',
  description: 'Facet name (type, year, person, place, collection, classification) to value → document count',
  additionalProperties: { type: 'object', additionalProperties: int },
} as const;

export const SEARCH_RESULT = open(
  {
    total: { type: 'integer', description: 'Matching documents' },
    total_passages: { type: 'integer', description: 'Matching passages in those documents' },
    hits: { type: 'array', items: SEARCH_HIT },
    facets: FACETS,
    persons: { type: 'object', description: 'Display names of the person ids in facets.person', additionalProperties: str },
    collections: { type: 'object', description: 'Titles of the collection ids in facets.collection', additionalProperties: str },
    resolved: {
      type: 'array',
      description: 'How each speaker:/person: name of the query resolved (empty person_ids: unknown name, matched as text)',
      items: open({ field: str, name: str, person_ids: strings }, ['field', 'name', 'person_ids']),
    },
    offset: int,
    limit: int,
    sort: str,
  },
  ['total', 'hits', 'facets'],
);

/** A word-level difference between a quotation and the record (src/trace/align.ts DiffPart). */
const DIFF_PART = open(
  {
    op: { type: 'string', enum: ['same', 'variant', 'changed', 'added', 'dropped', 'elided', 'inserted', 'moved'] },
    quote: { type: 'string', description: "The article's words" },
    record: { type: 'string', description: "The record's words" },
  },
  ['op'],
);

const num = { type: 'number' } as const;

/** Trace results: the product brief's shape as src/trace returns it, plus the saved trace's permalink. */
export const TRACE_RESULT = open(
  {
    id: { type: 'string', description: 'Saved trace id; GET /api/traces/{id}' },
    permalink: { type: 'string', description: 'The trace page, /traces/{id}' },
    version: { type: 'integer', description: 'Format version of the trace result' },
    article: open({ id: str, title: str, url: str, outlet: str, language: str, published: str }, ['id', 'title', 'language']),
    in_archive: { type: 'boolean', description: 'Whether the archive holds the document the article reports on' },
    message: str,
    documents: {
      type: 'array',
      items: open(
        { doc_id: str, title: str, score: num, date: str, place: str, type: str, record_kind: str, evidence: { type: 'object', additionalProperties: true } },
        ['doc_id', 'title', 'score'],
      ),
    },
    quotes: {
      type: 'array',
      items: open(
        {
          text: str,
          offset: int,
          speaker: { type: 'string', description: 'As the article writes it' },
          speaker_name: { type: 'string', description: 'Whom the article means' },
          cue: str,
          verdict: { type: 'string', enum: ['verbatim', 'minor', 'altered', 'misattributed', 'unsupported', 'other-language'] },
          label: str,
          similarity: num,
          differences: strings,
          reported: { type: 'boolean', description: "The matched words are the note-taker's, not the speaker's" },
          note: str,
          match: open(
            {
              doc_id: str, passage_id: str, speaker: str, speaker_id: str, text: str, page: str, title: str, date: str,
              record_kind: str, span: open({ start: int, end: int }, ['start', 'end']),
            },
            ['doc_id', 'passage_id', 'text'],
          ),
          diff: { type: 'array', items: DIFF_PART },
        },
        ['text', 'verdict', 'similarity', 'diff'],
      ),
    },
    other_quotations: { type: 'array', items: open({ text: str, kind: str, offset: int }, ['text', 'kind']) },
    claims: {
      type: 'array',
      items: open(
        {
          field: str,
          stated: str,
          value: str,
          found: { type: 'string', description: 'What the record says' },
          ok: { type: ['boolean', 'null'], description: 'null: nothing in the archive to check it against' },
          doc_id: str,
        },
        ['field', 'stated', 'ok'],
      ),
    },
    declared_sources: { type: 'array', items: open({ name: str, cue: str, offset: int }, ['name']) },
    timings: open({ total_ms: num, lookup_ms: num, lookups: int }),
  },
  ['version', 'article', 'in_archive', 'message', 'documents', 'quotes', 'claims'],
);
