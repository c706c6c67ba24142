import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bm25Term, inverseDocumentFrequency } from '../../../src/search/postings/bm25.ts';
import { evaluatePlan, intersect, seek, subtract, union } from '../../../src/search/postings/evaluate.ts';
import type { PostingsPlan } from '../../../src/search/postings/plan.ts';

const rows = (...values: number[]) => Int32Array.from(values);
const list = (entries: [number, number][]) => ({
  rows: Int32Array.from(entries.map(([rowid]) => rowid)),
  frequencies: Float64Array.from(entries.map(([, frequency]) => frequency)),
  length: entries.length,
});

test('set operations on sorted rowids, long against short', () => {
  const long = Int32Array.from({ length: 10_000 }, (_, index) => index * 3);
  assert.deepEqual([...intersect(rows(0, 4, 9, 29_997, 40_000), long)], [0, 9, 29_997]);
  assert.deepEqual([...subtract(rows(0, 4, 9, 29_997), long)], [4]);
  assert.deepEqual([...union([rows(5, 9), rows(), rows(1, 5, 30), rows(2)])], [1, 2, 5, 9, 30]);
  assert.equal(seek(long, 0, 29_998), 10_000);
  assert.equal(seek(long, 5, 0), 5);
});

test('a plan matches, filters and scores as bm25 summed over its leaves', () => {
  // (a AND b) NOT c, over passages 1..6.
  const plan: PostingsPlan = {
    text: { kind: 'and', all: [{ kind: 'leaf', leaf: 0 }, { kind: 'leaf', leaf: 1 }], none: [{ kind: 'leaf', leaf: 2 }] },
    leaves: ['a', 'b', 'c'],
    documentFilters: [],
    speakers: [],
  };
  const lists = [list([[1, 1], [2, 2], [3, 1], [5, 1]]), list([[2, 1], [3, 3], [5, 1], [6, 1]]), list([[5, 1]])];
  const tokens = Int32Array.from([0, 10, 20, 30, 40, 50, 60]);
  const matches = evaluatePlan(plan, { lists, tokens, rows: 6, averageTokens: 35, accept: (rowid) => rowid !== 3 });
  assert.deepEqual([...matches.rows], [2]);
  const expected =
    bm25Term(inverseDocumentFrequency(6, 4), 2, 20, 35) + bm25Term(inverseDocumentFrequency(6, 4), 1, 20, 35);
  assert.equal(matches.scores[0], expected);
});

test('idf never falls to zero, as in FTS5: a word in every passage still counts a little', () => {
  assert.ok(inverseDocumentFrequency(10, 10) > 0);
  assert.ok(inverseDocumentFrequency(1000, 1) > inverseDocumentFrequency(1000, 100));
});
