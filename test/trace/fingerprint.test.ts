import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Document } from '../../src/model/index.ts';
import { SqliteStore } from '../../src/store/index.ts';
import {
  passageFingerprints, quotationFingerprints, SHINGLE_WORDS, shingleHashes, winnow, WINNOW_WINDOW,
} from '../../src/trace/fingerprint.ts';
import { tempDir } from '../helpers/shared.ts';

test('winnowing keeps a hash from every window: any shared run of window + k - 1 words is found', () => {
  const stems = Array.from({ length: 60 }, (_, i) => `word${(i * 7919) % 97}`);
  const hashes = shingleHashes(stems);
  const selected = new Set(winnow(hashes));
  assert.ok(selected.size < hashes.length * 0.6, 'stores a fraction of the shingles');
  const run = WINNOW_WINDOW + SHINGLE_WORDS - 1;
  for (let start = 0; start + run <= stems.length; start++) {
    const probe = shingleHashes(stems.slice(start, start + run));
    assert.ok(probe.some((hash) => selected.has(hash)), `run at ${start}`);
  }
});

test('dropped articles and changed auxiliaries leave the fingerprints of a quotation intact', () => {
  const stored = new Set(passageFingerprints('The General Secretary said the Soviet Union was ready to reduce strategic arms by half.'));
  const probe = quotationFingerprints('Soviet Union is ready to reduce strategic arms by half');
  assert.ok(probe.filter((hash) => stored.has(hash)).length >= 1);
});

function documentWith(id: string, texts: string[], collection = { id: 'test', title: 'Test' }): Document {
  let text = '';
  const passages = texts.map((body, i) => {
    const start = text.length;
    text += body + '\n\n';
    return { id: `${id}-p${i + 1}`, n: i + 1, kind: 'paragraph' as const, text: body, start, end: start + body.length };
  });
  return {
    id, collection, type: 'memo', title: id, participants: [], mentions: [], language: 'en', style: 'none', text,
    passages, turns: [], footnotes: [], pages: [], redactions: [], citation: { text: id }, source: { origin: 't', format: 't' },
  };
}

test('the store finds a passage by quotation, forgets it when the document is replaced, and hides private collections', async () => {
  const store = new SqliteStore(tempDir());
  store.writeDocument(documentWith('doc-a', ['Nothing relevant here at all.', 'The ambassador warned that the convoy would cross the river at dawn.']));
  store.writeDocument(documentWith('doc-p', ['A private note: the convoy would cross the river at dawn.'], { id: 'private', title: 'P' }));
  store.db.prepare("UPDATE collections SET private = 1 WHERE id = 'private'").run();
  const probe = quotationFingerprints('the convoy would cross the river at dawn');
  const hits = await store.findPassagesByFingerprint(probe, 5);
  assert.deepEqual(hits.map((h) => h.passage_id), ['doc-a-p2']);
  assert.ok((hits[0]?.shared ?? 0) >= 1);

  store.writeDocument(documentWith('doc-a', ['The ambassador left before the convoy arrived.']));
  assert.deepEqual(await store.findPassagesByFingerprint(probe, 5), []);
  const rows = store.db.prepare('SELECT count(*) AS n FROM passage_fingerprints').get() as { n: number };
  const expected = passageFingerprints('The ambassador left before the convoy arrived.').length
    + passageFingerprints('A private note: the convoy would cross the river at dawn.').length;
  assert.equal(rows.n, expected, 'no stale fingerprints remain after the replace');
  await store.close();
});
