import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SqliteStore } from '../../src/store/index.ts';
import { indexTokenizer } from '../../src/store/sqlite/index-tokenizer.ts';
import { IndexWorker } from '../../src/store/sqlite/index-worker.ts';
import { PostingIndex, type IndexLimits } from '../../src/store/sqlite/posting-index.ts';
import { fingerprints } from '../../src/trace/fingerprint.ts';
import { makeDocument, PERSONS } from '../search/fixtures.ts';
import { tempDir } from '../helpers/shared.ts';

const TEXTS = [
  'The Secretary said that the treaty would be signed in the spring if the Senate agreed.',
  'Gromyko replied that the Soviet side had no objection to a meeting in Geneva.',
  'The President asked whether the convoy would cross the river at dawn or at dusk.',
  'Kissinger noted that the treaty would be signed only after the elections in the spring.',
];

const DERIVED_TABLES = ['quotation_postings ORDER BY hash, segment', 'postings ORDER BY term, segment', 'posting_segments ORDER BY id'];

/** Writes the test documents (two passages each); `afterEach` hears of each document's last passage rowid. */
function writeDocuments(store: SqliteStore, afterEach?: (lastRowid: number) => void): void {
  for (const [n, text] of TEXTS.entries()) {
    store.writeDocument(makeDocument({ id: `d${n}`, collection: { id: 'c', title: 'C' }, title: 'D', passages: [[PERSONS[0]?.id ?? '', text], ['', `${text} It was noted.`]] }, PERSONS));
    afterEach?.(store.db.prepare('SELECT max(rowid) FROM passages').pluck().get() as number);
  }
}

function derivedTables(store: SqliteStore): unknown[] {
  return DERIVED_TABLES.map((table) => store.db.prepare(`SELECT * FROM ${table}`).all());
}

const limits = (threadFrom: number): IndexLimits => ({ segmentPassages: 3, maxSegments: 24, threadFrom });

test('a refresh that builds on the index thread stores what one building here stores, and search and lookups answer alike', async () => {
  const stores = [new SqliteStore(tempDir('verbatim-thread-')), new SqliteStore(tempDir('verbatim-here-'))];
  try {
    for (const [at, store] of stores.entries()) {
      writeDocuments(store);
      new PostingIndex(store.db, indexTokenizer(store.db), limits(at === 0 ? 0 : Infinity)).refresh();
    }
    const [threaded, here] = stores.map(derivedTables);
    assert.deepEqual(threaded, here);
    // Eight passages in segments of three.
    assert.equal((here?.[2] as unknown[]).length, 3);
    const probe = fingerprints('the convoy would cross the river at dawn');
    const [found, foundHere] = await Promise.all(stores.map((store) => store.findPassagesByFingerprint(probe, 3)));
    assert.deepEqual(found, foundHere);
    assert.equal(found?.[0]?.doc_id, 'd2');
    const [a, b] = await Promise.all(stores.map((store) => store.search({ query: 'treaty spring', facets: true })));
    assert.deepEqual(a, b);
    assert.equal(a?.total_passages, 4);
  } finally {
    for (const store of stores) await store.close();
  }
});

test('an ingest past the threshold has the index thread build segments as documents are written, and ends with what a refresh afterwards stores', async () => {
  const stores = [new SqliteStore(tempDir('verbatim-background-')), new SqliteStore(tempDir('verbatim-after-'))];
  try {
    const [during, after] = stores as [SqliteStore, SqliteStore];
    const index = new PostingIndex(during.db, indexTokenizer(during.db), limits(4));
    writeDocuments(during, (last) => index.passagesWritten(last, 2));
    // Let the thread finish a segment, then hear of it with the next write.
    const started = Date.now();
    const through = () => Number(during.db.prepare("SELECT value FROM meta WHERE key = 'postings_through'").pluck().get() ?? 0);
    while (through() === 0 && Date.now() - started < 20_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      index.passagesWritten(during.db.prepare('SELECT max(rowid) FROM passages').pluck().get() as number, 1_000);
    }
    assert.ok(through() > 0, 'a segment was written before the refresh');
    index.refresh();
    writeDocuments(after);
    new PostingIndex(after.db, indexTokenizer(after.db), limits(Infinity)).refresh();
    assert.deepEqual(derivedTables(during), derivedTables(after));
    const [a, b] = await Promise.all(stores.map((store) => store.search({ query: 'treaty spring', facets: true })));
    assert.deepEqual(a, b);
  } finally {
    for (const store of stores) await store.close();
  }
});

