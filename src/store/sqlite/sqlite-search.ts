/**
 * Search over the embedded archive: parse → normalise (names through the persons authority) →
 * rank the matching passages → group them by document → facets, sort, page → snippets.
 *
 * Ranking has two engines that agree: queries of words, two-word phrases, AND/OR/NOT, speakers
 * and document filters are answered from the posting lists (src/search/postings over
 * posting-index.ts), which cost array work per match; anything else (prefixes, longer phrases,
 * unknown speakers, filters inside an OR) is compiled to FTS5 SQL. Both score with the same
 * bm25, so which one answered never changes the results.
 *
 * @example
 *   await store.search({ query: 'speaker:gorbachev sdi', limit: 5 })
 *   // { total: 4, total_passages: 23, hits: [{ doc_id: 'frus1981-88v05-d306', passage_id: …,
 *   //   speaker: 'Mikhail S. Gorbachev', score: 7.91, snippet: '…SDI…', other_passages: 11 }, …],
 *   //   facets: { type: { memcon: 4 }, year: { '1985': 1, '1986': 3 }, … }, … }
 */
import type Database from 'better-sqlite3';
import { isBusyOrReadonly } from './sqlite-errors.ts';
import { normalizeName } from '../../entities/names.ts';
import { VerbatimError } from '../../errors.ts';
import { FIELD_WEIGHTS, FOLD_FUNCTION, Fts5Compiler } from '../../search/compile/fts5-compiler.ts';
import { nameResolutions, normalizeQuery, type NameResolver, type ScriptBridge } from '../../search/normalize.ts';
import { parseQuery } from '../../search/parser.ts';
import { forEachLength } from '../../search/postings/codec.ts';
import { evaluatePlan, type Matches } from '../../search/postings/evaluate.ts';
import { planPostings, type PostingsPlan } from '../../search/postings/plan.ts';
import { highlightTerms, makeSnippet } from '../../search/snippet.ts';
import {
  DEFAULT_LIMIT,
  MAX_LIMIT,
  SORTS,
  type SearchHit,
  type SearchRequest,
  type SearchResult,
  type SearchSort,
} from '../../search/types.ts';
import type { QueryNode } from '../../search/ast.ts';
import type { Store } from '../store.ts';
import { DecodedLists } from './decoded-lists.ts';
import { indexTokenizer, type IndexTokenizer } from './index-tokenizer.ts';
import { fts5Statistics } from './fts5-statistics.ts';
import { buildPassageMap, fingerprint, type MappedDocument, type PassageMap } from './passage-map.ts';
import { PostingIndex, type RefreshProgress } from './posting-index.ts';

/** Prepared statements kept per database; compiled SQL varies only with the query's shape. */
const STATEMENT_CACHE_SIZE = 64;
/** Document sets of recent filters kept per archive state (a byte per document each). */
const KEPT_FILTERS = 32;

/** bm25's per-passage and collection statistics, for one passage map. */
interface Lengths {
  readonly fingerprint: string;
  /**
   * Token count by passage rowid: half the bytes of the normalisation itself, so the arrays a
   * decoded list reads by rowid stay in the processor's cache; normalised as each list is decoded.
   */
  readonly tokens: Uint32Array;
  readonly averageTokens: number;
  /** bm25's N, as FTS5 counts it (fts5-statistics.ts). */
  readonly rows: number;
}

interface SearchState {
  map?: PassageMap;
  lengths?: Lengths;
  tokenizer: IndexTokenizer;
  postings: PostingIndex;
  lists: DecodedLists;
  /** The archive's fingerprint when the posting lists were last found to cover every passage. */
  currentAt?: string;
  /** Groups matches by document for the current passage map (see DocumentGrouper). */
  grouper?: DocumentGrouper;
  /** Document sets of recent filters, for one passage map (see allowedDocuments). */
  filters: { fingerprint: string; sets: Map<string, Uint8Array> };
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
    const tokenizer = indexTokenizer(db);
    const postings = new PostingIndex(db, tokenizer);
    state = {
      tokenizer,
      postings,
      lists: new DecodedLists(postings, FIELD_WEIGHTS),
      filters: { fingerprint: '', sets: new Map() },
      statements: new Map(),
      passage: db.prepare('SELECT id, text, page, speaker_id, speaker_name FROM passages WHERE rowid = ?'),
    };
    STATES.set(db, state);
  }
  return state;
}

