/**
 * The quotation lookup index of the embedded archive: the fingerprints of every passage
 * (src/trace/fingerprint.ts). Rows are keyed (hash, passage_rowid) so a lookup is one index
 * range per hash; removal recomputes a passage's hashes from its stored text instead of
 * needing a second index.
 *
 * The index is derived from `passages` and brought up to date when the store prepares for
 * search (the end of an ingest) or, failing that, before a lookup: a refresh
 * indexes the passages past the last one covered. Hashes are random, so writing them with each
 * document would dirty about one B-tree page per hash in every document's transaction (nine
 * tenths of bench/search.ts's build time at 100,000 passages); a refresh writes many passages'
 * rows in key order, each page once. Passage rowids only grow (the store never reuses one), so "past the
 * last one covered" is exact. The fingerprint version is kept in `meta`; an index built with
 * another version is rebuilt by the next refresh.
 */
import type Database from 'better-sqlite3';
import { writesSearchIgnores } from './passage-map.ts';
import { isBusyOrReadonly } from './sqlite-errors.ts';
import { FINGERPRINT_VERSION, fingerprints } from '../../trace/fingerprint.ts';
import type { FingerprintHit } from '../store.ts';

/** A hash stored for more passages than this is a stock phrase: it ranks nothing, so lookups skip it. */
export const MAX_POSTINGS_PER_HASH = 20_000;

const KEYS = { version: 'fingerprint_version', through: 'fingerprints_through' } as const;
/** Ranked passages fetched beyond the limit, for those in private collections that are dropped. */
const OVERFETCH = 2;
/** Hash weights are summed as integers in these units, so passages sharing the same hashes tie exactly. */
const WEIGHT_UNIT = 1024;
/** Passages indexed per transaction: bounds the memory a refresh holds and how long it holds the write lock. */
const REFRESH_PASSAGES = 50_000;
/** Rows written by one INSERT: a statement per row costs the refresh more than the B-tree does. */
const ROWS_PER_INSERT = 250;
/** Passages read at a time within a refresh. */
const READ_BATCH = 500;
/**
 * A row's sort key is its hash times this plus the index of its passage in the batch: exact
 * in a double while hashes are 32-bit and a batch has fewer passages than this.
 */
const PASSAGE_SLOTS = 2 ** 21;

// Private collections are filtered here, as everywhere in the store.
const PUBLIC_PASSAGE = `SELECT d.id AS doc_id, p.id AS passage_id, p.n, p.kind, p.text, p.page,
  p.speaker_id, p.speaker_name, d.title, d.date_start AS date, d.type
  FROM passages p JOIN documents d ON d.rowid = p.doc_rowid
  JOIN collections c ON c.id = d.collection_id AND c.private = 0 WHERE p.rowid = ?`;

type PassageText = { rowid: number; text: string };

/** A batch of passages' rows, in key order, and the last passage it covers. */
interface Batch {
  keys: Float64Array;
  rowids: number[];
  through: number;
}

export class FingerprintIndex {
  private readonly statements: ReturnType<typeof prepare>;

  constructor(private readonly db: Database.Database) {
    this.statements = prepare(db);
  }

  /** Removes a document's indexed passages; called inside its transaction, before they are deleted. */
  removeDocument(docRowid: number): void {
    const s = this.statements;
    const through = this.through();
    for (const passage of s.passagesOfDocument.all(docRowid) as PassageText[]) {
      if (passage.rowid > through) continue;
      for (const hash of fingerprints(passage.text)) s.remove.run(hash, passage.rowid);
    }
  }

  /** True when every passage is indexed, with the current fingerprint version. */
  private isCurrent(): boolean {
    const s = this.statements;
    return this.versionIsCurrent() && this.through() >= ((s.lastPassage.get() as number | null) ?? 0);
  }

  /** Indexes the passages added since the last refresh (all of them when the version changed). */
  refresh(onProgress?: (done: number, total: number) => void): void {
    if (this.isCurrent()) return;
    // Nothing search reads changes here: its map of passages is not rebuilt for these writes.
    writesSearchIgnores(this.db, () => this.catchUp(onProgress));
  }

  private catchUp(onProgress?: (done: number, total: number) => void): void {
    this.clearIfOtherVersion();
    const total = this.statements.countAfter.get(this.through()) as number;
    let done = 0;
    onProgress?.(done, total);
    for (;;) {
      const from = this.through();
      const batch = this.readBatch(from);
      if (batch.rowids.length === 0) return;
      this.db.transaction(() => this.writeBatch(from, batch)).immediate();
      done = Math.min(total, done + batch.rowids.length);
      onProgress?.(done, total);
    }
  }

  /**
   * Passages sharing the most with the probe, best first, at most `limit`. Each shared hash
   * counts by its rarity (an inverse document frequency over its posting list), so "would
   * like" shared with hundreds of passages ranks below one rare pair of words.
   */
  lookup(hashes: readonly number[], limit: number): FingerprintHit[] {
    this.refreshIfWritable();
    const weights = this.weights(hashes);
    const total = Object.values(weights).reduce((sum, weight) => sum + weight, 0);
    if (total === 0) return [];
    const ranked = this.statements.rank.all({ weights: JSON.stringify(weights), total, limit: limit * OVERFETCH }) as
      { passage_rowid: number; shared: number }[];
    const hits: FingerprintHit[] = [];
    for (const { passage_rowid: rowid, shared } of ranked) {
      if (hits.length >= limit) break;
      const row = this.statements.passage.get(rowid) as FingerprintHit | undefined;
      if (row) hits.push({ ...withoutNulls(row), shared });
    }
    return hits;
  }

