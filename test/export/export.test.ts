import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, test } from 'node:test';
import Database from 'better-sqlite3';
import { csvField, exportDocuments, type ExportFormat } from '../../src/export/index.ts';
import { ingestPaths } from '../../src/ingest/pipeline.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { DATABASE_FILE } from '../../src/store/sqlite/sqlite-store.ts';
import { runCliJson } from '../helpers/cli.ts';
import { REPO_ROOT, tempDir } from '../helpers/shared.ts';

const archive = tempDir();
let store: Store;

before(async () => {
  store = openStore(archive);
  await ingestPaths(store, [join(REPO_ROOT, 'test/fixtures/tei/small-volume.xml')]);
});

async function exported(format: ExportFormat): Promise<string> {
  let text = '';
  for await (const chunk of exportDocuments(store.listDocuments(), format)) text += chunk;
  return text;
}

test('CSV fields are quoted only when they must be, quotes doubled', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a, b'), '"a, b"');
  assert.equal(csvField('say "no"'), '"say ""no"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField(undefined), '');
});

test('JSON Lines holds every document whole, one per line', async () => {
  const lines = (await exported('jsonl')).trim().split('\n');
  assert.equal(lines.length, 3);
  const first = JSON.parse(lines[0] ?? '{}');
  assert.deepEqual(first, await store.getDocument('frus9999-99v01-d1'));
});

test('CSV has a header and one row per document', async () => {
  const rows = (await exported('csv')).trim().split('\r\n');
  assert.equal(rows.length, 4);
  assert.match(rows[0] ?? '', /^id,collection,number,type,title,date_start/);
  assert.match(rows[1] ?? '', /^frus9999-99v01-d1,frus9999-99v01,1,memcon,Memorandum of Conversation,1990-03-05,,day,15:00–16:30,Springfield,secret,/);
});

test('CSL-JSON is one array of items; BibTeX one entry per document', async () => {
  const items = JSON.parse(await exported('csl-json')) as { id: string; type: string }[];
  assert.deepEqual(items.map((i) => i.id), ['frus9999-99v01-d1', 'frus9999-99v01-d2', 'frus9999-99v01-d3']);
  assert.equal((await exported('bibtex')).match(/^@misc\{/gm)?.length, 3);
});

test('private collections are never exported', async () => {
  const other = tempDir();
  const privateStore = openStore(other);
  await ingestPaths(privateStore, [join(REPO_ROOT, 'test/fixtures/tei/small-volume.xml')]);
  await privateStore.close();
  const db = new Database(join(other, DATABASE_FILE));
  db.prepare('UPDATE collections SET private = 1').run();
  db.close();
  const { json } = await runCliJson<{ documents: number; data: string }>(['export', '--format', 'jsonl', '--db', other]);
  assert.equal(json.documents, 0);
  assert.equal(json.data, '');
});

test('the CLI exports a search\'s documents and refuses an unknown format', async () => {
  const { status, json } = await runCliJson<{ documents: number; data: string }>(
    ['export', '--format', 'csv', '--query', 'tin', '--db', archive],
  );
  assert.equal(status, 0);
  assert.equal(json.documents, 2);
  const bad = await runCliJson<{ error: { code: string } }>(['export', '--format', 'docx', '--db', archive]);
  assert.equal(bad.status, 3);
  assert.equal(bad.json.error.code, 'VBT_ERR_BAD_ARGUMENT');
});
