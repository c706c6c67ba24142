/**
 * The quotation lookup index of the embedded archive: winnowed shingle hashes of every
 * passage (src/trace/fingerprint.ts), kept in step with `passages` inside the document's own
 * transaction. Rows are keyed (hash, passage_rowid) so a lookup is one index range per hash;
 * removal recomputes a passage's hashes from its stored text instead of needing a second index.
 * The fingerprint version is kept in `meta`; an archive built with another version (or before
 * this index existed) is re-fingerprinted when opened.
 */
import type Database from 'better-sqlite3';
import { FINGERPRINT_VERSION, passageFingerprints } from '../../trace/fingerprint.ts';
import type { FingerprintHit } from '../store.ts';

/** A hash stored for more passages than this is a stock phrase: it ranks nothing, so lookups skip it. */
export const MAX_POSTINGS_PER_HASH = 20_000;

const VERSION_KEY = 'fingerprint_version';
/** Ranked passages fetched beyond the limit, for those in private collections that are dropped. */
const OVERFETCH = 2;
/** Passages read at a time when the index is rebuilt. */
const REBUILD_BATCH = 2000;

// Private collections are filtered here, as everywhere in the store.
const PUBLIC_PASSAGE = `SELECT d.id AS doc_id, p.id AS passage_id, p.n, p.kind, p.text, p.page,
  p.speaker_id, p.speaker_name, d.title, d.date_start AS date, d.type
  FROM passages p JOIN documents d ON d.rowid = p.doc_rowid
  JOIN collections c ON c.id = d.collection_id AND c.private = 0 WHERE p.rowid = ?`;

export class FingerprintIndex {
  private readonly statements: ReturnType<typeof prepare>;

  constructor(private readonly db: Database.Database) {
    this.statements = prepare(db);
    this.rebuildIfStale();
  }

  /** Indexes one passage; called inside the transaction that inserts it. */
  add(passageRowid: number | bigint, text: string): void {
    for (const hash of passageFingerprints(text)) this.statements.insert.run(hash, passageRowid);
  }

  /** Removes a document's passages from the index; called before its passages are deleted. */
  removeDocument(docRowid: number): void {
    const passages = this.statements.passagesOfDocument.all(docRowid) as { rowid: number; text: string }[];
    for (const passage of passages) {
      for (const hash of passageFingerprints(passage.text)) this.statements.remove.run(hash, passage.rowid);
    }
  }

  /**
   * Passages sharing the most with the probe, best first, at most `limit`. Each shared hash
   * counts by its rarity (an inverse document frequency over its posting list), so "would
   * like" shared with hundreds of passages ranks below one rare pair of words.
   */
  lookup(hashes: readonly number[], limit: number): FingerprintHit[] {
    // Each hash's weight from its posting count (counted in the index, no rows materialised);
    // then one aggregate over the postings, driven from the weights table, ranks the passages.
    const weights: Record<string, number> = {};
    for (const hash of new Set(hashes)) {
      const { n } = this.statements.postingCount.get(hash, MAX_POSTINGS_PER_HASH + 1) as { n: number };
      if (n > 0 && n <= MAX_POSTINGS_PER_HASH) weights[hash] = Math.log(1 + MAX_POSTINGS_PER_HASH / n);
    }
    if (Object.keys(weights).length === 0) return [];
    const ranked = this.statements.rank.all(JSON.stringify(weights), limit * OVERFETCH) as
      { passage_rowid: number; shared: number }[];
    const hits: FingerprintHit[] = [];
    for (const { passage_rowid: rowid, shared } of ranked) {
      if (hits.length >= limit) break;
      const row = this.statements.passage.get(rowid) as FingerprintHit | undefined;
      if (row) hits.push({ ...withoutNulls(row), shared });
    }
    return hits;
  }

  private rebuildIfStale(): void {
    const stored = (this.statements.version.get(VERSION_KEY) as { value: string } | undefined)?.value;
    if (stored === String(FINGERPRINT_VERSION)) return;
    this.db.transaction(() => {
      this.statements.clear.run();
      // In batches: a statement being iterated cannot share the connection with inserts.
      let after = 0;
      for (;;) {
        const batch = this.statements.passagesAfter.all(after, REBUILD_BATCH) as { rowid: number; text: string }[];
        for (const passage of batch) this.add(passage.rowid, passage.text);
        if (batch.length < REBUILD_BATCH) break;
        after = (batch.at(-1) as { rowid: number }).rowid;
      }
      this.statements.setVersion.run(VERSION_KEY, String(FINGERPRINT_VERSION));
    })();
  }
}

function prepare(db: Database.Database) {
  return {
    insert: db.prepare('INSERT OR IGNORE INTO passage_fingerprints (hash, passage_rowid) VALUES (?, ?)'),
    remove: db.prepare('DELETE FROM passage_fingerprints WHERE hash = ? AND passage_rowid = ?'),
    clear: db.prepare('DELETE FROM passage_fingerprints'),
    postingCount: db.prepare('SELECT count(*) AS n FROM (SELECT 1 FROM passage_fingerprints WHERE hash = ? LIMIT ?)'),
    rank: db.prepare(`SELECT f.passage_rowid, count(*) AS shared FROM json_each(?) w
      JOIN passage_fingerprints f ON f.hash = CAST(w.key AS INTEGER)
      GROUP BY f.passage_rowid ORDER BY sum(w.value) DESC, f.passage_rowid LIMIT ?`),
    passagesOfDocument: db.prepare('SELECT rowid, text FROM passages WHERE doc_rowid = ?'),
    passagesAfter: db.prepare('SELECT rowid, text FROM passages WHERE rowid > ? ORDER BY rowid LIMIT ?'),
    passage: db.prepare(PUBLIC_PASSAGE),
    version: db.prepare('SELECT value FROM meta WHERE key = ?'),
    setVersion: db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
  };
}

function withoutNulls<T extends object>(row: T): T {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null)) as T;
}
