/**
 * The posting lists search ranks from (src/search/postings): for every index term and every
 * pair of adjacent terms, the passages holding it and how often per column, plus each
 * passage's token count. FTS5 keeps the same facts but hands them out a row at a time, which
 * at a million passages costs hundreds of milliseconds for a common word; here a term's list
 * is a few blobs read whole. Beside them, for the trace, the passages holding each quotation
 * fingerprint (src/trace/fingerprint.ts), built in the same pass over the passages.
 *
 * FTS5's index (passages_fts) is kept here too, for the queries the lists cannot answer.
 *
 * All of it is derived from `passages` and built in segments: a refresh indexes the passages
 * past the last one covered (one segment per SEGMENT_PASSAGES, each in its own transaction, so
 * an interrupted refresh keeps what it finished). Passage rowids only grow (the store never
 * reuses one), so segments are in rowid order and a term's list is its segments' concatenation.
 * Postings of deleted passages stay until the lists are rebuilt and are skipped when read;
 * the whole index is rebuilt when too much of it is dead or it has too many segments.
 */
import type Database from 'better-sqlite3';
import { ListWriter } from '../../search/postings/codec.ts';
import { pairKey } from '../../search/postings/plan.ts';
import { HashLists } from '../../search/postings/hash-lists.ts';
import { forEachPacked, type PackedLists } from '../../search/postings/packed.ts';
import type { PackedSegment } from '../../search/postings/segment-lists.ts';
import { FINGERPRINT_VERSION, fingerprints } from '../../trace/fingerprint.ts';
import { segmentBuilder, WORKER_THRESHOLD, type SegmentBatch } from './segment-builder.ts';
import { FTS_COLUMNS, FTS_COLUMNS_SQL, ftsColumns } from './fts-columns.ts';
import type { IndexTokenizer } from './index-tokenizer.ts';

/** Bump when what a list holds changes: the index is then rebuilt on the next refresh. */
const POSTINGS_VERSION = 2;
/** The version stored: the quotation lists change with the fingerprints too. */
const VERSION = `${POSTINGS_VERSION}.${FINGERPRINT_VERSION}`;
/** Passages per segment: bounds the memory a refresh holds before writing. */
const SEGMENT_PASSAGES = 100_000;
/** Passages read and tokenized at a time within a segment. */
const READ_BATCH = 500;
/**
 * The index is rebuilt whole when it has at least this many segments and twice as many as a
 * rebuild would make (small refreshes leave small segments, and every list read visits each),
 * or when this share of its postings are dead.
 */
const MAX_SEGMENTS = 24;
const MAX_DEAD_SHARE = 0.25;

/** How the index is cut into segments, and from how many passages its lists are built on a thread of their own; tests use small ones. */
export interface IndexLimits {
  readonly segmentPassages: number;
  readonly maxSegments: number;
  readonly threadFrom: number;
}

const LIMITS: IndexLimits = { segmentPassages: SEGMENT_PASSAGES, maxSegments: MAX_SEGMENTS, threadFrom: WORKER_THRESHOLD };

const KEYS = { through: 'postings_through', version: 'postings_version' } as const;

export type RefreshProgress = (done: number, total: number) => void;

type PassageRow = [rowid: number, kind: string, text: string, speakerName: string | null, documentRowid: number, speakerId: string | null];
type ListPart = { data: Uint8Array; postings: number };
export type EncodedList = { parts: Uint8Array[]; postings: number };

function joined(rows: readonly ListPart[]): EncodedList {
  return { parts: rows.map((row) => row.data), postings: rows.reduce((sum, row) => sum + row.postings, 0) };
}

export class PostingIndex {
  private readonly statements: ReturnType<typeof prepare>;

  constructor(
    private readonly db: Database.Database,
    private readonly tokenizer: IndexTokenizer,
    private readonly limits = LIMITS,
  ) {
    this.statements = prepare(db);
  }

  /** True when every passage is in the lists. */
  isCurrent(): boolean {
    const s = this.statements;
    if (s.meta.get(KEYS.version) !== VERSION) return false;
    return Number(s.meta.get(KEYS.through) ?? 0) >= ((s.lastPassage.get() as number | null) ?? 0);
  }

