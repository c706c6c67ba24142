/**
 * Small lists stored together. Most keys of a segment (pairs of words, quotation fingerprints)
 * occur in a passage or two, and their encoded lists are a few bytes: a table row each cost
 * more to write than the rest of the segment, and nine rows in ten of a small archive's lists
 * were such. So a segment's lists of at most BUNDLED_LIST_BYTES share BUNDLES rows, a key's
 * bundle chosen by a hash of the key; reading a key's list reads its own rows and its bundle's.
 *
 * A bundle is its entries end to end, each
 *
 *   key length (1 byte), key bytes, postings (1 byte), list length (1 byte), list bytes
 *
 * Every posting takes at least a byte, so a bundled list's postings fit in a byte too.
 */
import { grown } from './pair-table.ts';

/** The longest list (in bytes) stored in a bundle rather than in a row of its own. */
export const BUNDLED_LIST_BYTES = 64;
/** Bundles per segment (a power of two). */
export const BUNDLES = 2048;
const MAX_KEY_BYTES = 255;

const utf8 = new TextEncoder();

/**
 * How keys of one kind become bytes: alone, to look one up, and written into a buffer, so a
 * segment's many keys are bundled without an array each.
 */
export interface KeyBytes<K> {
  of(key: K): Uint8Array;
  /** The most bytes `write` may take for `key`. */
  room(key: K): number;
  /** Writes the bytes of `key` into `into` at `at`; returns where they end. */
  write(key: K, into: Uint8Array, at: number): number;
}

/** Text keys (terms, and pairs of terms): UTF-8. */
export const TEXT_KEYS: KeyBytes<string> = {
  of: (key) => utf8.encode(key),
  room: (key) => 3 * key.length,
  write: (key, into, at) => at + utf8.encodeInto(key, into.subarray(at)).written,
};

/** Integer keys (quotation fingerprints): four bytes, little-endian. */
export const HASH_KEYS: KeyBytes<number> = {
  of: (hash) => {
    const bytes = new Uint8Array(4);
    HASH_KEYS.write(hash, bytes, 0);
    return bytes;
  },
  room: () => 4,
  write: (hash, into, at) => {
    for (let byte = 0; byte < 4; byte += 1) into[at + byte] = (hash >>> (8 * byte)) & 0xff;
    return at + 4;
  },
};

/** The bundle of the key in `bytes[from .. to)` (FNV-1a, so a key always lands in the same bundle). */
export function bundleOf(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let hash = 0x811c9dc5;
  for (let at = from; at < to; at += 1) hash = Math.imul(hash ^ (bytes[at] as number), 0x01000193);
  return (hash >>> 0) & (BUNDLES - 1);
}

/** Collects one segment's small lists into their bundles: entries are written end to end as they come, then sorted by bundle. */
export class BundleWriter<K> {
  private data = new Uint8Array(1 << 12);
  private size = 0;
  private starts = new Int32Array(256);
  private bundles = new Int32Array(256);
  private count = 0;

  constructor(private readonly keys: KeyBytes<K>) {}

  /** Takes the list of `key` into its bundle if it is small enough; false if it needs a row of its own. */
  add(key: K, postings: number, list: Uint8Array): boolean {
    if (list.length > BUNDLED_LIST_BYTES) return false;
    this.reserve(3 + this.keys.room(key) + list.length);
    const start = this.size;
    const end = this.keys.write(key, this.data, start + 1);
    if (end - start - 1 > MAX_KEY_BYTES) return false;
    this.data[start] = end - start - 1;
    this.data[end] = postings;
    this.data[end + 1] = list.length;
    this.data.set(list, end + 2);
    this.size = end + 2 + list.length;
    if (this.count === this.starts.length) [this.starts, this.bundles] = [grown(this.starts), grown(this.bundles)];
    this.starts[this.count] = start;
    this.bundles[this.count] = bundleOf(this.data, start + 1, end);
    this.count += 1;
    return true;
  }

  /** Calls `each` once per non-empty bundle, in bundle order; entries keep the order they were added in. */
  forEach(each: (bundle: number, data: Uint8Array) => void): void {
    const { count, starts, bundles } = this;
    const sizeOf = (entry: number) => (entry + 1 < count ? (starts[entry + 1] as number) : this.size) - (starts[entry] as number);
    const ends = new Int32Array(BUNDLES);
    for (let entry = 0; entry < count; entry += 1) {
      const bundle = bundles[entry] as number;
      ends[bundle] = (ends[bundle] as number) + sizeOf(entry);
    }
    for (let bundle = 1; bundle < BUNDLES; bundle += 1) ends[bundle] = (ends[bundle] as number) + (ends[bundle - 1] as number);
    const sorted = new Uint8Array(this.size);
    // Filled back to front, so each bundle's entries keep their order.
    const cursors = ends.slice();
    for (let entry = count - 1; entry >= 0; entry -= 1) {
      const bundle = bundles[entry] as number;
      const start = starts[entry] as number;
      const at = (cursors[bundle] as number) - sizeOf(entry);
      cursors[bundle] = at;
      sorted.set(this.data.subarray(start, start + sizeOf(entry)), at);
    }
    for (let bundle = 0, start = 0; bundle < BUNDLES; bundle += 1) {
      const end = ends[bundle] as number;
      if (end > start) each(bundle, sorted.subarray(start, end));
      start = end;
    }
  }

  private reserve(bytes: number): void {
    if (this.size + bytes <= this.data.length) return;
    let length = this.data.length * 2;
    while (this.size + bytes > length) length *= 2;
    const larger = new Uint8Array(length);
    larger.set(this.data.subarray(0, this.size));
    this.data = larger;
  }
}

/** Calls `each` with every entry of a bundle; the arrays given are views into `data`. */
export function forEachBundled(data: Uint8Array, each: (key: Uint8Array, postings: number, list: Uint8Array) => void): void {
  for (let at = 0; at < data.length; at = listEnd(data, keyEnd(data, at))) {
    const end = keyEnd(data, at);
    each(data.subarray(at + 1, end), data[end] as number, data.subarray(end + 2, listEnd(data, end)));
  }
}

/** The list of `key` in a bundle, if it is there. */
export function findBundled(data: Uint8Array, key: Uint8Array): { postings: number; list: Uint8Array } | undefined {
  for (let at = 0; at < data.length; at = listEnd(data, keyEnd(data, at))) {
    const end = keyEnd(data, at);
    if (end - at - 1 === key.length && sameBytes(data, at + 1, key)) return { postings: data[end] as number, list: data.subarray(end + 2, listEnd(data, end)) };
  }
  return undefined;
}

/** Where the key of the entry at `at` ends: its postings byte, then its list's length. */
function keyEnd(data: Uint8Array, at: number): number {
  return at + 1 + (data[at] as number);
}

/** Where the list of the entry whose key ends at `end` ends: the next entry's start. */
function listEnd(data: Uint8Array, end: number): number {
  return end + 2 + (data[end + 1] as number);
}

function sameBytes(data: Uint8Array, from: number, key: Uint8Array): boolean {
  for (let at = 0; at < key.length; at += 1) if (data[from + at] !== key[at]) return false;
  return true;
}
