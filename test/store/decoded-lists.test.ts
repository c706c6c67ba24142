import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIELD_WEIGHTS } from '../../src/search/compile/fts5-compiler.ts';
import { DecodedLists } from '../../src/store/sqlite/decoded-lists.ts';
import { indexTokenizer } from '../../src/store/sqlite/index-tokenizer.ts';
import { buildPassageMap } from '../../src/store/sqlite/passage-map.ts';
import { PostingIndex } from '../../src/store/sqlite/posting-index.ts';
import { openFixtureStore } from '../search/fixtures.ts';

test('decoded lists are kept within their budget, least recently used out, and dropped when the archive changes', async () => {
  const store = await openFixtureStore();
  try {
    const postings = new PostingIndex(store.db, indexTokenizer(store.db));
    postings.refresh();
    const map = buildPassageMap(store.db, postings);
    const lengths = { tokens: new Uint32Array(map.documentOf.length).fill(10), averageTokens: 10 };
    const bytesOf = (key: string) => {
      const { list } = new DecodedLists(postings, FIELD_WEIGHTS).get(key, map, lengths);
      return list.rows.byteLength + list.impacts.byteLength + list.documentOf.byteLength;
    };
    // Room for the two lists of 'allianc' and 'the' but not a third.
    const lists = new DecodedLists(postings, FIELD_WEIGHTS, bytesOf('allianc') + bytesOf('the'));
    const alliance = lists.get('allianc', map, lengths);
    assert.ok(alliance.list.rows.length >= 4);
    assert.equal(alliance.hits, alliance.list.rows.length, 'private passages count as live, none is deleted');
    assert.equal(lists.get('allianc', map, lengths), alliance, 'kept');
    const the = lists.get('the', map, lengths);
    lists.get('allianc', map, lengths);
    lists.get('harvest', map, lengths);
    assert.equal(lists.get('allianc', map, lengths), alliance, 'the recently used list stays');
    assert.notEqual(lists.get('the', map, lengths), the, 'the least recently used list went');
    assert.notEqual(lists.get('allianc', { ...map, fingerprint: 'changed' }, lengths), alliance, 'a changed archive decodes again');
  } finally {
    await store.close();
  }
});
