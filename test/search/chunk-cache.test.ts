import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChunkCache, IntSink, isWhitespace } from '../../src/search/chunk-cache.ts';

/** The integers `cache` appends for `text`, or undefined when a chunk is unknown. */
const valuesOf = (cache: ChunkCache, text: string, sink = new IntSink()): number[] | undefined => {
  const from = sink.size;
  return cache.append(text, sink) ? [...sink.values.subarray(from, sink.size)] : undefined;
};

/** Each chunk stands for its characters' codes: as many integers as it has characters. */
const codes = (chunks: readonly string[]) => chunks.map((chunk) => Array.from(chunk, (character) => character.charCodeAt(0)));

test('chunks are the pieces between any JavaScript whitespace, each worked out once', () => {
  const cache = new ChunkCache(100);
  const text = '  Gorbachev\u00a0said,\t"No."\n\u2003Reagan\u3000smiled  ';
  assert.equal(valuesOf(cache, text), undefined, 'nothing is known yet');
  const asked: string[][] = [];
  cache.prepare([text, 'said, again'], (chunks) => {
    asked.push([...chunks]);
    return codes(chunks);
  });
  assert.deepEqual(asked, [['Gorbachev', 'said,', '"No."', 'Reagan', 'smiled', 'again']]);
  assert.deepEqual(valuesOf(cache, text), codes(text.split(/\s+/).filter(Boolean)).flat());
  cache.prepare([text], () => assert.fail('all known'));
  for (let code = 0; code < 0x10000; code += 1) assert.equal(isWhitespace(code), /\s/.test(String.fromCharCode(code)), `U+${code.toString(16)}`);
});

test('a chunk is told from others of the same hash and from longer ones it begins', () => {
  const cache = new ChunkCache(100_000);
  const words = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}`);
  cache.prepare(words, (chunks) => chunks.map((_, index) => [index]));
  assert.equal(cache.size, words.length);
  assert.deepEqual(valuesOf(cache, words.join(' ')), words.map((_, index) => index));
  assert.equal(valuesOf(new ChunkCache(10), 'w1x'), undefined);
  const prefix = new ChunkCache(10);
  prefix.prepare(['ab'], () => [[1]]);
  assert.equal(valuesOf(prefix, 'abc'), undefined);
});

test('a chunk may stand for no integer or for several; an unknown chunk leaves the sink as it was', () => {
  const cache = new ChunkCache(100);
  cache.prepare(['the U.S.-Soviet talks'], (chunks) => chunks.map((chunk) => (chunk === 'the' ? [] : chunk === 'U.S.-Soviet' ? [7, 8, 9] : [5])));
  const sink = new IntSink();
  assert.deepEqual(valuesOf(cache, 'the U.S.-Soviet talks', sink), [7, 8, 9, 5]);
  assert.equal(valuesOf(cache, 'talks resumed', sink), undefined);
  assert.equal(sink.size, 4);
  // The sink grows past its first room.
  const long = Array.from({ length: 3_000 }, () => 'U.S.-Soviet').join(' ');
  assert.equal(valuesOf(cache, long, sink)?.length, 9_000);
});

test('past its limit the cache starts again, keeping what the texts being prepared need', () => {
  const cache = new ChunkCache(3);
  cache.prepare(['a b c'], codes);
  cache.prepare(['c d'], codes);
  assert.deepEqual(valuesOf(cache, 'c d'), [99, 100]);
  assert.equal(cache.size, 2);
});

test('runs split in two: the first integer says how many of the rest go to the first sink', () => {
  const cache = new ChunkCache(100);
  cache.prepare(['a bb ccc'], (chunks) => chunks.map((chunk) => [chunk.length, ...Array.from(chunk, () => chunk.length), -chunk.length]));
  const [first, second] = [new IntSink(), new IntSink()];
  assert.ok(cache.appendSplit('ccc a bb', first, second));
  assert.deepEqual([...first.values.subarray(0, first.size)], [3, 3, 3, 1, 2, 2]);
  assert.deepEqual([...second.values.subarray(0, second.size)], [-3, -1, -2]);
  assert.equal(cache.appendSplit('a dd', first, second), false);
  assert.deepEqual([first.size, second.size], [6, 3]);
});
