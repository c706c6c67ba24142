import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SqliteStore } from '../../src/store/index.ts';
import { indexTokenizer } from '../../src/store/sqlite/index-tokenizer.ts';
import { buildPassageMap, fingerprint } from '../../src/store/sqlite/passage-map.ts';
import { PostingIndex } from '../../src/store/sqlite/posting-index.ts';
import { fingerprints } from '../../src/trace/fingerprint.ts';
import { makeDocument, PERSONS } from '../search/fixtures.ts';
import { tempDir } from '../helpers/shared.ts';

test('saving a trace or looking up a quotation leaves the search map as it is; storing a document or changing a collection does not', async () => {
  const store = new SqliteStore(tempDir('verbatim-map-'));
  try {
    const collection = { id: 'c', title: 'C' };
    await store.putDocument(makeDocument({ id: 'a', collection, title: 'A', passages: [['', 'More aardvarks were counted.']] }, PERSONS));
    await store.prepareSearch();
    const before = fingerprint(store.db);
    await store.putTrace({ id: 't1', created_at: '2026-11-28T00:00:00Z', version: 1, input: { format: 'text', content: 'x' }, result: {} });
    assert.equal(fingerprint(store.db), before);
    assert.equal((await store.findPassagesByFingerprint(fingerprints('More aardvarks were counted.'), 5)).length, 1);
    assert.equal(fingerprint(store.db), before);
    store.db.prepare("UPDATE collections SET private = 1 WHERE id = 'c'").run();
    assert.notEqual(fingerprint(store.db), before);
    assert.equal((await store.search({ query: 'aardvarks' })).total, 0, 'a collection made private is not searched');
  } finally {
    await store.close();
  }
});

/** documentOf and speakerOf as the passage rows give them: what the map must hold, however it was built. */
function mapFromRows(store: SqliteStore, map: ReturnType<typeof buildPassageMap>): { documents: number[]; speakers: (string | null)[] } {
  const documents = new Array<number>(map.documentOf.length).fill(0);
  const speakers = new Array<string | null>(map.documentOf.length).fill(null);
  const rows = store.db.prepare(`SELECT p.rowid, d.id AS doc_id, c.private, p.speaker_id FROM passages p
    JOIN documents d ON d.rowid = p.doc_rowid JOIN collections c ON c.id = d.collection_id`).all() as
    { rowid: number; doc_id: string; private: number; speaker_id: string | null }[];
  for (const row of rows) {
    documents[row.rowid] = row.private ? -1 : map.documents.findIndex((document) => document.id === row.doc_id) + 1;
    speakers[row.rowid] = row.speaker_id;
  }
  return { documents, speakers };
}

test('the map read from the index segments\' placements says what the passage rows say, after replacements, deletions and passages not yet indexed', async () => {
  const store = new SqliteStore(tempDir('verbatim-placements-'));
  try {
    const open = { id: 'open', title: 'Open' };
    const closed = { id: 'closed', title: 'Closed', private: true };
    const [gorbachev, reagan] = [PERSONS[0]?.id as string, PERSONS[1]?.id as string];
    const put = (id: string, collection: typeof open, texts: [string, string][]) =>
      store.writeDocument(makeDocument({ id, collection, title: id, passages: texts }, PERSONS));
    put('a', open, [[gorbachev, 'Aardvarks first.'], ['', 'Aardvarks second.']]);
    put('b', closed, [[reagan, 'Badgers in private.']]);
    put('c', open, [[reagan, 'Cats last.']]);
    await store.prepareSearch();
    put('c', open, [[gorbachev, 'Cats replaced: the last document, whose rowid SQLite would give out again.']]);
    put('a', open, [['', 'Aardvarks, one passage now.']]);
    await store.prepareSearch();
    put('d', open, [[reagan, 'Dogs, not indexed yet.']]);
    const postings = new PostingIndex(store.db, indexTokenizer(store.db));
    const map = buildPassageMap(store.db, postings);
    const expected = mapFromRows(store, map);
    assert.deepEqual([...map.documentOf], expected.documents);
    const codes = new Map([...map.speakerCodes].map(([id, code]) => [code, id]));
    map.documentOf.forEach((document, rowid) => {
      if (document !== 0) assert.equal(codes.get(map.speakerOf[rowid] as number) ?? null, expected.speakers[rowid], `speaker of ${rowid}`);
    });
    assert.ok(map.documentOf.includes(-1) && map.documentOf.filter((document) => document > 0).length === 3);
    assert.equal((await store.search({ query: 'cats' })).total_passages, 1);
    assert.equal((await store.search({ query: 'aardvarks' })).total_passages, 1);
  } finally {
    await store.close();
  }
});