  /**
   * A lookup waits for the index to catch up; when it cannot write (another process holds the
   * write lock past the busy timeout, a read-only file) it answers from the index as it stands,
   * without the passages added since the last refresh.
   */
  private refreshIfWritable(): void {
    try {
      this.refresh();
    } catch (error) {
      if (!isBusyOrReadonly(error)) throw error;
    }
  }

  /** Each hash's weight from its posting count (counted in the index, no rows materialised). */
  private weights(hashes: readonly number[]): Record<string, number> {
    const weights: Record<string, number> = {};
    for (const hash of new Set(hashes)) {
      const { n } = this.statements.postingCount.get(hash, MAX_POSTINGS_PER_HASH + 1) as { n: number };
      if (n > 0 && n <= MAX_POSTINGS_PER_HASH) weights[hash] = Math.round(WEIGHT_UNIT * Math.log(1 + MAX_POSTINGS_PER_HASH / n));
    }
    return weights;
  }

  private through(): number {
    return Number(this.statements.meta.get(KEYS.through) ?? 0);
  }

  private versionIsCurrent(): boolean {
    return this.statements.meta.get(KEYS.version) === String(FINGERPRINT_VERSION);
  }

  private clearIfOtherVersion(): void {
    const s = this.statements;
    if (this.versionIsCurrent()) return;
    this.db
      .transaction(() => {
        if (this.versionIsCurrent()) return;
        s.clear.run();
        s.setMeta.run(KEYS.through, '0');
        s.setMeta.run(KEYS.version, String(FINGERPRINT_VERSION));
      })
      .immediate();
  }

  /** Fingerprints up to REFRESH_PASSAGES passages after `after`, read without holding the write lock. */
  private readBatch(after: number): Batch {
    const s = this.statements;
    const rowids: number[] = [];
    const keys: number[] = [];
    let through = after;
    while (rowids.length < REFRESH_PASSAGES) {
      const passages = s.passagesAfter.all(through, Math.min(READ_BATCH, REFRESH_PASSAGES - rowids.length)) as PassageText[];
      if (passages.length === 0) break;
      for (const passage of passages) {
        for (const hash of fingerprints(passage.text)) keys.push(hash * PASSAGE_SLOTS + rowids.length);
        rowids.push(passage.rowid);
      }
      through = (passages.at(-1) as PassageText).rowid;
    }
    return { keys: Float64Array.from(keys).sort(), rowids, through };
  }

  /**
   * Writes a batch read after `from`, unless another connection (a server beside an ingest)
   * indexed those passages or deleted one of them meanwhile: checked under the write lock, and
   * the refresh then reads again from where the index ends.
   */
  private writeBatch(from: number, batch: Batch): void {
    const s = this.statements;
    if (this.through() !== from || s.countBetween.get(from, batch.through) !== batch.rowids.length) return;
    this.insertRows(batch);
    s.setMeta.run(KEYS.through, String(batch.through));
  }

  /** A batch's rows in key order, ROWS_PER_INSERT to a statement. */
  private insertRows(batch: Batch): void {
    const s = this.statements;
    const values: number[] = [];
    for (const key of batch.keys) {
      values.push(Math.floor(key / PASSAGE_SLOTS), batch.rowids[key % PASSAGE_SLOTS] as number);
      if (values.length === 2 * ROWS_PER_INSERT) {
        s.insertRows.run(values);
        values.length = 0;
      }
    }
    for (let i = 0; i < values.length; i += 2) s.insert.run(values[i], values[i + 1]);
  }
}

function prepare(db: Database.Database) {
  return {
    insert: db.prepare('INSERT OR IGNORE INTO passage_fingerprints (hash, passage_rowid) VALUES (?, ?)'),
    insertRows: db.prepare(
      `INSERT OR IGNORE INTO passage_fingerprints (hash, passage_rowid) VALUES ${Array(ROWS_PER_INSERT).fill('(?, ?)').join(', ')}`,
    ),
    remove: db.prepare('DELETE FROM passage_fingerprints WHERE hash = ? AND passage_rowid = ?'),
    clear: db.prepare('DELETE FROM passage_fingerprints'),
    postingCount: db.prepare('SELECT count(*) AS n FROM (SELECT 1 FROM passage_fingerprints WHERE hash = ? LIMIT ?)'),
    // One aggregate over the postings, driven from the weights table. Passages sharing the same
    // hashes tie; among those sharing at least half the probe's weight, the shortest comes first
    // (the quotation covers more of it, as bm25's length normalisation has it), and only those
    // are worth looking up: the long tail of weak matches stays in rowid order.
    rank: db.prepare(`SELECT f.passage_rowid, count(*) AS shared FROM json_each(@weights) w
      JOIN passage_fingerprints f ON f.hash = CAST(w.key AS INTEGER)
      GROUP BY f.passage_rowid ORDER BY sum(w.value) DESC,
        CASE WHEN sum(w.value) * 2 >= @total THEN (SELECT octet_length(text) FROM passages WHERE rowid = f.passage_rowid) END,
        f.passage_rowid
      LIMIT @limit`),
    passagesOfDocument: db.prepare('SELECT rowid, text FROM passages WHERE doc_rowid = ?'),
    passagesAfter: db.prepare('SELECT rowid, text FROM passages WHERE rowid > ? ORDER BY rowid LIMIT ?'),
    countBetween: db.prepare('SELECT count(*) FROM passages WHERE rowid > ? AND rowid <= ?').pluck(),
    lastPassage: db.prepare('SELECT max(rowid) FROM passages').pluck(),
    countAfter: db.prepare('SELECT count(*) FROM passages WHERE rowid > ?').pluck(),
    passage: db.prepare(PUBLIC_PASSAGE),
    meta: db.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
    setMeta: db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
  };
}

function withoutNulls<T extends object>(row: T): T {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null)) as T;
}
