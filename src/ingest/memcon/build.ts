/**
 * A record's pages of plain text to a Document: furniture off (banners, stamps, page
 * numbers), header parsed (type, subject, participants, date, time, place), the body cut
 * into passages with speaker turns, and redactions found in the running text. Pure: the
 * PDF and text readers do the I/O and hand their pages here.
 *
 * @example
 *   parseRecord(['SECRET\nMEMORANDUM OF CONVERSATION\n\nSUBJECT: Dinner\n…\nThe President: …'], { origin: 'a.txt' })
 *   // → { id: 'doc-…', type: 'memcon', title: 'Memorandum of Conversation: Dinner',
 *   //     classification: { marked: 'SECRET', level: 'secret' }, participants: […], turns: […], … }
 */
import { basename } from 'node:path';
import type { Collection, Document, PageBreak, Participant, Passage } from '../../model/index.ts';
import { hashId } from '../common/ids.ts';
import { detectLanguage } from '../common/language.ts';
import { classificationOf, declassificationOf } from './classification.ts';
import { removeFurniture } from './furniture.ts';
import { parseHeader, type Header } from './header.ts';
import { linesOfPages, type Line } from './lines.ts';
import { paragraphsOf, type Paragraph } from './paragraphs.ts';
import { MEMCON } from './patterns.ts';
import { parseEntry, parseParticipants } from './participants.ts';
import { findRedactions } from './redactions.ts';
import { detectTurns, speakerDirectory } from '../turns.ts';
import { whenWhere } from './when-where.ts';

export const DOCUMENT_ID_PREFIX = 'doc';

/** Where records read from local files go unless the caller names a collection. */
export const DEFAULT_COLLECTION: Collection = { id: 'local', title: 'Local files' };

/** Passages are separated by one blank line in Document.text. */
const PASSAGE_SEPARATOR = '\n\n';
/** A title made from the first words of the text when there is no heading or subject. */
const FALLBACK_TITLE_WORDS = 10;

const TITLE_CASE_HEADINGS: [RegExp, string][] = [
  [/TELEPHONE/i, 'Memorandum of Telephone Conversation'],
  [/CONVERSATION|MEMCON/i, 'Memorandum of Conversation'],
];

export interface RecordOptions {
  /** The file or URL the pages came from. */
  origin: string;
  /** Reported as Document.source.format ("pdf", "text", "markdown"). */
  format?: string;
  collection?: Collection;
  /** Printed page labels; defaults to 1, 2, 3… */
  pageLabels?: string[];
  /** Mean OCR confidence per page (undefined for pages read from a text layer). */
  ocrConfidence?: (number | undefined)[];
  /** Title to use when the record has none of its own (a Markdown heading). */
  title?: string;
}

export function parseRecord(pages: readonly string[], options: RecordOptions): Document {
  const furniture = removeFurniture(linesOfPages(pages));
  const header = parseHeader(furniture.lines);
  const participants = participantsOf(header);
  const headerPassages = headerBlocks(furniture.lines.slice(0, header.end));
  const body = paragraphsOf(furniture.lines.slice(header.end));
  const all: (Paragraph & { kind: Passage['kind'] })[] = [
    ...headerPassages.map((paragraph) => ({ ...paragraph, kind: 'heading' as const })),
    ...body.map((paragraph) => ({ ...paragraph, kind: 'paragraph' as const })),
  ];
  const { text, passages, pages: pageBreaks } = layOut(all, pages.length, options);
  const id = hashId(DOCUMENT_ID_PREFIX, text);
  for (const passage of passages) passage.id = `${id}-p${passage.n}`;
  // Speaker turns as every reader finds them (../turns.ts), over all passages so indexes agree.
  const { style, turns } = detectTurns(
    passages.map((passage) => ({ text: passage.text, kind: passage.kind, refs: [] })),
    speakerDirectory(participants),
  );
  for (const turn of turns) {
    for (let index = turn.first_passage; index <= turn.last_passage; index++) {
      Object.assign(passages[index]!, { speaker: turn.speaker, turn: turn.n });
    }
  }

  const { date, time, place } = whenWhere(header);
  const title = titleOf(header, options.title, text);
  const document: Document = {
    id,
    collection: options.collection ?? DEFAULT_COLLECTION,
    type: header.type,
    title,
    participants,
    mentions: [],
    language: detectLanguage(text),
    style,
    text,
    passages,
    turns,
    footnotes: [],
    pages: pageBreaks,
    redactions: findRedactions(text),
    citation: { text: citationOf(title, date?.text, options.origin) },
    source: { origin: options.origin, format: options.format ?? 'text' },
  };
  if (date) document.date = date;
  if (time) document.time = time;
  if (place) document.place = place;
  const classification = classificationOf(furniture.banners);
  if (classification) document.classification = classification;
  const declassification = declassificationOf(furniture.stamps);
  if (declassification) document.declassification = declassification;
  return document;
}

