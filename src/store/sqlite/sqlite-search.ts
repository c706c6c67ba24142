/**
 * Search over the embedded archive: parse → normalise (names through the persons authority) →
 * compile to FTS5 SQL → run → group passages by document → facets, sort, page → snippets.
 *
 * @example
 *   await store.search({ query: 'speaker:gorbachev sdi', limit: 5 })
 *   // { total: 4, total_passages: 23, hits: [{ doc_id: 'frus1981-88v05-d306', passage_id: …,
 *   //   speaker: 'Mikhail S. Gorbachev', score: 7.91, snippet: '…SDI…', other_passages: 11 }, …],
 *   //   facets: { type: { memcon: 4 }, year: { '1985': 1, '1986': 3 }, … }, … }
 */
import type Database from 'better-sqlite3';
import { normalizeName } from '../../entities/names.ts';
import { VerbatimError } from '../../errors.ts';
import { FOLD_FUNCTION, Fts5Compiler } from '../../search/compile/fts5-compiler.ts';
import { nameResolutions, normalizeQuery, type NameResolver, type ScriptBridge } from '../../search/normalize.ts';
import { parseQuery } from '../../search/parser.ts';
import { highlightTerms, makeSnippet } from '../../search/snippet.ts';
import {
  DEFAULT_LIMIT,
  FACET_VALUES,
  MAX_LIMIT,
  SORTS,
  type FacetName,
  type SearchHit,
  type SearchRequest,
  type SearchResult,
  type SearchSort,
} from '../../search/types.ts';
import { TermNode, type QueryNode } from '../../search/ast.ts';
import type { CompiledQuery } from '../../search/compile/compiler.ts';
import type { Store } from '../store.ts';
import { CACHED_DOCUMENTS, frequentTuning, indexTokenizer, TermProbe, type FrequentResult } from './frequent-terms.ts';
import { buildPassageMap, fingerprint, type MappedDocument, type PassageMap } from './passage-map.ts';

/** Prepared statements kept per database; compiled SQL varies only with the query's shape. */
const STATEMENT_CACHE_SIZE = 64;

interface SearchState {
  map?: PassageMap;
  /** Precomputed results of frequent index terms, for `map` (see frequent-terms.ts). */
  frequent: Map<string, FrequentResult>;
  probe: TermProbe;
  statements: Map<string, Database.Statement>;
  passage: Database.Statement;
}

const STATES = new WeakMap<Database.Database, SearchState>();
const COMPILER = new Fts5Compiler();

function stateOf(db: Database.Database): SearchState {
  let state = STATES.get(db);
  if (!state) {
    db.function(FOLD_FUNCTION, { deterministic: true }, (value: unknown) =>
      typeof value === 'string' ? normalizeName(value) : null,
    );
    state = {
      frequent: new Map(),
      probe: new TermProbe(indexTokenizer(db)),
      statements: new Map(),
      passage: db.prepare('SELECT id, text, page, speaker_id, speaker_name FROM passages WHERE rowid = ?'),
    };
    STATES.set(db, state);
  }
  return state;
}

function passageMap(db: Database.Database, state: SearchState): PassageMap {
  if (!state.map || state.map.fingerprint !== fingerprint(db)) {
    const map = buildPassageMap(db);
    state.map = map;
    state.frequent = new Map();
  }
  return state.map;
}

/** The index terms with kept results at the moment (for tests and diagnostics). */
export function keptFrequentTerms(db: Database.Database): string[] {
  return [...(STATES.get(db)?.frequent.keys() ?? [])];
}

/** Every passage the compiled query matches, grouped by document. */
function runQuery(db: Database.Database, state: SearchState, map: PassageMap, compiled: CompiledQuery): Grouped {
  const rows = statement(db, state, compiled.sql).iterate(...compiled.params) as Iterable<unknown[]>;
  return groupByDocument(rows, map);
}

/**
 * Keeps the result of a frequent term's full search (see frequent-terms.ts). Results are kept
 * as the terms are first searched rather than all at once when the passage map is built: at a
 * million passages ranking every frequent term up front takes minutes, which a CLI process or
 * a server just after an ingest would pay before answering anything.
 */
function keepFrequent(state: SearchState, term: string, grouped: Grouped, map: PassageMap): void {
  const kept = orderDocuments(grouped, map, 'relevance').slice(0, CACHED_DOCUMENTS);
  state.frequent.set(term, {
    documents: Int32Array.from(kept),
    scores: Float64Array.from(kept, (index) => grouped.best[index] as number),
    passages: Float64Array.from(kept, (index) => grouped.bestPassage[index] as number),
    counts: Int32Array.from(kept, (index) => grouped.counts[index] as number),
    total: grouped.documents.length,
    totalPassages: grouped.passages,
    facets: countFacets(grouped.documents, map),
  });
}

