/**
 * The posting lists search ranks from (src/search/postings): for every index term and every
 * pair of adjacent terms, the passages holding it and how often per column, plus each
 * passage's token count. FTS5 keeps the same facts but hands them out a row at a time, which
 * at a million passages costs hundreds of milliseconds for a common word; here a term's list
 * is a few blobs read whole.
 *
 * The lists are derived from `passages` and built in segments: a refresh indexes the passages
 * past the last one covered (one segment per SEGMENT_PASSAGES, each in its own transaction, so
 * an interrupted refresh keeps what it finished). Passage rowids only grow (the store never
 * reuses one), so segments are in rowid order and a term's list is its segments' concatenation.
 * Postings of deleted passages stay until the lists are rebuilt and are skipped when read;
 * the whole index is rebuilt when too much of it is dead or it has too many segments.
 */
import type Database from 'better-sqlite3';
import { ListWriter } from '../../search/postings/codec.ts';
import { pairKey } from '../../search/postings/plan.ts';
import { FTS_COLUMNS, ftsColumns } from './fts-columns.ts';
import type { IndexTokenizer } from './index-tokenizer.ts';

/** Bump when what a list holds changes: the index is then rebuilt on the next refresh. */
export const POSTINGS_VERSION = 1;
/** Passages per segment: bounds the memory a refresh holds before writing. */
const SEGMENT_PASSAGES = 100_000;
/** Passages read and tokenized at a time within a segment. */
const READ_BATCH = 500;
/** More segments than this, or this share of dead postings, and the index is rebuilt whole. */
const MAX_SEGMENTS = 24;
const MAX_DEAD_SHARE = 0.25;

const KEYS = { through: 'postings_through', version: 'postings_version' } as const;

export type RefreshProgress = (done: number, total: number) => void;

type PassageRow = [rowid: number, kind: string, text: string, speakerName: string | null];

export class PostingIndex {
  private readonly statements: ReturnType<typeof prepare>;

  constructor(
    private readonly db: Database.Database,
    private readonly tokenizer: IndexTokenizer,
  ) {
    this.statements = prepare(db);
  }

  /** True when every passage is in the lists. */
  isCurrent(): boolean {
    const s = this.statements;
    if (s.meta.get(KEYS.version) !== String(POSTINGS_VERSION)) return false;
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
    for (;;) {
      const segment = new SegmentBuilder();
      const from = through;
      for (;;) {
        const batch = s.passagesAfter.all(through, READ_BATCH) as PassageRow[];
        if (batch.length === 0) break;
        segment.add(batch, this.tokenizer);
        through = (batch.at(-1) as PassageRow)[0];
        done += batch.length;
        onProgress?.(done, total);
        if (segment.passages >= SEGMENT_PASSAGES) break;
      }
      if (segment.passages === 0) break;
      // Another connection (a server beside an ingest) may have indexed the same passages
      // meanwhile: written twice they would count twice, so the segment is kept only if the
      // lists still end where this one starts, checked under the write lock.
      const kept = this.db
        .transaction(() => {
          if (Number(s.meta.get(KEYS.through) ?? 0) !== from) return false;
          segment.write(s, this.tokenizer.terms);
          s.setMeta.run(KEYS.through, String(through));
          return true;
        })
        .immediate();
      if (!kept) return;
    }
    s.setMeta.run(KEYS.version, String(POSTINGS_VERSION));
  }

  /** The encoded segments of one list, in rowid order, and how many postings they hold. */
  list(key: string): { parts: Uint8Array[]; postings: number } {
    const rows = this.statements.parts.all(key) as { data: Uint8Array; postings: number }[];
    return { parts: rows.map((row) => row.data), postings: rows.reduce((sum, row) => sum + row.postings, 0) };
  }

  /** Every segment's lengths list, in rowid order. */
  lengths(): Uint8Array[] {
    return this.statements.lengths.all() as Uint8Array[];
  }

  private worn(): boolean {
    const s = this.statements;
    if (s.meta.get(KEYS.version) !== String(POSTINGS_VERSION)) return true;
    const { segments, passages } = s.segmentTotals.get() as { segments: number; passages: number | null };
    if (segments >= MAX_SEGMENTS) return true;
    const live = s.countUpTo.get(Number(s.meta.get(KEYS.through) ?? 0)) as number;
    return (passages ?? 0) - live > (passages ?? 0) * MAX_DEAD_SHARE;
  }

  private clear(): void {
    const s = this.statements;
    s.clearPostings.run();
    s.clearSegments.run();
    s.setMeta.run(KEYS.through, '0');
    s.setMeta.run(KEYS.version, String(POSTINGS_VERSION));
  }
}

/** One list being built: occurrences of the current passage are counted, then written as one posting. */
class ListBuilder {
  readonly writer = new ListWriter();
  private rowid = 0;
  // Occurrences in the current passage per column (FTS_COLUMNS order), as fields: there is a
  // builder per term and per pair, and a typed array each would cost more than the counting.
  private heading = 0;
  private body = 0;
  private note = 0;
  private speaker = 0;

