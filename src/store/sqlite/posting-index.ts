/**
 * The posting lists search ranks from (src/search/postings): for every index term and every
 * pair of adjacent terms, the passages holding it and how often per column, plus each
 * passage's token count. FTS5 keeps the same facts but hands them out a row at a time, which
 * at a million passages costs hundreds of milliseconds for a common word; here a term's list
 * is a few blobs read whole. Beside them, for the trace, the passages holding each quotation
 * fingerprint (src/trace/fingerprint.ts), built in the same pass over the passages.
 *
 * FTS5's index (passages_fts) is kept here too, for the queries the lists cannot answer. It has
 * its own high-water mark, so it can be filled while the lists are being built.
 *
 * All of it is derived from `passages` and built in segments (segment-indexer.ts): a refresh
 * indexes the passages past the last one covered (one segment per SEGMENT_PASSAGES, each
 * written in its own transaction, so an interrupted refresh keeps what it finished). Passage
 * rowids only grow (the store never reuses one), so segments are in rowid order and a term's
 * list is its segments' concatenation. Postings of deleted passages stay until the lists are
 * rebuilt and are skipped when read; the whole index is rebuilt when too much of it is dead or
 * it has too many segments.
 *
 * A large refresh builds its segments on the index thread (index-worker.ts) while this thread
 * fills FTS5 and writes them. A large ingest starts that thread as it goes (`passagesWritten`):
 * segments are built while documents are written, and the refresh at the end only finishes them.
 */
import type Database from 'better-sqlite3';
import { bundleOf, BundleWriter, findBundled, HASH_KEYS, TEXT_KEYS, type KeyBytes } from '../../search/postings/bundles.ts';
import { pairKey } from '../../search/postings/plan.ts';
import { forEachPacked } from '../../search/postings/packed.ts';
import { FINGERPRINT_VERSION } from '../../trace/fingerprint.ts';
import { FTS_COLUMNS, FTS_COLUMNS_SQL } from './fts-columns.ts';
import type { IndexTokenizer } from './index-tokenizer.ts';
import { IndexWorker, type ThreadSegment } from './index-worker.ts';
import { READ_PASSAGES_SQL, SegmentCutter, type BuiltSegment, type PassageRow } from './segment-indexer.ts';

/** Bump when what a list holds changes: the index is then rebuilt on the next refresh. */
const POSTINGS_VERSION = 2;
/** The version stored: the quotation lists change with the fingerprints too. */
const VERSION = `${POSTINGS_VERSION}.${FINGERPRINT_VERSION}`;
/** Passages per segment: bounds the memory a refresh holds before writing. */
const SEGMENT_PASSAGES = 100_000;
/** Passages to index from which the segments are built on the index thread. */
const THREAD_FROM = 15_000;
/** Passages written between two words to the index thread of how far they are committed. */
const TELL_THREAD_EVERY = 500;
/**
 * The index is rebuilt whole when it has at least this many segments and twice as many as a
 * rebuild would make (small refreshes leave small segments, and every list read visits each),
 * or when this share of its postings are dead.
 */
const MAX_SEGMENTS = 24;
const MAX_DEAD_SHARE = 0.25;

/** How the index is cut into segments, and from how many passages it is built on the index thread; tests use small ones. */
export interface IndexLimits {
  readonly segmentPassages: number;
  readonly maxSegments: number;
  readonly threadFrom: number;
}

const LIMITS: IndexLimits = { segmentPassages: SEGMENT_PASSAGES, maxSegments: MAX_SEGMENTS, threadFrom: THREAD_FROM };

const KEYS = { through: 'postings_through', fullText: 'fulltext_through', version: 'postings_version' } as const;

export type RefreshProgress = (done: number, total: number) => void;

export type EncodedList = { parts: Uint8Array[]; postings: number };
/** A row of a key's list: a row of its own (with its postings), or one of its bundles (null), bundles.ts. */
type ListRow = [data: Uint8Array, postings: number | null, segment: number];