function participantsOf(header: Header): Participant[] {
  const participants = header.fields.participants ? parseParticipants(header.fields.participants) : [];
  for (const [field, role] of [['notetakers', 'Notetaker'], ['interpreters', 'Interpreter']] as const) {
    for (const entry of (header.fields[field] ?? '').split(MEMCON.nameListSeparator)) {
      const person = parseEntry(entry.trim());
      if (!person) continue;
      const known = participants.find((p) => p.name === person.name);
      if (known) known.role = known.role ? `${known.role}; ${role}` : role;
      else participants.push({ ...person, role: person.role ?? role });
    }
  }
  return participants;
}

/** The header as passages: each field (or the heading) on its own, lines joined. */
function headerBlocks(lines: readonly Line[]): Paragraph[] {
  const blocks: Paragraph[] = [];
  let current: Paragraph | undefined;
  for (const line of lines) {
    // Column alignment in the header is layout, not text.
    const text = line.text.replace(MEMCON.spaces, ' ').trim();
    if (!text) {
      current = undefined;
      continue;
    }
    // A new field label starts a new block even without a blank line before it.
    if (!current || (MEMCON.upperLabel.test(text) && !MEMCON.splitLabelTail.test(text))) {
      current = { text, page: line.page, breaks: [] };
      blocks.push(current);
    } else {
      current.text += `\n${text}`;
    }
  }
  return blocks;
}

function layOut(
  paragraphs: readonly (Paragraph & { kind: Passage['kind'] })[],
  pageCount: number,
  options: RecordOptions,
): { text: string; passages: Passage[]; pages: PageBreak[] } {
  let text = '';
  const passages: Passage[] = [];
  const firstOffset = new Map<number, number>();
  const label = (page: number) => options.pageLabels?.[page] ?? String(page + 1);
  for (const [n, paragraph] of paragraphs.entries()) {
    if (n > 0) text += PASSAGE_SEPARATOR;
    const start = text.length;
    if (!firstOffset.has(paragraph.page)) firstOffset.set(paragraph.page, start);
    for (const pageBreak of paragraph.breaks) if (!firstOffset.has(pageBreak.page)) firstOffset.set(pageBreak.page, start + pageBreak.offset);
    text += paragraph.text;
    passages.push({ id: '', n, kind: paragraph.kind, text: paragraph.text, start, end: text.length, page: label(paragraph.page) });
  }
  const pages: PageBreak[] = [];
  let carry = text.length;
  // Pages without text (blank, or all furniture) break where the next page's text starts.
  for (let page = pageCount - 1; page >= 0; page--) {
    carry = firstOffset.get(page) ?? carry;
    const pageBreak: PageBreak = { page: label(page), offset: carry };
    const confidence = options.ocrConfidence?.[page];
    if (confidence !== undefined) pageBreak.ocr_confidence = confidence;
    pages.unshift(pageBreak);
  }
  return { text, passages, pages };
}

function titleOf(header: Header, given: string | undefined, text: string): string {
  const heading = header.heading
    ? (TITLE_CASE_HEADINGS.find(([pattern]) => pattern.test(header.heading!))?.[1] ?? toTitleCase(header.heading))
    : undefined;
  const subject = header.fields.subject?.replace(MEMCON.spaces, ' ').trim();
  if (heading && subject) return `${heading}: ${subject}`;
  return heading ?? subject ?? given ?? text.split(MEMCON.spaces).slice(0, FALLBACK_TITLE_WORDS).join(' ');
}

function toTitleCase(text: string): string {
  return text.toLowerCase().replace(MEMCON.wordStart, (_, space: string, letter: string) => space + letter.toUpperCase());
}

function citationOf(title: string, date: string | undefined, origin: string): string {
  return [title, date, basename(origin)].filter(Boolean).join(', ');
}
