/**
 * Chicago Manual of Style note form (17th ed., 14.232 for government documents): the record's
 * title in quotation marks, place and date, the published collection, document number and
 * a stable URL.
 */
import type { Document } from '../model/index.ts';
import { formatDate } from './dates.ts';

export function chicagoNote(document: Document): string {
  const parts = [`“${document.title},”`];
  const when = [document.place, formatDate(document.date)].filter(Boolean).join(', ');
  const body = [when, document.collection.title, document.number ? `doc. ${document.number}` : undefined]
    .filter(Boolean)
    .join(', ');
  if (body) parts.push(body);
  let note = parts.join(' ');
  if (document.citation.url) note += `, ${document.citation.url}`;
  return note + '.';
}