  /** Indexes the passages not yet in the lists (rebuilding first when the lists are worn). */
  refresh(onProgress?: RefreshProgress): void {
    const s = this.statements;
    if (this.isCurrent()) return;
    if (this.worn()) this.db.transaction(() => this.clear())();
    let through = Number(s.meta.get(KEYS.through) ?? 0);
    const total = s.countAfter.get(through) as number;
    let done = 0;
    onProgress?.(done, total);
    const builder = segmentBuilder(total, this.limits.threadFrom);
    try {
      for (;;) {
        const placements = new SegmentPlacements();
        const quotations = new HashLists();
        const from = through;
        let passages = 0;
        for (;;) {
          const batch = s.passagesAfter.all(through, READ_BATCH) as PassageRow[];
          if (batch.length === 0) break;
          // Posted first, so the thread builds while this one fingerprints.
          builder.add(tokenized(batch, this.tokenizer));
          for (const [rowid, , text] of batch) quotations.add(rowid, fingerprints(text));
          for (const [rowid, , , , documentRowid, speakerId] of batch) placements.add(rowid, documentRowid, speakerId);
          through = (batch.at(-1) as PassageRow)[0];
          passages += batch.length;
          done += batch.length;
          onProgress?.(done, total);
          if (passages >= this.limits.segmentPassages) break;
        }
        if (passages === 0) break;
        builder.seal();
        // Another connection (a server beside an ingest) may have indexed the same passages
        // meanwhile: written twice they would count twice, so the segment is kept only if the
        // lists still end where this one starts, checked under the write lock. FTS5 is filled
        // while the lists are still being built (on a thread, for a large refresh).
        const kept = this.db
          .transaction(() => {
            if (Number(s.meta.get(KEYS.through) ?? 0) !== from) return false;
            indexFullText(s, from, through);
            writeSegment(s, builder.finish(), quotations.pack(), placements, this.tokenizer.terms);
            s.setMeta.run(KEYS.through, String(through));
            return true;
          })
          .immediate();
        if (!kept) return;
      }
    } finally {
      builder.close();
    }
    s.setMeta.run(KEYS.version, VERSION);
  }

  /** The encoded segments of one list, in rowid order, and how many postings they hold. */
  list(key: string): EncodedList {
    return joined(this.statements.parts.all(key) as ListPart[]);
  }

  /** The passages holding a quotation fingerprint (src/trace/fingerprint.ts), as a passages list. */
  quotationList(hash: number): EncodedList {
    return joined(this.statements.quotationParts.all(hash) as ListPart[]);
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
    const s = this.statements;
    for (const row of s.placements.iterate() as Iterable<{ placements: Uint8Array; speakers: string }>) {
      each(row.placements, JSON.parse(row.speakers) as string[]);
    }
    return Number(s.meta.get(KEYS.through) ?? 0);
  }

  private worn(): boolean {
    const s = this.statements;
    if (s.meta.get(KEYS.version) !== VERSION) return true;
    const { segments, passages } = s.segmentTotals.get() as { segments: number; passages: number | null };
    const live = s.countUpTo.get(Number(s.meta.get(KEYS.through) ?? 0)) as number;
    if (segments >= Math.max(this.limits.maxSegments, 2 * Math.ceil(live / this.limits.segmentPassages))) return true;
    return (passages ?? 0) - live > (passages ?? 0) * MAX_DEAD_SHARE;
  }

  private clear(): void {
    const s = this.statements;
    s.clearPostings.run();
    s.clearQuotationPostings.run();
    s.clearFts.run();
    s.clearSegments.run();
    s.setMeta.run(KEYS.through, '0');
    s.setMeta.run(KEYS.version, VERSION);
  }
}

/** A batch of passages as the segment builder takes it: term ids per column, from the index's own tokenizer. */
function tokenized(batch: readonly PassageRow[], tokenizer: IndexTokenizer): SegmentBatch {
  const texts: string[] = [];
  for (const [, kind, text, speakerName] of batch) {
    const columns = ftsColumns(kind, text, speakerName);
    for (const column of FTS_COLUMNS) texts.push(columns[column] ?? '');
  }
  const ids = tokenizer.termIds(texts);
  const terms = new Int32Array(ids.reduce((sum, column) => sum + column.length, 0));
  const spans = new Int32Array(ids.length);
  let at = 0;
  ids.forEach((column, index) => {
    spans[index] = column.length;
    for (const id of column) terms[at++] = id;
  });
  return { rowids: Int32Array.from(batch, (row) => row[0]), terms, spans };
}

