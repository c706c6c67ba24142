import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodePostings, forEachLength } from '../../src/search/postings/codec.ts';
import type { SqliteStore } from '../../src/store/index.ts';
import { sqliteVarints } from '../../src/store/sqlite/fts5-statistics.ts';
import { indexTokenizer } from '../../src/store/sqlite/index-tokenizer.ts';
import { PostingIndex } from '../../src/store/sqlite/posting-index.ts';
import { openCorpusStore } from '../helpers/corpus-store.ts';
import { sharedSkip } from '../helpers/shared.ts';

const UNWEIGHTED = { heading: 1, body: 1, note: 1, speaker: 1 };

describe('posting lists against FTS5', () => {
  test('shared: every passage length and every term list equal what FTS5 itself indexed', { skip: sharedSkip }, async () => {
    const store = (await openCorpusStore()) as SqliteStore;
    const index = new PostingIndex(store.db, indexTokenizer(store.db));
    assert.ok(index.isCurrent(), 'ingest left the lists current');
    const fts5Lengths = new Map<number, number>();
    for (const [rowid, sizes] of store.db.prepare('SELECT id, sz FROM passages_fts_docsize').raw().iterate() as Iterable<[number, Uint8Array]>) {
      fts5Lengths.set(rowid, sqliteVarints(sizes).reduce((a, b) => a + b, 0));
    }
    const ours = new Map<number, number>();
    for (const part of index.lengths()) forEachLength(part, (rowid, tokens) => ours.set(rowid, tokens));
    assert.deepEqual(ours, fts5Lengths);

    store.db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_rows USING fts5vocab(main, passages_fts, 'row')");
    const vocabulary = store.db.prepare('SELECT term, doc, cnt FROM temp.fts_rows').raw().all() as [string, number, number][];
    assert.ok(vocabulary.length > 1000, `${vocabulary.length} terms`);
    for (const [term, documents, instances] of vocabulary) {
      const { parts, postings } = index.list(term);
      const list = decodePostings(parts, UNWEIGHTED, postings);
      assert.equal(list.rows.length, documents, term);
      assert.equal(list.frequencies.reduce((a, b) => a + b, 0), instances, term);
    }
  });
});
