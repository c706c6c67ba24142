import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SqliteStore } from '../../src/store/index.ts';
import { indexTokenizer } from '../../src/store/sqlite/index-tokenizer.ts';
import { PostingIndex } from '../../src/store/sqlite/posting-index.ts';
import { InThreadSegmentBuilder, WorkerSegmentBuilder, type SegmentBatch } from '../../src/store/sqlite/segment-builder.ts';
import { fingerprints } from '../../src/trace/fingerprint.ts';
import { makeDocument, PERSONS } from '../search/fixtures.ts';
import { tempDir } from '../helpers/shared.ts';

const TEXTS = [
  'The Secretary said that the treaty would be signed in the spring if the Senate agreed.',
  'Gromyko replied that the Soviet side had no objection to a meeting in Geneva.',
  'The President asked whether the convoy would cross the river at dawn or at dusk.',
  'Kissinger noted that the treaty would be signed only after the elections in the spring.',
];

/** A batch of passages with made-up term ids: three in the body, one in the speaker column. */
function batchOf(rowids: number[]): SegmentBatch {
  const terms = rowids.flatMap((rowid) => [rowid % 5, (rowid * 3) % 7, rowid % 5, 9]);
  return {
    rowids: Int32Array.from(rowids),
    terms: Int32Array.from(terms),
    spans: Int32Array.from(rowids.flatMap(() => [0, 3, 0, 1])),
  };
}

test('the index thread builds the same lists as this thread, segment after segment', () => {
  const here = new InThreadSegmentBuilder();
  const there = new WorkerSegmentBuilder();
  try {
    for (const segment of [[1, 2, 3], [10, 11, 12, 40]]) {
      for (const builder of [here, there]) {
        builder.add(batchOf(segment.slice(0, 2)));
        builder.add(batchOf(segment.slice(2)));
      }
      const [mine, theirs] = [here.finish(), there.finish()];
      assert.deepEqual(theirs, mine);
      assert.ok(mine.terms.keys.length > 0 && mine.pairs.keys.length > 0);
      assert.equal(mine.passages, segment.length);
    }
  } finally {
    there.close();
  }
});

test('a refresh that builds on a thread stores what one building here stores, and search and lookups answer alike', async () => {
  const stores = [new SqliteStore(tempDir('verbatim-thread-')), new SqliteStore(tempDir('verbatim-here-'))];
  try {
    const tables: unknown[][] = [];
    for (const [at, store] of stores.entries()) {
      for (const [n, text] of TEXTS.entries()) {
        store.writeDocument(makeDocument({ id: `d${n}`, collection: { id: 'c', title: 'C' }, title: 'D', passages: [[PERSONS[0]?.id ?? '', text], ['', `${text} It was noted.`]] }, PERSONS));
      }
      new PostingIndex(store.db, indexTokenizer(store.db), { segmentPassages: 3, maxSegments: 24, threadFrom: at === 0 ? 0 : Infinity }).refresh();
      tables.push(['quotation_postings ORDER BY hash, segment', 'postings ORDER BY term, segment', 'posting_segments ORDER BY id']
        .map((table) => store.db.prepare(`SELECT * FROM ${table}`).all()));
    }
    assert.deepEqual(tables[0], tables[1]);
    const probe = fingerprints('the convoy would cross the river at dawn');
    const [threaded, here] = await Promise.all(stores.map((store) => store.findPassagesByFingerprint(probe, 3)));
    assert.deepEqual(threaded, here);
    assert.equal(threaded?.[0]?.doc_id, 'd2');
    const [a, b] = await Promise.all(stores.map((store) => store.search({ query: 'treaty spring', facets: true })));
    assert.deepEqual(a, b);
    assert.equal(a?.total_passages, 4);
  } finally {
    for (const store of stores) await store.close();
  }
});

test('a thread that cannot start is an error at the segment\'s end, not a wait', () => {
  const broken = new WorkerSegmentBuilder('./no-such-module.ts');
  try {
    broken.add(batchOf([1, 2]));
    const started = Date.now();
    assert.throws(() => broken.finish(), /index thread failed: could not start/);
    assert.ok(Date.now() - started < 10_000);
  } finally {
    broken.close();
  }
});
