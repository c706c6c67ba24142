/**
 * Quotation fingerprints: the lookup structure that finds the passage a quotation came from
 * without a full-text query. A text is reduced to its identifying words (grammatical glue
 * dropped, stems kept), cut into overlapping word pairs, and each pair hashed. A passage and a
 * quotation are fingerprinted alike, so any two identifying words in a row that they share
 * are a hit: dropped articles, changed tense or one substituted word still leave hits. Every
 * pair is kept, not a winnowed sample: passages that share a sentence are told apart only by
 * the pairs that cross into their neighbouring sentences, which a sample would often drop.
 *
 * ```ts
 * const stored = fingerprints('The President said that the Soviet Union must reduce its missiles.');
 * const probe = fingerprints('the Soviet Union must reduce missiles');
 * probe.every((hash) => stored.includes(hash)); // true
 * ```
 */
import { isLight, wordForms } from './text.ts';

/** Bump when the shingling or hashing changes: stores rebuild their index when it differs. */
export const FINGERPRINT_VERSION = 5;

/**
 * Identifying words per shingle. Pairs, not triples: a quotation with one word changed keeps
 * more intact pairs, and the lookup weighs each pair by its rarity, so stock pairs of memcon
 * prose ("soviet union", "would like") found in thousands of passages rank little.
 */
export const SHINGLE_WORDS = 2;

/** FNV-1a offset basis and prime (32-bit). */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

const SPACE = 0x20;

/** FNV-1a of the stems from `start` to `end` joined by spaces, without joining them. */
function hashWords(stems: readonly string[], start: number, end: number): number {
  let hash = FNV_OFFSET;
  for (let w = start; w < end; w++) {
    if (w > start) hash = Math.imul(hash ^ SPACE, FNV_PRIME);
    const stem = stems[w] as string;
    for (let i = 0; i < stem.length; i++) hash = Math.imul(hash ^ stem.charCodeAt(i), FNV_PRIME);
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
  return wordForms(text).filter((form) => !isLight(form)).map((form) => form.stem);
}

/** One hash per run of SHINGLE_WORDS stems; a text shorter than that hashes its words alone. */
export function shingleHashes(stems: readonly string[]): number[] {
  if (stems.length < SHINGLE_WORDS) return stems.map((_, i) => hashWords(stems, i, i + 1));
  const hashes: number[] = [];
  for (let i = 0; i + SHINGLE_WORDS <= stems.length; i++) hashes.push(hashWords(stems, i, i + SHINGLE_WORDS));
  return hashes;
}

/** A text's fingerprints: the hash of every pair of identifying words, once each. */
export function fingerprints(text: string): number[] {
  return [...new Set(shingleHashes(contentStems(text)))];
}
