/**
 * The archive behind one interface, so the embedded SQLite default and a PostgreSQL server
 * deployment are interchangeable to everything above src/store. Methods are async because a
 * server store is; the SQLite store answers synchronously inside them.
 */
import type { Article, Document, Person } from '../model/index.ts';
import type { SearchRequest, SearchResult } from '../search/types.ts';

export type PutOutcome = 'inserted' | 'replaced' | 'unchanged';

export interface CountBy {
  [key: string]: number;
}

export interface ArchiveStats {
  documents: number;
  passages: number;
  persons: number;
  articles: number;
  collections: { id: string; title: string; documents: number }[];
  by_type: CountBy;
  by_year: CountBy;
  /** Bytes the archive occupies (database and its journals). */
  size_bytes: number;
}

/** One stored passage with the document fields a result line needs. */
export interface PassageRow {
  doc_id: string;
  passage_id: string;
  n: number;
  kind: string;
  text: string;
  page?: string;
  speaker_id?: string;
  speaker_name?: string;
  title: string;
  date?: string;
  type: string;
}

/** A passage found by quotation fingerprint, with how many of the probe's hashes it shares. */
export interface FingerprintHit extends PassageRow {
  shared: number;
}

export interface CandidateQuery {
  /** Authority ids (participants or persons mentioned). */
  person_ids?: readonly string[];
  /** ISO dates or prefixes (1994, 1994-01, 1994-01-13); a document matches when its dates overlap. */
  date_ranges?: readonly { from: string; to: string }[];
  /** At most this many documents per person list and per date range. */
  limit: number;
}

export interface CandidateDocumentRow {
  doc_id: string;
  title: string;
  type: string;
  style: string;
  language: string;
  date_start?: string;
  date_end?: string;
  place?: string;
  /** Which of the asked persons the document names. */
  person_ids: string[];
}

/**
 * Passages written between two commits of an ingest: a commit writes every page it touched, and
 * a document at a time rewrote the same last pages of each table and index commit after commit;
 * small enough that the index thread, which reads only what is committed, keeps pace.
 */
export const PASSAGES_PER_COMMIT = 1000;

/** Progress of bringing one derived index up to date: passages done of those to index. */
export type IndexProgress = (done: number, total: number) => void;

export interface Store {
  /** Where the archive lives (directory or URL), for messages. */
  readonly location: string;
  /** Writes a document whole in one transaction; an identical document is left as it is. */
  putDocument(document: Document): Promise<PutOutcome>;
  /**
   * Writes documents in order, each whole, several to a transaction (a commit about every
   * PASSAGES_PER_COMMIT passages); an identical document is left as it is. When one fails, the
   * ones before it are kept and its error is thrown.
   */
  putDocuments(documents: readonly Document[]): Promise<PutOutcome[]>;
  /** Writes an article (secondary source), replacing one with the same id. */
  putArticle(article: Article): Promise<PutOutcome>;
  getArticle(id: string): Promise<Article | undefined>;
  /** Merges authority records (new aliases and source ids are added to existing persons). */
  putPersons(persons: Person[]): Promise<void>;
  getDocument(id: string): Promise<Document | undefined>;
  /** Every public document (of one collection, if given), in id order, one at a time. */
  listDocuments(options?: { collection?: string }): AsyncIterable<Document>;
  getPerson(id: string): Promise<Person | undefined>;
  /** Persons any of whose names or aliases normalise to the given name. */
  findPersons(name: string): Promise<Person[]>;
  /** Passages by stable id, in the order asked, private collections excluded. */
  getPassages(ids: readonly string[]): Promise<PassageRow[]>;
  /**
   * Passages sharing quotation fingerprints (src/trace/fingerprint.ts) with the given hashes,
   * most shared first, at most `limit`; private collections excluded. Empty when none share any.
   * With the quotation's `text`, passages sharing the same fingerprints are ordered by the rarer
   * words they share with it.
   */
  findPassagesByFingerprint(hashes: ArrayLike<number>, limit: number, text?: string): Promise<FingerprintHit[]>;
  /** Documents naming any of the persons or overlapping any of the date ranges, for tracing an article. */
  findCandidateDocuments(query: CandidateQuery): Promise<CandidateDocumentRow[]>;
  /** Runs a query of the search language (src/search); throws VBT_ERR_QUERY_SYNTAX on a malformed one. */
  search(request: SearchRequest): Promise<SearchResult>;
  /**
   * Brings the index derived from the stored passages up to date: the lists search ranks from
   * and the trace's quotation fingerprints (the first search or trace after a change would
   * otherwise do it). Ingest calls it once at the end, with progress.
   */
  prepareSearch(onProgress?: IndexProgress): Promise<void>;
  stats(): Promise<ArchiveStats>;
  /** Keeps a trace for its permalink; saving the same id again leaves the first in place. */
  putTrace(trace: SavedTrace): Promise<void>;
  getTrace(id: string): Promise<SavedTrace | undefined>;
  close(): Promise<void>;
}

/** A trace as saved for its permalink: what was traced and what the trace found then. */
export interface SavedTrace {
  /** Derived from input and result, so the same trace of the same archive has one permalink. */
  id: string;
  created_at: string;
  /** Format version of the saved report; a reader refuses versions it does not know. */
  version: number;
  input: { format: 'text' | 'html'; content: string; url?: string };
  /** The trace JSON of the product brief, as src/trace returned it. */
  result: Record<string, unknown>;
}
