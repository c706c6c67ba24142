/**
 * The passages lists of one segment's hashes (the quotation fingerprints): for each hash, the
 * passages holding it, in rowid order. Passages are added in ascending rowid order, each with
 * its distinct hashes; the lists are made by a counting sort when packed, as segment-lists.ts
 * makes the term lists.
 */
import { ListWriter } from './codec.ts';
import type { PackedLists } from './packed.ts';
import { grown, PairTable } from './pair-table.ts';

const HALF = 16;
const LOW_HALF = 0xffff;

export class HashLists {
  private rowids = new Int32Array(0);
  private passages = 0;
  /** Every passage's hash ids, passage after passage, and how many each passage has. */
  private hashes = new Int32Array(0);
  private hashesSize = 0;
  private spans = new Int32Array(0);
  private counts = new Int32Array(0);
  // Hashes are 32-bit: numbered as a pair of non-negative halves.
  private readonly ids = new PairTable();

  add(rowid: number, hashes: ArrayLike<number>): void {
    if (this.passages === this.rowids.length) {
      this.rowids = grown(this.rowids);
      this.spans = grown(this.spans);
    }
    this.rowids[this.passages] = rowid;
    this.spans[this.passages] = hashes.length;
    this.passages += 1;
    for (let at = 0; at < hashes.length; at += 1) {
      const hash = hashes[at] as number;
      const id = this.ids.idOf(hash >>> HALF, hash & LOW_HALF);
      if (this.hashesSize === this.hashes.length) this.hashes = grown(this.hashes);
      this.hashes[this.hashesSize++] = id;
      if (id === this.counts.length) this.counts = grown(this.counts);
      this.counts[id] = (this.counts[id] as number) + 1;
    }
  }

  /** Every hash's list, in ascending order of hash. */
  pack(): PackedLists {
    const total = this.ids.size;
    const starts = new Int32Array(total + 1);
    for (let id = 0; id < total; id += 1) starts[id + 1] = (starts[id] as number) + (this.counts[id] as number);
    const slots = new Int32Array(starts[total] as number);
    const next = starts.slice(0, total);
    let at = 0;
    for (let passage = 0; passage < this.passages; passage += 1) {
      const end = at + (this.spans[passage] as number);
      for (; at < end; at += 1) {
        const id = this.hashes[at] as number;
        slots[next[id] as number] = passage;
        next[id] = (next[id] as number) + 1;
      }
    }
    // In key order: stored in that order, they append to the index's B-tree instead of landing
    // on a random page each.
    const keys = new Int32Array(total);
    for (let id = 0; id < total; id += 1) keys[id] = (this.ids.first(id) << HALF) | this.ids.second(id);
    keys.sort();
    const postings = new Int32Array(total);
    const ends = new Int32Array(total);
    const writer = new ListWriter();
    keys.forEach((key, at) => {
      const id = this.ids.idOf(key >>> HALF, key & LOW_HALF);
      for (let slot = starts[id] as number; slot < (starts[id + 1] as number); slot += 1) writer.passage(this.rowids[slots[slot] as number] as number);
      postings[at] = (starts[id + 1] as number) - (starts[id] as number);
      ends[at] = writer.finish().length;
      writer.continue();
    });
    return { keys, postings, ends, bytes: writer.finish().slice() };
  }
}
