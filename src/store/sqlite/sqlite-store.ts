/**
 * The embedded default: one SQLite file in WAL mode under the archive directory. Documents are
 * written whole, several to a transaction, so a killed ingest leaves whole documents only and
 * re-running it completes the job. The search indexes (FTS5, the posting lists, the quotation
 * lists) are derived from the stored passages by posting-index.ts, in bulk after an ingest.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { VerbatimError } from '../../errors.ts';
import { nameKey } from '../../entities/names.ts';
import type { Article, Document, Person } from '../../model/index.ts';
import { serializeRecord } from '../content-hash.ts';
import { PASSAGES_PER_COMMIT, type ArchiveStats, type CandidateDocumentRow, type CandidateQuery, type FingerprintHit, type IndexProgress, type PassageRow, type PutOutcome, type SavedTrace, type Store } from '../store.ts';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.ts';
import { SqliteTraces } from './traces.ts';
import { QuotationLookup } from './quotation-lookup.ts';
import { withoutNulls } from './rows.ts';
import { CandidateDocuments } from './candidate-documents.ts';
import { currentPostings, notePassagesWritten, refreshSearchIndex, searchSqlite, stopSearch } from './sqlite-search.ts';
import type { SearchRequest, SearchResult } from '../../search/types.ts';

export const DATABASE_FILE = 'verbatim.sqlite';
/** The highest rowids ever given out, kept in `meta` (see freshRowids). */
const ROWID_KEYS = { documents: 'document_rowid_high', passages: 'passage_rowid_high' } as const;

type Db = Database.Database;

export class SqliteStore implements Store {
  readonly location: string;
  /** The open database, for modules of src/store/sqlite that add their own queries. */
  readonly db: Db;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly traces: SqliteTraces;
  private readonly quotations: QuotationLookup;
  private readonly candidates: CandidateDocuments;

  constructor(directory: string) {
    this.location = directory;
    mkdirSync(directory, { recursive: true });
    try {
      this.db = new Database(join(directory, DATABASE_FILE));
    } catch (error) {
      throw new VerbatimError('VBT_ERR_STORE_UNSUPPORTED', [directory], { cause: error });
    }
    this.db.pragma('journal_mode = WAL');
    // NORMAL is durable across process kills in WAL mode; only an OS crash can lose the last commits.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    migrate(this.db);
    this.statements = prepareStatements(this.db);
    this.traces = new SqliteTraces(this.db);
    this.quotations = new QuotationLookup(this.db, () => currentPostings(this.db));
    this.candidates = new CandidateDocuments(this.db);
  }

  async putDocument(document: Document): Promise<PutOutcome> {
    return this.writeDocument(document);
  }

  async putDocuments(documents: readonly Document[]): Promise<PutOutcome[]> {
    return this.writeDocuments(documents);
  }

  /** Synchronous core of putDocument. */
  writeDocument(document: Document): PutOutcome {
    return this.writeDocuments([document])[0] as PutOutcome;
  }

  /** Synchronous core of putDocuments: a transaction per PASSAGES_PER_COMMIT passages or so, a savepoint per document. */
  writeDocuments(documents: readonly Document[]): PutOutcome[] {
    const outcomes: PutOutcome[] = [];
    let failure: { error: unknown } | undefined;
    while (outcomes.length < documents.length && !failure) {
      let written = 0;
      let lastPassage = 0;
      this.db.transaction(() => {
        while (outcomes.length < documents.length && written < PASSAGES_PER_COMMIT) {
          try {
            const put = this.writeOne(documents[outcomes.length] as Document);
            outcomes.push(put.outcome);
            written += put.passages;
            lastPassage = put.lastPassage || lastPassage;
          } catch (error) {
            // Its savepoint is rolled back; the documents before it are committed.
            failure = { error };
            return;
          }
        }
      })();
      // Told once committed: the index thread reads what other connections can see.
      if (written > 0) notePassagesWritten(this.db, lastPassage, written);
    }
    if (failure) throw failure.error;
    return outcomes;
  }

