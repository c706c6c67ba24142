/**
 * Quotation fingerprints: the lookup structure that finds the passage a quotation came from
 * without a full-text query. A passage is reduced to its identifying words (grammatical glue
 * dropped, stems kept), cut into overlapping word shingles, and each shingle hashed; winnowing keeps the
 * smallest hash of every window, so a passage stores about 2/(WINNOW_WINDOW+1) of its
 * shingles and any run of WINNOW_WINDOW + SHINGLE_WORDS - 1 identifying words it shares with a
 * quotation is guaranteed to share a stored hash. A quotation is looked up with all of its
 * shingles, so dropped articles, changed tense or one substituted word still leave hits.
 *
 * ```ts
 * const stored = passageFingerprints('The President said that the Soviet Union must reduce its missiles.');
 * const probe = quotationFingerprints('the Soviet Union must reduce missiles');
 * probe.some((hash) => stored.includes(hash)); // true
 * ```
 */
import { isLight, tokenize } from './text.ts';

/** Bump when the shingling or hashing changes: stores rebuild their index when it differs. */
export const FINGERPRINT_VERSION = 4;

/**
 * Identifying words per shingle. Pairs, not triples: a quotation with one word changed keeps
 * more intact pairs, and the lookup weighs each pair by its rarity, so stock pairs of memcon
 * prose ("soviet union", "would like") found in thousands of passages rank little.
 */
export const SHINGLE_WORDS = 2;

/** Winnowing window: stores ~40% of shingles and guarantees a hit for 5 shared identifying words in a row. */
export const WINNOW_WINDOW = 4;

/** FNV-1a offset basis and prime (32-bit). */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnv1a(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

/**
 * The stems of the words that identify a text, in order. Only grammatical glue is left out
 * (articles, auxiliaries, common prepositions): memcon prose is full of pronouns and modals
 * ("he would like to support what the President had said"), and a quotation of it needs them
 * to be found.
 */
export function contentStems(text: string): string[] {
  return tokenize(text).filter((token) => !isLight(token)).map((token) => token.stem);
}

/** One hash per run of SHINGLE_WORDS stems; a text shorter than that hashes its words alone. */
export function shingleHashes(stems: readonly string[]): number[] {
  if (stems.length < SHINGLE_WORDS) return stems.map((stem) => fnv1a(stem));
  const hashes: number[] = [];
  for (let i = 0; i + SHINGLE_WORDS <= stems.length; i++) {
    hashes.push(fnv1a(stems.slice(i, i + SHINGLE_WORDS).join(' ')));
  }
  return hashes;
}

/**
 * Robust winnowing (Schleimer, Wilkerson and Aiken 2003): the minimum of every window of
 * `window` hashes, the rightmost on ties, each selected position recorded once.
 */
export function winnow(hashes: readonly number[], window = WINNOW_WINDOW): number[] {
  if (hashes.length <= window) return hashes.length === 0 ? [] : [Math.min(...hashes)];
  const selected: number[] = [];
  let lastPosition = -1;
  for (let start = 0; start + window <= hashes.length; start++) {
    let minPosition = start;
    for (let i = start + 1; i < start + window; i++) {
      if ((hashes[i] as number) <= (hashes[minPosition] as number)) minPosition = i;
    }
    if (minPosition !== lastPosition) {
      selected.push(hashes[minPosition] as number);
      lastPosition = minPosition;
    }
  }
  return selected;
}

function unique(hashes: readonly number[]): number[] {
  return [...new Set(hashes)];
}

/** What the index stores for a passage: its winnowed shingle hashes, once each. */
export function passageFingerprints(text: string): number[] {
  return unique(winnow(shingleHashes(contentStems(text))));
}

/** What a quotation is looked up by: every shingle hash, once each. */
export function quotationFingerprints(text: string): number[] {
  return unique(shingleHashes(contentStems(text)));
}
