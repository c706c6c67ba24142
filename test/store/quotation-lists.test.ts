import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SqliteStore } from '../../src/store/index.ts';
import { indexTokenizer } from '../../src/store/sqlite/index-tokenizer.ts';
import { PostingIndex } from '../../src/store/sqlite/posting-index.ts';
import { InThreadQuotationLists, WorkerQuotationLists } from '../../src/store/sqlite/quotation-lists.ts';
import { fingerprints } from '../../src/trace/fingerprint.ts';
import { makeDocument, PERSONS } from '../search/fixtures.ts';
import { tempDir } from '../helpers/shared.ts';

const TEXTS = [
  'The Secretary said that the treaty would be signed in the spring if the Senate agreed.',
  'Gromyko replied that the Soviet side had no objection to a meeting in Geneva.',
  'The President asked whether the convoy would cross the river at dawn or at dusk.',
  'Kissinger noted that the treaty would be signed only after the elections in the spring.',
];

test('the fingerprinting thread makes the same lists as this thread, segment after segment', () => {
  const here = new InThreadQuotationLists();
  const there = new WorkerQuotationLists();
  try {
    for (const segment of [[1, 2, 3], [10, 11, 12, 40]]) {
      const texts = segment.map((rowid) => `${TEXTS[rowid % TEXTS.length]} Paragraph ${rowid}.`);
      for (const builder of [here, there]) {
        builder.add(segment.slice(0, 2), texts.slice(0, 2));
        builder.add(segment.slice(2), texts.slice(2));
      }
      const [mine, theirs] = [here.finish(), there.finish()];
      assert.deepEqual(theirs, mine);
      assert.ok(mine.keys.length > 0);
    }
  } finally {
    there.close();
  }
});

test('a refresh that fingerprints on a thread stores what one fingerprinting here stores, and lookups find the same passages', async () => {
  const stores = [new SqliteStore(tempDir('verbatim-thread-')), new SqliteStore(tempDir('verbatim-here-'))];
  try {
    const rows: unknown[][] = [];
    for (const [at, store] of stores.entries()) {
      for (const [n, text] of TEXTS.entries()) {
        store.writeDocument(makeDocument({ id: `d${n}`, collection: { id: 'c', title: 'C' }, title: 'D', passages: [['', text], ['', `${text} It was noted.`]] }, PERSONS));
      }
      new PostingIndex(store.db, indexTokenizer(store.db), { segmentPassages: 3, maxSegments: 24, fingerprintThreadFrom: at === 0 ? 0 : Infinity }).refresh();
      rows.push(store.db.prepare('SELECT hash, segment, postings, data FROM quotation_postings ORDER BY hash, segment').all());
    }
    assert.deepEqual(rows[0], rows[1]);
    const probe = fingerprints('the convoy would cross the river at dawn');
    const [threaded, here] = await Promise.all(stores.map((store) => store.findPassagesByFingerprint(probe, 3)));
    assert.deepEqual(threaded, here);
    assert.equal(threaded?.[0]?.doc_id, 'd2');
  } finally {
    for (const store of stores) await store.close();
  }
});
