import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sharedPassages } from '../../src/store/sqlite/quotation-lookup.ts';

test('passages are ranked by the summed weight of the lists holding them, ties in rowid order', () => {
  const lists = [Int32Array.from([2, 5, 9]), Int32Array.from([5, 9, 2_000_000_000]), Int32Array.from([1, 9])];
  const weights = [300, 200, 1000];
  const found = sharedPassages(lists, weights);
  const ranked = [...found.order].map((i) => [found.rowids[i], found.weights[i], found.shared[i]]);
  assert.deepEqual(ranked, [
    [9, 1500, 3],
    [1, 1000, 1],
    [5, 500, 2],
    [2, 300, 1],
    [2_000_000_000, 200, 1],
  ]);
});

test('many lists and passages rank as a straightforward tally does', () => {
  let seed = 3;
  const next = (below: number) => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % below;
  const lists = Array.from({ length: 70 }, () => Int32Array.from(new Set(Array.from({ length: next(400) }, () => 1 + next(5000)))).sort());
  const weights = lists.map(() => 1 + next(9000));
  const tally = new Map<number, [number, number]>();
  lists.forEach((rows, list) => rows.forEach((rowid) => {
    const [weight, shared] = tally.get(rowid) ?? [0, 0];
    tally.set(rowid, [weight + (weights[list] as number), shared + 1]);
  }));
  const expected = [...tally].sort((a, b) => b[1][0] - a[1][0] || a[0] - b[0]).map(([rowid, [weight, shared]]) => [rowid, weight, shared]);
  const found = sharedPassages(lists, weights);
  assert.deepEqual([...found.order].map((i) => [found.rowids[i], found.weights[i], found.shared[i]]), expected);
  assert.deepEqual(sharedPassages([], []).order.length, 0);
});
