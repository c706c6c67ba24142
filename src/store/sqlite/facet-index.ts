/**
 * Facet values of every public document as small integer codes, so counting the facets of a
 * result is an array increment per document and value rather than a string-keyed map update:
 * a common word matches most documents of a large archive, and its facets are counted on
 * every search of it.
 */
import { FACET_VALUES, type FacetName } from '../../search/types.ts';
import { Interner } from './interner.ts';

type SingleFacet = Exclude<FacetName, 'person'>;

/** The facet values of one document, as the passage map knows it. */
export interface FacetedDocument {
  type: string;
  year?: number;
  place?: string;
  collection_id: string;
  classification?: string;
  persons: readonly string[];
}

const SINGLE_FACETS: readonly SingleFacet[] = ['type', 'year', 'place', 'collection', 'classification'];

function valueOf(document: FacetedDocument, facet: SingleFacet): string | undefined {
  switch (facet) {
    case 'type':
      return document.type;
    case 'year':
      return document.year === undefined ? undefined : String(document.year);
    case 'place':
      return document.place;
    case 'collection':
      return document.collection_id;
    case 'classification':
      return document.classification;
  }
}

export class FacetIndex {
  private readonly single = new Map<SingleFacet, { codes: Interner; ofDocument: Int32Array }>();
  private readonly persons = new Interner();
  /** Person codes of document i are personCodes[personStart[i] .. personStart[i + 1]). */
  private readonly personStart: Int32Array;
  private readonly personCodes: Int32Array;

  constructor(documents: readonly FacetedDocument[]) {
    for (const facet of SINGLE_FACETS) {
      const codes = new Interner();
      const ofDocument = Int32Array.from(documents, (document) => {
        const value = valueOf(document, facet);
        return value === undefined ? -1 : codes.numberOf(value);
      });
      this.single.set(facet, { codes, ofDocument });
    }
    this.personStart = new Int32Array(documents.length + 1);
    const personCodes: number[] = [];
    documents.forEach((document, index) => {
      for (const person of document.persons) personCodes.push(this.persons.numberOf(person));
      this.personStart[index + 1] = personCodes.length;
    });
    this.personCodes = Int32Array.from(personCodes);
  }

  /** Counts of each facet's values over `documents` (indexes), in the order results show them. */
  count(documents: Int32Array): Record<FacetName, Record<string, number>> {
    const tallies = {} as Record<FacetName, { values: readonly string[]; counts: Int32Array }>;
    for (const facet of ['type', 'year', 'person', 'place', 'collection', 'classification'] as const) {
      if (facet === 'person') {
        const counts = new Int32Array(this.persons.values.length);
        for (let document = 0; document < documents.length; document += 1) {
          const index = documents[document] as number;
          for (let at = this.personStart[index] as number; at < (this.personStart[index + 1] as number); at += 1) {
            const code = this.personCodes[at] as number;
            counts[code] = (counts[code] as number) + 1;
          }
        }
        tallies.person = { values: this.persons.values, counts };
      } else {
        const { codes, ofDocument } = this.single.get(facet) as { codes: Interner; ofDocument: Int32Array };
        const counts = new Int32Array(codes.values.length);
        for (let document = 0; document < documents.length; document += 1) {
          const code = ofDocument[documents[document] as number] as number;
          if (code >= 0) counts[code] = (counts[code] as number) + 1;
        }
        tallies[facet] = { values: codes.values, counts };
      }
    }
    const facets = {} as Record<FacetName, Record<string, number>>;
    for (const [facet, { values, counts }] of Object.entries(tallies) as [FacetName, { values: readonly string[]; counts: Int32Array }][]) {
      const entries: [string, number][] = [];
      counts.forEach((count, code) => {
        if (count > 0) entries.push([values[code] as string, count]);
      });
      if (facet === 'year') entries.sort(([a], [b]) => a.localeCompare(b));
      else entries.sort(([ka, a], [kb, b]) => b - a || ka.localeCompare(kb)).splice(FACET_VALUES);
      facets[facet] = Object.fromEntries(entries);
    }
    return facets;
  }
}
