import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SqliteStore } from '../../src/store/index.ts';
import { fingerprints } from '../../src/trace/fingerprint.ts';
import { makeDocument, PERSONS } from '../search/fixtures.ts';
import { tempDir } from '../helpers/shared.ts';

const collection = { id: 'c', title: 'C' };

test('an archive of schema 5 (FTS5 rows written with each document, a fingerprint table) opens at the current schema and searches and traces as new', async () => {
  const directory = tempDir('verbatim-migrate-');
  const old = new SqliteStore(directory);
  for (const [id, text] of [['a', 'The convoy would cross the river at dawn.'], ['b', 'Ocelots were counted twice.']] as const) {
    old.writeDocument(makeDocument({ id, collection, title: id, passages: [['', text]] }, PERSONS));
  }
  await old.prepareSearch();
  // What schema 5 left behind: its fingerprint table and lists of its own version, no quotation lists.
  old.db.exec(`DROP TABLE quotation_postings;
    CREATE TABLE passage_fingerprints (hash INTEGER NOT NULL, passage_rowid INTEGER NOT NULL, PRIMARY KEY (hash, passage_rowid)) WITHOUT ROWID;
    INSERT INTO passage_fingerprints VALUES (1, 1);
    INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', '5'), ('postings_version', '1'), ('fingerprint_version', '5'), ('fingerprints_through', '2');`);
  await old.close();

  const store = new SqliteStore(directory);
  try {
    const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    assert.ok(tables.includes('quotation_postings') && !tables.includes('passage_fingerprints'));
    const result = await store.search({ query: 'ocelots' });
    assert.equal(result.total_passages, 1, 'FTS5 and the lists were rebuilt once, not added to');
    assert.equal(store.db.prepare("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH 'ocelots'").pluck().get(), 1);
    const hits = await store.findPassagesByFingerprint(fingerprints('the convoy would cross the river'), 5);
    assert.deepEqual(hits.map((hit) => hit.doc_id), ['a']);
  } finally {
    await store.close();
  }
});
