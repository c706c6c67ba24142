/**
 * Okapi BM25 as SQLite FTS5's bm25() computes it, so a query ranks the same whichever engine
 * answers it (src/search/postings or FTS5 itself): the same k1 and b, the same IDF floor, a
 * phrase's frequency weighted by column, and the document length counted over all columns.
 * Scores agree with FTS5's to rounding (their logarithms may differ in the last bit).
 */

const K1 = 1.2;
const B = 0.75;
/** FTS5 floors the IDF of a term in more than half the rows here, so it still counts a little. */
const IDF_FLOOR = 1e-6;

/** Inverse document frequency of a phrase found in `hits` of `rows` rows. */
export function inverseDocumentFrequency(rows: number, hits: number): number {
  const idf = Math.log((rows - hits + 0.5) / (hits + 0.5));
  return idf <= 0 ? IDF_FLOOR : idf;
}

/**
 * The part of the denominator that depends on the passage alone; computed once per passage
 * and kept, since every query needs it for every match.
 */
export function lengthNormalisation(tokens: number, averageTokens: number): number {
  return K1 * (1 - B + (B * tokens) / averageTokens);
}

/**
 * What one phrase found `frequency` times in a passage adds to its score per unit of idf: the
 * phrase's contribution is idf × impact, the same product FTS5 computes. Depending on the
 * passage only, it is computed once per posting when a list is decoded.
 */
export function termImpact(frequency: number, normalisation: number): number {
  return (frequency * (K1 + 1)) / (frequency + normalisation);
}
