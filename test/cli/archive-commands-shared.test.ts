/** The archive commands end to end through the real CLI, on the shared FRUS corpus. */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { runCli, runCliJson } from '../helpers/cli.ts';
import { FRUS_DIR, sharedSkip, tempDir } from '../helpers/shared.ts';

const archive = tempDir();

before(async () => {
  if (sharedSkip) return;
  const { status, json, stderr } = await runCliJson<{ ingested: number; failed: unknown[]; documents: number; passages: number; seconds: number }>(
    ['ingest', FRUS_DIR, '--db', archive],
  );
  assert.equal(status, 0);
  // Off a terminal the progress is a line per step; the search index is brought up to date last.
  assert.match(stderr, new RegExp(`search index: ${json.passages} passages indexed`));
  assert.deepEqual(json.failed, []);
  assert.equal(json.ingested, json.documents);
  assert.ok(json.passages > json.documents);
  assert.equal(typeof json.seconds, 'number');
});

test('shared corpus: `show --json` returns the whole document', { skip: sharedSkip }, async () => {
  const { status, json } = await runCliJson<{ id: string; title: string; passages: unknown[]; turns: unknown[]; citation: { url: string } }>(
    ['show', 'frus1981-88v05-d151', '--db', archive],
  );
  assert.equal(status, 0);
  assert.equal(json.id, 'frus1981-88v05-d151');
  assert.ok(json.passages.length > 50);
  assert.ok(json.turns.length > 5);
  assert.equal(json.citation.url, 'https://history.state.gov/historicaldocuments/frus1981-88v05/d151');
});

test('shared corpus: `show` without --json is a readable page with speakers and the citation', { skip: sharedSkip }, async () => {
  const { status, stdout } = await runCli(['show', 'frus1969-76ve13-d40', '--db', archive]);
  assert.equal(status, 0);
  assert.match(stdout, /^Title {10}40\. Memorandum of Conversation/m);
  assert.match(stdout, /Chou En-lai ▸ PM Chou: Did you have a good rest\?/);
  assert.match(stdout, /Cite as: Foreign Relations of the United States, 1969–1976, Volume E–13/);
});

test('shared corpus: an unknown document is a clear error with exit code 3', { skip: sharedSkip }, async () => {
  const { status, json } = await runCliJson<{ error: { code: string; message: string } }>(['show', 'frus1981-88v05-d9999', '--db', archive]);
  assert.equal(status, 3);
  assert.deepEqual(json.error, { code: 'VBT_ERR_NOT_FOUND', message: 'document not found: frus1981-88v05-d9999' });
});

test('shared corpus: `stats --json` counts by collection, type and year', { skip: sharedSkip }, async () => {
  const { status, json } = await runCliJson<{
    documents: number; passages: number; persons: number; size_bytes: number;
    collections: { id: string; documents: number }[]; by_type: Record<string, number>; by_year: Record<string, number>;
  }>(['stats', '--db', archive]);
  assert.equal(status, 0);
  assert.equal(json.documents, 35);
  assert.deepEqual(json.collections.map((c) => [c.id, c.documents]), [['frus1969-76ve13', 18], ['frus1981-88v05', 17]]);
  assert.equal(json.by_year['1971'], 18);
  assert.equal(json.by_year['1985'], 12);
  assert.equal(json.by_year['1986'], 4, 'the undated editorial note counts in no year');
  assert.equal(json.by_type.memcon, 17);
  assert.ok(json.persons > 400);
  assert.ok(json.size_bytes > 0);
});

test('shared corpus: VERBATIM_DB names the archive when --db is not given', { skip: sharedSkip }, async () => {
  const { json } = await runCliJson<{ documents: number }>(['stats'], { env: { VERBATIM_DB: archive } });
  assert.equal(json.documents, 35);
});
