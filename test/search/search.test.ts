import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addAlias } from '../../src/entities/aliases.ts';
import { isVerbatimError } from '../../src/errors.ts';
import type { SearchResult } from '../../src/search/types.ts';
import type { SqliteStore } from '../../src/store/index.ts';
import { searchSqlite } from '../../src/store/sqlite/sqlite-search.ts';
import { openFixtureStore } from './fixtures.ts';

let store: SqliteStore;
before(async () => {
  store = await openFixtureStore();
});
after(async () => {
  await store.close();
});

const search = (query: string, extra: object = {}) => store.search({ query, ...extra });
const docIds = (result: SearchResult) => result.hits.map((hit) => hit.doc_id);

describe('search: private collections never leak', () => {
  test('a word found only in a private document finds nothing, in every count', async () => {
    const result = await search('zebracorn');
    assert.equal(result.total, 0);
    assert.equal(result.total_passages, 0);
    assert.deepEqual(result.hits, []);
    for (const counts of Object.values(result.facets)) assert.deepEqual(counts, {});
  });

  test('a word in public and private documents counts and facets the public ones only', async () => {
    const result = await search('alliance');
    assert.deepEqual(docIds(result).sort(), ['pub-dinner', 'pub-telcon', 'pub-undated']);
    assert.equal(result.total, 3);
    assert.equal(result.total_passages, 4);
    assert.equal(result.facets.classification?.['top-secret'], undefined);
    assert.equal(result.facets.collection?.['test-private'], undefined);
    assert.equal(result.facets.place?.Moscow, undefined);
    assert.ok(result.hits.every((hit) => !hit.snippet.includes('privately') && !hit.snippet.includes('zebracorn')));
  });

  test('filter-only queries and collection: by id do not reach private documents either', async () => {
    assert.equal((await search('collection:test-private')).total, 0);
    assert.equal((await search('classification:top-secret')).total, 0);
    assert.deepEqual(docIds(await search('speaker:yeltsin')), ['pub-dinner']);
    assert.equal((await search('-harvests', {})).hits.some((hit) => hit.doc_id.startsWith('priv')), false);
  });
});

describe('search: names through the authority', () => {
  test('Yeltsin in any spelling or script is the same speaker', async () => {
    for (const name of ['Yeltsin', 'Ельцин', 'Eltsin', "El'tsin", '"Boris Yeltsin"', '"Борис Ельцин"', 'yeltsin-boris']) {
      const result = await search(`speaker:${name} alliance`);
      assert.deepEqual(docIds(result), ['pub-dinner'], name);
      assert.equal(result.hits[0]?.speaker, 'Boris Yeltsin');
      assert.deepEqual(result.resolved[0]?.person_ids, ['yeltsin-boris'], name);
    }
  });

  test('speaker: keeps to the passages the person speaks', async () => {
    const result = await search('speaker:clinton alliance');
    assert.deepEqual(docIds(result), ['pub-dinner']);
    assert.equal(result.hits[0]?.passage_id, 'pub-dinner-p2');
  });

  test('person: takes documents the person takes part in', async () => {
    assert.deepEqual(docIds(await search('person:kozyrev')), ['pub-telcon']);
    assert.deepEqual(docIds(await search('person:Clinton', { sort: 'date' })), ['pub-dinner', 'pub-telcon']);
  });

  test('an alias added by the user is found, and an unknown name reports itself', async () => {
    const before = await search('speaker:"Boris the Bear"');
    assert.deepEqual(before.resolved, [{ field: 'speaker', name: 'Boris the Bear', person_ids: [] }]);
    assert.equal(before.total, 0);
    await addAlias(store, 'Yeltsin', 'Boris the Bear');
    const afterAlias = await search('speaker:"Boris the Bear"');
    assert.deepEqual(afterAlias.resolved[0]?.person_ids, ['yeltsin-boris']);
    assert.deepEqual(docIds(afterAlias), ['pub-dinner']);
  });

  test('adding an alias to an unknown person is refused', async () => {
    await assert.rejects(addAlias(store, 'Nobody Atall', 'X'), (error) => isVerbatimError(error, 'VBT_ERR_NOT_FOUND'));
  });
});

describe('search: filters', () => {
  test('date: a month-precision document lies within its month only', async () => {
    assert.deepEqual(docIds(await search('date:1994-03')), ['pub-telcon']);
    assert.deepEqual(docIds(await search('date:1994-03-31')), ['pub-telcon']);
    assert.deepEqual(docIds(await search('date:1994-04..')), []);
    assert.deepEqual(docIds(await search('date:..1994-02', { sort: 'date' })), ['pub-dinner']);
    assert.deepEqual(docIds(await search('year:1994', { sort: 'date' })), ['pub-dinner', 'pub-telcon']);
  });

  test('-date: keeps undated documents', async () => {
    assert.deepEqual(docIds(await search('harvests -date:1994')), ['pub-undated']);
  });

  test('place: matches folded words of the place', async () => {
    assert.deepEqual(docIds(await search('place:moscow')), ['pub-dinner']);
    assert.deepEqual(docIds(await search('place:"novo ogaryovo"')), ['pub-dinner']);
    assert.deepEqual(docIds(await search('place:mosc')), [], 'whole words only');
  });

  test('type:, classification:, collection: by title words', async () => {
    assert.deepEqual(docIds(await search('type:telcon')), ['pub-telcon']);
    assert.deepEqual(docIds(await search('classification:secret')), ['pub-dinner']);
    assert.equal((await search('collection:"open series"')).total, 3);
  });
});

