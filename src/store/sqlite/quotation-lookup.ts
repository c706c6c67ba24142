/**
 * Finds the passages a quotation may come from by its fingerprints (src/trace/fingerprint.ts):
 * each hash's passages list is read from the posting index (posting-index.ts builds them with
 * the search lists), and passages are ranked by the weight of the hashes they share.
 */
import type Database from 'better-sqlite3';
import { decodeRowids } from '../../search/postings/codec.ts';
import type { FingerprintHit } from '../store.ts';
import type { PostingIndex } from './posting-index.ts';
import { withoutNulls } from './rows.ts';

/** A hash stored for more passages than this is a stock phrase: it ranks nothing, so lookups skip it. */
export const MAX_POSTINGS_PER_HASH = 20_000;
/** Hash weights are summed as integers in these units, so passages sharing the same hashes tie exactly. */
const WEIGHT_UNIT = 1024;

// Private collections are filtered here, as everywhere in the store; a deleted passage's
// postings stay until the lists are rebuilt, and it has no row.
const PUBLIC_PASSAGE = `SELECT d.id AS doc_id, p.id AS passage_id, p.n, p.kind, p.text, p.page,
  p.speaker_id, p.speaker_name, d.title, d.date_start AS date, d.type
  FROM passages p JOIN documents d ON d.rowid = p.doc_rowid
  JOIN collections c ON c.id = d.collection_id AND c.private = 0 WHERE p.rowid = ?`;

/** A probe's distinct hashes looked up at most (a quotation has far fewer): keeps the ranking's sort keys exact. */
const MAX_PROBE_HASHES = 1024;

interface Candidate {
  rowid: number;
  weight: number;
  shared: number;
}

/** Passages found in any of `lists` (rowids, ascending), with their summed weight and how many lists hold each. */
export interface SharedPassages {
  readonly rowids: Int32Array;
  readonly weights: Float64Array;
  readonly shared: Int32Array;
  /** Indexes into the arrays above, best first: weight descending, then rowid ascending. */
  readonly order: Int32Array;
}

/**
 * Sums each passage's weight over the lists holding it, with typed arrays and two native sorts
 * rather than an object per passage: a stock phrase's lists hold thousands of passages each.
 * `weights` are integers, one per list.
 */
export function sharedPassages(lists: readonly Int32Array[], weights: readonly number[]): SharedPassages {
  // rowid × slots + list: sorted, one passage's entries are consecutive, in rowid order.
  const slots = 2 ** Math.ceil(Math.log2(lists.length + 1));
  const keys = new Float64Array(lists.reduce((sum, rows) => sum + rows.length, 0));
  let at = 0;
  lists.forEach((rows, list) => {
    for (let i = 0; i < rows.length; i += 1) keys[at++] = (rows[i] as number) * slots + list;
  });
  keys.sort();
  const rowids = new Int32Array(keys.length);
  const sums = new Float64Array(keys.length);
  const shared = new Int32Array(keys.length);
  let distinct = 0;
  for (let i = 0; i < keys.length; ) {
    const rowid = Math.floor((keys[i] as number) / slots);
    let sum = 0;
    let count = 0;
    for (; i < keys.length && Math.floor((keys[i] as number) / slots) === rowid; i += 1, count += 1) sum += weights[(keys[i] as number) % slots] as number;
    rowids[distinct] = rowid;
    sums[distinct] = sum;
    shared[distinct] = count;
    distinct += 1;
  }
  // (total − weight) × positions + position: ascending is weight descending, then rowid ascending.
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const positions = 2 ** Math.ceil(Math.log2(distinct + 1));
  const ranks = new Float64Array(distinct);
  for (let i = 0; i < distinct; i += 1) ranks[i] = (total - (sums[i] as number)) * positions + i;
  ranks.sort();
  return {
    rowids: rowids.subarray(0, distinct),
    weights: sums.subarray(0, distinct),
    shared: shared.subarray(0, distinct),
    order: Int32Array.from(ranks, (rank) => rank % positions),
  };
}

export class QuotationLookup {
  private readonly passage: Database.Statement;
  private readonly textLength: Database.Statement;

  /** `postings` gives the posting index brought up to date (as far as it can be) for each lookup. */
  constructor(
    db: Database.Database,
    private readonly postings: () => PostingIndex,
  ) {
    this.passage = db.prepare(PUBLIC_PASSAGE);
    this.textLength = db.prepare('SELECT octet_length(text) FROM passages WHERE rowid = ?').pluck();
  }

  /**
   * Passages sharing the most with the probe, best first, at most `limit`. Each shared hash
   * counts by its rarity (an inverse document frequency over its list), so "would like" shared
   * with hundreds of passages ranks below one rare pair of words. Passages sharing the same
   * hashes tie; among those sharing at least half the probe's weight the shortest comes first
   * (the quotation covers more of it, as bm25's length normalisation has it), then rowid order.
   */
  lookup(hashes: ArrayLike<number>, limit: number): FingerprintHit[] {
    const index = this.postings();
    const lists: Int32Array[] = [];
    const weights: number[] = [];
    for (const hash of [...new Set(Array.from(hashes))].slice(0, MAX_PROBE_HASHES)) {
      const { parts, postings } = index.quotationList(hash);
      if (postings === 0 || postings > MAX_POSTINGS_PER_HASH) continue;
      lists.push(decodeRowids(parts, postings));
      weights.push(Math.round(WEIGHT_UNIT * Math.log(1 + MAX_POSTINGS_PER_HASH / postings)));
    }
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    const found = sharedPassages(lists, weights);
    const candidate = (at: number): Candidate => {
      const i = found.order[at] as number;
      return { rowid: found.rowids[i] as number, weight: found.weights[i] as number, shared: found.shared[i] as number };
    };
    const hits: FingerprintHit[] = [];
    for (let start = 0; start < found.order.length && hits.length < limit; ) {
      const tied = [candidate(start)];
      while (start + tied.length < found.order.length && candidate(start + tied.length).weight === (tied[0] as Candidate).weight) {
        tied.push(candidate(start + tied.length));
      }
      if (tied.length > 1 && 2 * (tied[0] as Candidate).weight >= total) this.shortestFirst(tied);
      for (const { rowid, shared } of tied) {
        if (hits.length >= limit) break;
        const row = this.passage.get(rowid) as FingerprintHit | undefined;
        if (row) hits.push({ ...withoutNulls(row), shared });
      }
      start += tied.length;
    }
    return hits;
  }

  /** Orders tied candidates by their passage's length in bytes, then rowid; missing passages last. */
  private shortestFirst(tied: Candidate[]): void {
    const lengths = new Map(tied.map((candidate) => [candidate.rowid, (this.textLength.get(candidate.rowid) as number | undefined) ?? Infinity]));
    tied.sort((a, b) => (lengths.get(a.rowid) as number) - (lengths.get(b.rowid) as number) || a.rowid - b.rowid);
  }
}
