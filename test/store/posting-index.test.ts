import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodePostings } from '../../src/search/postings/codec.ts';
import { SqliteStore } from '../../src/store/index.ts';
import { indexTokenizer } from '../../src/store/sqlite/index-tokenizer.ts';
import { PostingIndex } from '../../src/store/sqlite/posting-index.ts';
import { makeDocument, PERSONS } from '../search/fixtures.ts';
import { tempDir } from '../helpers/shared.ts';

const collection = { id: 'c', title: 'C' };
const ONE = { heading: 1, body: 1, note: 1, speaker: 1 };

describe('posting lists', () => {
  test('a deleted passage\'s rowid is never given to a new one, so old postings cannot name it', async () => {
    const store = new SqliteStore(tempDir('verbatim-rowids-'));
    try {
      const collection = { id: 'c', title: 'C' };
      await store.putDocument(makeDocument({ id: 'a', collection, title: 'A', passages: [['', 'Aardvarks.'], ['', 'More aardvarks.']] }, PERSONS));
      await store.search({ query: 'aardvarks' });
      const before = store.db.prepare('SELECT max(rowid) FROM passages').pluck().get() as number;
      await store.putDocument(makeDocument({ id: 'a', collection, title: 'A', passages: [['', 'Badgers.']] }, PERSONS));
      const after = store.db.prepare('SELECT min(rowid) FROM passages').pluck().get() as number;
      assert.ok(after > before, `${after} > ${before}`);
      assert.equal((await store.search({ query: 'aardvarks' })).total, 0);
      assert.equal((await store.search({ query: 'badgers' })).total, 1);
    } finally {
      await store.close();
    }
  });

  test('two connections refreshing at once never index a passage twice', async () => {
    const directory = tempDir('verbatim-race-');
    const writer = new SqliteStore(directory);
    const other = new SqliteStore(directory);
    try {
      for (let n = 0; n < 3; n += 1) {
        writer.writeDocument(makeDocument({ id: `d${n}`, collection, title: 'D', passages: [['', `Ocelots, paragraph ${n}.`]] }, PERSONS));
      }
      const mine = new PostingIndex(writer.db, indexTokenizer(writer.db));
      const theirs = new PostingIndex(other.db, indexTokenizer(other.db));
      // The other connection indexes everything while this one is between reading and writing.
      mine.refresh((done) => {
        if (done > 0 && !theirs.isCurrent()) theirs.refresh();
      });
      assert.ok(mine.isCurrent());
      assert.equal(decodePostings(mine.list('ocelot').parts, ONE).rows.length, 3);
      assert.equal((await writer.search({ query: 'ocelots' })).total_passages, 3);
    } finally {
      await other.close();
      await writer.close();
    }
  });
});