/** A key's list from its rows in segment order: its own whole, its bundles' entry for the key. */
function joined(rows: readonly ListRow[], key: Uint8Array): EncodedList {
  const parts: Uint8Array[] = [];
  let postings = 0;
  for (const [data, count] of rows) {
    const found = count === null ? findBundled(data, key) : { list: data, postings: count };
    if (!found) continue;
    parts.push(found.list);
    postings += found.postings;
  }
  return { parts, postings };
}

/** A key's list (see PostingIndex.list); its size alone when its own rows hold more than `atMost` postings. */
function readList(key: string | number, bytes: Uint8Array, atMost: number, parts: Database.Statement, ownPostings: Database.Statement): EncodedList {
  if (atMost < Infinity) {
    // Bundled entries are small lists; a list too long is one with long rows of its own.
    const own = ownPostings.get(key) as number | null;
    if (own !== null && own > atMost) return { parts: [], postings: own };
  }
  return joined(parts.all(key, bundleOf(bytes)) as ListRow[], bytes);
}

/** The index thread started during an ingest, and how many passages were written since it was last told. */
interface Background {
  readonly worker: IndexWorker;
  untold: number;
}

/** Not started until the next refresh: the index is to be rebuilt, or the thread failed. */
const DECLINED = 'declined';

export class PostingIndex {
  private readonly statements: ReturnType<typeof prepare>;
  /** Passages this connection wrote since the index last caught up. */
  private unindexed = 0;
  private background?: Background | typeof DECLINED;

  private readonly readPassages = (after: number, through: number, limit: number): PassageRow[] =>
    this.statements.passagesBetween.all(after, through, limit) as PassageRow[];

  constructor(
    private readonly db: Database.Database,
    private readonly tokenizer: IndexTokenizer,
    private readonly limits = LIMITS,
    /** What the index thread runs; tests name a broken one. */
    private readonly threadModule?: string,
  ) {
    this.statements = prepare(db);
  }

  /** True when every passage is in the lists and in FTS5. */
  isCurrent(): boolean {
    const s = this.statements;
    if (s.meta.get(KEYS.version) !== VERSION) return false;
    const last = (s.lastPassage.get() as number | null) ?? 0;
    return this.through() >= last && this.fullTextThrough() >= last;
  }

  /**
   * Hears that this connection committed `count` passages, the last at rowid `last`. Past
   * THREAD_FROM unindexed passages the index thread is started and kept reading as passages
   * commit; the segments it finishes are written here as they come, so the refresh after the
   * ingest has little left to do. Never fails the write it follows: if the thread fails, it is
   * dropped and the refresh does its work.
   */
  passagesWritten(last: number, count: number): void {
    this.unindexed += count;
    if (this.background === DECLINED || (!this.background && this.unindexed < this.limits.threadFrom)) return;
    try {
      if (!this.background) {
        if (!this.canGrowWhileWriting()) {
          this.background = DECLINED;
          return;
        }
        this.background = { worker: this.startThread(this.through()), untold: 0 };
      }
      const background = this.background;
      background.untold += count;
      if (background.untold < TELL_THREAD_EVERY) return;
      background.untold = 0;
      background.worker.readUpTo(last);
      for (const segment of background.worker.ready()) {
        if (!this.write(segment)) return this.dropBackground(DECLINED);
      }
    } catch {
      this.dropBackground(DECLINED);
    }
  }

  /** Indexes the passages not yet in the lists (rebuilding first when the lists are worn). */
  refresh(onProgress?: RefreshProgress): void {
    const s = this.statements;
    if (this.isCurrent()) {
      // Another connection caught the index up: what this one started is of no use.
      this.dropBackground();
      this.unindexed = 0;
      return;
    }
    if (this.worn()) {
      this.dropBackground();
      this.db.transaction(() => this.clear())();
    }
    const last = (s.lastPassage.get() as number | null) ?? 0;
    const background = this.background === DECLINED ? undefined : this.background;
    this.background = undefined;
    const from = background?.worker.from ?? this.through();
    const total = s.countBetween.get(from, last) as number;
    onProgress?.(0, total);
    const kept = background || total >= this.limits.threadFrom
      ? this.refreshOnThread(background?.worker ?? this.startThread(from), last, total, onProgress)
      : this.refreshHere(from, last, total, onProgress);
    if (!kept) return;
    s.setMeta.run(KEYS.version, VERSION);
    this.unindexed = 0;
  }

