import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  BUNDLED_LIST_BYTES,
  BUNDLES,
  bundleOf,
  BundleWriter,
  findBundled,
  forEachBundled,
  HASH_KEYS,
  TEXT_KEYS,
} from '../../../src/search/postings/bundles.ts';

const bytes = (length: number, seed: number) => Uint8Array.from({ length }, (_, at) => (seed * 31 + at * 7) & 0xff);

/** Every bundle a writer gives, by bundle number, checking each comes once and in ascending order. */
function written<K>(writer: BundleWriter<K>): Map<number, Uint8Array> {
  const bundles = new Map<number, Uint8Array>();
  let previous = -1;
  writer.forEach((bundle, data) => {
    assert.ok(bundle > previous && bundle < BUNDLES, `bundle ${bundle} after ${previous}`);
    previous = bundle;
    bundles.set(bundle, data.slice());
  });
  return bundles;
}

test('small lists are found in their key\'s bundle with their postings and bytes; large lists and long keys are refused', () => {
  const writer = new BundleWriter(TEXT_KEYS);
  const kept = new Map<string, { postings: number; list: Uint8Array }>();
  for (let n = 0; n < 5000; n += 1) {
    // Keys that are prefixes of one another, accented and Cyrillic keys, lists of every size up to past the bound.
    const key = [`ocelot`, `ocelots`, `océlot ${n}`, `оцелот${n}`, `o${n}`][n % 5] + (n % 5 < 2 ? '' : `-${n}`);
    if (kept.has(key)) continue;
    const list = bytes(1 + (n % (BUNDLED_LIST_BYTES + 8)), n);
    const postings = Math.min(list.length, 1 + (n % 7));
    const taken = writer.add(key, postings, list);
    assert.equal(taken, list.length <= BUNDLED_LIST_BYTES, `${key}: ${list.length} bytes`);
    if (taken) kept.set(key, { postings, list });
  }
  assert.equal(writer.add('x'.repeat(300), 1, bytes(2, 1)), false, 'a key longer than a length byte says');
  assert.equal(writer.add('я'.repeat(130), 1, bytes(2, 1)), false, 'counted in UTF-8 bytes, not characters');
  assert.ok(writer.add('я'.repeat(127), 1, bytes(2, 2)));
  kept.set('я'.repeat(127), { postings: 1, list: bytes(2, 2) });
  const bundles = written(writer);
  for (const [key, expected] of kept) {
    const found = findBundled(bundles.get(bundleOf(TEXT_KEYS.of(key))) ?? new Uint8Array(0), TEXT_KEYS.of(key));
    assert.deepEqual(found && { postings: found.postings, list: [...found.list] }, { postings: expected.postings, list: [...expected.list] }, key);
  }
  for (const absent of ['ocelo', 'ocelotss', 'océlot', 'x'.repeat(300)]) {
    assert.equal(findBundled(bundles.get(bundleOf(TEXT_KEYS.of(absent))) ?? new Uint8Array(0), TEXT_KEYS.of(absent)), undefined, absent);
  }
  // Every entry is somewhere and nothing else is: the bundles hold exactly the lists kept.
  let entries = 0;
  for (const [bundle, data] of bundles) {
    forEachBundled(data, (key) => {
      assert.equal(bundleOf(key), bundle);
      entries += 1;
    });
  }
  assert.equal(entries, kept.size);
});

test('integer keys (quotation fingerprints) bundle by their four bytes, negative ones too, in the order added', () => {
  const writer = new BundleWriter(HASH_KEYS);
  const hashes = [0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 123456789, -987654321];
  hashes.forEach((hash, n) => assert.ok(writer.add(hash, 1, bytes(3, n))));
  const bundles = written(writer);
  hashes.forEach((hash, n) => {
    assert.deepEqual([...(findBundled(bundles.get(bundleOf(HASH_KEYS.of(hash))) as Uint8Array, HASH_KEYS.of(hash))?.list ?? [])], [...bytes(3, n)], String(hash));
  });
  const keysOf = (data: Uint8Array) => {
    const keys: number[] = [];
    forEachBundled(data, (key) => keys.push(new DataView(key.buffer, key.byteOffset, 4).getInt32(0, true)));
    return keys;
  };
  const same = new BundleWriter(HASH_KEYS);
  const inOneBundle = Array.from({ length: 40_000 }, (_, n) => n - 20_000).filter((hash) => bundleOf(HASH_KEYS.of(hash)) === bundleOf(HASH_KEYS.of(7)));
  inOneBundle.forEach((hash) => same.add(hash, 1, bytes(1, hash)));
  assert.deepEqual(keysOf(written(same).get(bundleOf(HASH_KEYS.of(7))) as Uint8Array), inOneBundle);
});

test('a writer with nothing added writes no bundle', () => {
  assert.equal(written(new BundleWriter(TEXT_KEYS)).size, 0);
});