/** The one index term a single-word (or one-word phrase) query searches, if it is one. */
function singleTerm(state: SearchState, query: QueryNode): string | undefined {
  const text = query.kind === 'phrase' || (query.kind === 'term' && !query.prefix) ? query.text : undefined;
  return text === undefined ? undefined : state.probe.termOf(text);
}

/** The kept result that answers this query exactly, if there is one. */
function frequentResult(state: SearchState, query: QueryNode, end: number, sort: SearchSort): FrequentResult | undefined {
  if (sort !== 'relevance' || end > CACHED_DOCUMENTS || state.frequent.size === 0) return undefined;
  const term = singleTerm(state, query);
  return term === undefined ? undefined : state.frequent.get(term);
}

function statement(db: Database.Database, state: SearchState, sql: string): Database.Statement {
  let prepared = state.statements.get(sql);
  if (prepared) {
    state.statements.delete(sql);
  } else {
    prepared = db.prepare(sql).raw(true);
    if (state.statements.size >= STATEMENT_CACHE_SIZE) {
      const oldest = state.statements.keys().next().value;
      if (oldest !== undefined) state.statements.delete(oldest);
    }
  }
  state.statements.set(sql, prepared);
  return prepared;
}

/** Names resolve by authority id first, then through every alias of the persons list. */
function resolverFor(store: Store): NameResolver {
  return async (name) => {
    const byId = await store.getPerson(name);
    if (byId) return [byId.id];
    return (await store.findPersons(name)).map((person) => person.id);
  };
}

/** Surnames of the persons a name denotes, as the persons lists write them ("Gorbachev, Mikhail S."). */
function surnamesFor(store: Store): ScriptBridge {
  return async (name) =>
    (await store.findPersons(name)).map((person) => (person.sort_name.split(',')[0] ?? person.name).trim()).filter(Boolean);
}

export interface Grouped {
  /** Document indexes into the passage map, in no particular order. */
  documents: number[];
  best: Float64Array;
  bestPassage: Float64Array;
  counts: Int32Array;
  passages: number;
}

/** Folds passage rows ([rowid, score]) into per-document best passage and count. */
export function groupByDocument(rows: Iterable<unknown[]>, map: PassageMap): Grouped {
  const size = map.documents.length;
  const best = new Float64Array(size).fill(Number.NEGATIVE_INFINITY);
  const bestPassage = new Float64Array(size);
  const counts = new Int32Array(size);
  const documents: number[] = [];
  let passages = 0;
  for (const row of rows) {
    const rowid = row[0] as number;
    const index = (map.documentOf[rowid] ?? 0) - 1;
    if (index < 0) continue;
    const score = row[1] as number;
    passages += 1;
    if (counts[index] === 0) documents.push(index);
    counts[index] = (counts[index] ?? 0) + 1;
    // Ties keep the earlier passage: rows may arrive in any order, so compare rowids.
    const current = best[index] as number;
    if (score > current || (score === current && rowid < (bestPassage[index] as number))) {
      best[index] = score;
      bestPassage[index] = rowid;
    }
  }
  return { documents, best, bestPassage, counts, passages };
}

export function countFacets(
  documents: readonly number[],
  map: PassageMap,
): Record<FacetName, Record<string, number>> {
  const tallies: Record<FacetName, Map<string, number>> = {
    type: new Map(),
    year: new Map(),
    person: new Map(),
    place: new Map(),
    collection: new Map(),
    classification: new Map(),
  };
  const add = (facet: FacetName, key: string | number | undefined) => {
    if (key === undefined) return;
    const tally = tallies[facet];
    tally.set(String(key), (tally.get(String(key)) ?? 0) + 1);
  };
  for (const index of documents) {
    const doc = map.documents[index] as MappedDocument;
    add('type', doc.type);
    add('year', doc.year);
    add('place', doc.place);
    add('collection', doc.collection_id);
    add('classification', doc.classification);
    for (const person of doc.persons) add('person', person);
  }
  const facets = {} as Record<FacetName, Record<string, number>>;
  for (const [facet, tally] of Object.entries(tallies) as [FacetName, Map<string, number>][]) {
    const entries = [...tally.entries()];
    if (facet === 'year') entries.sort(([a], [b]) => a.localeCompare(b));
    else entries.sort(([ka, a], [kb, b]) => b - a || ka.localeCompare(kb)).splice(FACET_VALUES);
    facets[facet] = Object.fromEntries(entries);
  }
  return facets;
}