  /** The index terms of a text, as the lists are keyed. */
  termsOf(text: string): string[] {
    return this.tokenizer.tokens(text);
  }

  /**
   * The encoded segments of one list, in rowid order, and how many postings they hold. A list
   * whose own rows hold more than `atMost` postings is not read: it comes back without parts,
   * with (at least) that many postings.
   */
  list(key: string, atMost = Infinity): EncodedList {
    const s = this.statements;
    return readList(key, TEXT_KEYS.of(key), atMost, s.parts, s.ownPostings);
  }

  /** The passages holding a quotation fingerprint (src/trace/fingerprint.ts), as a passages list; `atMost` as for `list`. */
  quotationList(hash: number, atMost = Infinity): EncodedList {
    const s = this.statements;
    return readList(hash, HASH_KEYS.of(hash), atMost, s.quotationParts, s.ownQuotationPostings);
  }

  /** Every segment's lengths list, in rowid order. */
  lengths(): Uint8Array[] {
    return this.statements.lengths.all() as Uint8Array[];
  }

  /**
   * Where the indexed passages sit: calls `each` with every segment's placements list (document
   * rowid, speaker number) and its speaker ids (number n is speakers[n − 1]), one segment in
   * memory at a time; returns the last passage indexed. Deleted passages are still listed; their
   * documents' rowids are never given out again.
   */
  forEachPlacements(each: (placements: Uint8Array, speakers: readonly string[]) => void): number {
    for (const row of this.statements.placements.iterate() as Iterable<{ placements: Uint8Array; speakers: string }>) {
      each(row.placements, JSON.parse(row.speakers) as string[]);
    }
    return this.through();
  }

  /** Builds the segments here, writing each as it fills. */
  private refreshHere(from: number, last: number, total: number, onProgress?: RefreshProgress): boolean {
    const cutter = new SegmentCutter(this.tokenizer, from, this.limits.segmentPassages, this.readPassages, (segment) =>
      this.write({ segment, terms: this.tokenizer.terms }),
    );
    return cutter.readUpTo(last, (done) => onProgress?.(done, total)) && cutter.seal();
  }

  /**
   * Has the index thread build the segments while this thread fills FTS5, and writes them as
   * they come. The thread first hands over the segment it has in progress, so that it is written
   * while the thread works through the passages written since it last read.
   */
  private refreshOnThread(worker: IndexWorker, last: number, total: number, onProgress?: RefreshProgress): boolean {
    try {
      worker.cut();
      worker.seal(last);
      this.fillFullText(last);
      const onRead = (read: number) => onProgress?.(read, total);
      for (let segment = worker.next(onRead); segment; segment = worker.next(onRead)) {
        if (!this.write(segment)) return false;
      }
      return true;
    } finally {
      worker.close();
    }
  }

  /**
   * Whether segments can be added while documents are written: not to an index the next
   * refresh rebuilds, except a new archive's, which has nothing to rebuild (it is made an empty
   * index of this version), and not from a database only this connection can read.
   */
  private canGrowWhileWriting(): boolean {
    if (this.db.memory) return false;
    if (!this.worn()) return true;
    const { segments } = this.statements.segmentTotals.get() as { segments: number };
    if (this.through() !== 0 || segments !== 0) return false;
    this.db.transaction(() => this.clear())();
    return true;
  }

  private startThread(from: number): IndexWorker {
    return new IndexWorker(this.db.name, from, this.limits.segmentPassages, this.threadModule);
  }

