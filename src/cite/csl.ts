/**
 * CSL-JSON (Citation Style Language, the format Zotero and pandoc read): one item of type
 * "document" with the collection as container and the archival location.
 */
import type { Document } from '../model/index.ts';
import { dateParts } from './dates.ts';

export interface CslDate {
  'date-parts': number[][];
  literal?: string;
}

export interface CslItem {
  id: string;
  type: 'document';
  title: string;
  'container-title': string;
  number?: string;
  genre?: string;
  issued?: CslDate;
  'publisher-place'?: string;
  archive_location?: string;
  URL?: string;
  language?: string;
}

function cslDate(iso: string): number[] | undefined {
  const parts = dateParts(iso);
  if (!parts) return undefined;
  return [parts.year, parts.month, parts.day].filter((n): n is number => n !== undefined);
}

export function cslItem(document: Document): CslItem {
  const item: CslItem = {
    id: document.id,
    type: 'document',
    title: document.title,
    'container-title': document.collection.title,
    genre: document.type,
    language: document.language,
  };
  if (document.number) item.number = document.number;
  const start = document.date ? cslDate(document.date.start) : undefined;
  if (start) {
    const end = document.date?.end && document.date.end !== document.date.start ? cslDate(document.date.end) : undefined;
    item.issued = { 'date-parts': end ? [start, end] : [start] };
  }
  if (document.place) item['publisher-place'] = document.place;
  if (document.source_note) item.archive_location = document.source_note;
  if (document.citation.url) item.URL = document.citation.url;
  return item;
}