test('an index thread that cannot start loses no document, and the refresh says why instead of waiting', async () => {
  const store = new SqliteStore(tempDir('verbatim-broken-thread-'));
  try {
    const broken = new PostingIndex(store.db, indexTokenizer(store.db), limits(0), './no-such-module.ts');
    writeDocuments(store, (last) => broken.passagesWritten(last, 2));
    assert.equal((await store.stats()).passages, 8);
    const started = Date.now();
    assert.throws(() => broken.refresh(), /index thread failed: could not start/);
    assert.ok(Date.now() - started < 10_000);
    new PostingIndex(store.db, indexTokenizer(store.db), limits(0)).refresh();
    assert.equal((await store.search({ query: 'treaty spring' })).total_passages, 4);
  } finally {
    await store.close();
  }
});

test('asked to cut, the index thread hands over its segment in progress before it reads on', async () => {
  const store = new SqliteStore(tempDir('verbatim-cut-'));
  try {
    writeDocuments(store);
    const worker = new IndexWorker(store.db.name, 0, 100);
    try {
      worker.readUpTo(4);
      const started = Date.now();
      while (worker.read < 4 && Date.now() - started < 20_000) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        worker.ready();
      }
      worker.cut();
      worker.seal(8);
      const segments: [number, number, number][] = [];
      for (let built = worker.next(); built; built = worker.next()) segments.push([built.segment.from, built.segment.through, built.segment.lists.passages]);
      // Without the cut, the eight passages would make one segment (segments hold 100 here).
      assert.deepEqual(segments, [[0, 4, 4], [4, 8, 4]]);
    } finally {
      worker.close();
    }
  } finally {
    await store.close();
  }
});

test('an ingest that stops after the thread wrote a segment, before any refresh, leaves an index the next refresh completes', async () => {
  const dirs = [tempDir('verbatim-stopped-'), tempDir('verbatim-reference-')];
  const [stopped, reference] = dirs.map((dir) => new SqliteStore(dir)) as [SqliteStore, SqliteStore];
  const through = (store: SqliteStore) => Number(store.db.prepare("SELECT value FROM meta WHERE key = 'postings_through'").pluck().get() ?? 0);
  const index = new PostingIndex(stopped.db, indexTokenizer(stopped.db), limits(4));
  writeDocuments(stopped, (last) => index.passagesWritten(last, 2));
  const started = Date.now();
  while (through(stopped) === 0 && Date.now() - started < 20_000) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    index.passagesWritten(stopped.db.prepare('SELECT max(rowid) FROM passages').pluck().get() as number, 1_000);
  }
  assert.ok(through(stopped) > 0, 'a segment was written during the ingest');
  // As if the process died here: no refresh, the thread gone.
  index.dropBackground();
  await stopped.close();
  const reopened = new SqliteStore(dirs[0] as string);
  try {
    new PostingIndex(reopened.db, indexTokenizer(reopened.db), limits(Infinity)).refresh();
    writeDocuments(reference);
    new PostingIndex(reference.db, indexTokenizer(reference.db), limits(Infinity)).refresh();
    assert.deepEqual(derivedTables(reopened), derivedTables(reference));
    const [a, b] = await Promise.all([reopened, reference].map((store) => store.search({ query: 'treaty spring', facets: true })));
    assert.deepEqual(a, b);
  } finally {
    await reopened.close();
    await reference.close();
  }
});
