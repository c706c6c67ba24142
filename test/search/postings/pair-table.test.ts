import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PairTable } from '../../../src/search/postings/pair-table.ts';

test('pairs are numbered densely in order of first sight, through many rehashes, and give back their halves', () => {
  const table = new PairTable();
  const reference = new Map<string, number>();
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 1) % 5000;
  for (let i = 0; i < 60_000; i += 1) {
    const [first, second] = [next(), i % 3 === 0 ? 2 ** 31 - 1 - next() : next()];
    const key = `${first},${second}`;
    const expected = reference.get(key) ?? reference.size;
    reference.set(key, expected);
    assert.equal(table.idOf(first, second), expected);
  }
  assert.equal(table.size, reference.size);
  for (const [key, id] of reference) assert.equal(`${table.first(id)},${table.second(id)}`, key);
  assert.notEqual(table.idOf(1, 2), table.idOf(2, 1), 'order matters');
});
