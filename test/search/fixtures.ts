/**
 * Small hand-written documents (our own sentences, not corpus text) for search tests that need
 * exact control: private collections, month-precision dates, speakers, persons.
 */
import type { Document, Passage, Person } from '../../src/model/index.ts';
import { SqliteStore } from '../../src/store/index.ts';
import { tempDir } from '../helpers/shared.ts';

export interface DocSpec {
  id: string;
  collection: { id: string; title: string; private?: boolean };
  type?: Document['type'];
  title: string;
  date?: Document['date'];
  place?: string;
  classification?: Document['classification'];
  participants?: string[];
  /** Passages as [speaker person id or '', text]. */
  passages: [string, string][];
}

export function makeDocument(spec: DocSpec, persons: readonly Person[]): Document {
  let offset = 0;
  const nameOf = (id: string) => persons.find((person) => person.id === id)?.name ?? id;
  const passages: Passage[] = spec.passages.map(([speaker, text], index) => {
    const passage: Passage = {
      id: `${spec.id}-p${index + 1}`,
      n: index + 1,
      kind: 'paragraph',
      text,
      start: offset,
      end: offset + text.length,
      ...(speaker ? { speaker: { person_id: speaker, name: nameOf(speaker) } } : {}),
    };
    offset += text.length + 2;
    return passage;
  });
  return {
    id: spec.id,
    collection: spec.collection,
    type: spec.type ?? 'memcon',
    title: spec.title,
    date: spec.date,
    place: spec.place,
    participants: (spec.participants ?? []).map((id) => ({ person_id: id, name: nameOf(id) })),
    mentions: [],
    classification: spec.classification,
    language: 'en',
    style: 'dialogue',
    text: spec.passages.map(([, text]) => text).join('\n\n'),
    passages,
    turns: [],
    footnotes: [],
    pages: [],
    redactions: [],
    citation: { text: spec.title },
    source: { origin: 'test', format: 'test' },
  };
}

export const PERSONS: Person[] = [
  {
    id: 'yeltsin-boris',
    name: 'Boris Yeltsin',
    sort_name: 'Yeltsin, Boris',
    aliases: ['Yeltsin', 'Boris Nikolayevich'],
    source_ids: [],
  },
  { id: 'clinton-william', name: 'William J. Clinton', sort_name: 'Clinton, William J.', aliases: ['Clinton', 'Bill Clinton'], source_ids: [] },
  { id: 'kozyrev-andrei', name: 'Andrei Kozyrev', sort_name: 'Kozyrev, Andrei', aliases: ['Kozyrev'], source_ids: [] },
];

const PUBLIC = { id: 'test-public', title: 'Test Papers, Open Series' };
const SECRET = { id: 'test-private', title: 'Unreleased Papers', private: true };

export const DOCUMENTS: DocSpec[] = [
  {
    id: 'pub-dinner',
    collection: PUBLIC,
    title: 'Dinner conversation in the country house',
    date: { start: '1994-01-13', precision: 'day' },
    place: 'Novo-Ogaryovo, Moscow',
    classification: { marked: 'Secret', level: 'secret' },
    participants: ['yeltsin-boris', 'clinton-william'],
    passages: [
      ['yeltsin-boris', 'The alliance should open its door to us before anybody else, said the host over the soup.'],
      ['clinton-william', 'The guest answered that the partnership programme was the first step toward the alliance.'],
      ['', 'Both men then spoke about grain harvests and the weather in the countryside.'],
    ],
  },
  {
    id: 'pub-telcon',
    collection: PUBLIC,
    type: 'telcon',
    title: 'Telephone call about the alliance',
    date: { start: '1994-03', precision: 'month' },
    place: 'Washington',
    classification: { marked: 'Confidential', level: 'confidential' },
    participants: ['clinton-william', 'kozyrev-andrei'],
    passages: [
      ['kozyrev-andrei', 'The minister asked whether the alliance would wait for a decision from the capital.'],
      ['clinton-william', 'Nothing about enlargement will be decided without consultation.'],
    ],
  },
  {
    id: 'pub-undated',
    collection: PUBLIC,
    type: 'memo',
    title: 'Undated note on harvests',
    participants: [],
    passages: [['', 'A note on grain harvests, undated, mentions no alliance at all.']],
  },
  {
    id: 'priv-memo',
    collection: SECRET,
    type: 'memo',
    title: 'Unreleased memorandum on the alliance',
    date: { start: '1994-01-14', precision: 'day' },
    place: 'Moscow',
    classification: { marked: 'Top Secret', level: 'top-secret' },
    participants: ['yeltsin-boris'],
    passages: [
      ['yeltsin-boris', 'A zebracorn codeword appears only in this unreleased memorandum about the alliance.'],
      ['', 'The alliance and the harvests are discussed again, privately.'],
    ],
  },
];

/** A fresh store holding the fixture documents and persons. */
export async function openFixtureStore(): Promise<SqliteStore> {
  const store = new SqliteStore(tempDir('verbatim-search-'));
  await store.putPersons(PERSONS);
  for (const spec of DOCUMENTS) await store.putDocument(makeDocument(spec, PERSONS));
  return store;
}
