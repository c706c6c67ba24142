import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChunkCache, isWhitespace } from '../../src/search/chunk-cache.ts';

const valuesOf = (cache: ChunkCache<string>, text: string): string[] | undefined => {
  const values: string[] = [];
  return cache.forEachChunk(text, (value) => values.push(value)) ? values : undefined;
};

test('chunks are the pieces between any JavaScript whitespace, each worked out once', () => {
  const cache = new ChunkCache<string>(100);
  const text = '  Gorbachev\u00a0said,\t"No."\n\u2003Reagan\u3000smiled  ';
  assert.equal(valuesOf(cache, text), undefined, 'nothing is known yet');
  const asked: string[][] = [];
  cache.prepare([text, 'said, again'], (chunks) => {
    asked.push([...chunks]);
    return chunks.map((chunk) => chunk.toUpperCase());
  });
  assert.deepEqual(asked, [['Gorbachev', 'said,', '"No."', 'Reagan', 'smiled', 'again']]);
  assert.deepEqual(valuesOf(cache, text), text.split(/\s+/).filter(Boolean).map((chunk) => chunk.toUpperCase()));
  cache.prepare([text], () => assert.fail('all known'));
  for (let code = 0; code < 0x10000; code += 1) assert.equal(isWhitespace(code), /\s/.test(String.fromCharCode(code)), `U+${code.toString(16)}`);
});

test('a chunk is told from others of the same hash and from longer ones it begins', () => {
  const cache = new ChunkCache<number>(100_000);
  const words = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}`);
  cache.prepare(words, (chunks) => chunks.map((_, index) => index));
  assert.equal(cache.size, words.length);
  const values: number[] = [];
  assert.ok(cache.forEachChunk(words.join(' '), (value) => values.push(value)));
  assert.deepEqual(values, words.map((_, index) => index));
  assert.equal(valuesOf(new ChunkCache<string>(10), 'w1x'), undefined);
  const prefix = new ChunkCache<number>(10);
  prefix.prepare(['ab'], () => [1]);
  assert.equal(prefix.forEachChunk('abc', () => {}), false);
});

test('past its limit the cache starts again, keeping what the texts being prepared need', () => {
  const cache = new ChunkCache<number>(3);
  cache.prepare(['a b c'], (chunks) => chunks.map((chunk) => chunk.charCodeAt(0)));
  cache.prepare(['c d'], (chunks) => chunks.map((chunk) => chunk.charCodeAt(0)));
  const values: number[] = [];
  assert.ok(cache.forEachChunk('c d', (value) => values.push(value)));
  assert.deepEqual(values, [99, 100]);
  assert.equal(cache.size, 2);
});