describe('search: results', () => {
  test('passages are grouped by document, best first, the others counted', async () => {
    const result = await search('alliance OR harvests');
    const dinner = result.hits.find((hit) => hit.doc_id === 'pub-dinner');
    assert.equal(dinner?.other_passages, 2);
    assert.equal(result.total_passages, 5);
  });

  test('snippets highlight every form of the word that matched', async () => {
    const result = await search('harvest');
    const hit = result.hits.find((candidate) => candidate.doc_id === 'pub-dinner');
    assert.ok(hit);
    const marked = hit.highlights.map(([start, end]) => hit.snippet.slice(start, end));
    assert.deepEqual(marked, ['harvests']);
  });

  test('stemming, case and prefix', async () => {
    assert.equal((await search('HARVEST')).total, 2);
    assert.deepEqual(docIds(await search('consult*')), ['pub-telcon']);
    assert.deepEqual(docIds(await search('enlargem*')), ['pub-telcon'], 'a prefix longer than the stem still matches');
  });

  test('phrases need their words adjacent and in order', async () => {
    assert.deepEqual(docIds(await search('"grain harvests"', { sort: 'date' })), ['pub-dinner', 'pub-undated']);
    assert.equal((await search('"harvests grain"')).total, 0);
  });

  test('pagination and date sorting', async () => {
    const all = await search('alliance', { sort: 'date' });
    assert.deepEqual(docIds(all), ['pub-dinner', 'pub-telcon', 'pub-undated'], 'undated last');
    const page = await search('alliance', { sort: 'date', limit: 1, offset: 1 });
    assert.deepEqual(docIds(page), ['pub-telcon']);
    assert.equal(page.total, 3);
    assert.deepEqual(docIds(await search('alliance', { sort: 'date-desc' })), ['pub-telcon', 'pub-dinner', 'pub-undated']);
  });

  test('facets count documents of the whole result set, not of the page', async () => {
    const result = await search('alliance', { limit: 1 });
    assert.deepEqual(result.facets.type, { memcon: 1, memo: 1, telcon: 1 });
    assert.deepEqual(result.facets.year, { '1994': 2 });
    assert.deepEqual(result.facets.person, { 'clinton-william': 2, 'kozyrev-andrei': 1, 'yeltsin-boris': 1 });
    assert.equal(result.persons['clinton-william'], 'William J. Clinton');
    assert.deepEqual(Object.keys(result.facets.collection ?? {}), Object.keys(result.collections));
    assert.ok(Object.values(result.collections).every((title) => title.length > 0 && !Object.keys(result.collections).includes(title)), 'titles, not ids');
  });

  test('a bad query is VBT_ERR_QUERY_SYNTAX, a bad page a bad argument', async () => {
    await assert.rejects(search('alliance ('), (error) => isVerbatimError(error, 'VBT_ERR_QUERY_SYNTAX'));
    await assert.rejects(search('alliance', { limit: 0 }), (error) => isVerbatimError(error, 'VBT_ERR_BAD_ARGUMENT'));
  });

  test('a document written after the first search is found (the passage map follows changes)', async () => {
    const { makeDocument, PERSONS } = await import('./fixtures.ts');
    assert.equal((await search('quinoa')).total, 0);
    await store.putDocument(
      makeDocument(
        { id: 'pub-late', collection: { id: 'test-public', title: 'Test Papers, Open Series' }, title: 'Late', passages: [['', 'Quinoa was served.']] },
        PERSONS,
      ),
    );
    assert.deepEqual(docIds(await search('quinoa')), ['pub-late']);
  });
});

describe('search: the posting lists and FTS5 agree', () => {
  const fts5 = (query: string, extra: object = {}) => searchSqlite(store.db, store, { query, ...extra }, { postings: false });

  test('every query shape the posting lists answer gives what FTS5 gives, privacy included', async () => {
    for (const query of [
      'alliance',
      'Alliances',
      'alliance -harvests',
      'alliance OR harvests',
      '"alliance" type:memcon',
      'speaker:yeltsin alliance',
      'alliance -type:telcon year:1990..1999',
      'zebracorn',
    ]) {
      for (const sort of ['relevance', 'date'] as const) {
        const [mine, theirs] = [await search(query, { sort, limit: 2 }), await fts5(query, { sort, limit: 2 })];
        assert.deepEqual(mine, theirs, `${query} by ${sort}`);
        const [nextMine, nextTheirs] = [await search(query, { sort, limit: 2, offset: 2 }), await fts5(query, { sort, limit: 2, offset: 2 })];
        assert.deepEqual(nextMine, nextTheirs, `${query} by ${sort}, second page`);
      }
    }
  });

  test('a passage replaced after the lists were built is found by its new words only', async () => {
    const { makeDocument, PERSONS } = await import('./fixtures.ts');
    const collection = { id: 'test-public', title: 'Test Papers, Open Series' };
    await store.putDocument(makeDocument({ id: 'pub-swap', collection, title: 'Swap', passages: [['', 'Quokkas were discussed.']] }, PERSONS));
    assert.deepEqual(docIds(await search('quokkas')), ['pub-swap']);
    await store.putDocument(makeDocument({ id: 'pub-swap', collection, title: 'Swap', passages: [['', 'Wombats were discussed.']] }, PERSONS));
    assert.deepEqual(docIds(await search('quokkas')), []);
    assert.deepEqual(docIds(await search('wombats')), ['pub-swap']);
    assert.deepEqual(await search('discussed'), await fts5('discussed'));
  });
});
