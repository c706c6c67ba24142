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

test('set operations agree with a reference whether lists are alike in length (marks) or far apart (galloping)', () => {
  let seed = 11;
  const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
  const sample = (count: number, highest: number) => {
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(Math.floor(random() * highest));
    return Int32Array.from([...chosen].sort((a, b) => a - b));
  };
  for (const [short, long] of [[3_000, 4_000], [500, 4_000], [20, 4_000], [1, 1], [4_000, 4_000]] as const) {
    const a = sample(short, 6_000);
    const b = sample(long, 6_000);
    const inB = new Set(b);
    assert.deepEqual([...intersect(a, b)], [...a].filter((rowid) => inB.has(rowid)), `${short} against ${long}`);
    assert.deepEqual([...subtract(a, b)], [...a].filter((rowid) => !inB.has(rowid)));
    assert.deepEqual([...union([a, b])], [...new Set([...a, ...b])].sort((x, y) => x - y));
  }
  // The marks are cleared after use: a second intersection sees only its own lists.
  assert.deepEqual([...intersect(rows(1, 2, 3), rows(2, 3, 4))], [2, 3]);
  assert.deepEqual([...intersect(rows(5), rows(1, 2, 3))], []);
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

test('scores agree with a reference whether a leaf is walked (alike in length) or galloped (far longer than the matches)', () => {
  const highest = 5_000;
  const documents = new Int32Array(highest + 1).fill(1);
  const leafOf = (every: number, offset: number) => {
    const rowids = Int32Array.from({ length: Math.floor((highest - offset) / every) }, (_, index) => offset + index * every);
    return { rows: rowids, impacts: Float64Array.from(rowids, (rowid) => 1 + (rowid % 7) / 10) };
  };
  // Every 2nd, every 3rd and every 97th passage: a AND b walks both; a AND c gallops through a and b.
  const lists = [leafOf(2, 0), leafOf(3, 0), leafOf(97, 0)];
  const leaf = (index: number) => ({ kind: 'leaf' as const, leaf: index });
  const context = { lists, hits: lists.map((list) => list.rows.length), documentOf: documents, speakerOf: new Int32Array(highest + 1), speakers: [], rows: highest };
  for (const all of [[leaf(0), leaf(1)], [leaf(0), leaf(1), leaf(2)]]) {
    const plan: PostingsPlan = { text: { kind: 'and', all, none: [] }, leaves: ['a', 'b', 'c'], documentFilters: [], speakers: [] };
    const matches = evaluatePlan(plan, context);
    const expected = [...lists[0]!.rows].filter((rowid) => all.every(({ leaf: index }) => lists[index]!.rows.includes(rowid)));
    assert.deepEqual([...matches.rows], expected);
    expected.forEach((rowid, at) => {
      let score = 0;
      lists.forEach((list, index) => {
        const position = list.rows.indexOf(rowid);
        if (position >= 0) score += inverseDocumentFrequency(highest, list.rows.length) * (list.impacts[position] as number);
      });
      assert.equal(matches.scores[at], score, `score of passage ${rowid}`);
    });
  }
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
