/**
 * Exports of the archive for other tools: JSON Lines (whole documents, for pipelines), CSV
 * (one row of metadata per document, for spreadsheets), CSL-JSON (Zotero, pandoc) and BibTeX.
 * Each format is a writer fed one document at a time, so an export never holds the archive
 * in memory.
 *
 * @example
 *   for await (const chunk of exportDocuments(store.listDocuments(), 'csv')) process.stdout.write(chunk);
 */
import { bibtex } from '../cite/bibtex.ts';
import { cslItem } from '../cite/csl.ts';
import type { Document } from '../model/index.ts';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'csl-json', 'bibtex'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

interface Writer {
  start: string;
  item(document: Document, index: number): string;
  end: string;
}

const CSV_COLUMNS: [string, (d: Document) => string | undefined][] = [
  ['id', (d) => d.id],
  ['collection', (d) => d.collection.id],
  ['number', (d) => d.number],
  ['type', (d) => d.type],
  ['title', (d) => d.title],
  ['date_start', (d) => d.date?.start],
  ['date_end', (d) => d.date?.end],
  ['date_precision', (d) => d.date?.precision],
  ['time', (d) => [d.time?.start, d.time?.end].filter(Boolean).join('–') || undefined],
  ['place', (d) => d.place],
  ['classification', (d) => d.classification?.level],
  ['classification_marked', (d) => d.classification?.marked],
  ['participants', (d) => d.participants.map((p) => p.name).join('; ')],
  ['record_style', (d) => d.style],
  ['passages', (d) => String(d.passages.length)],
  ['citation', (d) => d.citation.text],
  ['url', (d) => d.citation.url],
];

/** RFC 4180: quote a field holding a comma, quote or line break; double the quotes inside. */
export function csvField(value: string | undefined): string {
  if (value === undefined) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const WRITERS: Record<ExportFormat, Writer> = {
  jsonl: { start: '', item: (d) => JSON.stringify(d) + '\n', end: '' },
  csv: {
    start: CSV_COLUMNS.map(([name]) => name).join(',') + '\r\n',
    item: (d) => CSV_COLUMNS.map(([, value]) => csvField(value(d))).join(',') + '\r\n',
    end: '',
  },
  'csl-json': {
    start: '[\n',
    item: (d, index) => (index > 0 ? ',\n' : '') + JSON.stringify(cslItem(d)),
    end: '\n]\n',
  },
  bibtex: { start: '', item: (d) => bibtex(d) + '\n\n', end: '' },
};

export async function* exportDocuments(
  documents: AsyncIterable<Document>,
  format: ExportFormat,
  counter?: (count: number) => void,
): AsyncGenerator<string> {
  const writer = WRITERS[format];
  yield writer.start;
  let index = 0;
  for await (const document of documents) {
    yield writer.item(document, index++);
    counter?.(index);
  }
  yield writer.end;
}