function passageMap(db: Database.Database, state: SearchState): PassageMap {
  if (!state.map || state.map.fingerprint !== fingerprint(db)) state.map = buildPassageMap(db, state.postings);
  return state.map;
}

function grouperFor(state: SearchState, map: PassageMap): DocumentGrouper {
  if (state.grouper?.map !== map) state.grouper = new DocumentGrouper(map);
  return state.grouper.start();
}

/** Brings the posting lists up to date with the passages (Store.prepareSearch). */
export function refreshSearchIndex(db: Database.Database, onProgress?: RefreshProgress): void {
  stateOf(db).postings.refresh(onProgress);
}

/** Tells the posting index this connection committed passages (PostingIndex.passagesWritten). */
export function notePassagesWritten(db: Database.Database, last: number, count: number): void {
  stateOf(db).postings.passagesWritten(last, count);
}

/** Stops what search runs beside the connection (an ingest's index thread), before it closes. */
export function stopSearch(db: Database.Database): void {
  STATES.get(db)?.postings.dropBackground();
}

/** The posting index, brought up to date when it can be (see postingsReady): the trace reads its quotation lists. */
export function currentPostings(db: Database.Database): PostingIndex {
  const state = stateOf(db);
  postingsReady(db, state);
  return state.postings;
}

/**
 * Whether the posting lists cover every passage, refreshing them if they do not. A refresh
 * writes; when it cannot (another process holds the write lock, a read-only file) the query is
 * answered by FTS5 instead, which gives the same results more slowly. Asked before every search
 * and lookup: while the archive's fingerprint stays where they were found current, they still are.
 */
function postingsReady(db: Database.Database, state: SearchState): boolean {
  if (state.currentAt === fingerprint(db)) return true;
  try {
    if (!state.postings.isCurrent()) state.postings.refresh();
    if (state.postings.isCurrent()) state.currentAt = fingerprint(db);
    return true;
  } catch (error) {
    if (isBusyOrReadonly(error)) return false;
    throw error;
  }
}

function lengthsOf(db: Database.Database, state: SearchState, map: PassageMap): Lengths {
  if (state.lengths?.fingerprint === map.fingerprint) return state.lengths;
  const statistics = fts5Statistics(db);
  const averageTokens = statistics.rows > 0 ? statistics.tokens / statistics.rows : 0;
  const tokens = new Uint32Array(map.documentOf.length);
  for (const part of state.postings.lengths()) {
    forEachLength(part, (rowid, count) => {
      if (rowid < tokens.length) tokens[rowid] = count;
    });
  }
  state.lengths = { fingerprint: map.fingerprint, tokens, averageTokens, rows: statistics.rows };
  return state.lengths;
}

/** Every passage the compiled query matches, grouped by document (the FTS5 engine). */
function runQuery(db: Database.Database, state: SearchState, map: PassageMap, query: QueryNode): Grouped {
  const compiled = COMPILER.compile(query);
  const grouper = grouperFor(state, map);
  for (const row of statement(db, state, compiled.sql).iterate(...compiled.params) as Iterable<unknown[]>) {
    grouper.add(row[0] as number, row[1] as number);
  }
  return grouper.result(compiled.ranked);
}

/** Every passage the plan matches, grouped by document (the posting-list engine). */
function runPlan(db: Database.Database, state: SearchState, map: PassageMap, plan: PostingsPlan): Grouped {
  const lengths = lengthsOf(db, state, map);
  const decoded = state.lists.getAll(plan.leaves, map, lengths);
  const documents = allowedDocuments(db, state, map, plan.documentFilters);
  const matches = evaluatePlan(plan, {
    lists: decoded.map((entry) => entry.list),
    hits: decoded.map((entry) => entry.hits),
    documentOf: map.documentOf,
    ...(documents ? { documents } : {}),
    speakerOf: map.speakerOf,
    speakers: plan.speakers.map((ids) => speakerTable(ids, map)),
    rows: lengths.rows,
  });
  return grouperFor(state, map).addMatches(matches).result(true);
}

/** 1 at the speaker code of each of `ids` (codes run from 1 to the number of speakers). */
function speakerTable(ids: readonly string[], map: PassageMap): Uint8Array {
  const table = new Uint8Array(map.speakerCodes.size + 1);
  for (const id of ids) {
    const code = map.speakerCodes.get(id);
    if (code !== undefined) table[code] = 1;
  }
  return table;
}

