/**
 * Decoded posting lists, scored per posting (bm25.ts termImpact), kept between searches, least
 * recently used first out, within a memory budget. Decoding is the largest cost of a common word (a third of a million postings take a
 * few milliseconds); words people search come back, and the same word is often searched again
 * with a filter or a facet chosen. Kept lists belong to one state of the archive and are
 * dropped when it changes.
 *
 * The arrays of a list let go are written by the next decodes (SpareArrays): memory touched for
 * the first time costs a page fault per 4 KB, which on a virtual machine costs more than
 * decoding into it.
 */
import { lengthNormalisation, termImpact } from '../../search/postings/bm25.ts';
import { decodePostings, type ColumnWeights } from '../../search/postings/codec.ts';
import type { ScoredList } from '../../search/postings/evaluate.ts';
import type { PassageMap } from './passage-map.ts';
import type { PostingIndex } from './posting-index.ts';

/** How much DecodedLists holds. */
export interface DecodedListLimits {
  /** Bytes of decoded lists kept at most (12 bytes a posting). */
  readonly kept: number;
  /** Bytes of spare arrays kept at most. */
  readonly spare: number;
  /** Lists of fewer postings get arrays of their own size, not spare ones: they cost a few pages. */
  readonly pooledFrom: number;
}

/** 48 MB in all: about 3M postings kept. */
const LIMITS: DecodedListLimits = { kept: 36 * 1024 * 1024, spare: 12 * 1024 * 1024, pooledFrom: 4096 };
/** Spare arrays are not used for a list that would fill less than a quarter of them. */
const MAX_WASTE = 4;
/** Token counts up to which the impact of a single body occurrence is looked up, not computed. */
const TABULATED_TOKENS = 4096;

export interface DecodedList {
  readonly list: ScoredList;
  /** Live passages in the list: bm25's document frequency. */
  readonly hits: number;
}

/** bm25's statistics of passage lengths: each passage's token count (by rowid) and the mean. */
export interface PassageLengths {
  readonly tokens: Uint32Array;
  readonly averageTokens: number;
}

/** The arrays a list is decoded into; `frequencies` become the impacts in place. */
interface ListArrays {
  readonly rows: Int32Array;
  readonly frequencies: Float64Array;
}

export class DecodedLists {
  private fingerprint = '';
  /** Bytes of the lists kept. */
  private bytes = 0;
  private readonly kept = new Map<string, DecodedList>();
  private readonly spares: SpareArrays;
  /** Impacts of one body occurrence by token count, for the lengths last decoded with. */
  private unitImpacts?: { lengths: PassageLengths; impacts: Float64Array };

  constructor(
    private readonly postings: PostingIndex,
    private readonly weights: ColumnWeights,
    private readonly limits = LIMITS,
  ) {
    this.spares = new SpareArrays(limits.spare, limits.pooledFrom);
  }

  /**
   * The lists of `keys`, scored with each passage's token count and the mean, for `map`. They
   * stay whole until the next call: lists are let go (their arrays to be written again) only
   * once all of these are decoded, and decoded into only by a later call.
   */
  getAll(keys: readonly string[], map: PassageMap, lengths: PassageLengths): DecodedList[] {
    if (map.fingerprint !== this.fingerprint) {
      for (const entry of this.kept.values()) this.spares.give(entry.list);
      this.kept.clear();
      this.bytes = 0;
      this.fingerprint = map.fingerprint;
    }
    const lists = keys.map((key) => this.get(key, map, lengths));
    for (const [key, entry] of this.kept) {
      if (this.bytes <= this.limits.kept) break;
      this.kept.delete(key);
      this.bytes -= sizeOf(entry);
      this.spares.give(entry.list);
    }
    return lists;
  }