  /** Writes one document in a savepoint of the caller's transaction (rolled back if it fails); what it wrote. */
  private writeOne(document: Document): { outcome: PutOutcome; passages: number; lastPassage: number } {
    const s = this.statements;
    const { body, hash } = serializeRecord(document);
    const existing = s.documentHash.get(document.id) as { rowid: number; content_hash: string } | undefined;
    if (existing?.content_hash === hash) return { outcome: 'unchanged', passages: 0, lastPassage: 0 };
    let lastPassage = 0;
    this.db.transaction(() => {
      if (existing) this.deleteDocumentRows(existing.rowid);
      s.upsertCollection.run(document.collection.id, document.collection.title, document.collection.private ? 1 : 0);
      const documentRowids = this.freshRowids('documents');
      const docRowid = documentRowids.next();
      s.insertDocument.run({
        rowid: docRowid,
        id: document.id,
        collection_id: document.collection.id,
        type: document.type,
        title: document.title,
        date_start: document.date?.start ?? null,
        date_end: document.date?.end ?? document.date?.start ?? null,
        year: document.date ? Number(document.date.start.slice(0, 4)) : null,
        place: document.place ?? null,
        classification: document.classification?.level ?? null,
        language: document.language,
        style: document.style,
        content_hash: hash,
        body,
        ingested_at: new Date().toISOString(),
      });
      documentRowids.save();
      const rowids = this.freshRowids('passages');
      for (const passage of document.passages) {
        this.insertPassage(rowids.next(), docRowid, passage.id, passage.n, passage.kind, passage.text, passage.page,
          passage.speaker?.person_id, passage.speaker?.name);
      }
      document.footnotes.forEach((footnote, index) => {
        this.insertPassage(rowids.next(), docRowid, footnote.id, document.passages.length + index, 'footnote', footnote.text,
          pageAt(document, footnote.anchor), undefined, undefined);
      });
      rowids.save();
      lastPassage = rowids.last;
      const participantIds = new Set(document.participants.map((p) => p.person_id).filter(isString));
      for (const personId of participantIds) s.insertDocumentPerson.run(docRowid, personId, 'participant');
      for (const personId of new Set(document.mentions)) s.insertDocumentPerson.run(docRowid, personId, 'mentioned');
    })();
    return { outcome: existing ? 'replaced' : 'inserted', passages: document.passages.length + document.footnotes.length, lastPassage };
  }

  /**
   * Rowids for new rows of `table`, above every rowid ever given out there: SQLite would hand a
   * deleted row's rowid to the next insert, and what is derived from passages (posting lists,
   * where each passage sits) must never mistake a new passage, or a new document, for an old one.
   */
  private freshRowids(table: keyof typeof ROWID_KEYS): { next(): number; save(): void; readonly last: number } {
    const s = this.statements;
    const key = ROWID_KEYS[table];
    let last = Math.max(Number(s.meta.get(key) ?? 0), (s.lastRowid[table].get() as number | null) ?? 0);
    const first = last;
    return {
      next: () => (last += 1),
      save: () => {
        if (last !== first) s.setMeta.run(key, String(last));
      },
      get last() {
        return last;
      },
    };
  }

  private insertPassage(
    rowid: number, docRowid: number, id: string, n: number, kind: string, text: string, page: string | undefined,
    speakerId: string | undefined, speakerName: string | undefined,
  ): void {
    const s = this.statements;
    s.insertPassage.run(rowid, id, docRowid, n, kind, text, page ?? null, speakerId ?? null, speakerName ?? null);
  }

  private deleteDocumentRows(docRowid: number): void {
    const s = this.statements;
    s.deleteFtsOfDocument.run(docRowid);
    s.deletePassagesOfDocument.run(docRowid);
    s.deleteDocumentPersons.run(docRowid);
    s.deleteDocument.run(docRowid);
  }

  async putArticle(article: Article): Promise<PutOutcome> {
    const s = this.statements;
    const { body, hash } = serializeRecord(article);
    const existing = s.articleHash.get(article.id) as { content_hash: string } | undefined;
    if (existing?.content_hash === hash) return 'unchanged';
    s.upsertArticle.run({
      id: article.id,
      url: article.url ?? null,
      outlet: article.outlet ?? null,
      title: article.title,
      published: article.published ?? null,
      language: article.language,
      content_hash: hash,
      body,
      ingested_at: new Date().toISOString(),
    });
    return existing ? 'replaced' : 'inserted';
  }

