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

describe('segments', () => {
  const segmentCount = (store: SqliteStore) => store.db.prepare('SELECT count(*) FROM posting_segments').pluck().get() as number;
  const rowsOf = (index: PostingIndex, term: string) => [...decodePostings(index.list(term).parts, ONE).rows];
  const rowids = (store: SqliteStore) => store.db.prepare('SELECT rowid FROM passages ORDER BY rowid').pluck().all() as number[];

  /** Runs `body` on a new store and a posting index over it that refreshes here, in segments of `segmentPassages`. */
  function withIndex(segmentPassages: number, maxSegments: number, body: (store: SqliteStore, index: PostingIndex) => void): void {
    const store = new SqliteStore(tempDir('verbatim-segments-'));
    try {
      body(store, new PostingIndex(store.db, indexTokenizer(store.db), { segmentPassages, maxSegments, threadFrom: Infinity }));
    } finally {
      void store.close();
    }
  }

  test('small refreshes pile up segments until a rebuild makes as few as the passages need', () => {
    withIndex(2, 4, (store, index) => {
      const counts: number[] = [];
      for (let n = 0; n < 6; n += 1) {
        store.writeDocument(makeDocument({ id: `d${n}`, collection, title: 'D', passages: [['', `Ocelots, paragraph ${n}.`]] }, PERSONS));
        index.refresh();
        counts.push(segmentCount(store));
      }
      // One segment per refresh until there are four, twice the two that four passages need: the
      // fifth refresh rebuilds (three segments of at most two passages), the sixth appends.
      assert.deepEqual(counts, [1, 2, 3, 4, 3, 4]);
      assert.equal(rowsOf(index, 'ocelot').length, 6);
      assert.equal(new Set(rowsOf(index, 'ocelot')).size, 6);
    });
  });

  test('a list stored in its own rows in some segments and in a bundle in others reads whole and in rowid order', () => {
    withIndex(1000, 24, (store, index) => {
      const ocelots = (id: string, count: number) => makeDocument({ id, collection, title: 'D', passages: Array.from({ length: count }, (_, n) => ['', `Ocelots, paragraph ${n}.`] as [string, string]) }, PERSONS);
      for (const [id, count] of [['many', 40], ['one', 1], ['more', 40], ['two', 2]] as const) {
        store.writeDocument(ocelots(id, count));
        index.refresh();
      }
      const ownRows = store.db.prepare("SELECT count(*) FROM postings WHERE term = 'ocelot'").pluck().get() as number;
      assert.equal(ownRows, 2, 'the two long lists have rows of their own, the two short ones are bundled');
      assert.deepEqual(rowsOf(index, 'ocelot'), rowids(store));
      assert.equal(index.list('ocelot').postings, 83);
      assert.deepEqual(rowsOf(index, 'ocelot paragraph'), rowids(store));
      const bounded = index.list('ocelot', 79);
      assert.deepEqual([bounded.parts.length, bounded.postings], [0, 80], 'past the bound, the own rows are counted and not read');
      assert.equal(index.list('ocelot', 80).postings, 83, 'within it, the whole list is read');
    });
  });

  test('a key too long for a bundle keeps rows of its own, small as its list is', () => {
    withIndex(1000, 24, (store, index) => {
      const long = 'z'.repeat(300);
      store.writeDocument(makeDocument({ id: 'long', collection, title: 'D', passages: [['', `A ${long} word.`], ['', 'Nothing.'], ['', `Again ${long}.`]] }, PERSONS));
      index.refresh();
      assert.equal(store.db.prepare('SELECT count(*) FROM postings WHERE term = ?').pluck().get(long), 1);
      const [first, , third] = rowids(store);
      assert.deepEqual(rowsOf(index, long), [first, third]);
    });
  });

  test('when a quarter of the postings are dead the lists are rebuilt without them, FTS5 and quotation lists too', async () => {
    const store = new SqliteStore(tempDir('verbatim-dead-'));
    try {
      const index = new PostingIndex(store.db, indexTokenizer(store.db));
      for (let n = 0; n < 4; n += 1) {
        store.writeDocument(makeDocument({ id: `d${n}`, collection, title: 'D', passages: [['', `Ocelots, paragraph ${n}.`]] }, PERSONS));
      }
      index.refresh();
      store.writeDocument(makeDocument({ id: 'd0', collection, title: 'D', passages: [['', 'Badgers instead.']] }, PERSONS));
      store.writeDocument(makeDocument({ id: 'd1', collection, title: 'D', passages: [['', 'Badgers again.']] }, PERSONS));
      assert.equal(rowsOf(index, 'ocelot').length, 4, 'dead postings stay until the rebuild');
      index.refresh();
      assert.equal(rowsOf(index, 'ocelot').length, 2);
      assert.equal(rowsOf(index, 'badger').length, 2);
      const fts = store.db.prepare("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH 'ocelots'").pluck().get();
      assert.equal(fts, 2);
      const quotationRows = store.db.prepare('SELECT (SELECT count(*) FROM quotation_postings) + (SELECT count(*) FROM quotation_bundles)').pluck().get() as number;
      assert.ok(quotationRows > 0);
      assert.equal((await store.search({ query: 'ocelots' })).total_passages, 2);
    } finally {
      await store.close();
    }
  });
});

test('an archive indexed before FTS5 had a mark of its own is current as it stands, and catches up without writing a passage to FTS5 twice', async () => {
  const store = new SqliteStore(tempDir('verbatim-fulltext-mark-'));
  try {
    const write = (n: number) => store.writeDocument(makeDocument({ id: `d${n}`, collection, title: 'D', passages: [['', `Ocelots, paragraph ${n}.`]] }, PERSONS));
    const ftsRows = () => store.db.prepare("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH 'ocelot'").pluck().get();
    for (let n = 0; n < 3; n += 1) write(n);
    new PostingIndex(store.db, indexTokenizer(store.db)).refresh();
    store.db.prepare("DELETE FROM meta WHERE key = 'fulltext_through'").run();
    const index = new PostingIndex(store.db, indexTokenizer(store.db));
    assert.ok(index.isCurrent());
    write(3);
    index.refresh();
    assert.equal(ftsRows(), 4);
    assert.equal((await store.search({ query: 'ocelots' })).total_passages, 4);
  } finally {
    await store.close();
  }
});
