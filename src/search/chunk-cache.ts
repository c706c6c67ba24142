/**
 * What each whitespace-separated chunk of text stands for (its index terms' ids, its stems'
 * hashes: a few integers), worked out once per distinct chunk and found again without cutting
 * the text into strings. Whitespace never falls inside a word for any tokenizer here, so a
 * text's words are its chunks' words; an archive repeats its chunks, so after a while nearly
 * every chunk is known. Finding a chunk hashes its characters in place and compares it where it
 * stands (`startsWith`), instead of splitting the text, which makes a string per chunk and
 * hashes it again in a Map; its integers are copied from one flat array into the caller's.
 *
 * ```ts
 * const cache = new ChunkCache(1000);
 * cache.prepare(['a bc a'], (chunks) => chunks.map((chunk) => [chunk.length]));
 * const sink = new IntSink();
 * cache.append('a bc a', sink); // sink.values.subarray(0, sink.size): 1, 2, 1
 * ```
 */
import { resized } from './postings/pair-table.ts';

const EMPTY = -1;
const INITIAL_BITS = 12;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** `\s` of JavaScript regular expressions. */
export function isWhitespace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** A growing run of integers that chunk values are appended to: `values[0 .. size)`. */
export class IntSink {
  values = new Int32Array(1024);
  size = 0;

  /** Room for `more` integers past `size`. */
  reserve(more: number): void {
    if (this.size + more <= this.values.length) return;
    const larger = new Int32Array(2 * (this.size + more));
    larger.set(this.values.subarray(0, this.size));
    this.values = larger;
  }
}

export class ChunkCache {
  private bits = INITIAL_BITS;
  /** Open addressing: each slot holds an entry number or EMPTY. */
  private slots = new Int32Array(1 << INITIAL_BITS).fill(EMPTY);
  private hashes: number[] = [];
  private chunks: string[] = [];
  /** Entry e's integers are store[starts[e] .. starts[e + 1]). */
  private store = new Int32Array(1 << INITIAL_BITS);
  private starts = new Int32Array(1 << INITIAL_BITS);
  // The chunk found by the last probe, read by the caller right after: a probe makes no object.
  private start = 0;
  private end = 0;
  private hash = 0;

  /** `limit`: chunks remembered at most; past that the cache starts again, so memory stays bounded. */
  constructor(private readonly limit: number) {}

  get size(): number {
    return this.chunks.length;
  }

  /**
   * Makes every chunk of `texts` known: the unknown ones, each once, are worked out in one call
   * (a tokenizer does a batch at a time). When they would pass the limit the cache starts
   * again first, so the chunks of these texts are all known afterwards.
   */
  prepare(texts: readonly string[], valuesOf: (chunks: readonly string[]) => readonly ArrayLike<number>[]): void {
    let unknown = this.unknown(texts);
    if (unknown.length === 0) return;
    if (this.chunks.length + unknown.length > this.limit) {
      this.clear();
      unknown = this.unknown(texts);
    }
    const values = valuesOf(unknown);
    unknown.forEach((chunk, index) => this.add(chunk, values[index] as ArrayLike<number>));
  }

  /** The distinct chunks of `texts` not yet known, in order of first sight. */
  private unknown(texts: readonly string[]): string[] {
    const unknown = new Set<string>();
    for (const text of texts) {
      for (let at = this.next(text, 0); at >= 0; at = this.next(text, this.end)) {
        if (this.find(text) === EMPTY) unknown.add(text.slice(this.start, this.end));
      }
    }
    return [...unknown];
  }

  /**
   * Appends the integers of every chunk of `text` to `sink`, in order; false if a chunk is
   * unknown (the sink is then left as it was).
   */
  append(text: string, sink: IntSink): boolean {
    const from = sink.size;
    for (let at = this.next(text, 0); at >= 0; at = this.next(text, this.end)) {
      const entry = this.find(text);
      if (entry === EMPTY) {
        sink.size = from;
        return false;
      }
      copyRun(this.store, this.starts[entry] as number, this.starts[entry + 1] as number, sink);
    }
    return true;
  }

