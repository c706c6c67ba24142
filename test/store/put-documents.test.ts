import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { storeItems } from '../../src/ingest/pipeline.ts';
import type { Document } from '../../src/model/index.ts';
import { PASSAGES_PER_COMMIT, SqliteStore } from '../../src/store/index.ts';
import { DATABASE_FILE } from '../../src/store/sqlite/sqlite-store.ts';
import { makeDocument, PERSONS } from '../search/fixtures.ts';
import { tempDir } from '../helpers/shared.ts';

const collection = { id: 'c', title: 'C' };
/** A document of `passages` passages, each its own sentence. */
const documentOf = (id: string, passages: number): Document =>
  makeDocument({ id, collection, title: id, passages: Array.from({ length: passages }, (_, n) => ['', `Paragraph ${n} of ${id} on wombats.`] as [string, string]) }, PERSONS);

test('documents written together: those before one that fails are kept, it and those after are not, and its error is thrown', async () => {
  const store = new SqliteStore(tempDir('verbatim-put-'));
  try {
    const broken = documentOf('broken', 2);
    (broken.passages[1] as { id: string }).id = (broken.passages[0] as { id: string }).id;
    await assert.rejects(store.putDocuments([documentOf('a', 3), documentOf('b', 3), broken, documentOf('c', 3)]), /UNIQUE/);
    const ids = store.db.prepare('SELECT id FROM documents ORDER BY id').pluck().all();
    assert.deepEqual(ids, ['a', 'b']);
    assert.equal(store.db.prepare('SELECT count(*) FROM passages').pluck().get(), 6, 'the broken document left no passage');
    assert.deepEqual(await store.putDocuments([documentOf('a', 3), documentOf('c', 3)]), ['unchanged', 'inserted']);
    assert.equal((await store.search({ query: 'wombats' })).total, 3);
  } finally {
    await store.close();
  }
});

test('an ingest commits every PASSAGES_PER_COMMIT passages or so: another connection sees whole documents as they commit', async () => {
  const dir = tempDir('verbatim-commits-');
  const store = new SqliteStore(dir);
  const reader = new Database(join(dir, DATABASE_FILE), { readonly: true });
  try {
    const perDocument = 100;
    const seen: number[] = [];
    function* items() {
      for (let n = 0; n < 25; n += 1) {
        // What another connection sees before each document is read: committed documents only.
        seen.push(reader.prepare('SELECT count(*) FROM passages').pluck().get() as number);
        yield { kind: 'document' as const, document: documentOf(`d${n}`, perDocument) };
      }
    }
    assert.deepEqual(await storeItems(store, items()), { stored: 25, unchanged: 0 });
    const documentsPerCommit = Math.ceil(PASSAGES_PER_COMMIT / perDocument);
    const expected = Array.from({ length: Math.ceil(25 / documentsPerCommit) }, (_, k) => k * documentsPerCommit * perDocument);
    assert.deepEqual([...new Set(seen)], expected, 'a commit per PASSAGES_PER_COMMIT passages, none per document');
    assert.equal(reader.prepare('SELECT count(*) FROM passages').pluck().get(), 25 * perDocument);
  } finally {
    reader.close();
    await store.close();
  }
});
