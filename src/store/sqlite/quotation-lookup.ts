/**
 * Finds the passages a quotation may come from by its fingerprints (src/trace/fingerprint.ts):
 * each hash's passages list is read from the posting index (posting-index.ts builds them with
 * the search lists), and passages are ranked by the weight of the hashes they share. Passages
 * sharing the same hashes tie; the quotation's rarer words, read from the search lists, tell
 * them apart.
 */
import type Database from 'better-sqlite3';
import { FIELD_WEIGHTS } from '../../search/compile/fts5-compiler.ts';
import { IntSink } from '../../search/chunk-cache.ts';
import { decodePostings, decodeRowids, type PostingList } from '../../search/postings/codec.ts';
import { resized } from '../../search/postings/pair-table.ts';
import type { FingerprintHit } from '../store.ts';
import type { PostingIndex } from './posting-index.ts';
import { withoutNulls } from './rows.ts';

/** A hash stored for more passages than this is a stock phrase: it ranks nothing, so lookups skip it. */
const MAX_POSTINGS_PER_HASH = 20_000;
/**
 * Words read to break a tie between passages sharing the same fingerprints: a word held by more
 * passages than this tells few of them apart and costs more to read (its list is decoded whole).
 * At 100,000 generated passages, 3,000 broke as many ties right as 20,000 in two-thirds the time.
 */
const MAX_POSTINGS_PER_WORD = 3_000;
/** Hash weights are summed as integers in these units, so passages sharing the same hashes tie exactly. */
const WEIGHT_UNIT = 1024;

// Private collections are filtered here, as everywhere in the store; a deleted passage's
// postings stay until the lists are rebuilt, and it has no row.
const PUBLIC_PASSAGE = `SELECT d.id AS doc_id, p.id AS passage_id, p.n, p.kind, p.text, p.page,
  p.speaker_id, p.speaker_name, d.title, d.date_start AS date, d.type
  FROM passages p JOIN documents d ON d.rowid = p.doc_rowid
  JOIN collections c ON c.id = d.collection_id AND c.private = 0 WHERE p.rowid = ?`;

interface Candidate {
  rowid: number;
  weight: number;
  shared: number;
}

/** A list's weight in WEIGHT_UNITs by its rarity: an inverse document frequency over its postings. */
function rarityWeight(postings: number): number {
  return Math.round(WEIGHT_UNIT * Math.log(1 + MAX_POSTINGS_PER_HASH / postings));
}

/**
 * What passages share with one probe, summed by rowid in arrays kept from lookup to lookup (a
 * common pair's list holds thousands of passages; an object per passage would be made and
 * dropped lookup after lookup), cleared where the last lookup wrote.
 */
class Tally {
  private weights = new Int32Array(0);
  private shared = new Int32Array(0);
  private readonly touched = new IntSink();

  start(): this {
    const { values, size } = this.touched;
    for (let at = 0; at < size; at += 1) {
      const rowid = values[at] as number;
      this.weights[rowid] = 0;
      this.shared[rowid] = 0;
    }
    this.touched.size = 0;
    return this;
  }

  add(rowid: number, weight: number): void {
    if (rowid >= this.weights.length) {
      const length = Math.max(rowid + 1, 2 * this.weights.length);
      this.weights = resized(this.weights, length);
      this.shared = resized(this.shared, length);
    }
    if (this.shared[rowid] === 0) {
      this.touched.reserve(1);
      this.touched.values[this.touched.size++] = rowid;
    }
    this.weights[rowid] = (this.weights[rowid] as number) + weight;
    this.shared[rowid] = (this.shared[rowid] as number) + 1;
  }

  sharedBy(rowid: number): number {
    return this.shared[rowid] as number;
  }

  weightOf(rowid: number): number {
    return this.weights[rowid] as number;
  }

  /** The passages touched, best last: by weight, and among equals the lower rowid after the higher. */
  ranked(): Int32Array {
    const { weights } = this;
    const rowids = this.touched.values.slice(0, this.touched.size);
    // Weight and rowid packed into one number sort natively; past what a double holds exactly, pair by pair.
    const span = 2 ** Math.ceil(Math.log2(weights.length + 1));
    const highest = rowids.reduce((most, rowid) => Math.max(most, weights[rowid] as number), 0);
    if ((highest + 1) * span > Number.MAX_SAFE_INTEGER) return rowids.sort((a, b) => (weights[a] as number) - (weights[b] as number) || b - a);
    const keys = Float64Array.from(rowids, (rowid) => (weights[rowid] as number) * span + (span - 1 - rowid)).sort();
    keys.forEach((key, at) => (rowids[at] = span - 1 - (key % span)));
    return rowids;
  }
}

