import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { ingestPaths } from '../../src/ingest/pipeline.ts';
import type { Document } from '../../src/model/index.ts';
import { openStore } from '../../src/store/index.ts';
import { searchSqlite } from '../../src/store/sqlite/sqlite-search.ts';
import { DATABASE_FILE, SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { spawnCli } from '../helpers/cli.ts';
import { REPO_ROOT, tempDir } from '../helpers/shared.ts';

const GOOD = join(REPO_ROOT, 'test/fixtures/tei/small-volume.xml');

test('ingest is idempotent: same content, same ids, nothing duplicated', async () => {
  const store = openStore(tempDir());
  const first = await ingestPaths(store, [GOOD]);
  assert.deepEqual([first.ingested, first.skipped, first.documents], [3, 0, 3]);
  const passages = first.passages;
  const second = await ingestPaths(store, [GOOD]);
  assert.deepEqual([second.ingested, second.skipped, second.documents, second.passages], [0, 3, 3, passages]);
  await store.close();
});

test('a changed document replaces the stored one, and only it', async () => {
  const store = openStore(tempDir());
  await ingestPaths(store, [GOOD]);
  const edited = join(tempDir(), 'edited.xml');
  writeFileSync(edited, readFileSync(GOOD, 'utf8').replace('Good morning.', 'Good evening.'));
  const summary = await ingestPaths(store, [edited]);
  assert.deepEqual([summary.ingested, summary.skipped, summary.documents], [1, 2, 3]);
  const d2 = await store.getDocument('frus9999-99v01-d2');
  assert.ok(d2?.text.includes('Good evening.'));
  const [passage] = await store.getPassages(['frus9999-99v01-d2-p6']);
  assert.equal(passage?.text, 'The President: Good evening. Did you sleep well?');
  await store.close();
});

/** A volume of `count` copies of the fixture's first document, each with its own id. */
function bigVolume(count: number): string {
  const source = readFileSync(GOOD, 'utf8');
  const template = /<div type="document" xml:id="d1"[\s\S]*?<\/div>/.exec(source)?.[0] ?? '';
  const documents = Array.from({ length: count }, (_, i) =>
    template.replace('xml:id="d1" n="1"', `xml:id="d${i + 1}" n="${i + 1}"`).replace('tin', `tin ${i}`),
  );
  return source.replace(/<body>[\s\S]*<\/body>/, `<body>${documents.join('\n')}</body>`);
}

test('killing ingest midway leaves whole documents only, and running it again completes it', async () => {
  const archive = tempDir();
  const volume = join(tempDir(), 'big.xml');
  const total = 4000;
  writeFileSync(volume, bigVolume(total));
  // Create the archive first so the probe below can open it while the child writes.
  await (openStore(archive)).close();

  const child = spawnCli(['ingest', volume, '--db', archive]);
  child.stdin?.end();
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const probe = new Database(join(archive, DATABASE_FILE), { readonly: true });
  let stored = 0;
  for (let tries = 0; tries < 1500 && stored < 50; tries++) {
    await sleep(10);
    stored = (probe.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  }
  child.kill('SIGKILL');
  await exited;
  probe.close();
  assert.ok(stored >= 50, 'the child had stored some documents before it was killed');

  const db = new Database(join(archive, DATABASE_FILE));
  const partial = (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  assert.ok(partial < total, `killed before the end (${partial} of ${total})`);
  // Every stored document is whole: all its passages and footnotes are there.
  const rows = db.prepare('SELECT d.body, (SELECT count(*) FROM passages p WHERE p.doc_rowid = d.rowid) AS n FROM documents d').all() as { body: string; n: number }[];
  for (const row of rows) {
    const document = JSON.parse(row.body) as Document;
    assert.equal(row.n, document.passages.length + document.footnotes.length, document.id);
  }
  db.exec("INSERT INTO passages_fts(passages_fts) VALUES ('integrity-check')");
  assert.equal((db.pragma('integrity_check') as { integrity_check: string }[])[0]?.integrity_check, 'ok');
  db.close();

  const store = openStore(archive);
  const resumed = await ingestPaths(store, [volume]);
  assert.equal(resumed.documents, total);
  assert.equal(resumed.ingested + resumed.skipped, total);
  assert.equal(resumed.skipped, partial);
  await store.close();
});

test('a large ingest indexes as it writes: every passage is found, from the posting lists as from FTS5', async () => {
  const folder = tempDir('verbatim-large-ingest-');
  const words = 'treaty soviet president secretary missiles geneva summit talks agreed spring senate convoy river dawn elections noted replied objection meeting'.split(' ');
  let seed = 7;
  const word = () => words[(seed = (seed * 48_271) % 2_147_483_647) % words.length] as string;
  // 320 memoranda of 50 paragraphs: past the 15,000 passages from which the index thread starts.
  for (let file = 0; file < 320; file += 1) {
    const paragraphs = Array.from({ length: 50 }, (_, n) => `${Array.from({ length: 20 }, word).join(' ')} (item ${file}-${n}).`);
    writeFileSync(join(folder, `memo-${String(file).padStart(3, '0')}.txt`), `MEMORANDUM ${file}\n\n${paragraphs.join('\n\n')}\n`);
  }
  const store = new SqliteStore(tempDir());
  try {
    const summary = await ingestPaths(store, [folder]);
    assert.equal(summary.failed.length, 0);
    assert.ok(summary.passages >= 16_000, `${summary.passages} passages`);
    const meta = (key: string) => Number(store.db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key));
    const last = store.db.prepare('SELECT max(rowid) FROM passages').pluck().get() as number;
    assert.deepEqual([meta('postings_through'), meta('fulltext_through')], [last, last]);
    assert.equal(store.db.prepare('SELECT sum(passages) FROM posting_segments').pluck().get(), summary.passages);
    for (const query of ['"item 7-3"', 'treaty spring', 'soviet -geneva', 'convoy OR dawn', '"item 319-49"']) {
      const request = { query, limit: 5, facets: true };
      assert.deepEqual(await store.search(request), await searchSqlite(store.db, store, request, { postings: false }), query);
    }
    assert.equal((await store.search({ query: '"item 319-49"' })).total_passages, 1);
  } finally {
    await store.close();
  }
});
