/**
 * A Verbatim archive of generated passages (search-corpus.ts), stored as an ingest stores what a
 * reader yields (pipeline.ts storeItems): PASSAGES_PER_DOCUMENT passages to a document, speakers
 * as persons of the authority, then the derived indexes brought up to date. Shared by
 * bench/search-engine.ts and bench/server-memory.ts.
 */
import { storeItems } from '../src/ingest/pipeline.ts';
import type { ReadItem } from '../src/ingest/reader.ts';
import type { Document, Person } from '../src/model/index.ts';
import { SqliteStore } from '../src/store/index.ts';
import { PASSAGES_PER_DOCUMENT, type BenchPassage } from './search-corpus.ts';

const personId = (name: string) => `bench-${name.toLowerCase().replace(/[^a-z]+/g, '-')}`;
const COLLECTION = { id: 'bench', title: 'Benchmark passages' };

/** Builds the archive in `dir`; `idOf` maps each stored passage id back to its generated passage. */
export async function buildVerbatimArchive(
  dir: string,
  passages: readonly BenchPassage[],
): Promise<{ store: SqliteStore; idOf: Map<string, number> }> {
  const store = new SqliteStore(dir);
  const idOf = new Map<string, number>();
  await storeItems(store, readItems(passages, idOf));
  // Ready as after an ingest: the derived indexes up to date and the passage map built (by the first search).
  await store.prepareSearch();
  await store.search({ query: 'the', limit: 1 });
  return { store, idOf };
}

/** What a reader of the generated passages would yield: the speakers as persons, then the documents. */
function* readItems(passages: readonly BenchPassage[], idOf: Map<string, number>): Generator<ReadItem> {
  const speakers = [...new Set(passages.map((p) => p.speaker).filter((s): s is string => Boolean(s)))];
  const persons: Person[] = speakers.map((name) => ({ id: personId(name), name, sort_name: name, aliases: [name], source_ids: [] }));
  yield { kind: 'persons', persons };
  for (let start = 0; start < passages.length; start += PASSAGES_PER_DOCUMENT) {
    yield { kind: 'document', document: documentOf(passages.slice(start, start + PASSAGES_PER_DOCUMENT), idOf) };
  }
}

function documentOf(group: readonly BenchPassage[], idOf: Map<string, number>): Document {
  const first = group[0] as BenchPassage;
  const docId = `b${first.doc}`;
  let offset = 0;
  return {
    id: docId,
    collection: COLLECTION,
    type: first.type as Document['type'],
    title: `Generated document ${first.doc}`,
    date: { start: String(first.year), precision: 'year' },
    place: first.place,
    participants: [],
    mentions: [],
    language: 'en',
    style: 'dialogue',
    text: '',
    passages: group.map((passage, index) => {
      const id = `${docId}-p${index + 1}`;
      idOf.set(id, passage.id);
      const start = offset;
      offset += passage.text.length + 1;
      return {
        id,
        n: index + 1,
        kind: 'paragraph' as const,
        text: passage.text,
        start,
        end: start + passage.text.length,
        ...(passage.speaker ? { speaker: { person_id: personId(passage.speaker), name: passage.speaker } } : {}),
      };
    }),
    turns: [],
    footnotes: [],
    pages: [],
    redactions: [],
    citation: { text: docId },
    source: { origin: 'bench', format: 'bench' },
  };
}