  /**
   * As `append`, for a cache whose chunks each stand for two runs of integers, stored as one:
   * the first integer says how many of the rest go to `first`; the others go to `second`.
   */
  appendSplit(text: string, first: IntSink, second: IntSink): boolean {
    const firstFrom = first.size;
    const secondFrom = second.size;
    for (let at = this.next(text, 0); at >= 0; at = this.next(text, this.end)) {
      const entry = this.find(text);
      if (entry === EMPTY) {
        first.size = firstFrom;
        second.size = secondFrom;
        return false;
      }
      const start = (this.starts[entry] as number) + 1;
      const middle = start + (this.store[start - 1] as number);
      copyRun(this.store, start, middle, first);
      copyRun(this.store, middle, this.starts[entry + 1] as number, second);
    }
    return true;
  }

  /** Finds the chunk starting at or after `from`, hashing it; its start, or −1 when there is none. */
  private next(text: string, from: number): number {
    let at = from;
    while (at < text.length && isWhitespace(text.charCodeAt(at))) at += 1;
    if (at >= text.length) return -1;
    this.start = at;
    let hash = FNV_OFFSET;
    for (; at < text.length; at += 1) {
      const code = text.charCodeAt(at);
      if (isWhitespace(code)) break;
      hash = Math.imul(hash ^ code, FNV_PRIME);
    }
    this.end = at;
    this.hash = hash | 0;
    return this.start;
  }

  /** The entry of the chunk last found by `next`, or EMPTY. */
  private find(text: string): number {
    const mask = (1 << this.bits) - 1;
    const length = this.end - this.start;
    for (let slot = this.slotOf(this.hash); ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] as number;
      if (entry === EMPTY) return EMPTY;
      if (this.hashes[entry] === this.hash) {
        const chunk = this.chunks[entry] as string;
        if (chunk.length === length && text.startsWith(chunk, this.start)) return entry;
      }
    }
  }

  private add(chunk: string, values: ArrayLike<number>): void {
    this.next(chunk, 0);
    if (this.find(chunk) !== EMPTY) return;
    const entry = this.chunks.length;
    this.chunks.push(chunk);
    this.hashes.push(this.hash);
    if (entry + 2 > this.starts.length) this.starts = resized(this.starts, Math.max(entry + 2, 2 * this.starts.length));
    const start = this.starts[entry] as number;
    if (start + values.length > this.store.length) this.store = resized(this.store, Math.max(start + values.length, 2 * this.store.length));
    for (let at = 0; at < values.length; at += 1) this.store[start + at] = values[at] as number;
    this.starts[entry + 1] = start + values.length;
    if (2 * this.chunks.length > this.slots.length) this.grow();
    else this.place(entry);
  }

  private slotOf(hash: number): number {
    return Math.imul(hash, 0x9e3779b1) >>> (32 - this.bits);
  }

  private place(entry: number): void {
    const mask = (1 << this.bits) - 1;
    let slot = this.slotOf(this.hashes[entry] as number);
    while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask;
    this.slots[slot] = entry;
  }

  private grow(): void {
    this.bits += 1;
    this.slots = new Int32Array(1 << this.bits).fill(EMPTY);
    for (let entry = 0; entry < this.chunks.length; entry += 1) this.place(entry);
  }

  private clear(): void {
    this.bits = INITIAL_BITS;
    this.slots = new Int32Array(1 << INITIAL_BITS).fill(EMPTY);
    this.hashes = [];
    this.chunks = [];
    this.starts[0] = 0;
  }
}

/** Appends `store[start .. end)` to `sink`. */
function copyRun(store: Int32Array, start: number, end: number, sink: IntSink): void {
  sink.reserve(end - start);
  const { values } = sink;
  let size = sink.size;
  for (let at = start; at < end; at += 1) values[size++] = store[at] as number;
  sink.size = size;
}