  occurs(rowid: number, column: number): void {
    if (rowid !== this.rowid) {
      this.flush();
      this.rowid = rowid;
    }
    if (column === BODY) this.body += 1;
    else if (column === HEADING) this.heading += 1;
    else if (column === NOTE) this.note += 1;
    else this.speaker += 1;
  }

  finish(): Uint8Array {
    this.flush();
    return this.writer.finish();
  }

  private flush(): void {
    if (this.rowid === 0) return;
    this.writer.posting(this.rowid, this.heading, this.body, this.note, this.speaker);
    this.heading = this.body = this.note = this.speaker = 0;
  }
}

const [HEADING, BODY, NOTE] = [FTS_COLUMNS.indexOf('heading'), FTS_COLUMNS.indexOf('body'), FTS_COLUMNS.indexOf('note')];

/**
 * The lists of one segment, built in memory from passages in rowid order. Lists are found by
 * term id (an array) and, for pairs, by the second term's id under the first's (small integer
 * keys), because a lookup per token is the cost of building the index.
 */
class SegmentBuilder {
  passages = 0;
  private first = 0;
  private last = 0;
  private readonly single: (ListBuilder | undefined)[] = [];
  private readonly pairs: (Map<number, ListBuilder> | undefined)[] = [];
  private readonly lengths = new ListWriter();

  add(batch: readonly PassageRow[], tokenizer: IndexTokenizer): void {
    const texts: string[] = [];
    for (const [, kind, text, speakerName] of batch) {
      const columns = ftsColumns(kind, text, speakerName);
      for (const column of FTS_COLUMNS) texts.push(columns[column] ?? '');
    }
    const ids = tokenizer.termIds(texts);
    // Grown in order, never assigned past the end: a sparse array falls back to slow dictionary storage.
    while (this.single.length < tokenizer.terms.length) {
      this.single.push(undefined);
      this.pairs.push(undefined);
    }
    for (const [index, [rowid]] of batch.entries()) {
      let length = 0;
      for (let column = 0; column < FTS_COLUMNS.length; column += 1) {
        const terms = ids[index * FTS_COLUMNS.length + column] as number[];
        length += terms.length;
        for (let at = 0; at < terms.length; at += 1) {
          const term = terms[at] as number;
          (this.single[term] ??= new ListBuilder()).occurs(rowid, column);
          if (at === 0) continue;
          const previous = terms[at - 1] as number;
          const following = (this.pairs[previous] ??= new Map());
          let pair = following.get(term);
          if (!pair) following.set(term, (pair = new ListBuilder()));
          pair.occurs(rowid, column);
        }
      }
      this.lengths.length(rowid, length);
      if (this.passages === 0) this.first = rowid;
      this.last = rowid;
      this.passages += 1;
    }
  }

  write(s: ReturnType<typeof prepare>, terms: readonly string[]): void {
    const { lastInsertRowid } = s.insertSegment.run(this.first, this.last, this.passages, this.lengths.finish());
    const insert = (key: string, list: ListBuilder) => {
      const data = list.finish();
      s.insertList.run(key, lastInsertRowid, list.writer.count, data);
    };
    this.single.forEach((list, term) => {
      if (list) insert(terms[term] as string, list);
    });
    this.pairs.forEach((following, first) => {
      for (const [second, list] of following ?? []) insert(pairKey(terms[first] as string, terms[second] as string), list);
    });
  }
}

function prepare(db: Database.Database) {
  return {
    meta: db.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
    setMeta: db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
    lastPassage: db.prepare('SELECT max(rowid) FROM passages').pluck(),
    countAfter: db.prepare('SELECT count(*) FROM passages WHERE rowid > ?').pluck(),
    countUpTo: db.prepare('SELECT count(*) FROM passages WHERE rowid <= ?').pluck(),
    passagesAfter: db.prepare('SELECT rowid, kind, text, speaker_name FROM passages WHERE rowid > ? ORDER BY rowid LIMIT ?').raw(),
    segmentTotals: db.prepare('SELECT count(*) AS segments, sum(passages) AS passages FROM posting_segments'),
    insertSegment: db.prepare('INSERT INTO posting_segments (first_rowid, last_rowid, passages, lengths) VALUES (?, ?, ?, ?)'),
    insertList: db.prepare('INSERT INTO postings (term, segment, postings, data) VALUES (?, ?, ?, ?)'),
    parts: db.prepare('SELECT data, postings FROM postings WHERE term = ? ORDER BY segment'),
    lengths: db.prepare('SELECT lengths FROM posting_segments ORDER BY id').pluck(),
    clearPostings: db.prepare('DELETE FROM postings'),
    clearSegments: db.prepare('DELETE FROM posting_segments'),
  };
}
