import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ingestPaths } from '../../src/ingest/pipeline.ts';
import { SqliteStore } from '../../src/store/index.ts';
import { openCorpusStore } from '../helpers/corpus-store.ts';
import { FRUS_DIR, sharedSkip, tempDir } from '../helpers/shared.ts';

const V = 'frus1981-88v05-d';
const C = 'frus1969-76ve13-d';

describe('search over the shared FRUS corpus', () => {
  test('shared: speaker:gorbachev sdi returns Gorbachev speaking on SDI at Geneva and Reykjavik', { skip: sharedSkip }, async () => {
    const store = await openCorpusStore();
    const result = await store.search({ query: 'speaker:gorbachev sdi' });
    assert.deepEqual(result.resolved, [{ field: 'speaker', name: 'gorbachev', person_ids: ['gorbachev-mikhail'] }]);
    assert.ok(result.hits.length >= 4);
    assert.ok(result.hits.every((hit) => hit.speaker_id === 'gorbachev-mikhail'));
    const ids = result.hits.map((hit) => hit.doc_id);
    for (const expected of [`${V}152`, `${V}153`, `${V}157`, `${V}302`]) assert.ok(ids.includes(expected), expected);
    assert.ok(result.hits.every((hit) => hit.highlights.length > 0), 'every snippet shows the match');
    assert.deepEqual(Object.keys(result.facets.place ?? {}).sort(), ['Geneva', 'Reykjavik']);
  });

  test('shared: a plain word in Cyrillic naming a person also finds the name as the archive writes it', { skip: sharedSkip }, async () => {
    const store = await openCorpusStore();
    const latin = await store.search({ query: 'Shevardnadze', limit: 20 });
    const cyrillic = await store.search({ query: 'Шеварднадзе', limit: 20 });
    assert.ok(latin.total >= 5);
    assert.equal(cyrillic.total, latin.total);
    assert.deepEqual(cyrillic.hits.map((hit) => hit.doc_id), latin.hits.map((hit) => hit.doc_id));
    // A Cyrillic word that names no one still matches only itself.
    assert.equal((await store.search({ query: 'Москва' })).total, 0);
  });

  test('shared: Shevardnadze in Latin and Cyrillic script speaks the same passages', { skip: sharedSkip }, async () => {
    const store = await openCorpusStore();
    const latin = await store.search({ query: 'speaker:shevardnadze', limit: 50 });
    const cyrillic = await store.search({ query: 'speaker:Шеварднадзе', limit: 50 });
    assert.ok(latin.total >= 2);
    assert.deepEqual(cyrillic.hits, latin.hits);
    assert.equal(latin.hits[0]?.doc_id, `${V}154`, 'the Shultz–Shevardnadze meeting first');
  });

  test('shared: the first day at Geneva is date:1985-11-19; filters without words list documents', { skip: sharedSkip }, async () => {
    const store = await openCorpusStore();
    const result = await store.search({ query: 'date:1985-11-19', sort: 'date', limit: 20 });
    assert.deepEqual(
      result.hits.map((hit) => hit.doc_id).sort(),
      [150, 151, 152, 153, 154, 155].map((n) => `${V}${n}`),
    );
    assert.ok(result.hits.every((hit) => hit.score === 0));
  });

  test('shared: facets count the whole result set, by document', { skip: sharedSkip }, async () => {
    const store = await openCorpusStore();
    const result = await store.search({ query: 'collection:frus1969-76ve13', limit: 1 });
    const stats = await store.stats();
    const collection = stats.collections.find((c) => c.id === 'frus1969-76ve13');
    assert.equal(result.total, collection?.documents);
    assert.equal(result.facets.year?.['1971'], collection?.documents);
    const byType = Object.values(result.facets.type ?? {}).reduce((a, b) => a + b, 0);
    assert.equal(byType, result.total);
  });

  test('shared: Taiwan in Chou En-lai’s words is in the October 1971 Beijing record', { skip: sharedSkip }, async () => {
    const store = await openCorpusStore();
    const result = await store.search({ query: 'speaker:"Chou En-lai" taiwan place:beijing year:1971' });
    assert.deepEqual(result.hits.map((hit) => hit.doc_id), [`${C}40`]);
    assert.ok(result.hits[0] && result.hits[0].other_passages > 5);
  });

  test('shared: a collection made private leaks nothing: hits, counts, facets, filters', { skip: sharedSkip }, async () => {
    const store = new SqliteStore(tempDir('verbatim-private-'));
    try {
      await ingestPaths(store, [FRUS_DIR]);
      store.db.prepare("UPDATE collections SET private = 1 WHERE id = 'frus1969-76ve13'").run();
      for (const query of ['taiwan', 'speaker:chou', 'collection:frus1969-76ve13', 'year:1971', 'walters OR kissinger']) {
        const result = await store.search({ query, limit: 100 });
        assert.ok(result.hits.every((hit) => hit.doc_id.startsWith(V)), query);
        assert.equal(result.facets.collection?.['frus1969-76ve13'], undefined, query);
        assert.equal(result.facets.year?.['1971'], undefined, query);
        assert.equal(result.facets.person?.['chou-en-lai'], undefined, query);
      }
      assert.equal((await store.search({ query: 'taiwan' })).total, 0);
    } finally {
      await store.close();
    }
  });
});
