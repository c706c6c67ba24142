import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../src/store/index.ts';
import { MIGRATIONS } from '../../src/store/sqlite/schema.ts';
import { DATABASE_FILE } from '../../src/store/sqlite/sqlite-store.ts';
import { fingerprints } from '../../src/trace/fingerprint.ts';
import { makeDocument, PERSONS } from '../search/fixtures.ts';
import { tempDir } from '../helpers/shared.ts';

const collection = { id: 'c', title: 'C' };
const STORED_TABLES = ['collections', 'documents', 'passages', 'persons', 'person_aliases', 'document_persons'];

/** An archive as schema 5 left it: FTS5 rows written with each document, a fingerprint table, lists of its own version. */
function schema5Archive(): string {
  const source = new SqliteStore(tempDir('verbatim-source-'));
  for (const [id, text] of [['a', 'The convoy would cross the river at dawn.'], ['b', 'Ocelots were counted twice.']] as const) {
    source.writeDocument(makeDocument({ id, collection, title: id, passages: [['', text]] }, PERSONS));
  }
  const directory = tempDir('verbatim-migrate-');
  const db = new Database(join(directory, DATABASE_FILE));
  for (const migration of MIGRATIONS.slice(0, 5)) db.exec(migration);
  db.exec(`ATTACH DATABASE '${join(source.location, DATABASE_FILE)}' AS source`);
  for (const table of STORED_TABLES) db.exec(`INSERT INTO ${table} SELECT * FROM source.${table}`);
  db.exec(`INSERT INTO passages_fts (rowid, heading, body, note, speaker) SELECT rowid, NULL, text, NULL, speaker_name FROM passages;
    INSERT INTO passage_fingerprints VALUES (1, 1);
    INSERT INTO posting_segments (first_rowid, last_rowid, passages, lengths) VALUES (1, 2, 2, x'0102');
    INSERT INTO postings (term, segment, postings, data) VALUES ('ocelot', 1, 1, x'0202');
    INSERT INTO meta (key, value) VALUES ('schema_version', '5'), ('postings_version', '1'), ('postings_through', '2'),
      ('fingerprint_version', '5'), ('fingerprints_through', '2');`);
  db.close();
  void source.close();
  return directory;
}

test('an archive of schema 5 opens at the current schema, its derived indexes rebuilt once, and searches and traces as new', async () => {
  const store = new SqliteStore(schema5Archive());
  try {
    const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    assert.ok(tables.includes('quotation_postings') && !tables.includes('passage_fingerprints'));
    const result = await store.search({ query: 'ocelots' });
    assert.equal(result.total_passages, 1, 'FTS5 and the lists were rebuilt once, not added to');
    assert.equal(store.db.prepare("SELECT count(*) FROM passages_fts WHERE passages_fts MATCH 'ocelots'").pluck().get(), 1);
    assert.equal((await store.search({ query: 'ocel*' })).total_passages, 1, 'FTS5 answers too');
    const hits = await store.findPassagesByFingerprint(fingerprints('the convoy would cross the river'), 5);
    assert.deepEqual(hits.map((hit) => hit.doc_id), ['a']);
  } finally {
    await store.close();
  }
});
