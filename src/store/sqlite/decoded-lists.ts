/**
 * Decoded posting lists, scored per posting (bm25.ts termImpact), kept between searches, least
 * recently used first out, within a memory budget. Decoding is the largest cost of a common word (a third of a million postings take a
 * few milliseconds); words people search come back, and the same word is often searched again
 * with a filter or a facet chosen. Kept lists belong to one state of the archive and are
 * dropped when it changes.
 *
 * Long lists are decoded into one arena allocated once (ListArena), where a list let go leaves
 * room for the next: memory touched for the first time costs a page fault per 4 KB, which on a
 * virtual machine costs more than decoding into it, and arrays of their own would be given
 * back to the system and faulted in again list after list.
 */
import { lengthNormalisation, termImpact } from '../../search/postings/bm25.ts';
import { decodePostings, type ColumnWeights, type PostingList } from '../../search/postings/codec.ts';
import type { ScoredList } from '../../search/postings/evaluate.ts';
import type { PassageMap } from './passage-map.ts';
import type { PostingIndex } from './posting-index.ts';

/** How much DecodedLists holds. */
export interface DecodedListLimits {
  /** Bytes of the arena long lists are decoded into (12 bytes a posting); none is made when 0. */
  readonly arena: number;
  /** The arena is given out in runs of units of this many bytes (a multiple of 8); a list shorter than a unit is not put there. */
  readonly unit: number;
  /** Bytes of lists shorter than a unit kept at most, in arrays of their own. */
  readonly small: number;
}

/** 48 MB in all: about 4M postings kept. */
const LIMITS: DecodedListLimits = { arena: 40 * 1024 * 1024, unit: 64 * 1024, small: 8 * 1024 * 1024 };
/** Token counts up to which the impact of a single body occurrence is looked up, not computed. */
const TABULATED_TOKENS = 4096;
/** 12 bytes a posting: its impact (8), its rowid (4). */
const POSTING_BYTES = 12;

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

/** A kept list, and where it sits in the arena (none: arrays of its own). */
interface Kept {
  readonly decoded: DecodedList;
  readonly units?: Run;
}

export class DecodedLists {
  private fingerprint = '';
  /** In least recently used order. */
  private readonly kept = new Map<string, Kept>();
  /** Bytes of the kept lists that have arrays of their own. */
  private smallBytes = 0;
  private readonly arena: ListArena;
  /** Impacts of one body occurrence by token count, for the lengths last decoded with. */
  private unitImpacts?: { lengths: PassageLengths; impacts: Float64Array };

  constructor(
    private readonly postings: PostingIndex,
    private readonly weights: ColumnWeights,
    private readonly limits = LIMITS,
  ) {
    this.arena = new ListArena(limits.arena, limits.unit);
  }

  /**
   * The lists of `keys`, scored with each passage's token count and the mean, for `map`. They
   * stay whole until the next call: a list of this call is never let go to make room for another
   * (one that finds no room gets arrays of its own), and lists let go are written again only by
   * a later call.
   */
  getAll(keys: readonly string[], map: PassageMap, lengths: PassageLengths): DecodedList[] {
    if (map.fingerprint !== this.fingerprint) {
      this.kept.clear();
      this.arena.clear();
      this.smallBytes = 0;
      this.fingerprint = map.fingerprint;
    }
    const asked = new Set(keys);
    const lists = keys.map((key) => this.get(key, asked, map, lengths));
    for (const [key, { units }] of this.kept) {
      if (this.smallBytes <= this.limits.small) break;
      if (!units && !asked.has(key)) this.letGo(key);
    }
    return lists;
  }

  private get(key: string, asked: ReadonlySet<string>, map: PassageMap, lengths: PassageLengths): DecodedList {
    const kept = this.kept.get(key);
    if (kept) {
      // Re-inserted so Map order stays least recently used first.
      this.kept.delete(key);
      this.kept.set(key, kept);
      return kept.decoded;
    }
    const { parts, postings } = this.postings.list(key);
    const bytes = postings * POSTING_BYTES;
    const forArena = this.arena.unitsFor(bytes) > 0;
    const units = forArena ? this.roomFor(bytes, asked) : undefined;
    const arrays = units ? this.arena.arrays(units, postings) : { rows: new Int32Array(postings), frequencies: new Float64Array(postings) };
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
    const { rows, frequencies: impacts } = decodePostings(parts, this.weights, postings, arrays, impactOf);
    // bm25's document frequency counts live passages: reading each posting's document is needed only when some were deleted.
    let dead = 0;
    if (map.deletedPassages > 0) {
      for (let at = 0; at < rows.length; at += 1) if ((map.documentOf[rows[at] as number] ?? 0) === 0) dead += 1;
    }
    const decoded = { list: { rows, impacts }, hits: rows.length - dead };
    // A long list that found no room in the arena is not kept: it would hold memory outside the budget.
    if (units) {
      this.kept.set(key, { decoded, units });
    } else if (!forArena && bytes <= this.limits.small) {
      this.kept.set(key, { decoded });
      this.smallBytes += bytes;
    }
    return decoded;
  }

  /** A run of the arena for a list of `bytes`, letting go of lists least recently used (none of `asked`) until there is one. */
  private roomFor(bytes: number, asked: ReadonlySet<string>): Run | undefined {
    let run = this.arena.take(bytes);
    for (const [key, { units }] of this.kept) {
      if (run) break;
      if (!units || asked.has(key)) continue;
      this.letGo(key);
      run = this.arena.take(bytes);
    }
    return run;
  }

  private letGo(key: string): void {
    const kept = this.kept.get(key) as Kept;
    this.kept.delete(key);
    if (kept.units) this.arena.give(kept.units);
    else this.smallBytes -= kept.decoded.list.rows.length * POSTING_BYTES;
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

/** Units of the arena: the first and how many. */
interface Run {
  readonly first: number;
  readonly count: number;
}

/**
 * One buffer, allocated when first needed, given out in runs of whole units (first fit). Its
 * pages stay the process's once touched, so a list decoded into a run let go by another is
 * written into memory already faulted in.
 */
class ListArena {
  private buffer?: ArrayBuffer;
  private readonly used: Uint8Array;

  constructor(
    bytes: number,
    private readonly unit: number,
  ) {
    this.used = new Uint8Array(Math.floor(bytes / unit));
  }

  /** Units a list of `bytes` takes; 0 when it is shorter than a unit or longer than the arena (not put there). */
  unitsFor(bytes: number): number {
    const count = Math.ceil(bytes / this.unit);
    return bytes < this.unit || count > this.used.length ? 0 : count;
  }

  /** A free run for `bytes`, marked used; undefined when there is none. */
  take(bytes: number): Run | undefined {
    const count = this.unitsFor(bytes);
    for (let first = 0, free = 0; count > 0 && first + free < this.used.length; ) {
      if (this.used[first + free] === 1) {
        first += free + 1;
        free = 0;
      } else if (++free === count) {
        this.used.fill(1, first, first + count);
        return { first, count };
      }
    }
    return undefined;
  }

  give(run: Run): void {
    this.used.fill(0, run.first, run.first + run.count);
  }

  clear(): void {
    this.used.fill(0);
  }

  /** The arrays of a list of `postings` in `run`: impacts first (8-byte aligned), then rowids. */
  arrays(run: Run, postings: number): PostingList {
    this.buffer ??= new ArrayBuffer(this.used.length * this.unit);
    const start = run.first * this.unit;
    return { frequencies: new Float64Array(this.buffer, start, postings), rows: new Int32Array(this.buffer, start + 8 * postings, postings) };
  }
}
