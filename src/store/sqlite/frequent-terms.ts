/**
 * Top-k for the words that are slow: single-word queries of the most frequent index terms,
 * answered from results computed once per passage map.
 *
 * Ranking with bm25 scores every matching passage, so a word in a third of a million passages
 * costs a few hundred milliseconds however few results are shown — and the facets need every
 * match anyway. When a single-word search matches at least FREQUENT_PASSAGES passages, the
 * first CACHED_DOCUMENTS documents of its full result in relevance order are kept with the
 * totals and facets; the same word searched again then costs an array slice. The kept results are exactly those of the full path (same SQL,
 * same grouping, same order), and they are dropped with the passage map when the archive
 * changes; a page beyond them, another sort, or any other query takes the full path.
 *
 * Which term a word searches is decided by the index's own tokenizer (porter stemming,
 * folding), asked through an in-memory FTS5 table with the same tokenizer declaration, so the
 * cache is never consulted with a stem the index would not have produced.
 */
import Database from 'better-sqlite3';
import type { FacetName } from '../../search/types.ts';

/** Terms matching at least this many passages have their results kept (below, the full path is fast). */
export const FREQUENT_PASSAGES = 10_000;
/** The threshold in force; tests lower it to exercise the cache on a small archive. */
export const frequentTuning = { passages: FREQUENT_PASSAGES };
/** Documents kept per term, in relevance order: deep enough for any page a person reads. */
export const CACHED_DOCUMENTS = 500;

export interface FrequentResult {
  /** Per kept document, in relevance order: index into the passage map, score, best passage rowid, matching passages. */
  documents: Int32Array;
  scores: Float64Array;
  passages: Float64Array;
  counts: Int32Array;
  total: number;
  totalPassages: number;
  facets: Record<FacetName, Record<string, number>>;
}

const REGEXPS = {
  /** The tokenize option of the index's declaration. */
  tokenize: /tokenize\s*=\s*('(?:[^']|'')*')/i,
};

/** The index term a single word becomes, asked of FTS5 itself. */
export class TermProbe {
  private readonly probe: Database.Database;
  private readonly insert: Database.Statement;
  private readonly terms: Database.Statement;
  private readonly clear: Database.Statement;
  private readonly known = new Map<string, string[]>();

  /** `tokenize` is the index's tokenize option as declared (a quoted SQL string). */
  constructor(tokenize: string) {
    this.probe = new Database(':memory:');
    this.probe.exec(`CREATE VIRTUAL TABLE probe USING fts5(w, tokenize = ${tokenize});
      CREATE VIRTUAL TABLE probe_terms USING fts5vocab(probe, 'row');`);
    this.insert = this.probe.prepare('INSERT INTO probe (rowid, w) VALUES (1, ?)');
    this.terms = this.probe.prepare('SELECT term FROM probe_terms').pluck();
    this.clear = this.probe.prepare('DELETE FROM probe');
  }

  /** Every index term `text` tokenizes to. */
  termsOf(text: string): string[] {
    let terms = this.known.get(text);
    if (!terms) {
      this.insert.run(text);
      terms = this.terms.all() as string[];
      this.clear.run();
      this.known.set(text, terms);
    }
    return terms;
  }

  /** The one index term of a one-term text, else undefined. */
  termOf(text: string): string | undefined {
    const terms = this.termsOf(text);
    return terms.length === 1 ? terms[0] : undefined;
  }
}

/** The tokenize declaration of passages_fts, read from the schema so the probe never drifts from it. */
export function indexTokenizer(db: Database.Database): string {
  const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'passages_fts'").pluck().get() as string | undefined;
  const declared = sql ? REGEXPS.tokenize.exec(sql)?.[1] : undefined;
  if (!declared) throw new Error('passages_fts has no tokenize declaration');
  return declared;
}
