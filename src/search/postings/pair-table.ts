/**
 * Numbers pairs of non-negative 32-bit integers densely, in order of first sight: an
 * open-addressing hash table over typed arrays. Building posting lists looks up a pair for
 * every token of the archive, and a Map keyed by a combined number would box each key.
 */
const EMPTY = -1;
const INITIAL_BITS = 12;
const GOLDEN = 0x9e3779b1;
const MIX = 0x85ebca77;

export class PairTable {
  private bits = INITIAL_BITS;
  private firsts = new Int32Array(1 << INITIAL_BITS).fill(EMPTY);
  private seconds = new Int32Array(1 << INITIAL_BITS);
  private ids = new Int32Array(1 << INITIAL_BITS);
  /** Each pair by id, first and second interleaved. */
  private pairs = new Int32Array(2 << INITIAL_BITS);
  size = 0;

  /** The id of (first, second), numbering it if new. Both must be in 0..2^31−1. */
  idOf(first: number, second: number): number {
    const mask = (1 << this.bits) - 1;
    let slot = this.slotOf(first, second);
    for (;;) {
      const stored = this.firsts[slot] as number;
      if (stored === EMPTY) break;
      if (stored === first && this.seconds[slot] === second) return this.ids[slot] as number;
      slot = (slot + 1) & mask;
    }
    const id = this.size;
    this.firsts[slot] = first;
    this.seconds[slot] = second;
    this.ids[slot] = id;
    if (2 * id + 1 >= this.pairs.length) this.pairs = grown(this.pairs);
    this.pairs[2 * id] = first;
    this.pairs[2 * id + 1] = second;
    this.size += 1;
    // Kept at most half full, so probes stay short.
    if (2 * this.size > mask) this.rehash();
    return id;
  }

  first(id: number): number {
    return this.pairs[2 * id] as number;
  }

  second(id: number): number {
    return this.pairs[2 * id + 1] as number;
  }

  private slotOf(first: number, second: number): number {
    return Math.imul(first ^ Math.imul(second, MIX), GOLDEN) >>> (32 - this.bits);
  }

  private rehash(): void {
    this.bits += 1;
    const capacity = 1 << this.bits;
    const mask = capacity - 1;
    this.firsts = new Int32Array(capacity).fill(EMPTY);
    this.seconds = new Int32Array(capacity);
    this.ids = new Int32Array(capacity);
    for (let id = 0; id < this.size; id += 1) {
      const first = this.pairs[2 * id] as number;
      const second = this.pairs[2 * id + 1] as number;
      let slot = this.slotOf(first, second);
      while (this.firsts[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.firsts[slot] = first;
      this.seconds[slot] = second;
      this.ids[slot] = id;
    }
  }
}

/** A copy of `array` with twice the room. */
export function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  return resized(array, Math.max(16, array.length * 2));
}

/** A copy of `array` with room for `length` (at least its own). */
export function resized(array: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  const copy = new Int32Array(length);
  copy.set(array);
  return copy;
}