  async getArticle(id: string): Promise<Article | undefined> {
    const row = this.statements.article.get(id) as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as Article) : undefined;
  }

  async putPersons(persons: Person[]): Promise<void> {
    const s = this.statements;
    this.db.transaction(() => {
      for (const person of persons) {
        const existingRow = s.person.get(person.id) as { body: string } | undefined;
        const merged = existingRow ? mergePersons(JSON.parse(existingRow.body) as Person, person) : person;
        s.upsertPerson.run(merged.id, merged.name, merged.sort_name, merged.description ?? null, JSON.stringify(merged));
        for (const alias of [merged.name, merged.sort_name, ...merged.aliases]) {
          s.insertAlias.run(nameKey(alias), merged.id, alias);
        }
      }
    })();
  }

  async getDocument(id: string): Promise<Document | undefined> {
    const row = this.statements.document.get(id) as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as Document) : undefined;
  }

  async *listDocuments(options: { collection?: string } = {}): AsyncIterable<Document> {
    const statement = options.collection ? this.statements.documentsOfCollection : this.statements.allDocuments;
    const rows = (options.collection ? statement.iterate(options.collection) : statement.iterate()) as Iterable<{ body: string }>;
    for (const row of rows) yield JSON.parse(row.body) as Document;
  }

  async getPerson(id: string): Promise<Person | undefined> {
    const row = this.statements.person.get(id) as { body: string } | undefined;
    return row ? (JSON.parse(row.body) as Person) : undefined;
  }

  async findPersons(name: string): Promise<Person[]> {
    const rows = this.statements.personsByAlias.all(nameKey(name)) as { body: string }[];
    return rows.map((row) => JSON.parse(row.body) as Person);
  }

  async getPassages(ids: readonly string[]): Promise<PassageRow[]> {
    const rows: PassageRow[] = [];
    for (const id of ids) {
      const row = this.statements.passage.get(id) as PassageRow | undefined;
      if (row) rows.push(withoutNulls(row));
    }
    return rows;
  }

  async findPassagesByFingerprint(hashes: ArrayLike<number>, limit: number, text?: string): Promise<FingerprintHit[]> {
    return this.quotations.lookup(hashes, limit, text);
  }

  async findCandidateDocuments(query: CandidateQuery): Promise<CandidateDocumentRow[]> {
    return this.candidates.find(query);
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    return searchSqlite(this.db, this, request);
  }

  async prepareSearch(onProgress?: IndexProgress): Promise<void> {
    refreshSearchIndex(this.db, onProgress);
  }

  async stats(): Promise<ArchiveStats> {
    const s = this.statements;
    const count = (statement: Database.Statement) => (statement.get() as { n: number }).n;
    const tally = (statement: Database.Statement) =>
      Object.fromEntries((statement.all() as { key: string | number; n: number }[]).map((r) => [String(r.key), r.n]));
    return {
      documents: count(s.countDocuments),
      passages: count(s.countPassages),
      persons: count(s.countPersons),
      articles: count(s.countArticles),
      collections: s.collections.all() as ArchiveStats['collections'],
      by_type: tally(s.documentsByType),
      by_year: tally(s.documentsByYear),
      size_bytes: ['', '-wal', '-shm']
        .map((suffix) => fileSize(join(this.location, DATABASE_FILE + suffix)))
        .reduce((a, b) => a + b, 0),
    };
  }

  async putTrace(trace: SavedTrace): Promise<void> {
    this.traces.put(trace);
  }

  async getTrace(id: string): Promise<SavedTrace | undefined> {
    return this.traces.get(id);
  }

  async close(): Promise<void> {
    stopSearch(this.db);
    if (this.db.open) this.db.close();
  }
}

function migrate(db: Db): void {
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
  const current = hasMeta
    ? Number((db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined)?.value ?? 0)
    : 0;
  if (current > SCHEMA_VERSION) {
    throw new VerbatimError('VBT_ERR_STORE_VERSION', [String(current), String(SCHEMA_VERSION)]);
  }
  if (current === SCHEMA_VERSION) return;
  db.transaction(() => {
    for (const migration of MIGRATIONS.slice(current)) db.exec(migration);
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)").run(String(SCHEMA_VERSION));
  })();
}

// Private collections are filtered here, once, so no count or lookup can leak them.
const PUBLIC_DOCUMENTS = `documents d JOIN collections c ON c.id = d.collection_id AND c.private = 0`;
const PUBLIC_PASSAGES = `passages p JOIN documents d ON d.rowid = p.doc_rowid
  JOIN collections c ON c.id = d.collection_id AND c.private = 0`;