function orderDocuments(grouped: Grouped, map: PassageMap, sort: SearchSort): number[] {
  const dateOf = (index: number) => map.documents[index]?.date_start;
  const byScore = (a: number, b: number) => (grouped.best[b] as number) - (grouped.best[a] as number);
  const oldestFirst = (a: number, b: number) => compareDates(dateOf(a), dateOf(b), 1);
  const newestFirst = (a: number, b: number) => compareDates(dateOf(a), dateOf(b), -1);
  const byId = (a: number, b: number) => (map.documents[a]?.id ?? '').localeCompare(map.documents[b]?.id ?? '');
  const [first, second] =
    sort === 'relevance' ? [byScore, oldestFirst] : sort === 'date' ? [oldestFirst, byScore] : [newestFirst, byScore];
  return [...grouped.documents].sort((a, b) => first(a, b) || second(a, b) || byId(a, b));
}

/** Oldest first for direction 1, newest first for -1; undated documents last either way. */
function compareDates(a: string | undefined, b: string | undefined, direction: 1 | -1): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return (a < b ? -1 : 1) * direction;
}

/** Decimal places of a score in results: enough to order, few enough to read. */
const SCORE_DECIMALS = 4;

function checkPaging(request: SearchRequest): { limit: number; offset: number; sort: SearchSort } {
  const limit = request.limit ?? DEFAULT_LIMIT;
  const offset = request.offset ?? 0;
  const sort = request.sort ?? 'relevance';
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new VerbatimError('VBT_ERR_BAD_ARGUMENT', [`limit must be an integer from 1 to ${MAX_LIMIT}`]);
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new VerbatimError('VBT_ERR_BAD_ARGUMENT', ['offset must be a whole number']);
  }
  if (!SORTS.includes(sort)) throw new VerbatimError('VBT_ERR_BAD_ARGUMENT', [`sort must be one of ${SORTS.join(', ')}`]);
  return { limit, offset, sort };
}

export async function searchSqlite(
  db: Database.Database,
  store: Store,
  request: SearchRequest,
): Promise<SearchResult> {
  const { limit, offset, sort } = checkPaging(request);
  const query = await normalizeQuery(parseQuery(request.query), resolverFor(store), surnamesFor(store));
  const compiled = COMPILER.compile(query);
  const state = stateOf(db);
  const map = passageMap(db, state);
  const end = offset + limit;
  const cached = frequentResult(state, query, end, sort);
  let page: { index: number; score: number; passage: number; count: number }[];
  let totals: { total: number; passages: number; documents?: number[] };
  if (cached) {
    page = [...cached.documents.subarray(offset, end)].map((index, at) => ({
      index,
      score: cached.scores[offset + at] as number,
      passage: cached.passages[offset + at] as number,
      count: cached.counts[offset + at] as number,
    }));
    totals = { total: cached.total, passages: cached.totalPassages };
  } else {
    const grouped = runQuery(db, state, map, compiled);
    const term = grouped.passages >= frequentTuning.passages ? singleTerm(state, query) : undefined;
    // A stem the tokenizer would stem again is not searched as itself: it is never kept.
    if (term !== undefined && state.probe.termOf(term) === term) keepFrequent(state, term, grouped, map);
    page = orderDocuments(grouped, map, sort)
      .slice(offset, end)
      .map((index) => ({
        index,
        score: grouped.best[index] as number,
        passage: grouped.bestPassage[index] as number,
        count: grouped.counts[index] as number,
      }));
    totals = { total: grouped.documents.length, passages: grouped.passages, documents: grouped.documents };
  }
  const terms = highlightTerms(query);
  const hits: SearchHit[] = page.map(({ index, score, passage: rowid, count }) => {
    const doc = map.documents[index] as MappedDocument;
    const passage = state.passage.get(rowid) as {
      id: string;
      text: string;
      page: string | null;
      speaker_id: string | null;
      speaker_name: string | null;
    };
    const snippet = makeSnippet(passage.text, terms);
    return {
      doc_id: doc.id,
      passage_id: passage.id,
      title: doc.title,
      ...(doc.date_start ? { date: doc.date_start } : {}),
      type: doc.type,
      ...(passage.speaker_name ? { speaker: passage.speaker_name } : {}),
      ...(passage.speaker_id ? { speaker_id: passage.speaker_id } : {}),
      ...(passage.page ? { page: passage.page } : {}),
      score: compiled.ranked ? Number(score.toFixed(SCORE_DECIMALS)) : 0,
      snippet: snippet.text,
      highlights: snippet.highlights,
      other_passages: count - 1,
    };
  });
  const facets: SearchResult['facets'] =
    request.facets === false ? {} : cached ? structuredClone(cached.facets) : countFacets(totals.documents ?? [], map);
  const persons: Record<string, string> = {};
  for (const id of Object.keys(facets.person ?? {})) persons[id] = map.personNames.get(id) ?? id;
  return {
    total: totals.total,
    total_passages: totals.passages,
    hits,
    facets,
    persons,
    resolved: nameResolutions(query),
    offset,
    limit,
    sort,
  };
}
