/**
 * A quotation as a query: for finding the passage a quote (possibly cut, possibly with words
 * changed by translation or retelling) comes from. An exact phrase would miss any altered
 * quote, and ANDing its words would too, so its distinctive words are ORed and bm25 ranks
 * passages sharing the most (and rarest) of them first.
 */

/**
 * Words too common to tell passages apart: leaving them out keeps the OR from touching most
 * of the index. English only, the language of the archive so far.
 */
const STOPWORDS = new Set(
  ('a an and are as at be but by for from had has have he her his i if in into is it its me my no not of on or our ' +
    'she so that the their them then there these they this to was we were what when which who will with would you your')
    .split(' '),
);

/** Quotes longer than this many distinct words are cut: the rest adds cost, not precision. */
export const MAX_QUOTE_WORDS = 32;

const REGEXPS = {
  word: /[\p{L}\p{N}]+/gu,
};

/** The query-language string for a quotation: its distinctive words, each quoted, ORed. */
export function quoteQuery(quote: string): string | undefined {
  const words: string[] = [];
  const seen = new Set<string>();
  for (const [word] of quote.matchAll(REGEXPS.word)) {
    const key = word.toLowerCase();
    if (STOPWORDS.has(key) || seen.has(key)) continue;
    seen.add(key);
    words.push(`"${word}"`);
    if (words.length === MAX_QUOTE_WORDS) break;
  }
  return words.length > 0 ? words.join(' OR ') : undefined;
}
