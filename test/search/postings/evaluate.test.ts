import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inverseDocumentFrequency, lengthNormalisation, termImpact } from '../../../src/search/postings/bm25.ts';
import { evaluatePlan, intersect, seek, subtract, union } from '../../../src/search/postings/evaluate.ts';
import type { PostingsPlan } from '../../../src/search/postings/plan.ts';

const rows = (...values: number[]) => Int32Array.from(values);
/** Passage lengths by rowid 0..6, and a list scored with them from [rowid, frequency] pairs. */
const normalisation = Float64Array.from([0, 10, 20, 30, 40, 50, 60], (tokens) => lengthNormalisation(tokens, 35));
// Passage 3 is private (negative), passage 6 deleted (0); passage 2 is spoken by speaker 1, the others by no one.
const documentOf = Int32Array.from([0, 1, 1, -1, 1, 1, 0]);
const speakerOf = Int32Array.from([0, 0, 1, 0, 0, 0, 0]);
const list = (entries: [number, number][]) => ({
  rows: Int32Array.from(entries.map(([rowid]) => rowid)),
  impacts: Float64Array.from(entries.map(([rowid, frequency]) => termImpact(frequency, normalisation[rowid] as number))),
  documentOf: Int32Array.from(entries.map(([rowid]) => documentOf[rowid] as number)),
});

test('set operations on sorted rowids, long against short', () => {
  const long = Int32Array.from({ length: 10_000 }, (_, index) => index * 3);
  assert.deepEqual([...intersect(rows(0, 4, 9, 29_997, 40_000), long)], [0, 9, 29_997]);
  assert.deepEqual([...subtract(rows(0, 4, 9, 29_997), long)], [4]);
  assert.deepEqual([...union([rows(5, 9), rows(), rows(1, 5, 30), rows(2)])], [1, 2, 5, 9, 30]);
  assert.equal(seek(long, 0, 29_998), 10_000);
  assert.equal(seek(long, 5, 0), 5);
  assert.equal(seek(long, 5, 18), 6);
});

test('a plan matches, drops private, deleted and filtered passages, and scores bm25 summed over its leaves', () => {
  // (a AND b) NOT c, over passages 1..6.
  const plan: PostingsPlan = {
    text: { kind: 'and', all: [{ kind: 'leaf', leaf: 0 }, { kind: 'leaf', leaf: 1 }], none: [{ kind: 'leaf', leaf: 2 }] },
    leaves: ['a', 'b', 'c'],
    documentFilters: [],
    speakers: [],
  };
  const lists = [list([[1, 1], [2, 2], [3, 1], [5, 1]]), list([[2, 1], [3, 3], [5, 1], [6, 1]]), list([[5, 1]])];
  const context = { lists, hits: [4, 4, 1], documentOf, speakerOf, speakers: [], rows: 6 };
  const matches = evaluatePlan(plan, context);
  assert.deepEqual([...matches.rows], [2]);
  assert.deepEqual([...matches.documents], [0]);
  const idf = inverseDocumentFrequency(6, 4);
  assert.equal(matches.scores[0], idf * termImpact(2, normalisation[2] as number) + idf * termImpact(1, normalisation[2] as number));
  assert.deepEqual([...evaluatePlan(plan, { ...context, speakers: [Uint8Array.of(0, 0, 1)] }).rows], []);
  assert.deepEqual([...evaluatePlan(plan, { ...context, documents: Uint8Array.of(0) }).rows], []);
  assert.deepEqual([...evaluatePlan(plan, { ...context, speakers: [Uint8Array.of(0, 1)], documents: Uint8Array.of(1) }).rows], [2]);
});

test('a one-word plan keeps the public passages of its list, in order', () => {
  const plan: PostingsPlan = { text: { kind: 'leaf', leaf: 0 }, leaves: ['a'], documentFilters: [], speakers: [] };
  const lists = [list([[1, 1], [2, 2], [3, 1], [6, 1]])];
  const matches = evaluatePlan(plan, { lists, hits: [3], documentOf, speakerOf, speakers: [], rows: 6 });
  assert.deepEqual([...matches.rows], [1, 2]);
  assert.deepEqual([...matches.scores], [1, 2].map((rowid, at) => inverseDocumentFrequency(6, 3) * (lists[0]?.impacts[at] as number)));
});

test('idf never falls to zero, as in FTS5: a word in every passage still counts a little', () => {
  assert.ok(inverseDocumentFrequency(10, 10) > 0);
  assert.ok(inverseDocumentFrequency(1000, 1) > inverseDocumentFrequency(1000, 100));
});
