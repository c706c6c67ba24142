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
const MAX_POSTINGS_PER_HASH = 20_000;
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
    const candidates = new Map<number, Candidate>();
    let total = 0;
    for (const hash of new Set(Array.from(hashes))) {
      const { parts, postings } = index.quotationList(hash);
      if (postings === 0 || postings > MAX_POSTINGS_PER_HASH) continue;
      const weight = Math.round(WEIGHT_UNIT * Math.log(1 + MAX_POSTINGS_PER_HASH / postings));
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
      if (tied.length > 1 && 2 * (tied[0] as Candidate).weight >= total) this.shortestFirst(tied);
      for (const candidate of tied) {
        if (hits.length >= limit) break;
        const row = this.passage.get(candidate.rowid) as FingerprintHit | undefined;
        if (row) hits.push({ ...withoutNulls(row), shared: candidate.shared });
      }
      start = end;
    }
    return hits;
  }

  /** Orders tied candidates by their passage's length in bytes, then rowid; missing passages last. */
  private shortestFirst(tied: Candidate[]): void {
    const lengths = new Map(tied.map((candidate) => [candidate.rowid, (this.textLength.get(candidate.rowid) as number | undefined) ?? Infinity]));
    tied.sort((a, b) => (lengths.get(a.rowid) as number) - (lengths.get(b.rowid) as number) || a.rowid - b.rowid);
  }
}
