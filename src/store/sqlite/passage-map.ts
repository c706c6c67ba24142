/**
 * An in-memory map from passage rowid to its public document, with the document fields that
 * search results and facets need. Grouping a large result set by document through this map
 * costs an array read per row instead of two B-tree lookups, which is what keeps facets over
 * hundreds of thousands of matching passages inside the latency budget.
 *
 * It is also the privacy gate of search: documents of private collections are not in the map,
 * so no row of theirs can reach a hit, a count or a facet, whatever SQL produced it.
 *
 * It also holds what the posting-list engine filters on per passage: which passages exist
 * (private ones included: they count in bm25's document frequencies as they do in FTS5's) and who
 * speaks each.
 *
 * The map is rebuilt when the database changed since it was made (see `fingerprint`).
 * Memory: 8 bytes per passage rowid plus the document fields (about 8 MB at 1M passages).
 */
import type Database from 'better-sqlite3';
import { forEachPlacement } from '../../search/postings/codec.ts';
import { FacetIndex } from './facet-index.ts';
import type { PostingIndex } from './posting-index.ts';

export interface MappedDocument {
  rowid: number;
  id: string;
  title: string;
  type: string;
  date_start?: string;
  year?: number;
  place?: string;
  collection_id: string;
  classification?: string;
  /** Participants and persons named, by authority id. */
  persons: string[];
}

export interface PassageMap {
  readonly fingerprint: string;
  /** Index into `documents` + 1 for each passage rowid; 0 for no passage, −1 for a private one. */
  readonly documentOf: Int32Array;
  /** Passages still in the posting lists whose documents were deleted or replaced (documentOf 0, or past its end). */
  readonly deletedPassages: number;
  readonly documents: readonly MappedDocument[];
  /** Index into `documents` of each public document rowid. */
  readonly indexOfDocument: ReadonlyMap<number, number>;
  /** A code for each passage's speaker (by authority id, see speakerCodes); 0 for none. */
  readonly speakerOf: Int32Array;
  readonly speakerCodes: ReadonlyMap<string, number>;
  /** Facet values of the documents, for counting a result's facets. */
  readonly facets: FacetIndex;
  /** Display names of the persons the public documents involve. */
  readonly personNames: ReadonlyMap<string, string>;
  /** Titles of the public collections. */
  readonly collectionTitles: ReadonlyMap<string, string>;
}

type Row = Record<string, unknown>;

/**
 * Changes iff what search reads may have changed: data_version moves on commits by other
 * connections, total_changes() on this connection's own writes, less those search does not
 * read (see `writesSearchIgnores`) so that saving a trace does not rebuild the map.
 */
export function fingerprint(db: Database.Database): string {
  const { version, changes } = changeStatements(db);
  return `${version.get() as number}:${(changes.get() as number) - (IGNORED_CHANGES.get(db) ?? 0)}`;
}

function changeStatements(db: Database.Database): { version: Database.Statement; changes: Database.Statement } {
  let statements = FINGERPRINTS.get(db);
  if (!statements) {
    statements = {
      version: db.prepare('PRAGMA data_version').pluck(),
      changes: db.prepare('SELECT total_changes()').pluck(),
    };
    FINGERPRINTS.set(db, statements);
  }
  return statements;
}

/** Prepared once per database: fingerprint() runs before every search. */
const FINGERPRINTS = new WeakMap<Database.Database, { version: Database.Statement; changes: Database.Statement }>();
const IGNORED_CHANGES = new WeakMap<Database.Database, number>();

/**
 * Runs `write` on this connection as a write search does not read (saved traces): the rows it
 * changes do not move the fingerprint. At a million passages rebuilding the
 * map costs a second, which a server would otherwise pay on the next search after every trace.
 */
export function writesSearchIgnores<T>(db: Database.Database, write: () => T): T {
  const { changes } = changeStatements(db);
  const before = changes.get() as number;
  try {
    return write();
  } finally {
    IGNORED_CHANGES.set(db, (IGNORED_CHANGES.get(db) ?? 0) + (changes.get() as number) - before);
  }
}

