import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Document } from '../../src/model/index.ts';
import { forEachBundled } from '../../src/search/postings/bundles.ts';
import { decodeRowids } from '../../src/search/postings/codec.ts';
import { SqliteStore } from '../../src/store/index.ts';
import { fingerprints, FINGERPRINT_VERSION, SHINGLE_WORDS, shingleHashes } from '../../src/trace/fingerprint.ts';
import { findQuotationSources } from '../../src/trace/index.ts';
import { tempDir } from '../helpers/shared.ts';

test('every pair of identifying words is kept: any two in a row shared with a passage are a hit', () => {
  const stems = Array.from({ length: 60 }, (_, i) => `word${(i * 7919) % 97}`);
  const stored = new Set(shingleHashes(stems));
  for (let start = 0; start + SHINGLE_WORDS <= stems.length; start++) {
    const probe = shingleHashes(stems.slice(start, start + SHINGLE_WORDS));
    assert.ok(probe.every((hash) => stored.has(hash)), `pair at ${start}`);
  }
});

test('dropped articles and changed auxiliaries leave the fingerprints of a quotation intact', () => {
  const stored = new Set(fingerprints('The General Secretary said the Soviet Union was ready to reduce strategic arms by half.'));
  const probe = fingerprints('Soviet Union is ready to reduce strategic arms by half');
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

/**
 * The quotation lists' entries for passages that exist (a deleted passage's stay until the
 * lists are rebuilt), and the entries their definition gives: every passage's fingerprints.
 */
function rowsOf(store: SqliteStore): { stored: string[]; defined: string[] } {
  const passages = store.db.prepare('SELECT rowid, text FROM passages').all() as { rowid: number; text: string }[];
  const live = new Set(passages.map((passage) => passage.rowid));
  const lists = store.db.prepare('SELECT hash, data, postings FROM quotation_postings').all() as { hash: number; data: Uint8Array; postings: number }[];
  for (const { data } of store.db.prepare('SELECT data FROM quotation_bundles').all() as { data: Uint8Array }[]) {
    forEachBundled(data, (key, postings, list) => lists.push({ hash: new DataView(key.buffer, key.byteOffset, 4).getInt32(0, true), data: list, postings }));
  }
  const stored = lists.flatMap(({ hash, data, postings }) =>
    [...decodeRowids([data], postings)].filter((rowid) => live.has(rowid)).map((rowid) => `${hash}:${rowid}`));
  const defined = passages.flatMap((passage) => [...fingerprints(passage.text)].map((hash) => `${hash}:${passage.rowid}`));
  return { stored: stored.sort(), defined: defined.sort() };
}

test('the store finds a passage by quotation, forgets it when the document is replaced, and hides private collections', async () => {
  const store = new SqliteStore(tempDir());
  store.writeDocument(documentWith('doc-a', ['Nothing relevant here at all.', 'The ambassador warned that the convoy would cross the river at dawn.']));
  store.writeDocument(documentWith('doc-p', ['A private note: the convoy would cross the river at dawn.'], { id: 'private', title: 'P' }));
  store.db.prepare("UPDATE collections SET private = 1 WHERE id = 'private'").run();
  const probe = fingerprints('the convoy would cross the river at dawn');
  const hits = await store.findPassagesByFingerprint(probe, 5);
  assert.deepEqual(hits.map((h) => h.passage_id), ['doc-a-p2']);
  assert.ok((hits[0]?.shared ?? 0) >= 1);

  store.writeDocument(documentWith('doc-a', ['The ambassador left before the convoy arrived.']));
  assert.deepEqual(await store.findPassagesByFingerprint(probe, 5), []);
  const { stored, defined } = rowsOf(store);
  assert.deepEqual(stored, defined, 'the lists hold every passage\'s fingerprints, and a replaced passage is never found');
  await store.close();
});

const TEXTS = [
  'The Secretary said that the treaty would be signed in the spring if the Senate agreed.',
  'Gromyko replied that the Soviet side had no objection to a meeting in Geneva.',
  'The President asked whether the convoy would cross the river at dawn or at dusk.',
  'Kissinger noted that the treaty would be signed only after the elections in the spring.',
];

test('one refresh over many documents indexes exactly what a refresh after each document does', async () => {
  const oneByOne = new SqliteStore(tempDir());
  const together = new SqliteStore(tempDir());
  for (const [i, text] of TEXTS.entries()) {
    oneByOne.writeDocument(documentWith(`doc-${i}`, [text, `${text} It was noted.`]));
    await oneByOne.findPassagesByFingerprint([], 1);
    together.writeDocument(documentWith(`doc-${i}`, [text, `${text} It was noted.`]));
  }
  // Replaced before and after its passages were indexed: neither leaves rows behind.
  oneByOne.writeDocument(documentWith('doc-1', ['Gromyko replied that a meeting in Vienna was preferable.']));
  together.writeDocument(documentWith('doc-1', ['Gromyko replied that a meeting in Vienna was preferable.']));
  for (const quote of ['the treaty would be signed in the spring', 'a meeting in Vienna', 'the convoy would cross the river']) {
    const probe = fingerprints(quote);
    assert.deepEqual(await together.findPassagesByFingerprint(probe, 10), await oneByOne.findPassagesByFingerprint(probe, 10), quote);
  }
  assert.deepEqual(rowsOf(together).stored, rowsOf(oneByOne).stored);
  assert.deepEqual(rowsOf(together).stored, rowsOf(together).defined);
  await oneByOne.close();
  await together.close();
});

test('lists built with another fingerprint version are rebuilt by the next lookup', async () => {
  const store = new SqliteStore(tempDir());
  store.writeDocument(documentWith('doc-a', TEXTS));
  await store.findPassagesByFingerprint([], 1);
  store.db.exec('DELETE FROM quotation_postings; DELETE FROM quotation_bundles');
  const version = store.db.prepare("SELECT value FROM meta WHERE key = 'postings_version'").pluck().get() as string;
  assert.ok(version.endsWith(`.${FINGERPRINT_VERSION}`), version);
  store.db.prepare("UPDATE meta SET value = ? WHERE key = 'postings_version'").run(version.replace(/\d+$/, String(FINGERPRINT_VERSION - 1)));
  const hits = await store.findPassagesByFingerprint(fingerprints('the convoy would cross the river at dawn'), 1);
  assert.deepEqual(hits.map((hit) => hit.passage_id), ['doc-a-p3']);
  assert.deepEqual(rowsOf(store).stored, rowsOf(store).defined);
  await store.close();
});

test('a lookup while another connection holds the write lock answers from the index as it stands', async () => {
  const dir = tempDir();
  const writer = new SqliteStore(dir);
  writer.writeDocument(documentWith('doc-a', [TEXTS[0] as string]));
  await writer.findPassagesByFingerprint([], 1);
  writer.writeDocument(documentWith('doc-b', [TEXTS[2] as string]));
  const reader = new SqliteStore(dir);
  reader.db.pragma('busy_timeout = 0');
  const found = async (quote: string) => (await reader.findPassagesByFingerprint(fingerprints(quote), 1)).map((hit) => hit.passage_id);
  writer.db.prepare('BEGIN IMMEDIATE').run();
  assert.deepEqual(await found('the treaty would be signed in the spring'), ['doc-a-p1']);
  assert.deepEqual(await found('the convoy would cross the river'), [], 'not indexed yet');
  writer.db.prepare('COMMIT').run();
  assert.deepEqual(await found('the convoy would cross the river'), ['doc-b-p1']);
  await reader.close();
  await writer.close();
});

test('of passages holding the same sentence, the words across its boundary find the source, and a tie goes to the shortest', async () => {
  const store = new SqliteStore(tempDir());
  const shared = 'The Soviet side would never accept a freeze on intermediate missiles in Europe.';
  store.writeDocument(documentWith('doc-a', [
    `Gromyko spoke at length. ${shared} He then turned to the question of verification.`,
    `${shared} Shultz answered that the allies would decide for themselves.`,
    shared,
    `Nitze asked for a recess. ${shared}`,
  ]));
  const across = await findQuotationSources(store, 'intermediate missiles in Europe. Shultz answered that the allies');
  assert.equal(across[0]?.hit.passage_id, 'doc-a-p2');
  const within = await findQuotationSources(store, 'would never accept a freeze on intermediate missiles');
  assert.equal(within[0]?.hit.passage_id, 'doc-a-p3');
  assert.equal(within.length, 4);
  await store.close();
});

test('a long text keeps the fingerprints of its beginning', () => {
  const opening = 'The ambassador warned that the convoy would cross the river at dawn.';
  const long = [opening, ...Array.from({ length: 200 }, (_, i) => `Delegation ${i} reviewed paragraph ${i * 7} of annex ${i % 13}.`)].join(' ');
  const stored = new Set(fingerprints(long));
  assert.ok([...fingerprints(opening)].every((hash) => stored.has(hash)));
});

test('passages holding the same sentence are told apart by the quotation\'s other words', async () => {
  const store = new SqliteStore(tempDir());
  const sentence = 'He said that his visits were in the interests of both our countries and therefore useful.';
  const openings = ['The weather was mild.', 'Lunch was served at noon.', 'The car arrived late.', 'Coffee followed.'];
  store.writeDocument(documentWith('doc-r', openings.map((opening) => `${opening} ${sentence}`)));
  store.writeDocument(documentWith('doc-s', [`The delegation asked that the memorandum on missile inspections be read aloud. ${sentence}`]));
  // Words changed between every two the source has in a row: no pair of the quotation's opening is the source's, its words are.
  const quote = 'the memorandum of the nation on missile talks be believed. He said that his visits were in the interests of both our countries';
  const [tied] = await store.findPassagesByFingerprint(fingerprints(quote), 1);
  assert.equal(tied?.passage_id, 'doc-r-p4', 'by fingerprints alone, the shortest of the passages holding the sentence');
  const [found] = await store.findPassagesByFingerprint(fingerprints(quote), 1, quote);
  assert.equal(found?.passage_id, 'doc-s-p1');
  assert.equal((await findQuotationSources(store, quote))[0]?.hit.passage_id, 'doc-s-p1');
  await store.close();
});
