import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Document } from '../../../src/model/index.ts';
import { teiReader } from '../../../src/ingest/tei/tei-reader.ts';
import type { ReadItem } from '../../../src/ingest/reader.ts';
import { REPO_ROOT } from '../../helpers/shared.ts';

const FIXTURE = join(REPO_ROOT, 'test/fixtures/tei/small-volume.xml');

async function readAll(path: string): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of teiReader.read(path, {})) items.push(item);
  return items;
}

async function documents(): Promise<Map<string, Document>> {
  const items = await readAll(FIXTURE);
  return new Map(items.flatMap((item) => (item.kind === 'document' ? [[item.document.number ?? '', item.document]] : [])));
}

test('the persons list comes first, as authority records with aliases', async () => {
  const [first] = await readAll(FIXTURE);
  assert.equal(first?.kind, 'persons');
  if (first?.kind !== 'persons') return;
  const brodsky = first.persons.find((person) => person.id === 'brodsky-boris');
  assert.ok(brodsky);
  assert.equal(brodsky.name, 'Boris B. Brodsky');
  assert.equal(brodsky.description, 'Chairman of the Example Council');
  assert.deepEqual(brodsky.source_ids, ['frus9999-99v01#p_BB_1']);
  assert.ok(brodsky.aliases.includes('Brodsky'));
});

test('a narrative memcon: metadata, participants by side, speakers, pages, redactions, footnotes', async () => {
  const doc = (await documents()).get('1');
  assert.ok(doc);
  assert.equal(doc.id, 'frus9999-99v01-d1');
  assert.equal(doc.title, 'Memorandum of Conversation');
  assert.equal(doc.type, 'memcon');
  assert.deepEqual(doc.date, { start: '1990-03-05', precision: 'day', text: 'March 5, 1990, 3–4:30 p.m.' });
  assert.equal(doc.time?.start, '15:00');
  assert.equal(doc.time?.end, '16:30');
  assert.equal(doc.place, 'Springfield');
  assert.deepEqual(doc.classification, { marked: 'Secret; Nodis', level: 'secret' });
  assert.deepEqual(
    doc.participants.map((p) => [p.person_id, p.role, p.side]),
    [
      ['amberly-alan', 'President', 'Test Republic'],
      ['carver-celia', 'Secretary of State', 'Test Republic'],
      ['brodsky-boris', 'Chairman', 'Example Union'],
    ],
  );
  assert.equal(doc.style, 'narrative');
  const speakerOf = (start: string) => doc.passages.find((p) => p.text.startsWith(start))?.speaker?.person_id;
  assert.equal(speakerOf('The two delegations'), undefined, 'a passage with no speaker has none');
  assert.equal(speakerOf('The President opened'), 'amberly-alan');
  assert.equal(speakerOf('He added'), 'amberly-alan', 'a pronoun continues the reported speaker');
  assert.equal(speakerOf('Brodsky replied'), 'brodsky-boris');
  assert.equal(speakerOf('The Secretary noted'), 'carver-celia');
  // Footnotes are apart from the running text, anchored where their marker stood.
  assert.ok(!doc.text.includes('Test Archive'));
  assert.equal(doc.footnotes.length, 1);
  assert.equal(doc.source_note, 'Source: Test Archive, Box 1. Secret; Nodis. Drafted by nobody.');
  // Pages: the volume's page break before the document, then the one inside it.
  assert.equal(doc.passages[0]?.page, '10');
  assert.equal(doc.passages.find((p) => p.text.startsWith('The Secretary'))?.page, '11');
  // Redactions, from a <gap> and from the printed mark, as spans of the text.
  assert.deepEqual(
    doc.redactions.map((r) => doc.text.slice(r.offset, r.offset + r.length)),
    ['[1 line not declassified]', '[text not declassified]'],
  );
  // Offsets of passages index the text.
  for (const passage of doc.passages) assert.equal(doc.text.slice(passage.start, passage.end), passage.text);
  assert.deepEqual(doc.citation, {
    text: 'Foreign Relations of the United States, 9999–9999, Volume I, Test Matters, Document 1',
    url: 'https://history.state.gov/historicaldocuments/frus9999-99v01/d1',
  });
});

test('a dialogue memcon: labelled turns, titles resolved, unlabelled paragraphs continue the turn', async () => {
  const doc = (await documents()).get('2');
  assert.ok(doc);
  assert.equal(doc.style, 'dialogue');
  assert.equal(doc.classification?.level, 'top-secret');
  const speakers = doc.passages.filter((p) => p.kind === 'paragraph').map((p) => p.speaker?.person_id);
  assert.deepEqual(speakers, ['amberly-alan', 'brodsky-boris', 'amberly-alan', 'amberly-alan', 'brodsky-boris']);
  assert.deepEqual(
    doc.turns.map((t) => [t.label, t.first_passage, t.last_passage]),
    [
      ['The President', 6, 6],
      ['Chairman Brodsky', 7, 7],
      ['The President', 8, 9],
      ['Chairman Brodsky', 10, 10],
    ],
  );
});

test('an undated editorial note has no date rather than a made-up one', async () => {
  const doc = (await documents()).get('3');
  assert.equal(doc?.type, 'editorial-note');
  assert.equal(doc?.date, undefined);
  assert.equal(doc?.style, 'none');
});
