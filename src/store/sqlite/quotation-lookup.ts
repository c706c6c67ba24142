/**
 * Finds the passages a quotation may come from by its fingerprints (src/trace/fingerprint.ts):
 * each hash's passages list is read from the posting index (posting-index.ts builds them with
 * the search lists), and passages are ranked by the weight of the hashes they share. Passages
 * sharing the same hashes tie; the quotation's rarer words, read from the search lists, tell
 * them apart.
 */
import type Database from 'better-sqlite3';
import { FIELD_WEIGHTS } from '../../search/compile/fts5-compiler.ts';
import { decodePostings, decodeRowids, type PostingList } from '../../search/postings/codec.ts';
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

export class QuotationLookup {
  private readonly passage: Database.Statement;
  private readonly textLength: Database.Statement;
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
    const candidates = new Map<number, Candidate>();
    let total = 0;
    const probe = new Set(Array.from(hashes));
    for (const hash of probe) {
      const { parts, postings } = index.quotationList(hash, MAX_POSTINGS_PER_HASH);
      if (postings === 0 || postings > MAX_POSTINGS_PER_HASH) continue;
      const weight = rarityWeight(postings);
      total += weight;
      for (const rowid of decodeRowids(parts, postings)) {
        const candidate = candidates.get(rowid);
        if (candidate) {
          candidate.weight += weight;
          candidate.shared += 1;
        } else candidates.set(rowid, { rowid, weight, shared: 1 });
      }
    }
    const ranked = [...candidates.values()].sort((a, b) => b.weight - a.weight || a.rowid - b.rowid);
    const hits: FingerprintHit[] = [];
    for (let start = 0; start < ranked.length && hits.length < limit; ) {
      let end = start + 1;
      while (end < ranked.length && (ranked[end] as Candidate).weight === (ranked[start] as Candidate).weight) end += 1;
      const tied = ranked.slice(start, end);
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