  /** Stops the index thread an ingest started (the next refresh does its work). */
  dropBackground(then?: typeof DECLINED): void {
    if (this.background && this.background !== DECLINED) this.background.worker.close();
    this.background = then;
  }

  /**
   * Writes a segment and the FTS5 rows of its passages, unless another connection (a server
   * beside an ingest) indexed the same passages meanwhile: written twice they would count
   * twice, so the segment is kept only if the lists still end where it starts, checked under
   * the write lock.
   */
  private write({ segment, terms }: ThreadSegment): boolean {
    const s = this.statements;
    return this.db
      .transaction(() => {
        if (this.through() !== segment.from) return false;
        this.addFullText(segment.through);
        writeSegment(s, segment, terms);
        s.setMeta.run(KEYS.through, String(segment.through));
        return true;
      })
      .immediate();
  }

  /** Fills FTS5 up to passage `last`, a segment's worth of passages per transaction. */
  private fillFullText(last: number): void {
    const s = this.statements;
    for (;;) {
      const from = this.fullTextThrough();
      if (from >= last) return;
      const through = (s.segmentEnd.get(from, this.limits.segmentPassages - 1) as number | undefined) ?? last;
      this.db.transaction(() => this.addFullText(Math.min(through, last))).immediate();
    }
  }

  /**
   * Adds the passages past FTS5's mark up to `through` to FTS5. Done here, a segment at a time,
   * rather than as each document is stored: FTS5 writes a new segment of its own at every commit
   * and merges them as they pile up, which cost more than the whole insert. One statement: the
   * rows never leave SQLite.
   */
  private addFullText(through: number): void {
    const s = this.statements;
    const from = this.fullTextThrough();
    if (from >= through) return;
    s.insertFts.run(from, through);
    s.setMeta.run(KEYS.fullText, String(through));
  }

  /** The last passage in the lists. */
  private through(): number {
    return Number(this.statements.meta.get(KEYS.through) ?? 0);
  }

  /** The last passage in FTS5; archives from before it had a mark of its own filled it with the lists. */
  private fullTextThrough(): number {
    return Number(this.statements.meta.get(KEYS.fullText) ?? this.through());
  }

  private worn(): boolean {
    const s = this.statements;
    if (s.meta.get(KEYS.version) !== VERSION) return true;
    const { segments, passages } = s.segmentTotals.get() as { segments: number; passages: number | null };
    const live = s.countBetween.get(0, this.through()) as number;
    if (segments >= Math.max(this.limits.maxSegments, 2 * Math.ceil(live / this.limits.segmentPassages))) return true;
    return (passages ?? 0) - live > (passages ?? 0) * MAX_DEAD_SHARE;
  }

  private clear(): void {
    const s = this.statements;
    s.clearPostings.run();
    s.clearBundles.run();
    s.clearQuotationPostings.run();
    s.clearQuotationBundles.run();
    s.clearFts.run();
    s.clearSegments.run();
    s.setMeta.run(KEYS.through, '0');
    s.setMeta.run(KEYS.fullText, '0');
    s.setMeta.run(KEYS.version, VERSION);
  }
}

/**
 * Writes a segment's row, its search lists and its quotation lists, the small ones in bundles
 * (bundles.ts); `terms` names the lists' term ids.
 */
function writeSegment(s: ReturnType<typeof prepare>, { lists, quotations, placements, speakers }: BuiltSegment, terms: readonly string[]): void {
  const { lastInsertRowid: segment } = s.insertSegment.run(lists.firstRowid, lists.lastRowid, lists.passages, lists.lengths, placements, speakers);
  writeLists(TEXT_KEYS, s.insertList, s.insertBundle, segment, (put) => {
    forEachPacked(lists.terms, (term, postings, data) => put(terms[term] as string, postings, data));
    forEachPacked(lists.pairs, (first, postings, data, second) => put(pairKey(terms[first] as string, terms[second] as string), postings, data));
  });
  writeLists(HASH_KEYS, s.insertQuotationList, s.insertQuotationBundle, segment, (put) => forEachPacked(quotations, put));
}

