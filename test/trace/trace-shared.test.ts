import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Document } from '../../src/model/index.ts';
import { trace } from '../../src/trace/index.ts';
import { openCorpusStore } from '../helpers/corpus-store.ts';
import { SEED_ARTICLE, sharedSkip } from '../helpers/shared.ts';

test('shared: the founding article — three quotations, their speakers, its claims, and no document in the archive', { skip: sharedSkip }, async () => {
  const store = await openCorpusStore();
  const result = await trace(store, { text: readFileSync(SEED_ARTICLE, 'utf8') });

  assert.deepEqual(result.quotes.map((q) => q.text), [
    'a kind of cartel',
    'very carefully',
    'could guarantee the countries of Europe a century of peace or more.',
  ]);
  assert.deepEqual(result.quotes.map((q) => q.speaker_name), ['Boris Yeltsin', 'Bill Clinton', 'Bill Clinton']);
  assert.deepEqual(result.quotes.map((q) => q.cue), ['called', 'noted', 'admitted']);

  const stated = (field: string) => result.claims.filter((c) => c.field === field).map((c) => c.value ?? c.stated);
  assert.ok(stated('date').includes('1994'));
  assert.ok(stated('date').includes('2022-04'));
  assert.ok(stated('place').includes('Novo-Ogarevo'));
  assert.ok(stated('person').includes('Boris Yeltsin'));
  assert.ok(stated('person').includes('Bill Clinton'));
  assert.ok(result.claims.some((c) => c.field === 'organisation' && c.stated === 'National Security Archive at George Washington University'));
  assert.ok(stated('organisation').includes('The Atlantic'));
  assert.ok(stated('source').includes('Rosbalt'));
  assert.ok(stated('document').includes('transcript'));

  // The archive holds no January 1994 record: say so, and match no Reagan-era memcon with confidence.
  assert.equal(result.in_archive, false);
  assert.equal(result.message, 'no matching document in the archive');
  assert.ok(result.documents.every((d) => d.score < 0.5));
  assert.ok(result.quotes.every((q) => q.verdict === 'unsupported' && q.match === undefined));
  assert.ok(result.claims.every((c) => c.ok === null), 'nothing to check claims against');
});

/** A real passage of a dialogue record, with its speaker and another participant, read at run time. */
async function dialoguePassage(): Promise<{ document: Document; words: string; speaker: string; other: string; passageId: string }> {
  const store = await openCorpusStore();
  const document = await store.getDocument('frus1969-76ve13-d17');
  assert.ok(document, 'document 17 of the China volume is in the corpus');
  const passage = document.passages.find((p) => p.speaker?.person_id && p.text.split(' ').length > 25);
  assert.ok(passage?.speaker);
  const other = document.participants.find((p) => p.person_id && p.person_id !== passage.speaker?.person_id);
  assert.ok(other);
  const body = passage.text.replace(/^[^:]{1,40}:\s+/u, '').split(/\s+/u).slice(2, 16).join(' ').replace(/[,;:]$/u, '');
  const surname = (name: string) => name.split(' ').at(-1) as string;
  return { document, words: body, speaker: surname(passage.speaker.name), other: surname(other.name), passageId: passage.id };
}

test('shared: a quotation of a real dialogue record is verbatim, found in its passage, and the document is named', { skip: sharedSkip }, async () => {
  const store = await openCorpusStore();
  const { document, words, speaker, passageId } = await dialoguePassage();
  const text = `A record shows the talks.\n\n${speaker} said: “${words}”\n\nThe talks went on in ${document.place}.`;
  const result = await trace(store, { text });
  const [quote] = result.quotes;
  assert.equal(quote?.verdict, 'verbatim');
  assert.equal(quote?.match?.passage_id, passageId);
  assert.equal(quote?.match?.record_kind, 'verbatim transcript');
  assert.equal(quote?.reported, undefined);
  assert.equal(result.in_archive, true);
  assert.equal(result.documents[0]?.doc_id, document.id);
});

