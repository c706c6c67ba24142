/**
 * Builds the posting lists of one segment of passages (passages added in ascending rowid order):
 * a list per index term and per pair of adjacent terms in a column, plus each passage's length.
 * (The quotation fingerprints' lists are hash-lists.ts.)
 *
 * Adding a passage only appends its term ids to one array and counts each key's occurrences;
 * the lists are made when written, one family at a time, by a counting sort of the occurrences
 * into each key's range. An object per list, updated as tokens arrive, would touch a scattered
 * object for every token of the archive, which is most of what building an index costs.
 *
 * ```ts
 * const lists = new SegmentLists();
 * lists.add(7, { heading: [], body: [0, 1, 0], note: [], speaker: [] });
 * const { terms, pairs, lengths } = lists.pack();
 * ```
 */
import { ListWriter } from './codec.ts';
import { ListPacker, type PackedLists } from './packed.ts';
import { grown, PairTable, resized } from './pair-table.ts';

/** A passage's term ids per column. */
export interface ColumnTerms {
  readonly heading: ArrayLike<number>;
  readonly body: ArrayLike<number>;
  readonly note: ArrayLike<number>;
  readonly speaker: ArrayLike<number>;
}

/** A segment's lists packed (term lists keyed by term id, pair lists by both ids), with its passages' lengths. */
export interface PackedSegment {
  readonly terms: PackedLists;
  readonly pairs: PackedLists;
  readonly lengths: Uint8Array;
  readonly firstRowid: number;
  readonly lastRowid: number;
  readonly passages: number;
}

/** Columns in the order occurrences code them (an occurrence is passage index × 4 + column). */
const COLUMNS = ['heading', 'body', 'note', 'speaker'] as const;
const [HEADING, BODY, NOTE, SPEAKER] = [0, 1, 2, 3];
const COLUMN_BITS = 2;
const COLUMN_MASK = 3;

type EachList = (key: number, postings: number, bytes: Uint8Array) => void;
type EachPair = (first: number, second: number, postings: number, bytes: Uint8Array) => void;

export class SegmentLists {
  /** Rowid of each passage, by its index in the segment. */
  private rowids = new Int32Array(0);
  passages = 0;
  /** Every passage's term ids, column after column, passage after passage. */
  private terms = new Int32Array(0);
  private termsSize = 0;
  /** How many term ids each passage has in each column (passage index × 4 + column). */
  private spans = new Int32Array(0);
  /** Occurrences of each term and pair (by id). */
  private termCounts = new Int32Array(0);
  private pairCounts = new Int32Array(0);
  private readonly pairs = new PairTable();
  private readonly lengths = new ListWriter();
  private readonly writer = new ListWriter();

  /** Adds a passage after every passage added so far. */
  add(rowid: number, columns: ColumnTerms): void {
    const index = this.passages;
    if (index === this.rowids.length) {
      this.rowids = grown(this.rowids);
      this.spans = resized(this.spans, this.rowids.length << COLUMN_BITS);
    }
    this.rowids[index] = rowid;
    let length = 0;
    for (let column = 0; column < COLUMNS.length; column += 1) {
      const ids = columns[COLUMNS[column] as keyof ColumnTerms];
      this.spans[(index << COLUMN_BITS) + column] = ids.length;
      length += ids.length;
      for (let at = 0; at < ids.length; at += 1) {
        const term = ids[at] as number;
        if (this.termsSize === this.terms.length) this.terms = grown(this.terms);
        this.terms[this.termsSize++] = term;
        while (term >= this.termCounts.length) this.termCounts = grown(this.termCounts);
        this.termCounts[term] = (this.termCounts[term] as number) + 1;
        if (at === 0) continue;
        const pair = this.pairs.idOf(ids[at - 1] as number, term);
        if (pair === this.pairCounts.length) this.pairCounts = grown(this.pairCounts);
        this.pairCounts[pair] = (this.pairCounts[pair] as number) + 1;
      }
    }
    this.lengths.length(rowid, length);
    this.passages += 1;
  }

