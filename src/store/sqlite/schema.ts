/**
 * The embedded archive's schema, as ordered migrations. The number of applied migrations is
 * the schema version kept in `meta`; an archive newer than this code is refused on open.
 * Append new migrations; never edit a released one.
 */

export const MIGRATIONS: readonly string[] = [
  // 1: documents, passages and their full-text index, persons.
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  CREATE TABLE collections (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    private INTEGER NOT NULL DEFAULT 0
  );

  CREATE TABLE documents (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    collection_id TEXT NOT NULL REFERENCES collections(id),
    type TEXT NOT NULL,
    title TEXT NOT NULL,
    date_start TEXT,
    date_end TEXT,
    year INTEGER,
    place TEXT,
    classification TEXT,
    language TEXT NOT NULL,
    style TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    body TEXT NOT NULL,          -- the whole Document as JSON
    ingested_at TEXT NOT NULL
  );
  CREATE INDEX documents_collection ON documents(collection_id);
  CREATE INDEX documents_date ON documents(date_start);

  CREATE TABLE passages (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    doc_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    page TEXT,
    speaker_id TEXT,
    speaker_name TEXT
  );
  CREATE INDEX passages_doc ON passages(doc_rowid, n);
  CREATE INDEX passages_speaker ON passages(speaker_id);

  -- Contentless: the text lives once, in passages; snippets are made from there.
  -- One column per kind of text so bm25 can weight headings above body above footnotes.
  CREATE VIRTUAL TABLE passages_fts USING fts5(
    heading, body, note, speaker,
    content = '', contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2'
  );

  CREATE TABLE persons (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    sort_name TEXT NOT NULL,
    description TEXT,
    body TEXT NOT NULL           -- the whole Person as JSON
  );

  CREATE TABLE person_aliases (
    key TEXT NOT NULL,           -- entities/names.ts nameKey()
    person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    PRIMARY KEY (key, person_id, alias)
  ) WITHOUT ROWID;

  -- Who takes part in or is named by a document: drives person: filters and facets.
  CREATE TABLE document_persons (
    doc_rowid INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
    person_id TEXT NOT NULL,
    role TEXT NOT NULL,          -- participant | mentioned
    PRIMARY KEY (doc_rowid, person_id, role)
  ) WITHOUT ROWID;
  CREATE INDEX document_persons_person ON document_persons(person_id);

  CREATE TABLE articles (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    url TEXT,
    outlet TEXT,
    title TEXT NOT NULL,
    published TEXT,
    language TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    body TEXT NOT NULL,
    ingested_at TEXT NOT NULL
  );
  `,
  // 2: saved traces, so a trace has a permalink (the reading room's /traces/:id).
  `
  CREATE TABLE traces (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    version INTEGER NOT NULL,    -- the saved report's format version, checked on load
    input TEXT NOT NULL,         -- what was traced, as JSON
    result TEXT NOT NULL         -- the trace result, as JSON
  );
  `,
  // 3: quotation fingerprints: a hash per pair of identifying words per passage, derived from
  // passages (replaced by posting lists in 6).
  `
  CREATE TABLE passage_fingerprints (
    hash INTEGER NOT NULL,
    passage_rowid INTEGER NOT NULL,
    PRIMARY KEY (hash, passage_rowid)
  ) WITHOUT ROWID;
  `,
  // 4: search posting lists (src/store/sqlite/posting-index.ts), derived from passages in segments.
  `
  CREATE TABLE posting_segments (
    id INTEGER PRIMARY KEY,
    first_rowid INTEGER NOT NULL,
    last_rowid INTEGER NOT NULL,
    passages INTEGER NOT NULL,
    lengths BLOB NOT NULL        -- token count of each passage, src/search/postings/codec.ts
  );
  CREATE TABLE postings (
    term TEXT NOT NULL,          -- an index term, or two adjacent ones separated by a space
    segment INTEGER NOT NULL REFERENCES posting_segments(id) ON DELETE CASCADE,
    postings INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (term, segment)
  );
  `,
  // 5: the document filters of search (type:, year:, date:, place:, classification:, collection:)
  // read from a covering index instead of a scan of the document rows and their JSON.
  `
  CREATE INDEX documents_filters ON documents(type, classification, year, date_start, date_end, place, collection_id);
  `,
  // 6: quotation fingerprints become posting lists, built with the search lists in segments
  // (posting-index.ts): a row per hash and segment instead of a row per hash and passage. A
  // segment also keeps where each of its passages sits (document, speaker), so search maps
  // passages from a few blobs instead of a row each. The derived tables start again empty; the
  // next refresh rebuilds them, FTS5 included.
  `
  DROP TABLE passage_fingerprints;
  DELETE FROM postings;
  DELETE FROM posting_segments;
  DELETE FROM meta WHERE key IN ('fingerprint_version', 'fingerprints_through', 'postings_through', 'postings_version');
  -- each passage's document rowid and speaker (1 + index in speakers, 0 for none), codec.ts
  ALTER TABLE posting_segments ADD COLUMN placements BLOB NOT NULL DEFAULT x'';
  -- the segment's speaker ids, a JSON array
  ALTER TABLE posting_segments ADD COLUMN speakers TEXT NOT NULL DEFAULT '[]';
  CREATE TABLE quotation_postings (
    hash INTEGER NOT NULL,       -- src/trace/fingerprint.ts
    segment INTEGER NOT NULL REFERENCES posting_segments(id) ON DELETE CASCADE,
    postings INTEGER NOT NULL,
    data BLOB NOT NULL,          -- a passages list, src/search/postings/codec.ts
    PRIMARY KEY (hash, segment)
  ) WITHOUT ROWID;
  -- FTS5 is now filled a segment of passages at a time: with 8 MB of pending terms instead of
  -- 1 MB it writes fewer, larger segments of its own and merges less (a quarter faster).
  INSERT INTO passages_fts (passages_fts, rank) VALUES ('hashsize', 8388608);
  `,
  // 7: a segment's small lists share a row per bundle (src/search/postings/bundles.ts) instead of
  // a row each. Lists stored before stay where they are: a key's list is read from both.
  `
  CREATE TABLE posting_bundles (
    bundle INTEGER NOT NULL,
    segment INTEGER NOT NULL REFERENCES posting_segments(id) ON DELETE CASCADE,
    data BLOB NOT NULL,
    PRIMARY KEY (bundle, segment)
  ) WITHOUT ROWID;
  CREATE TABLE quotation_bundles (
    bundle INTEGER NOT NULL,
    segment INTEGER NOT NULL REFERENCES posting_segments(id) ON DELETE CASCADE,
    data BLOB NOT NULL,
    PRIMARY KEY (bundle, segment)
  ) WITHOUT ROWID;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