function prepareStatements(db: Db) {
  return {
    documentHash: db.prepare('SELECT rowid, content_hash FROM documents WHERE id = ?'),
    document: db.prepare(`SELECT d.body FROM ${PUBLIC_DOCUMENTS} WHERE d.id = ?`),
    allDocuments: db.prepare(`SELECT d.body FROM ${PUBLIC_DOCUMENTS} ORDER BY d.id`),
    documentsOfCollection: db.prepare(`SELECT d.body FROM ${PUBLIC_DOCUMENTS} WHERE d.collection_id = ? ORDER BY d.id`),
    upsertCollection: db.prepare(
      'INSERT INTO collections (id, title, private) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET title = excluded.title',
    ),
    insertDocument: db.prepare(`INSERT INTO documents
      (rowid, id, collection_id, type, title, date_start, date_end, year, place, classification, language, style, content_hash, body, ingested_at)
      VALUES (@rowid, @id, @collection_id, @type, @title, @date_start, @date_end, @year, @place, @classification, @language, @style, @content_hash, @body, @ingested_at)`),
    insertPassage: db.prepare(
      'INSERT INTO passages (rowid, id, doc_rowid, n, kind, text, page, speaker_id, speaker_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    meta: db.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
    setMeta: db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
    lastRowid: {
      documents: db.prepare('SELECT max(rowid) FROM documents').pluck(),
      passages: db.prepare('SELECT max(rowid) FROM passages').pluck(),
    },
    insertDocumentPerson: db.prepare('INSERT OR IGNORE INTO document_persons (doc_rowid, person_id, role) VALUES (?, ?, ?)'),
    deleteFtsOfDocument: db.prepare('DELETE FROM passages_fts WHERE rowid IN (SELECT rowid FROM passages WHERE doc_rowid = ?)'),
    deletePassagesOfDocument: db.prepare('DELETE FROM passages WHERE doc_rowid = ?'),
    deleteDocumentPersons: db.prepare('DELETE FROM document_persons WHERE doc_rowid = ?'),
    deleteDocument: db.prepare('DELETE FROM documents WHERE rowid = ?'),
    articleHash: db.prepare('SELECT content_hash FROM articles WHERE id = ?'),
    article: db.prepare('SELECT body FROM articles WHERE id = ?'),
    upsertArticle: db.prepare(`INSERT INTO articles (id, url, outlet, title, published, language, content_hash, body, ingested_at)
      VALUES (@id, @url, @outlet, @title, @published, @language, @content_hash, @body, @ingested_at)
      ON CONFLICT(id) DO UPDATE SET url = excluded.url, outlet = excluded.outlet, title = excluded.title,
      published = excluded.published, language = excluded.language, content_hash = excluded.content_hash,
      body = excluded.body, ingested_at = excluded.ingested_at`),
    person: db.prepare('SELECT body FROM persons WHERE id = ?'),
    upsertPerson: db.prepare(`INSERT INTO persons (id, name, sort_name, description, body) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET name = excluded.name, sort_name = excluded.sort_name,
      description = excluded.description, body = excluded.body`),
    insertAlias: db.prepare('INSERT OR IGNORE INTO person_aliases (key, person_id, alias) VALUES (?, ?, ?)'),
    personsByAlias: db.prepare(
      'SELECT DISTINCT p.body FROM person_aliases a JOIN persons p ON p.id = a.person_id WHERE a.key = ? ORDER BY p.id',
    ),
    passage: db.prepare(`SELECT d.id AS doc_id, p.id AS passage_id, p.n, p.kind, p.text, p.page,
      p.speaker_id, p.speaker_name, d.title, d.date_start AS date, d.type
      FROM ${PUBLIC_PASSAGES} WHERE p.id = ?`),
    countDocuments: db.prepare(`SELECT count(*) AS n FROM ${PUBLIC_DOCUMENTS}`),
    countPassages: db.prepare(`SELECT count(*) AS n FROM ${PUBLIC_PASSAGES}`),
    countPersons: db.prepare('SELECT count(*) AS n FROM persons'),
    countArticles: db.prepare('SELECT count(*) AS n FROM articles'),
    collections: db.prepare(
      `SELECT c.id, c.title, count(*) AS documents FROM ${PUBLIC_DOCUMENTS} GROUP BY c.id ORDER BY c.id`,
    ),
    documentsByType: db.prepare(`SELECT d.type AS key, count(*) AS n FROM ${PUBLIC_DOCUMENTS} GROUP BY d.type ORDER BY n DESC`),
    documentsByYear: db.prepare(
      `SELECT d.year AS key, count(*) AS n FROM ${PUBLIC_DOCUMENTS} WHERE d.year IS NOT NULL GROUP BY d.year ORDER BY d.year`,
    ),
  };
}

function mergePersons(existing: Person, incoming: Person): Person {
  return {
    ...existing,
    description: existing.description ?? incoming.description,
    aliases: [...new Set([...existing.aliases, ...incoming.aliases])],
    source_ids: [...new Set([...existing.source_ids, ...incoming.source_ids])],
  };
}

function pageAt(document: Document, offset: number): string | undefined {
  let page: string | undefined;
  for (const pageBreak of document.pages) {
    if (pageBreak.offset > offset) break;
    page = pageBreak.page;
  }
  return page;
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}
