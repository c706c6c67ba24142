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
const [HEADING, BODY, NOTE] = [0, 1, 2];
const COLUMN_BITS = 2;
const COLUMN_MASK = 3;
/** The pair id of a column's first token, which ends no pair. */
const NO_PAIR = -1;

type EachList = (key: number, postings: number, bytes: Uint8Array) => void;
type EachPair = (first: number, second: number, postings: number, bytes: Uint8Array) => void;

export class SegmentLists {
  /** Rowid of each passage, by its index in the segment. */
  private rowids = new Int32Array(0);
  passages = 0;
  /** Every passage's term ids, column after column, passage after passage. */
  private terms = new Int32Array(0);
  /** The id of the pair each token ends (NO_PAIR for a column's first token), token by token as `terms`. */
  private pairIds = new Int32Array(0);
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
        if (this.termsSize === this.terms.length) {
          this.terms = grown(this.terms);
          this.pairIds = resized(this.pairIds, this.terms.length);
        }
        this.terms[this.termsSize] = term;
        while (term >= this.termCounts.length) this.termCounts = grown(this.termCounts);
        this.termCounts[term] = (this.termCounts[term] as number) + 1;
        if (at === 0) {
          this.pairIds[this.termsSize++] = NO_PAIR;
          continue;
        }
        const pair = this.pairs.idOf(ids[at - 1] as number, term);
        this.pairIds[this.termsSize++] = pair;
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
    const { starts, slots } = this.sort(this.termCounts, this.terms);
    this.encodeRanges(starts, slots, each);
  }

  /** Each adjacent pair's list, by its two term ids. `bytes` is valid only during the call. */
  private forEachPair(each: EachPair): void {
    const { starts, slots } = this.sort(this.pairCounts.subarray(0, this.pairs.size), this.pairIds);
    this.encodeRanges(starts, slots, (pair, postings, bytes) => each(this.pairs.first(pair), this.pairs.second(pair), postings, bytes));
  }

  /**
   * Counting sort of the occurrences (passage index × 4 + column) of every token by its key in
   * `keys` (token by token, as `terms`; NO_PAIR is no key): `counts` sizes each key's range of
   * `slots`, filled in passage order, so each range ascends by passage.
   */
  private sort(counts: Int32Array, keys: Int32Array): { starts: Int32Array; slots: Int32Array } {
    const starts = new Int32Array(counts.length + 1);
    for (let key = 0; key < counts.length; key += 1) starts[key + 1] = (starts[key] as number) + (counts[key] as number);
    const slots = new Int32Array(starts[counts.length] as number);
    const next = starts.slice(0, counts.length);
    let at = 0;
    for (let occurrence = 0; occurrence < this.passages << COLUMN_BITS; occurrence += 1) {
      const end = at + (this.spans[occurrence] as number);
      for (; at < end; at += 1) {
        const key = keys[at] as number;
        if (key === NO_PAIR) continue;
        slots[next[key] as number] = occurrence;
        next[key] = (next[key] as number) + 1;
      }
    }
    return { starts, slots };
  }

  /** Encodes each key's range of occurrences as postings: one per passage, counted per column. */
  private encodeRanges(starts: Int32Array, slots: Int32Array, each: EachList): void {
    const { writer, rowids } = this;
    for (let key = 0; key + 1 < starts.length; key += 1) {
      const end = starts[key + 1] as number;
      let at = starts[key] as number;
      if (at === end) continue;
      writer.reset();
      while (at < end) {
        const passage = (slots[at] as number) >>> COLUMN_BITS;
        // Occurrences per column, in locals: this runs for every posting of the segment.
        let heading = 0;
        let body = 0;
        let note = 0;
        let speaker = 0;
        for (; at < end; at += 1) {
          const slot = slots[at] as number;
          if (slot >>> COLUMN_BITS !== passage) break;
          const column = slot & COLUMN_MASK;
          if (column === BODY) body += 1;
          else if (column === HEADING) heading += 1;
          else if (column === NOTE) note += 1;
          else speaker += 1; // the last column
        }
        writer.posting(rowids[passage] as number, heading, body, note, speaker);
      }
      each(key, writer.count, writer.finish());
    }
  }
}
