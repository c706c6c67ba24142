/**
 * The person page's data: the authority record, the documents they take part in or are named
 * in (search `person:`), and what they said: the passages of their speaker turns, read from
 * the documents search finds with `speaker:`, in date order.
 */
import { VerbatimError } from '../../errors.ts';
import type { Document, Person } from '../../model/index.ts';
import { MAX_LIMIT } from '../../search/types.ts';
import type { Store } from '../../store/index.ts';
import type { Engines, SearchHit } from '../engines.ts';

/** A person page lists this many documents; the search link shows everything. */
export const PERSON_DOCUMENTS_SHOWN = MAX_LIMIT;
/** Documents whose turns are read for "what they said": each is loaded whole. */
export const PERSON_TURN_DOCUMENTS = 30;

export interface PersonTurn {
  doc_id: string;
  title: string;
  date?: string;
  passage_id: string;
  /** Passage number, for the #p12 anchor. */
  n: number;
  page?: string;
  /** The label the record gives the speaker ("The President", "Gorbachev"). */
  label?: string;
  /** dialogue: the speaker's words as recorded; narrative: the note-taker's account of them. */
  style?: string;
  text: string;
}

export interface PersonPageData {
  person: Person;
  /** False when the server runs without search: the lists below are then empty. */
  search_available: boolean;
  documents: { total: number; items: Pick<SearchHit, 'doc_id' | 'title' | 'date' | 'type'>[] };
  turns: { documents: number; items: PersonTurn[] };
  links: { json: string; documents_search: string; turns_search: string };
}

/** The query-language value naming a person: their authority id, quoted when it must be. */
function personValue(person: Person): string {
  return /^[\p{L}\p{N}._-]+$/u.test(person.id) ? person.id : `"${person.id.replace(/"/g, '')}"`;
}

function turnsIn(document: Document, personId: string): PersonTurn[] {
  return document.passages
    .filter((passage) => passage.speaker?.person_id === personId)
    .map((passage) => {
      const turn = passage.turn === undefined ? undefined : document.turns[passage.turn];
      return {
        doc_id: document.id,
        title: document.title,
        date: document.date?.start,
        passage_id: passage.id,
        n: passage.n,
        page: passage.page,
        label: turn?.label,
        style: turn?.style,
        text: passage.text,
      };
    });
}

export async function personData(store: Store, engines: Engines, id: string): Promise<PersonPageData> {
  const person = await store.getPerson(id);
  if (!person) throw new VerbatimError('VBT_ERR_NOT_FOUND', ['person', id]);
  const documentsQuery = `person:${personValue(person)}`;
  const turnsQuery = `speaker:${personValue(person)}`;
  const links = {
    json: `/persons/${encodeURIComponent(id)}.json`,
    documents_search: `/search?${new URLSearchParams({ q: documentsQuery, sort: 'date' })}`,
    turns_search: `/search?${new URLSearchParams({ q: turnsQuery, sort: 'date' })}`,
  };
  if (!engines.search) {
    return { person, search_available: false, documents: { total: 0, items: [] }, turns: { documents: 0, items: [] }, links };
  }
  const [documents, spoken] = await Promise.all([
    engines.search({ query: documentsQuery, limit: PERSON_DOCUMENTS_SHOWN, sort: 'date', facets: false }),
    engines.search({ query: turnsQuery, limit: PERSON_TURN_DOCUMENTS, sort: 'date', facets: false }),
  ]);
  const turns: PersonTurn[] = [];
  for (const hit of spoken.hits) {
    const document = await store.getDocument(hit.doc_id);
    if (document) turns.push(...turnsIn(document, person.id));
  }
  return {
    person,
    search_available: true,
    documents: { total: documents.total, items: documents.hits.map(({ doc_id, title, date, type }) => ({ doc_id, title, date, type })) },
    turns: { documents: spoken.total, items: turns },
    links,
  };
}