export class QuotationLookup {
  private readonly passage: Database.Statement;
  private readonly textLength: Database.Statement;
  private readonly tally = new Tally();
  /** Where a word's list is decoded: lists longer than MAX_POSTINGS_PER_WORD are never read. */
  private wordList?: PostingList;

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
   * hashes tie. When the limit cuts through a tie, with the quotation's `text`, tied passages
   * holding more of its rare words come first: when changed words break every pair that reached
   * into the next sentence, a passage is told from the others that hold the same sentence by the
   * single words it still shares. Then, among those sharing at least half the probe's weight,
   * the shortest comes first (the quotation covers more of it, as bm25's length normalisation
   * has it), then rowid order.
   */
  lookup(hashes: ArrayLike<number>, limit: number, text?: string): FingerprintHit[] {
    const index = this.postings();
    const tally = this.tally.start();
    let total = 0;
    const probe = new Set(Array.from(hashes));
    for (const hash of probe) {
      const { parts, postings } = index.quotationList(hash, MAX_POSTINGS_PER_HASH);
      if (postings === 0 || postings > MAX_POSTINGS_PER_HASH) continue;
      const weight = rarityWeight(postings);
      total += weight;
      for (const rowid of decodeRowids(parts, postings)) tally.add(rowid, weight);
    }
    const ranked = tally.ranked();
    const hits: FingerprintHit[] = [];
    for (let start = ranked.length - 1; start >= 0 && hits.length < limit; ) {
      // Read from the end, best first; a tie comes out in rowid order.
      const weight = tally.weightOf(ranked[start] as number);
      let end = start - 1;
      while (end >= 0 && tally.weightOf(ranked[end] as number) === weight) end -= 1;
      const tied: Candidate[] = [];
      for (let at = start; at > end; at -= 1) {
        const rowid = ranked[at] as number;
        tied.push({ rowid, weight, shared: tally.sharedBy(rowid) });
      }
      if (tied.length > 1) {
        // Words are read only when they can decide which of the tied are kept: passages sharing every
        // fingerprint hold every identifying word of the quotation, and a tie within the limit keeps all.
        const decisive = text !== undefined && (tied[0] as Candidate).shared < probe.size && hits.length + tied.length > limit;
        this.breakTie(tied, decisive ? this.wordWeights(index, text, tied) : undefined, 2 * (tied[0] as Candidate).weight >= total);
      }
      for (const candidate of tied) {
        if (hits.length >= limit) break;
        const row = this.passage.get(candidate.rowid) as FingerprintHit | undefined;
        if (row) hits.push({ ...withoutNulls(row), shared: candidate.shared });
      }
      start = end;
    }
    return hits;
  }

  /**
   * Orders tied candidates by the weight of the quotation's words they hold (`words`, by rowid),
   * then, when `shortestFirst`, by their passage's length in bytes (missing passages last), then rowid.
   */
  private breakTie(tied: Candidate[], words: ReadonlyMap<number, number> | undefined, shortestFirst: boolean): void {
    const lengths = shortestFirst
      ? new Map(tied.map((candidate) => [candidate.rowid, (this.textLength.get(candidate.rowid) as number | undefined) ?? Infinity]))
      : undefined;
    tied.sort(
      (a, b) =>
        (words ? (words.get(b.rowid) as number) - (words.get(a.rowid) as number) : 0) ||
        (lengths ? (lengths.get(a.rowid) as number) - (lengths.get(b.rowid) as number) : 0) ||
        a.rowid - b.rowid,
    );
  }

  /**
   * The weight of the text's words each of the tied candidates (in rowid order) holds, by rowid:
   * each index term of at most MAX_POSTINGS_PER_WORD postings counts by its rarity.
   */
  private wordWeights(index: PostingIndex, text: string, tied: readonly Candidate[]): Map<number, number> {
    const held = new Float64Array(tied.length);
    this.wordList ??= { rows: new Int32Array(MAX_POSTINGS_PER_WORD), frequencies: new Float64Array(MAX_POSTINGS_PER_WORD) };
    for (const term of new Set(index.termsOf(text))) {
      const { parts, postings } = index.list(term, MAX_POSTINGS_PER_WORD);
      if (postings === 0 || postings > MAX_POSTINGS_PER_WORD) continue;
      const weight = rarityWeight(postings);
      const { rows } = decodePostings(parts, FIELD_WEIGHTS, postings, this.wordList);
      // Both ascending: one merge finds the candidates holding the word.
      for (let i = 0, j = 0; i < rows.length && j < tied.length; ) {
        const rowid = rows[i] as number;
        const candidate = (tied[j] as Candidate).rowid;
        if (rowid < candidate) i += 1;
        else if (rowid > candidate) j += 1;
        else {
          held[j] = (held[j] as number) + weight;
          i += 1;
          j += 1;
        }
      }
    }
    return new Map(tied.map((candidate, j) => [candidate.rowid, held[j] as number]));
  }
}