  private get firstRowid(): number {
    return this.rowids[0] as number;
  }

  private get lastRowid(): number {
    return this.rowids[this.passages - 1] as number;
  }

  /** Every list of the segment, packed. */
  pack(): PackedSegment {
    const terms = new ListPacker();
    this.forEachTerm((term, postings, bytes) => terms.append(term, postings, bytes));
    const pairs = new ListPacker();
    this.forEachPair((first, second, postings, bytes) => pairs.append(first, postings, bytes, second));
    return {
      terms: terms.finish(),
      pairs: pairs.finish(),
      // Each passage's token count over all columns.
      lengths: this.lengths.finish().slice(),
      firstRowid: this.firstRowid,
      lastRowid: this.lastRowid,
      passages: this.passages,
    };
  }

  /** Each term's list, by term id. `bytes` is valid only during the call. */
  private forEachTerm(each: EachList): void {
    const { starts, slots } = this.sort(this.termCounts, (place) => {
      this.forEachToken((term, _previous, occurrence) => place(term, occurrence));
    });
    this.encodeRanges(starts, slots, each);
  }

  /** Each adjacent pair's list, by its two term ids. `bytes` is valid only during the call. */
  private forEachPair(each: EachPair): void {
    const { starts, slots } = this.sort(this.pairCounts.subarray(0, this.pairs.size), (place) => {
      this.forEachToken((term, previous, occurrence) => {
        if (previous >= 0) place(this.pairs.idOf(previous, term), occurrence);
      });
    });
    this.encodeRanges(starts, slots, (pair, postings, bytes) => each(this.pairs.first(pair), this.pairs.second(pair), postings, bytes));
  }

  /** Calls `each(term, previous term in the column or −1, occurrence code)` for every token. */
  private forEachToken(each: (term: number, previous: number, occurrence: number) => void): void {
    let at = 0;
    for (let passage = 0; passage < this.passages; passage += 1) {
      for (let column = 0; column < COLUMNS.length; column += 1) {
        const occurrence = (passage << COLUMN_BITS) | column;
        const end = at + (this.spans[occurrence] as number);
        let previous = -1;
        for (; at < end; at += 1) {
          const term = this.terms[at] as number;
          each(term, previous, occurrence);
          previous = term;
        }
      }
    }
  }

  /**
   * Counting sort: `counts` sizes each key's range of `slots`, then `fill` places every
   * occurrence, in passage order, so each range ascends by passage.
   */
  private sort(counts: Int32Array, fill: (place: (key: number, value: number) => void) => void): { starts: Int32Array; slots: Int32Array } {
    const starts = new Int32Array(counts.length + 1);
    for (let key = 0; key < counts.length; key += 1) starts[key + 1] = (starts[key] as number) + (counts[key] as number);
    const slots = new Int32Array(starts[counts.length] as number);
    const next = starts.slice(0, counts.length);
    fill((key, value) => {
      slots[next[key] as number] = value;
      next[key] = (next[key] as number) + 1;
    });
    return { starts, slots };
  }

  /** Encodes each key's range of occurrences as postings: one per passage, counted per column. */
  private encodeRanges(starts: Int32Array, slots: Int32Array, each: EachList): void {
    const writer = this.writer;
    const counts = [0, 0, 0, 0];
    for (let key = 0; key + 1 < starts.length; key += 1) {
      const end = starts[key + 1] as number;
      let at = starts[key] as number;
      if (at === end) continue;
      writer.reset();
      while (at < end) {
        const passage = (slots[at] as number) >>> COLUMN_BITS;
        counts.fill(0);
        for (; at < end && (slots[at] as number) >>> COLUMN_BITS === passage; at += 1) { const column = (slots[at] as number) & COLUMN_MASK; counts[column] = (counts[column] as number) + 1; }
        writer.posting(this.rowids[passage] as number, counts[HEADING] as number, counts[BODY] as number, counts[NOTE] as number, counts[SPEAKER] as number);
      }
      each(key, writer.count, writer.finish());
    }
  }
}
