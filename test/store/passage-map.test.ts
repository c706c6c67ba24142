import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SqliteStore } from '../../src/store/index.ts';
import { fingerprint } from '../../src/store/sqlite/passage-map.ts';
import { fingerprints } from '../../src/trace/fingerprint.ts';
import { makeDocument, PERSONS } from '../search/fixtures.ts';
import { tempDir } from '../helpers/shared.ts';

test('saving a trace or looking up a quotation leaves the search map as it is; storing a document or changing a collection does not', async () => {
  const store = new SqliteStore(tempDir('verbatim-map-'));
  try {
    const collection = { id: 'c', title: 'C' };
    await store.putDocument(makeDocument({ id: 'a', collection, title: 'A', passages: [['', 'More aardvarks were counted.']] }, PERSONS));
    await store.prepareSearch();
    const before = fingerprint(store.db);
    await store.putTrace({ id: 't1', created_at: '2026-11-28T00:00:00Z', version: 1, input: { format: 'text', content: 'x' }, result: {} });
    assert.equal(fingerprint(store.db), before);
    assert.equal((await store.findPassagesByFingerprint(fingerprints('More aardvarks were counted.'), 5)).length, 1);
    assert.equal(fingerprint(store.db), before);
    store.db.prepare("UPDATE collections SET private = 1 WHERE id = 'c'").run();
    assert.notEqual(fingerprint(store.db), before);
    assert.equal((await store.search({ query: 'aardvarks' })).total, 0, 'a collection made private is not searched');
  } finally {
    await store.close();
  }
});
