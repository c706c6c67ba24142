/**
 * A Verbatim archive of generated passages (search-corpus.ts), stored through the store as an
 * ingest stores documents: PASSAGES_PER_DOCUMENT passages to a document, speakers as persons of
 * the authority, then the derived indexes brought up to date. Shared by bench/search-engine.ts
 * and bench/server-memory.ts.
 */
import type { Document, Person } from '../src/model/index.ts';
import { SqliteStore } from '../src/store/index.ts';
import { PASSAGES_PER_DOCUMENT, type BenchPassage } from './search-corpus.ts';

const personId = (name: string) => `bench-${name.toLowerCase().replace(/[^a-z]+/g, '-')}`;

/** Builds the archive in `dir`; `idOf` maps each stored passage id back to its generated passage. */
export async function buildVerbatimArchive(
  dir: string,
  passages: readonly BenchPassage[],
): Promise<{ store: SqliteStore; idOf: Map<string, number> }> {
  const store = new SqliteStore(dir);
  const idOf = new Map<string, number>();
  const speakers = [...new Set(passages.map((p) => p.speaker).filter((s): s is string => Boolean(s)))];
  const persons: Person[] = speakers.map((name) => ({ id: personId(name), name, sort_name: name, aliases: [name], source_ids: [] }));
  await store.putPersons(persons);
  const collection = { id: 'bench', title: 'Benchmark passages' };
  for (let start = 0; start < passages.length; start += PASSAGES_PER_DOCUMENT) {
    const group = passages.slice(start, start + PASSAGES_PER_DOCUMENT);
    const first = group[0] as BenchPassage;
    let offset = 0;
    const docId = `b${first.doc}`;
    const document: Document = {
      id: docId,
      collection,
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
        const start2 = offset;
        offset += passage.text.length + 1;
        return {
          id,
          n: index + 1,
          kind: 'paragraph' as const,
          text: passage.text,
          start: start2,
          end: start2 + passage.text.length,
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
    store.writeDocument(document);
  }
  // Ready as after an ingest: the derived indexes up to date and the passage map built (by the first search).
  await store.prepareSearch();
  await store.search({ query: 'the', limit: 1 });
  return { store, idOf };
}
