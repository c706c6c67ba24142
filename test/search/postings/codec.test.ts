import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodePostings, decodeRowids, forEachLength, ListWriter } from '../../../src/search/postings/codec.ts';

const WEIGHTS = { heading: 3, body: 1, note: 0.4, speaker: 2 };
const counts = (body: number, heading = 0, note = 0, speaker = 0) => [heading, body, note, speaker] as const;

test('postings round-trip across segments with weighted frequencies, large rowids and counts included', () => {
  const first = new ListWriter();
  first.posting(3, ...counts(1));
  first.posting(200, ...counts(2, 1, 0, 0));
  first.posting(70_000, ...counts(0, 0, 5, 0));
  const second = new ListWriter();
  second.posting(2_000_000_000, ...counts(300, 0, 0, 1));
  const list = decodePostings([first.finish(), second.finish()], WEIGHTS);
  assert.deepEqual([...list.rows], [3, 200, 70_000, 2_000_000_000]);
  assert.deepEqual([...list.frequencies], [1, 2 + 3, 5 * 0.4, 300 + 2]);
  assert.equal(first.count, 3);
});

test('frequencies of two-byte codes and long rowid gaps decode exactly', () => {
  const writer = new ListWriter();
  for (const rowid of [1, 2, 300, 70_000]) writer.posting(rowid, ...counts(rowid % 1000));
  const list = decodePostings([writer.finish()], WEIGHTS);
  assert.deepEqual([...list.rows], [1, 2, 300, 70_000]);
  assert.deepEqual([...list.frequencies], [1, 2, 300, 0]);
});

test('a posting count that understates the list is an error, not a silent cut', () => {
  const writer = new ListWriter();
  for (const rowid of [1, 2, 3]) writer.posting(rowid, ...counts(1));
  const bytes = writer.finish();
  assert.deepEqual([...decodePostings([bytes], WEIGHTS, 3).rows], [1, 2, 3]);
  assert.throws(() => decodePostings([bytes], WEIGHTS, 2), RangeError);
});

test('rowids must ascend, so a list can never hold a passage twice', () => {
  const writer = new ListWriter();
  writer.posting(10, ...counts(1));
  assert.throws(() => writer.posting(10, ...counts(1)), RangeError);
});

test('lengths round-trip', () => {
  const writer = new ListWriter();
  writer.length(7, 0);
  writer.length(9, 123_456);
  const seen: [number, number][] = [];
  forEachLength(writer.finish(), (rowid, tokens) => seen.push([rowid, tokens]));
  assert.deepEqual(seen, [[7, 0], [9, 123_456]]);
});

test('passages lists round-trip across segments; a reset writer starts a new list', () => {
  const writer = new ListWriter();
  writer.passage(5);
  writer.passage(2_000_000_000);
  const first = writer.finish().slice();
  writer.reset();
  writer.passage(2_000_000_001);
  assert.equal(writer.count, 1);
  assert.deepEqual([...decodeRowids([first, writer.finish()], 3)], [5, 2_000_000_000, 2_000_000_001]);
  assert.throws(() => decodeRowids([first], 1), RangeError);
});
