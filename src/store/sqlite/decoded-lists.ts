/**
 * Decoded posting lists, scored per posting (bm25.ts termImpact), kept between searches, least
 * recently used first out, within a memory budget. Decoding is the largest cost of a common word (a third of a million postings take a
 * few milliseconds); words people search come back, and the same word is often searched again
 * with a filter or a facet chosen. Kept lists belong to one state of the archive and are
 * dropped when it changes.
 */
import { lengthNormalisation, termImpact } from '../../search/postings/bm25.ts';
import { decodePostings, type ColumnWeights } from '../../search/postings/codec.ts';
import type { ScoredList } from '../../search/postings/evaluate.ts';
import type { PassageMap } from './passage-map.ts';
import type { PostingIndex } from './posting-index.ts';

/** Bytes of decoded lists kept at most (16 bytes a posting: about 3M postings). */
export const DECODED_LIST_BUDGET = 48 * 1024 * 1024;

export interface DecodedList {
  readonly list: ScoredList;
  /** Live passages in the list: bm25's document frequency. */
  readonly hits: number;
}

export class DecodedLists {
  private fingerprint = '';
  private bytes = 0;
  private readonly kept = new Map<string, DecodedList>();

  constructor(
    private readonly postings: PostingIndex,
    private readonly weights: ColumnWeights,
    private readonly budget = DECODED_LIST_BUDGET,
  ) {}

  /** The list of `key`, scored with each passage's token count (by rowid) and the mean, for `map`. */
  get(key: string, map: PassageMap, lengths: { tokens: Uint32Array; averageTokens: number }): DecodedList {
    if (map.fingerprint !== this.fingerprint) {
      this.kept.clear();
      this.bytes = 0;
      this.fingerprint = map.fingerprint;
    }
    let decoded = this.kept.get(key);
    if (decoded) {
      // Re-inserted so Map order stays least recently used first.
      this.kept.delete(key);
      this.kept.set(key, decoded);
      return decoded;
    }
    const { parts, postings } = this.postings.list(key);
    const { rows, frequencies } = decodePostings(parts, this.weights, postings);
    // One pass reads what each posting's passage needs by rowid; impacts replace frequencies in place.
    const impacts = frequencies;
    const documentOf = new Int32Array(rows.length);
    const { tokens, averageTokens } = lengths;
    const documents = map.documentOf;
    let dead = 0;
    for (let at = 0; at < rows.length; at += 1) {
      const rowid = rows[at] as number;
      impacts[at] = termImpact(frequencies[at] as number, lengthNormalisation(tokens[rowid] ?? 0, averageTokens));
      const document = documents[rowid] ?? 0;
      documentOf[at] = document;
      dead += document === 0 ? 1 : 0;
    }
    const hits = rows.length - dead;
    decoded = { list: { rows, impacts, documentOf }, hits };
    const size = sizeOf(decoded);
    if (size <= this.budget) {
      this.kept.set(key, decoded);
      this.bytes += size;
      for (const [oldest, entry] of this.kept) {
        if (this.bytes <= this.budget) break;
        this.kept.delete(oldest);
        this.bytes -= sizeOf(entry);
      }
    }
    return decoded;
  }
}

function sizeOf(decoded: DecodedList): number {
  return decoded.list.rows.byteLength + decoded.list.impacts.byteLength + decoded.list.documentOf.byteLength;
}