  private get(key: string, map: PassageMap, lengths: PassageLengths): DecodedList {
    let decoded = this.kept.get(key);
    if (decoded) {
      // Re-inserted so Map order stays least recently used first.
      this.kept.delete(key);
      this.kept.set(key, decoded);
      return decoded;
    }
    const { parts, postings } = this.postings.list(key);
    const { tokens, averageTokens } = lengths;
    const unit = this.weights.body;
    const unitImpacts = this.unitImpactsFor(lengths);
    // Each posting's impact is worked out as it is decoded, from its passage's length.
    const impactOf = (frequency: number, rowid: number): number => {
      const count = tokens[rowid] ?? 0;
      // Most postings are one body occurrence in a passage of ordinary length: the same value, looked up.
      return frequency === unit && count < TABULATED_TOKENS
        ? (unitImpacts[count] as number)
        : termImpact(frequency, lengthNormalisation(count, averageTokens));
    };
    const { rows, frequencies: impacts } = decodePostings(parts, this.weights, postings, this.spares.take(postings), impactOf);
    // bm25's document frequency counts live passages: reading each posting's document is needed only when some were deleted.
    let dead = 0;
    if (map.deletedPassages > 0) {
      for (let at = 0; at < rows.length; at += 1) if ((map.documentOf[rows[at] as number] ?? 0) === 0) dead += 1;
    }
    decoded = { list: { rows, impacts }, hits: rows.length - dead };
    const size = sizeOf(decoded);
    if (size <= this.limits.kept) {
      this.kept.set(key, decoded);
      this.bytes += size;
    }
    return decoded;
  }

  private unitImpactsFor(lengths: PassageLengths): Float64Array {
    if (this.unitImpacts?.lengths !== lengths) {
      const impacts = new Float64Array(TABULATED_TOKENS);
      for (let count = 0; count < TABULATED_TOKENS; count += 1) {
        impacts[count] = termImpact(this.weights.body, lengthNormalisation(count, lengths.averageTokens));
      }
      this.unitImpacts = { lengths, impacts };
    }
    return this.unitImpacts.impacts;
  }
}

/** Bytes a decoded list holds, counting the whole arrays it was decoded into. */
function sizeOf(decoded: DecodedList): number {
  const { rows, impacts } = decoded.list;
  return rows.buffer.byteLength + impacts.buffer.byteLength;
}

/**
 * Arrays of lists let go, up to a budget of bytes, for the next lists to be decoded into: each
 * list takes the smallest that has room for it, unless that is much larger than it needs.
 */
class SpareArrays {
  /** By capacity, ascending. */
  private spares: ListArrays[] = [];
  private bytes = 0;

  constructor(
    private readonly budget: number,
    private readonly pooledFrom: number,
  ) {}

  /** Arrays with room for `postings`: spare ones when there are, fresh ones otherwise. */
  take(postings: number): ListArrays {
    if (postings < this.pooledFrom) return fresh(postings);
    const at = this.spares.findIndex((spare) => spare.rows.length >= postings);
    const spare = this.spares[at];
    if (!spare || spare.rows.length > MAX_WASTE * postings) return fresh(2 ** Math.ceil(Math.log2(postings)));
    this.spares.splice(at, 1);
    this.bytes -= bytesOf(spare);
    return spare;
  }

  /** Keeps the whole arrays behind a list let go, when they are of a pooled size and there is room. */
  give(list: ScoredList): void {
    const arrays = { rows: whole(list.rows), frequencies: whole(list.impacts) };
    const capacity = arrays.rows.length;
    if (capacity < this.pooledFrom || this.bytes + bytesOf(arrays) > this.budget) return;
    const at = this.spares.findIndex((spare) => spare.rows.length >= capacity);
    this.spares.splice(at < 0 ? this.spares.length : at, 0, arrays);
    this.bytes += bytesOf(arrays);
  }
}

function fresh(capacity: number): ListArrays {
  return { rows: new Int32Array(capacity), frequencies: new Float64Array(capacity) };
}

function whole<T extends Int32Array | Float64Array>(array: T): T {
  return new (array.constructor as new (buffer: ArrayBufferLike) => T)(array.buffer);
}

function bytesOf(arrays: ListArrays): number {
  return arrays.rows.byteLength + arrays.frequencies.byteLength;
}