/** Writes the lists `each` puts into a segment: the small ones into its bundles, the others as rows of their own. */
function writeLists<K>(
  keys: KeyBytes<K>,
  insertRow: Database.Statement,
  insertBundle: Database.Statement,
  segment: number | bigint,
  each: (put: (key: K, postings: number, data: Uint8Array) => void) => void,
): void {
  const bundles = new BundleWriter(keys);
  each((key, postings, data) => {
    if (!bundles.add(key, postings, data)) insertRow.run(key, segment, postings, data);
  });
  bundles.forEach((bundle, data) => insertBundle.run(bundle, segment, data));
}

/** A key's rows of its own and its bundles' (parameters: the key, its bundle), as ListRows in segment order. */
function listSql(table: string, key: string, bundles: string): string {
  return `SELECT data, postings, segment FROM ${table} WHERE ${key} = ?
    UNION ALL SELECT data, NULL, segment FROM ${bundles} WHERE bundle = ? ORDER BY segment`;
}

function prepare(db: Database.Database) {
  return {
    meta: db.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
    setMeta: db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
    lastPassage: db.prepare('SELECT max(rowid) FROM passages').pluck(),
    countBetween: db.prepare('SELECT count(*) FROM passages WHERE rowid > ? AND rowid <= ?').pluck(),
    passagesBetween: db.prepare(READ_PASSAGES_SQL).raw(),
    segmentEnd: db.prepare('SELECT rowid FROM passages WHERE rowid > ? ORDER BY rowid LIMIT 1 OFFSET ?').pluck(),
    insertFts: db.prepare(
      `INSERT INTO passages_fts (rowid, ${FTS_COLUMNS.join(', ')}) SELECT rowid, ${FTS_COLUMNS_SQL} FROM passages WHERE rowid > ? AND rowid <= ?`,
    ),
    clearFts: db.prepare("INSERT INTO passages_fts (passages_fts) VALUES ('delete-all')"),
    segmentTotals: db.prepare('SELECT count(*) AS segments, sum(passages) AS passages FROM posting_segments'),
    insertSegment: db.prepare('INSERT INTO posting_segments (first_rowid, last_rowid, passages, lengths, placements, speakers) VALUES (?, ?, ?, ?, ?, ?)'),
    placements: db.prepare('SELECT placements, speakers FROM posting_segments ORDER BY id'),
    insertList: db.prepare('INSERT INTO postings (term, segment, postings, data) VALUES (?, ?, ?, ?)'),
    insertQuotationList: db.prepare('INSERT INTO quotation_postings (hash, segment, postings, data) VALUES (?, ?, ?, ?)'),
    insertBundle: db.prepare('INSERT INTO posting_bundles (bundle, segment, data) VALUES (?, ?, ?)'),
    insertQuotationBundle: db.prepare('INSERT INTO quotation_bundles (bundle, segment, data) VALUES (?, ?, ?)'),
    parts: db.prepare(listSql('postings', 'term', 'posting_bundles')).raw(),
    quotationParts: db.prepare(listSql('quotation_postings', 'hash', 'quotation_bundles')).raw(),
    // postings is stored before data: counting reads no overflow page.
    ownPostings: db.prepare('SELECT sum(postings) FROM postings WHERE term = ?').pluck(),
    ownQuotationPostings: db.prepare('SELECT sum(postings) FROM quotation_postings WHERE hash = ?').pluck(),
    lengths: db.prepare('SELECT lengths FROM posting_segments ORDER BY id').pluck(),
    clearPostings: db.prepare('DELETE FROM postings'),
    clearQuotationPostings: db.prepare('DELETE FROM quotation_postings'),
    clearBundles: db.prepare('DELETE FROM posting_bundles'),
    clearQuotationBundles: db.prepare('DELETE FROM quotation_bundles'),
    clearSegments: db.prepare('DELETE FROM posting_segments'),
  };
}