/**
 * Adds the passages after `from` up to `through` to FTS5 (passages_fts), which answers what
 * the lists cannot (prefixes, longer phrases). Done here, a segment at a time, rather than as
 * each document is stored: FTS5 writes a new segment of its own at every commit and merges
 * them as they pile up, which cost more than the whole insert. One statement: the rows never
 * leave SQLite.
 */
function indexFullText(s: ReturnType<typeof prepare>, from: number, through: number): void {
  s.insertFts.run(from, through);
}

/** Where each passage of a segment sits: its document, and its speaker numbered within the segment (0 for none). */
class SegmentPlacements {
  private readonly writer = new ListWriter();
  private readonly speakers = new Map<string, number>();

  add(rowid: number, documentRowid: number, speakerId: string | null): void {
    let speaker = 0;
    if (speakerId !== null) {
      speaker = this.speakers.get(speakerId) ?? this.speakers.size + 1;
      this.speakers.set(speakerId, speaker);
    }
    this.writer.placement(rowid, documentRowid, speaker);
  }

  list(): Uint8Array {
    return this.writer.finish();
  }

  /** The speaker ids by number − 1, as JSON. */
  speakerIds(): string {
    return JSON.stringify([...this.speakers.keys()]);
  }
}

/** Writes a segment's row, its search lists and its quotation lists. */
function writeSegment(
  s: ReturnType<typeof prepare>, lists: PackedSegment, quotations: PackedLists, placements: SegmentPlacements, terms: readonly string[],
): void {
  const { lastInsertRowid: segment } = s.insertSegment.run(
    lists.firstRowid, lists.lastRowid, lists.passages, lists.lengths, placements.list(), placements.speakerIds(),
  );
  forEachPacked(lists.terms, (term, postings, data) => s.insertList.run(terms[term], segment, postings, data));
  forEachPacked(lists.pairs, (first, postings, data, second) => s.insertList.run(pairKey(terms[first] as string, terms[second] as string), segment, postings, data));
  forEachPacked(quotations, (hash, postings, data) => s.insertQuotationList.run(hash, segment, postings, data));
}

function prepare(db: Database.Database) {
  return {
    meta: db.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
    setMeta: db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
    lastPassage: db.prepare('SELECT max(rowid) FROM passages').pluck(),
    countAfter: db.prepare('SELECT count(*) FROM passages WHERE rowid > ?').pluck(),
    countUpTo: db.prepare('SELECT count(*) FROM passages WHERE rowid <= ?').pluck(),
    passagesAfter: db.prepare('SELECT rowid, kind, text, speaker_name, doc_rowid, speaker_id FROM passages WHERE rowid > ? ORDER BY rowid LIMIT ?').raw(),
    insertFts: db.prepare(
      `INSERT INTO passages_fts (rowid, ${FTS_COLUMNS.join(', ')}) SELECT rowid, ${FTS_COLUMNS_SQL} FROM passages WHERE rowid > ? AND rowid <= ?`,
    ),
    clearFts: db.prepare("INSERT INTO passages_fts (passages_fts) VALUES ('delete-all')"),
    segmentTotals: db.prepare('SELECT count(*) AS segments, sum(passages) AS passages FROM posting_segments'),
    insertSegment: db.prepare('INSERT INTO posting_segments (first_rowid, last_rowid, passages, lengths, placements, speakers) VALUES (?, ?, ?, ?, ?, ?)'),
    placements: db.prepare('SELECT placements, speakers FROM posting_segments ORDER BY id'),
    insertList: db.prepare('INSERT INTO postings (term, segment, postings, data) VALUES (?, ?, ?, ?)'),
    insertQuotationList: db.prepare('INSERT INTO quotation_postings (hash, segment, postings, data) VALUES (?, ?, ?, ?)'),
    parts: db.prepare('SELECT data, postings FROM postings WHERE term = ? ORDER BY segment'),
    quotationParts: db.prepare('SELECT data, postings FROM quotation_postings WHERE hash = ? ORDER BY segment'),
    lengths: db.prepare('SELECT lengths FROM posting_segments ORDER BY id').pluck(),
    clearPostings: db.prepare('DELETE FROM postings'),
    clearQuotationPostings: db.prepare('DELETE FROM quotation_postings'),
    clearSegments: db.prepare('DELETE FROM posting_segments'),
  };
}