/** The documents (by passage-map index) the document filters let through; undefined for all. */
function allowedDocuments(
  db: Database.Database,
  state: SearchState,
  map: PassageMap,
  filters: readonly QueryNode[],
): Uint8Array | undefined {
  if (filters.length === 0) return undefined;
  const compiled = COMPILER.compileDocumentFilter(filters);
  const key = JSON.stringify([compiled.sql, compiled.params]);
  if (state.filters.fingerprint !== map.fingerprint) state.filters = { fingerprint: map.fingerprint, sets: new Map() };
  const kept = state.filters.sets.get(key);
  if (kept) return kept;
  const allowed = new Uint8Array(map.documents.length);
  for (const row of statement(db, state, compiled.sql).iterate(...compiled.params) as Iterable<unknown[]>) {
    const index = map.indexOfDocument.get(row[0] as number);
    if (index !== undefined) allowed[index] = 1;
  }
  // A filter chosen from the facets is applied to query after query: keep the last few.
  if (state.filters.sets.size >= KEPT_FILTERS) state.filters.sets.delete(state.filters.sets.keys().next().value as string);
  state.filters.sets.set(key, allowed);
  return allowed;
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

interface Grouped {
  /** Document indexes into the passage map, in no particular order. */
  documents: Int32Array;
  best: Float64Array;
  bestPassage: Float64Array;
  counts: Int32Array;
  passages: number;
  /** True when scores are relevance scores; false when every passage scored 0 (filters only). */
  ranked: boolean;
}

/**
 * Folds matching passages (rowid, score) into each document's best passage and count. Its
 * arrays, a slot per document, are made once per passage map and reused search after search:
 * fresh ones cost more than the grouping (a page fault per 4 KB first touched), so each grouping
 * clears only the slots the last one used.
 */
class DocumentGrouper {
  private readonly best: Float64Array;
  private readonly bestPassage: Float64Array;
  private readonly counts: Int32Array;
  /** The documents matched, in the order first seen: `documents[0 .. found)`. */
  private readonly documents: Int32Array;
  private found = 0;
  private passages = 0;

  constructor(readonly map: PassageMap) {
    const size = map.documents.length;
    this.best = new Float64Array(size).fill(Number.NEGATIVE_INFINITY);
    this.bestPassage = new Float64Array(size);
    this.counts = new Int32Array(size);
    this.documents = new Int32Array(size);
  }

  /** Starts a grouping; the last one's result is no longer valid. */
  start(): this {
    for (let at = 0; at < this.found; at += 1) {
      const index = this.documents[at] as number;
      this.best[index] = Number.NEGATIVE_INFINITY;
      this.counts[index] = 0;
    }
    this.found = 0;
    this.passages = 0;
    return this;
  }

  add(rowid: number, score: number): void {
    const index = (this.map.documentOf[rowid] ?? 0) - 1;
    if (index >= 0) this.addToDocument(index, 1, rowid, score);
  }

  /**
   * Matches in ascending rowid order. A document's passages are adjacent rowids, so its matches
   * come in a run, folded in locals and written once: a common word matches hundreds of
   * thousands of passages.
   */
  addMatches({ rows, documents, scores }: Matches): this {
    for (let at = 0; at < rows.length; ) {
      const index = documents[at] as number;
      let bestScore = scores[at] as number;
      let bestRow = rows[at] as number;
      let end = at + 1;
      for (; end < rows.length && documents[end] === index; end += 1) {
        // Rowids ascend within a run: a tie keeps the earlier passage.
        if ((scores[end] as number) > bestScore) {
          bestScore = scores[end] as number;
          bestRow = rows[end] as number;
        }
      }
      this.addToDocument(index, end - at, bestRow, bestScore);
      at = end;
    }
    return this;
  }

  /** `count` passages of a public document known by its index, the best of them `rowid` with `score`. */
  private addToDocument(index: number, count: number, rowid: number, score: number): void {
    this.passages += count;
    if (this.counts[index] === 0) this.documents[this.found++] = index;
    this.counts[index] = (this.counts[index] as number) + count;
    // Ties keep the earlier passage: rows may arrive in any order, so compare rowids.
    const current = this.best[index] as number;
    if (score > current || (score === current && rowid < (this.bestPassage[index] as number))) {
      this.best[index] = score;
      this.bestPassage[index] = rowid;
    }
  }

  /** What was grouped: valid until the next grouping starts (searches read it at once). */
  result(ranked: boolean): Grouped {
    const { best, bestPassage, counts, passages } = this;
    return { documents: this.documents.subarray(0, this.found), best, bestPassage, counts, passages, ranked };
  }
}

/** The first `count` matching documents in the requested order (a partial sort: pages are short). */
function orderDocuments(grouped: Grouped, map: PassageMap, sort: SearchSort, count: number): number[] {
  const dateOf = (index: number) => map.documents[index]?.date_start;
  // -1, 0 or 1 rather than a difference: a fraction returned would be allocated, comparison after comparison.
  const byScore = (a: number, b: number) => {
    const scoreA = grouped.best[a] as number;
    const scoreB = grouped.best[b] as number;
    return scoreA > scoreB ? -1 : scoreA < scoreB ? 1 : 0;
  };
  const oldestFirst = (a: number, b: number) => compareDates(dateOf(a), dateOf(b), 1);
  const newestFirst = (a: number, b: number) => compareDates(dateOf(a), dateOf(b), -1);
  const byId = (a: number, b: number) => (map.documents[a]?.id ?? '').localeCompare(map.documents[b]?.id ?? '');
  const [first, second] =
    sort === 'relevance' ? [byScore, oldestFirst] : sort === 'date' ? [oldestFirst, byScore] : [newestFirst, byScore];
  return firstInOrder(grouped.documents, count, (a, b) => first(a, b) || second(a, b) || byId(a, b));
}

/** The `count` smallest items under `compare`, sorted: a sorted buffer of at most `count`. */
function firstInOrder(items: Int32Array, count: number, compare: (a: number, b: number) => number): number[] {
  if (items.length <= count) return Array.from(items).sort(compare);
  const kept: number[] = [];
  for (let at = 0; at < items.length; at += 1) {
    const item = items[at] as number;
    if (kept.length === count && compare(item, kept[count - 1] as number) >= 0) continue;
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(kept[middle] as number, item) <= 0) low = middle + 1;
      else high = middle;
    }
    kept.splice(low, 0, item);
    if (kept.length > count) kept.pop();
  }
  return kept;
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

