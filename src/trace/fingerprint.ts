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
import { ChunkCache, IntSink } from '../search/chunk-cache.ts';
import { isLight, wordForms } from './text.ts';

/** Bump when the shingling or hashing changes: stores rebuild their index when it differs. */
export const FINGERPRINT_VERSION = 6;

/**
 * Identifying words per shingle. Pairs, not triples: a quotation with one word changed keeps
 * more intact pairs, and the lookup weighs each pair by its rarity, so stock pairs of memcon
 * prose ("soviet union", "would like") found in thousands of passages rank little.
 */
export const SHINGLE_WORDS = 2;

/** FNV-1a offset basis and prime (32-bit). */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Chunks whose stem hashes are remembered at most; past that the cache starts again. */
const CHUNK_CACHE_LIMIT = 200_000;

// Hashes are signed 32-bit integers throughout, kept in typed arrays: an index build
// fingerprints every passage, and a JavaScript array would box each hash.
function stemHash(stem: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < stem.length; i++) hash = Math.imul(hash ^ stem.charCodeAt(i), FNV_PRIME);
  return hash | 0;
}

/** A pair's hash from its stems' hashes (order matters), mixed as MurmurHash3 finishes. */
function pairHash(first: number, second: number): number {
  let hash = Math.imul(first, 0xcc9e2d51) ^ second;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}

/**
 * The stems of the words that identify a text, in order. Only grammatical glue is left out
 * (articles, auxiliaries, common prepositions): memcon prose is full of pronouns and modals
 * ("he would like to support what the President had said"), and a quotation of it needs them
 * to be found.
 */
function contentStems(text: string): string[] {
  return wordForms(text).filter((form) => !isLight(form)).map((form) => form.stem);
}

const chunkHashes = new ChunkCache(CHUNK_CACHE_LIMIT);
/** Reused between calls (fingerprinting is synchronous): grown as texts need. */
const stemHashes = new IntSink();
let pairBuffer: Int32Array = new Int32Array(256);

/** The hashes of the content stems of one whitespace chunk, in order: what a text's fingerprints are made from, chunk by chunk. */
export function chunkStemHashes(chunk: string): Int32Array {
  return Int32Array.from(contentStems(chunk), stemHash);
}

/** The hashes of a text's content stems, in order; worked out once per whitespace chunk. Valid until the next call. */
function contentStemHashes(text: string): Int32Array {
  stemHashes.size = 0;
  if (!chunkHashes.append(text, stemHashes)) {
    chunkHashes.prepare([text], (chunks) => chunks.map(chunkStemHashes));
    chunkHashes.append(text, stemHashes);
  }
  return stemHashes.values.subarray(0, stemHashes.size);
}

/**
 * The fingerprints of a run of stem hashes (chunkStemHashes, chunk after chunk): one hash per run
 * of SHINGLE_WORDS stems (a text shorter than that hashes its words alone), distinct and ascending.
 */
export function fingerprintsOfStems(stems: Int32Array): Int32Array {
  if (stems.length < SHINGLE_WORDS) return stems.slice().sort();
  if (stems.length > pairBuffer.length) pairBuffer = withRoom(pairBuffer, stems.length);
  for (let i = 1; i < stems.length; i++) pairBuffer[i - 1] = pairHash(stems[i - 1] as number, stems[i] as number);
  const pairs = pairBuffer.subarray(0, stems.length - 1).sort();
  let distinct = 0;
  for (let i = 0; i < pairs.length; i++) if (i === 0 || pairs[i] !== pairs[i - 1]) pairs[distinct++] = pairs[i] as number;
  return pairs.slice(0, distinct);
}

/** A buffer of at least `needed`. */
function withRoom(buffer: Int32Array, needed: number): Int32Array {
  let length = buffer.length;
  while (length < needed) length *= 2;
  return new Int32Array(length);
}

/** The shingle hashes of a run of stems, distinct and ascending. */
export function shingleHashes(stems: readonly string[]): Int32Array {
  return fingerprintsOfStems(Int32Array.from(stems, stemHash));
}

/** A text's fingerprints: the hash of every pair of identifying words, distinct and ascending. */
export function fingerprints(text: string): Int32Array {
  return fingerprintsOfStems(contentStemHashes(text));
}
