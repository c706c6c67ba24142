/**
 * Citations of a document in the formats researchers paste: a Chicago note, BibTeX and
 * CSL-JSON. Pure functions of the stored Document, so the CLI, API and pages agree.
 *
 * @example
 *   cite(document, 'bibtex').text   // "@misc{frus1981-88v05-d151,\n  title = {…},\n …}"
 */
import type { Document } from '../model/index.ts';
import { bibtex } from './bibtex.ts';
import { chicagoNote } from './chicago.ts';
import { cslItem } from './csl.ts';

export { formatDate, formatIsoDate, yearOf } from './dates.ts';
export type { CslItem } from './csl.ts';

export const CITATION_FORMATS = ['chicago', 'bibtex', 'csl-json'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

export const CITATION_LABELS: Record<CitationFormat, string> = {
  chicago: 'Chicago note',
  bibtex: 'BibTeX',
  'csl-json': 'CSL-JSON',
};

/** The media type each format is conventionally served as. */
export const CITATION_MEDIA_TYPES: Record<CitationFormat, string> = {
  chicago: 'text/plain',
  bibtex: 'application/x-bibtex',
  'csl-json': 'application/vnd.citationstyles.csl+json',
};

export interface FormattedCitation {
  format: CitationFormat;
  media_type: string;
  text: string;
}

export function cite(document: Document, format: CitationFormat): FormattedCitation {
  const text =
    format === 'chicago'
      ? chicagoNote(document)
      : format === 'bibtex'
        ? bibtex(document)
        : JSON.stringify([cslItem(document)], null, 2);
  return { format, media_type: CITATION_MEDIA_TYPES[format], text };
}

export function citeAll(document: Document): FormattedCitation[] {
  return CITATION_FORMATS.map((format) => cite(document, format));
}
