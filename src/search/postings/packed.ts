/**
 * Encoded lists packed end to end in four typed arrays (five for pair lists), so a worker thread
 * can build a segment's lists and hand them over by transfer instead of copying.
 */
import { grown } from './pair-table.ts';

/** List i is bytes[ends[i − 1] .. ends[i]), for key `keys[i]` (and `seconds[i]`, for pairs), holding `postings[i]` entries. */
export interface PackedLists {
  readonly keys: Int32Array;
  readonly seconds?: Int32Array;
  readonly postings: Int32Array;
  readonly ends: Int32Array;
  readonly bytes: Uint8Array;
}

const INITIAL = 1024;

export class ListPacker {
  private keys = new Int32Array(INITIAL);
  private seconds = new Int32Array(INITIAL);
  private postings = new Int32Array(INITIAL);
  private ends = new Int32Array(INITIAL);
  private bytes = new Uint8Array(INITIAL * 8);
  private count = 0;
  private size = 0;
  private paired = false;

  append(key: number, postings: number, bytes: Uint8Array, second?: number): void {
    if (this.count === this.keys.length) {
      this.keys = grown(this.keys);
      this.seconds = grown(this.seconds);
      this.postings = grown(this.postings);
      this.ends = grown(this.ends);
    }
    if (this.size + bytes.length > this.bytes.length) {
      let length = this.bytes.length * 2;
      while (this.size + bytes.length > length) length *= 2;
      const copy = new Uint8Array(length);
      copy.set(this.bytes.subarray(0, this.size));
      this.bytes = copy;
    }
    this.bytes.set(bytes, this.size);
    this.size += bytes.length;
    this.keys[this.count] = key;
    if (second !== undefined) {
      this.seconds[this.count] = second;
      this.paired = true;
    }
    this.postings[this.count] = postings;
    this.ends[this.count] = this.size;
    this.count += 1;
  }

  finish(): PackedLists {
    const n = this.count;
    return {
      keys: this.keys.slice(0, n),
      ...(this.paired ? { seconds: this.seconds.slice(0, n) } : {}),
      postings: this.postings.slice(0, n),
      ends: this.ends.slice(0, n),
      bytes: this.bytes.slice(0, this.size),
    };
  }
}

/** Calls `each` for every list packed; `bytes` is a view into the packed bytes. */
export function forEachPacked(packed: PackedLists, each: (key: number, postings: number, bytes: Uint8Array, second: number) => void): void {
  let start = 0;
  for (let at = 0; at < packed.keys.length; at += 1) {
    const end = packed.ends[at] as number;
    each(packed.keys[at] as number, packed.postings[at] as number, packed.bytes.subarray(start, end), packed.seconds?.[at] ?? 0);
    start = end;
  }
}

/** The buffers of `packed`, to transfer it to another thread. */
export function buffersOf(packed: PackedLists): ArrayBuffer[] {
  const arrays = [packed.keys, packed.seconds, packed.postings, packed.ends, packed.bytes].filter((array) => array !== undefined);
  return arrays.map((array) => array.buffer as ArrayBuffer);
}
