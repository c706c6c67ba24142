import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodePostings, decodeRowids, forEachLength } from '../../../src/search/postings/codec.ts';
import { HashLists } from '../../../src/search/postings/hash-lists.ts';
import { forEachPacked } from '../../../src/search/postings/packed.ts';
import { SegmentLists, type ColumnTerms } from '../../../src/search/postings/segment-lists.ts';

/** Weights that keep each column's count apart in a decoded frequency. */
const APART = { heading: 1e6, body: 1, note: 1e3, speaker: 1e9 };
const COLUMNS = ['heading', 'body', 'note', 'speaker'] as const;

function random(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % below;
  };
}

/** The lists as an object per key would build them: key → [rowid, weighted frequency][]. */
class Reference {
  readonly terms = new Map<string, [number, number][]>();
  readonly hashes = new Map<number, number[]>();
  readonly lengths: [number, number][] = [];

  add(rowid: number, columns: Record<keyof ColumnTerms, number[]>, hashes: readonly number[]): void {
    let length = 0;
    for (const column of COLUMNS) {
      const ids = columns[column];
      length += ids.length;
      ids.forEach((term, at) => {
        this.occurs(`${term}`, rowid, APART[column]);
        if (at > 0) this.occurs(`${ids[at - 1]} ${term}`, rowid, APART[column]);
      });
    }
    for (const hash of hashes) this.hashes.set(hash, [...(this.hashes.get(hash) ?? []), rowid]);
    this.lengths.push([rowid, length]);
  }

  private occurs(key: string, rowid: number, weight: number): void {
    const list = this.terms.get(key) ?? [];
    const last = list.at(-1);
    if (last?.[0] === rowid) last[1] += weight;
    else list.push([rowid, weight]);
    this.terms.set(key, list);
  }
}

test('a segment\'s term, pair and hash lists and its lengths are what a list per key would hold', () => {
  const next = random(11);
  const lists = new SegmentLists();
  const hashLists = new HashLists();
  const reference = new Reference();
  let rowid = 0;
  for (let passage = 0; passage < 3000; passage += 1) {
    rowid += 1 + (next(10) === 0 ? next(100_000) : 0);
    const column = (length: number) => Array.from({ length }, () => (next(4) === 0 ? next(3) : next(400)));
    const columns = { heading: column(next(5) === 0 ? 3 : 0), body: column(next(60)), note: column(next(3) === 0 ? 9 : 0), speaker: column(next(2)) };
    const hashes = [...new Set(Array.from({ length: next(20) }, () => (next(3000) - 1500) * 1_431_655))];
    lists.add(rowid, columns);
    hashLists.add(rowid, hashes);
    reference.add(rowid, columns, hashes);
  }

  const terms = new Map<string, [number, number][]>();
  const collect = (key: string, postings: number, bytes: Uint8Array) => {
    const decoded = decodePostings([bytes.slice()], APART, postings);
    terms.set(key, [...decoded.rows].map((row, at) => [row, decoded.frequencies[at] as number]));
  };
  const packed = lists.pack();
  forEachPacked(packed.terms, (term, postings, bytes) => collect(`${term}`, postings, bytes));
  forEachPacked(packed.pairs, (first, postings, bytes, second) => collect(`${first} ${second}`, postings, bytes));
  assert.deepEqual(new Map([...terms].sort()), new Map([...reference.terms].sort()));

  const hashes = new Map<number, number[]>();
  forEachPacked(hashLists.pack(), (hash, postings, bytes) => hashes.set(hash, [...decodeRowids([bytes.slice()], postings)]));
  assert.deepEqual(new Map([...hashes].sort()), new Map([...reference.hashes].sort()));
  assert.ok([...hashes.keys()].some((hash) => hash < 0), 'negative hashes come back as themselves');

  const lengths: [number, number][] = [];
  forEachLength(packed.lengths, (row, tokens) => lengths.push([row, tokens]));
  assert.deepEqual(lengths, reference.lengths);
  assert.equal(packed.firstRowid, reference.lengths[0]?.[0]);
  assert.equal(packed.lastRowid, rowid);
  assert.equal(packed.passages, 3000);
});
