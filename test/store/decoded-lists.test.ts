import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIELD_WEIGHTS } from '../../src/search/compile/fts5-compiler.ts';
import { DecodedLists, type DecodedList, type PassageLengths } from '../../src/store/sqlite/decoded-lists.ts';
import { indexTokenizer } from '../../src/store/sqlite/index-tokenizer.ts';
import { buildPassageMap, type PassageMap } from '../../src/store/sqlite/passage-map.ts';
import { PostingIndex } from '../../src/store/sqlite/posting-index.ts';
import { openFixtureStore } from '../search/fixtures.ts';

/** The fixture archive's lists, a passage map and lengths of 10 tokens (one of 30) to score with. */
async function withLists(run: (context: { postings: PostingIndex; map: PassageMap; lengths: PassageLengths }) => void): Promise<void> {
  const store = await openFixtureStore();
  try {
    const postings = new PostingIndex(store.db, indexTokenizer(store.db));
    postings.refresh();
    const map = buildPassageMap(store.db, postings);
    const tokens = new Uint32Array(map.documentOf.length).fill(10);
    tokens[1] = 30;
    run({ postings, map, lengths: { tokens, averageTokens: 11 } });
  } finally {
    await store.close();
  }
}

const one = (lists: DecodedLists, key: string, map: PassageMap, lengths: PassageLengths) => lists.getAll([key], map, lengths)[0] as DecodedList;
const bytesOf = ({ list }: DecodedList) => list.rows.byteLength + list.impacts.byteLength;
const contents = ({ list, hits }: DecodedList) => ({ rows: [...list.rows], impacts: [...list.impacts], hits });

/** Bytes of a list rounded up to whole units of 8 bytes, the arena's unit in these tests. */
const inUnits = (bytes: number) => Math.ceil(bytes / 8) * 8;

for (const where of ['arena', 'arrays of their own'] as const) {
  test(`decoded lists in ${where} are kept within their budget, least recently used out, and dropped when the archive changes`, async () => {
    await withLists(({ postings, map, lengths }) => {
      const alone = (key: string) => bytesOf(one(new DecodedLists(postings, FIELD_WEIGHTS), key, map, lengths));
      // Room for the two lists of 'allianc' and 'the' but not a third.
      const room = inUnits(alone('allianc')) + inUnits(alone('the'));
      const limits = where === 'arena' ? { arena: room, unit: 8, small: 0 } : { arena: 0, unit: 8, small: room };
      const lists = new DecodedLists(postings, FIELD_WEIGHTS, limits);
      const alliance = one(lists, 'allianc', map, lengths);
      assert.ok(alliance.list.rows.length >= 4);
      assert.equal(alliance.hits, alliance.list.rows.length, 'private passages count as live, none is deleted');
      assert.equal(one(lists, 'allianc', map, lengths), alliance, 'kept');
      const the = one(lists, 'the', map, lengths);
      one(lists, 'allianc', map, lengths);
      one(lists, 'harvest', map, lengths);
      assert.equal(one(lists, 'allianc', map, lengths), alliance, 'the recently used list stays');
      assert.notEqual(one(lists, 'the', map, lengths), the, 'the least recently used list went');
      assert.notEqual(one(lists, 'allianc', { ...map, fingerprint: 'changed' }, lengths), alliance, 'a changed archive decodes again');
    });
  });
}

test('a list decoded where others were let go reads as if decoded fresh, and a query never loses its own lists', async () => {
  await withLists(({ postings, map, lengths }) => {
    const fresh = (key: string) => contents(one(new DecodedLists(postings, FIELD_WEIGHTS), key, map, lengths));
    const keys = ['the', 'allianc', 'harvest', 'grain', 'presid'];
    // Every list in the arena, room for about two at a time: each decode writes where the last let go.
    const room = 2 * inUnits(bytesOf(one(new DecodedLists(postings, FIELD_WEIGHTS), 'the', map, lengths)));
    const lists = new DecodedLists(postings, FIELD_WEIGHTS, { arena: room, unit: 8, small: 0 });
    const buffers = new Set<ArrayBufferLike>();
    for (let round = 0; round < 3; round += 1) {
      for (const key of keys) {
        const decoded = one(lists, key, map, lengths);
        assert.deepEqual(contents(decoded), fresh(key), `${key}, round ${round}`);
        if (decoded.list.rows.length > 0) buffers.add(decoded.list.rows.buffer);
      }
    }
    assert.equal(buffers.size, 1, 'every list (one is empty), round after round, decoded into the one arena: what is let go is free again');
    const together = lists.getAll(keys, map, lengths);
    assert.deepEqual(together.map(contents), keys.map(fresh), 'the lists of one query, more than the arena holds, all whole');
    // In the arena a list's impacts are followed by its rowids.
    const span = ({ list }: DecodedList) => ({ buffer: list.rows.buffer, from: list.impacts.byteOffset, to: list.rows.byteOffset + list.rows.byteLength });
    for (const [at, first] of together.map(span).entries()) {
      for (const second of together.slice(at + 1).map(span)) {
        assert.ok(first.buffer !== second.buffer || first.to <= second.from || second.to <= first.from, 'no two lists of a query share memory');
      }
    }
  });
});

test('impacts are bm25 term impacts by passage length, body occurrences weighted as FTS5 weights columns', async () => {
  await withLists(({ postings, map, lengths }) => {
    const { list } = one(new DecodedLists(postings, FIELD_WEIGHTS), 'the', map, lengths);
    const k1 = 1.2;
    const b = 0.75;
    list.rows.forEach((rowid, at) => {
      const tokens = lengths.tokens[rowid] as number;
      const normalisation = k1 * (1 - b + (b * tokens) / lengths.averageTokens);
      // The impact of frequency f is f(k1 + 1) / (f + normalisation): solve for f, a weighted count.
      const impact = list.impacts[at] as number;
      const frequency = (impact * normalisation) / (k1 + 1 - impact);
      assert.ok(frequency > 0 && Math.abs(frequency - Math.round(frequency * 10) / 10) < 1e-9, `rowid ${rowid}: frequency ${frequency}`);
    });
  });
});