test('shared: the same words given to another participant are misattributed; a negated version is altered', { skip: sharedSkip }, async () => {
  const store = await openCorpusStore();
  const { words, speaker, other } = await dialoguePassage();
  const misattributed = await trace(store, { text: `Intro.\n\n${other} said: “${words}”` });
  assert.equal(misattributed.quotes[0]?.verdict, 'misattributed');
  assert.ok(misattributed.claims.some((c) => c.field === 'speaker' && c.ok === false));
  const negated = words.replace(/\b(is|was|are|will|would|can|have|had|did)\b/u, '$1 not');
  if (negated === words) return;
  const altered = await trace(store, { text: `Intro.\n\n${speaker} said: “${negated}”` });
  assert.equal(altered.quotes[0]?.verdict, 'altered');
  assert.ok(altered.quotes[0]?.differences.includes('negation'));
});

test('shared: a quotation of a narrative memcon is flagged as the note-taker’s words', { skip: sharedSkip }, async () => {
  const store = await openCorpusStore();
  const document = await store.getDocument('frus1981-88v05-d151');
  const passage = document?.passages.find((p) => p.speaker?.name.includes('Gorbachev') && p.text.split(' ').length > 30);
  assert.ok(passage);
  const words = passage.text.split(/\s+/u).slice(5, 19).join(' ').replace(/[,;:.]$/u, '');
  const result = await trace(store, { text: `Intro.\n\nGorbachev said: “${words}”` });
  assert.equal(result.quotes[0]?.reported, true);
  assert.equal(result.quotes[0]?.note, "the record paraphrases; these are the note-taker's words");
  assert.equal(result.quotes[0]?.match?.record_kind, 'narrative memcon');
});

test('shared: a Russian quotation is "other language: not aligned", not unsupported', { skip: sharedSkip }, async () => {
  const store = await openCorpusStore();
  const result = await trace(store, { text: 'Заголовок\n\nГорбачев сказал: «Советский Союз готов сократить ракеты наполовину».' });
  assert.equal(result.quotes[0]?.verdict, 'other-language');
  assert.equal(result.quotes[0]?.label, 'other language: not aligned');
});

test('shared: a quotation reworded past the fingerprints is still found in the document the article reports on', { skip: sharedSkip }, async () => {
  const store = await openCorpusStore();
  const document = await store.getDocument('frus1981-88v05-d151');
  // Whole sentences Gorbachev is recorded saying, long enough to quote and to reword.
  const sentences = (document?.passages ?? [])
    .filter((p) => p.speaker?.person_id === 'gorbachev-mikhail')
    .flatMap((p) => p.text.split(/(?<=[.?!])\s+/u).map((sentence) => ({ passage: p, words: sentence.replace(/[.?!]$/u, '').split(/\s+/u) })))
    .filter((s) => s.words.length >= 15 && s.words.every((w) => !/[“”"]/u.test(w)));
  const anchor = sentences[0];
  const source = sentences.find((s) => s.passage.id !== anchor?.passage.id);
  assert.ok(anchor && source);
  // Every third word dropped and a negation slipped in: no run of identifying words survives.
  const reworded = ['never', ...source.words.slice(0, 15).filter((_, i) => i % 3 !== 2)].join(' ');
  const text = `In Geneva on November 19, 1985, according to a declassified memorandum, Gorbachev said: “${anchor.words.slice(0, 14).join(' ')}.” He added: “${reworded}.”`;
  const result = await trace(store, { text });
  assert.equal(result.documents[0]?.doc_id, 'frus1981-88v05-d151');
  const quote = result.quotes[1];
  assert.equal(quote?.verdict, 'altered');
  assert.ok(quote?.differences.includes('negation'));
  assert.equal(quote?.match?.passage_id, source.passage.id);
  // A memorandum of conversation is rightly called a memorandum.
  assert.equal(result.claims.find((c) => c.field === 'document')?.ok, true);
});
