/**
 * Facts about the real FRUS excerpts in ../shared, established by reading the XML, pinned so
 * the TEI reader keeps getting them right.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Document } from '../../../src/model/index.ts';
import { openCorpusStore } from '../../helpers/corpus-store.ts';
import { FRUS_DIR, sharedSkip } from '../../helpers/shared.ts';

async function doc(id: string): Promise<Document> {
  const store = await openCorpusStore();
  const document = await store.getDocument(id);
  assert.ok(document, `${id} is in the archive`);
  return document;
}

function passageStarting(document: Document, start: string) {
  const passage = document.passages.find((p) => p.text.startsWith(start));
  assert.ok(passage, `${document.id} has a passage starting "${start}"`);
  return passage;
}

test('shared corpus: every <div type="document"> becomes a document', { skip: sharedSkip }, async () => {
  const files = readdirSync(FRUS_DIR).filter((name) => name.endsWith('.xml'));
  const expected = files
    .map((name) => readFileSync(join(FRUS_DIR, name), 'utf8').match(/<div\b[^>]*\btype="document"/g)?.length ?? 0)
    .reduce((a, b) => a + b, 0);
  const stats = await (await openCorpusStore()).stats();
  assert.equal(stats.documents, expected);
  assert.equal(stats.collections.length, files.length);
});

test('shared corpus: Geneva first plenary (d151), a narrative memcon', { skip: sharedSkip }, async () => {
  const d = await doc('frus1981-88v05-d151');
  assert.equal(d.title, 'Memorandum of Conversation (First Plenary Meeting)');
  assert.equal(d.subtitle, 'First Plenary Meeting');
  assert.equal(d.type, 'memcon');
  assert.equal(d.style, 'narrative');
  assert.deepEqual({ start: d.date?.start, precision: d.date?.precision }, { start: '1985-11-19', precision: 'day' });
  assert.deepEqual([d.time?.start, d.time?.end, d.time?.zone], ['11:27', '12:15', '+01:00']);
  assert.equal(d.place, 'Geneva');
  assert.deepEqual(d.classification, { marked: 'Secret; Sensitive', level: 'secret' });
  assert.equal(
    d.citation.text,
    'Foreign Relations of the United States, 1981–1988, Volume V, Soviet Union, March 1985–October 1986, Document 151',
  );
  assert.equal(d.citation.url, 'https://history.state.gov/historicaldocuments/frus1981-88v05/d151');
  // Participants resolved through the persons list, grouped by side.
  const reagan = d.participants.find((p) => p.person_id === 'reagan-ronald');
  assert.equal(reagan?.name, 'Ronald W. Reagan');
  assert.equal(reagan?.role, 'President');
  assert.equal(reagan?.side, 'United States');
  const gorbachev = d.participants.find((p) => p.person_id === 'gorbachev-mikhail');
  assert.equal(gorbachev?.side, 'Union of Soviet Socialist Republics');
  assert.equal(gorbachev?.role, 'General Secretary');
  assert.match(gorbachev?.description ?? '', /General Secretary/);
  assert.equal(d.participants.find((p) => p.name === 'Dimitri Zarechnak')?.role, 'Interpreter');
  // Footnotes are kept apart: the source note and the interpreter's name correction.
  assert.ok(!d.text.includes('Source: Reagan Library'));
  assert.match(d.source_note ?? '', /^Source: Reagan Library/);
  assert.ok(d.footnotes.some((f) => f.text.includes('Nikolai Uspensky is the correct name')));
  // Speakers: italic subjects and reported speech, resolved; the joint entrance has none.
  assert.equal(passageStarting(d, 'The President and the General Secretary emerged').speaker, undefined);
  assert.equal(passageStarting(d, 'The President opened the meeting').speaker?.person_id, 'reagan-ronald');
  assert.equal(passageStarting(d, 'Gorbachev thanked the President').speaker?.person_id, 'gorbachev-mikhail');
  assert.equal(passageStarting(d, 'The General Secretary said that he would build').speaker?.person_id, 'gorbachev-mikhail');
  assert.equal(passageStarting(d, 'President Reagan then began his presentation').speaker?.person_id, 'reagan-ronald');
  // Page numbers from <pb>: the participants list crosses from page 656 to 657.
  assert.equal(passageStarting(d, 'President Ronald Reagan').page, '656');
  assert.equal(passageStarting(d, 'General Secretary Mikhail Gorbachev').page, '657');
});

test('shared corpus: Reykjavik (d301), narrative turns alternate between the leaders', { skip: sharedSkip }, async () => {
  const d = await doc('frus1981-88v05-d301');
  assert.equal(d.place, 'Reykjavik');
  assert.deepEqual([d.date?.start, d.time?.start, d.time?.end], ['1986-10-11', '10:40', '12:30']);
  assert.equal(passageStarting(d, 'The President invited the General Secretary').speaker?.person_id, 'reagan-ronald');
  assert.equal(passageStarting(d, 'Gorbachev thanked the President and noted').speaker?.person_id, 'gorbachev-mikhail');
  const turnSpeakers = d.turns.slice(0, 4).map((t) => t.speaker.person_id);
  assert.deepEqual(turnSpeakers, ['reagan-ronald', 'gorbachev-mikhail', 'reagan-ronald', 'gorbachev-mikhail']);
});

test('shared corpus: the walk (d154) labels speakers in paragraphs of their own', { skip: sharedSkip }, async () => {
  const d = await doc('frus1981-88v05-d154');
  assert.equal(d.style, 'dialogue');
  assert.equal(passageStarting(d, '—We will not stop our research').speaker?.person_id, 'shultz-george');
  assert.equal(passageStarting(d, '—I can’t understand the purpose').speaker?.person_id, 'shevardnadze-eduard');
  assert.equal(passageStarting(d, '—In the area of lasers').speaker?.person_id, 'nitze-paul');
});

test('shared corpus: a mis-tagged name does not make a wrong speaker (d155)', { skip: sharedSkip }, async () => {
  // The source tags "Mrs. Gorbachev" here with Robert Gates's id; the words name Raisa Gorbacheva.
  const d = await doc('frus1981-88v05-d155');
  assert.equal(passageStarting(d, 'Mrs. Gorbachev said that American playwrights').speaker?.person_id, 'gorbacheva-raisa');
  assert.deepEqual([d.time?.start, d.time?.end], ['20:00', '22:30']);
});

test('shared corpus: Kissinger–Chou (d40), a dialogue memcon', { skip: sharedSkip }, async () => {
  const d = await doc('frus1969-76ve13-d40');
  assert.equal(d.type, 'memcon');
  assert.equal(d.style, 'dialogue');
  assert.deepEqual([d.date?.start, d.time?.start, d.time?.end], ['1971-10-21', '10:30', '13:45']);
  assert.equal(d.place, 'Beijing');
  assert.deepEqual(d.classification, { marked: 'Top Secret; Sensitive; Exclusively Eyes Only', level: 'top-secret' });
  assert.equal(passageStarting(d, 'PM Chou: Did you have a good rest?').speaker?.person_id, 'chou-en-lai');
  assert.equal(passageStarting(d, 'Dr. Kissinger: No.').speaker?.person_id, 'kissinger-henry');
  // An unlabelled paragraph continues Kissinger's turn.
  assert.equal(passageStarting(d, 'In what order would the Prime Minister like').speaker?.person_id, 'kissinger-henry');
  // Miss Matthews is not in the persons list: her label is kept, unresolved, never guessed.
  assert.deepEqual(passageStarting(d, 'Matthews: Very nice').speaker, { name: 'Matthews' });
  // Header fields are not speakers.
  assert.equal(passageStarting(d, 'PLACE: Great Hall of the People').speaker, undefined);
  assert.equal(passageStarting(d, 'GENERAL SUBJECTS:').speaker, undefined);
  // Per-document pagination: the heading is on page 1, and page 2 starts mid-conversation.
  assert.equal(d.passages[0]?.page, '1');
  assert.equal(passageStarting(d, 'PM Chou: It\'s very windy today').page, '2');
  const chou = d.participants.find((p) => p.person_id === 'chou-en-lai');
  assert.equal(chou?.role, "Prime Minister, People's Republic of China");
  assert.deepEqual(
    d.participants.filter((p) => p.role === 'Chinese Interpreters and Notetakers').map((p) => p.name),
    ['Tang Wen-sheng', 'Chi Chao-chu'],
  );
});

test('shared corpus: Kissinger–Huang (d17), dialogue with unmarked labels', { skip: sharedSkip }, async () => {
  const d = await doc('frus1969-76ve13-d17');
  assert.equal(d.style, 'dialogue');
  assert.deepEqual([d.date?.start, d.time?.start, d.time?.end, d.place], ['1971-08-16', '09:05', '10:45', 'Paris']);
  assert.equal(passageStarting(d, 'Ambassador Huang: You arrived last night?').speaker?.person_id, 'huang-chen');
  assert.equal(passageStarting(d, 'Dr. Kissinger: Yes.').speaker?.person_id, 'kissinger-henry');
  assert.equal(passageStarting(d, 'Mr. Tsao: (Reading)').speaker?.name, 'Tsao Kuei Sheng');
});

test('shared corpus: letters name their correspondents; undated papers get their span', { skip: sharedSkip }, async () => {
  const letter = await doc('frus1969-76ve13-d13');
  assert.equal(letter.type, 'letter');
  assert.deepEqual(
    letter.participants.map((p) => [p.person_id, p.role]),
    [
      ['haig-alexander', 'author'],
      ['walters-vernon', 'recipient'],
    ],
  );
  assert.deepEqual(letter.date, { start: '1971-08-05', precision: 'day', text: 'August 5, 1971' });
  const paper = await doc('frus1981-88v05-d305');
  assert.equal(paper.type, 'report');
  assert.deepEqual([paper.date?.start, paper.date?.end, paper.date?.precision], ['1986-10-11', '1986-10-12', 'range']);
  const note = await doc('frus1981-88v05-d300');
  assert.equal(note.type, 'editorial-note');
  assert.equal(note.date, undefined, 'the volume-wide span of an editorial note dates nothing');
});

test('shared corpus: persons are authority records with aliases, found by any spelling', { skip: sharedSkip }, async () => {
  const store = await openCorpusStore();
  const byAlias = await store.findPersons('Gorbachev');
  assert.deepEqual(byAlias.map((p) => p.id), ['gorbachev-mikhail']);
  assert.deepEqual((await store.findPersons('Горбачёв')).map((p) => p.id), ['gorbachev-mikhail']);
  assert.deepEqual((await store.findPersons('Chou En-lai')).map((p) => p.id), ['chou-en-lai']);
});