export interface SearchOptions {
  /** Answer from the posting lists when the query allows (the default); false always uses FTS5. */
  postings?: boolean;
}

export async function searchSqlite(
  db: Database.Database,
  store: Store,
  request: SearchRequest,
  options: SearchOptions = {},
): Promise<SearchResult> {
  const { limit, offset, sort } = checkPaging(request);
  const query = await normalizeQuery(parseQuery(request.query), resolverFor(store), surnamesFor(store));
  const state = stateOf(db);
  const plan = options.postings === false ? undefined : planPostings(query, (text) => state.tokenizer.tokens(text));
  const usePostings = plan !== undefined && postingsReady(db, state);
  const map = passageMap(db, state);
  const grouped = usePostings ? runPlan(db, state, map, plan) : runQuery(db, state, map, query);
  const page = orderDocuments(grouped, map, sort, offset + limit).slice(offset);
  const terms = highlightTerms(query);
  const hits: SearchHit[] = page.map((index) => {
    const doc = map.documents[index] as MappedDocument;
    const passage = state.passage.get(grouped.bestPassage[index] as number) as {
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
      score: grouped.ranked ? Number((grouped.best[index] as number).toFixed(SCORE_DECIMALS)) : 0,
      snippet: snippet.text,
      highlights: snippet.highlights,
      other_passages: (grouped.counts[index] as number) - 1,
    };
  });
  const facets: SearchResult['facets'] = request.facets === false ? {} : map.facets.count(grouped.documents);
  const persons: Record<string, string> = {};
  for (const id of Object.keys(facets.person ?? {})) persons[id] = map.personNames.get(id) ?? id;
  const collections: Record<string, string> = {};
  for (const id of Object.keys(facets.collection ?? {})) collections[id] = map.collectionTitles.get(id) ?? id;
  return {
    total: grouped.documents.length,
    total_passages: grouped.passages,
    hits,
    facets,
    persons,
    collections,
    resolved: nameResolutions(query),
    offset,
    limit,
    sort,
  };
}