export function buildPassageMap(db: Database.Database, postings: PostingIndex): PassageMap {
  const stamp = fingerprint(db);
  const documents: MappedDocument[] = [];
  const indexOfRowid = new Map<number, number>();
  const rows = db
    .prepare(
      `SELECT d.rowid, d.id, d.title, d.type, d.date_start, d.year, d.place, d.collection_id, d.classification
       FROM documents d JOIN collections c ON c.id = d.collection_id AND c.private = 0 ORDER BY d.rowid`,
    )
    .all() as Row[];
  for (const row of rows) {
    indexOfRowid.set(row.rowid as number, documents.length);
    documents.push({
      rowid: row.rowid as number,
      id: row.id as string,
      title: row.title as string,
      type: row.type as string,
      date_start: (row.date_start as string | null) ?? undefined,
      year: (row.year as number | null) ?? undefined,
      place: (row.place as string | null) ?? undefined,
      collection_id: row.collection_id as string,
      classification: (row.classification as string | null) ?? undefined,
      persons: [],
    });
  }
  const maxRowid = (db.prepare('SELECT max(rowid) FROM passages').pluck().get() as number | null) ?? 0;
  const documentOf = new Int32Array(maxRowid + 1);
  const speakerOf = new Int32Array(maxRowid + 1);
  const speakerCodes = new Map<string, number>();
  const codeOf = (speakerId: string) => {
    let code = speakerCodes.get(speakerId);
    if (code === undefined) speakerCodes.set(speakerId, (code = speakerCodes.size + 1));
    return code;
  };
  // What documentOf says of each document's passages, by document rowid: 1 + the document's
  // index, −1 for a private document, 0 for one deleted (its passages are gone with it, and its
  // rowid is never given out again).
  const documentRowids = db.prepare('SELECT rowid FROM documents').pluck().all() as number[];
  const documentNumber = new Int32Array(documentRowids.reduce((max, rowid) => Math.max(max, rowid), 0) + 1);
  for (const rowid of documentRowids) documentNumber[rowid] = (indexOfRowid.get(rowid) ?? -2) + 1;
  let deletedPassages = 0;
  const place = (rowid: number, documentRowid: number, speaker: number) => {
    const number = rowid < documentOf.length ? (documentNumber[documentRowid] ?? 0) : 0;
    if (number === 0) deletedPassages += 1;
    // A deleted passage may lie past the last one stored.
    if (rowid >= documentOf.length) return;
    documentOf[rowid] = number;
    speakerOf[rowid] = speaker;
  };
  // Indexed passages from their segments' placements (a few blobs, not a row each), the rest as rows.
  const through = postings.forEachPlacements((placements, speakers) => {
    const codes = speakers.map(codeOf);
    forEachPlacement(placements, (rowid, documentRowid, speaker) => place(rowid, documentRowid, speaker > 0 ? (codes[speaker - 1] as number) : 0));
  });
  for (const [rowid, documentRowid, speakerId] of db
    .prepare('SELECT rowid, doc_rowid, speaker_id FROM passages WHERE rowid > ?')
    .raw()
    .iterate(through) as Iterable<[number, number, string | null]>) {
    place(rowid, documentRowid, speakerId === null ? 0 : codeOf(speakerId));
  }
  const involved = new Set<string>();
  for (const [docRowid, personId] of db
    .prepare('SELECT DISTINCT doc_rowid, person_id FROM document_persons ORDER BY doc_rowid, person_id')
    .raw()
    .iterate() as Iterable<[number, string]>) {
    const index = indexOfRowid.get(docRowid);
    if (index === undefined) continue;
    documents[index]?.persons.push(personId);
    involved.add(personId);
  }
  const personNames = new Map<string, string>();
  for (const [id, name] of db.prepare('SELECT id, name FROM persons').raw().iterate() as Iterable<[string, string]>) {
    if (involved.has(id)) personNames.set(id, name);
  }
  const collectionTitles = new Map(db.prepare('SELECT id, title FROM collections WHERE private = 0').raw().all() as [string, string][]);
  return {
    fingerprint: stamp, documentOf, deletedPassages, documents, indexOfDocument: indexOfRowid, facets: new FacetIndex(documents), speakerOf, speakerCodes, personNames, collectionTitles,
  };
}
