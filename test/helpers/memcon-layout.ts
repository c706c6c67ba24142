/**
 * Lays a real FRUS record out the way a US memcon was typed: classification banners at the
 * top and bottom of every page, the form heading and labelled header fields, participants by
 * side, the body wrapped at 65 columns, page numbers, a declassification stamp on page 1 and
 * one redaction (a black box labelled with its exemption). Returns the typed pages and the
 * facts a reader should recover from them. Test and bench input only.
 */
import type { FrusRecord } from './frus-record.ts';
import { BOX_CHAR } from './pdf-writer.ts';

const COLUMNS = 65;
const LINES_PER_PAGE = 54;
const BODY_LINES_PER_PAGE = LINES_PER_PAGE - 6;
const LABEL_COLUMN = 18;

export const LAYOUT_BANNER = 'SECRET/SENSITIVE';
export const LAYOUT_STAMP = ['DECLASSIFIED', 'E.O. 13526, Sec. 3.3(b)', 'Case No. 2015-0782-M', 'By KBH NARA, Date 6/28/2018'];
export const LAYOUT_EXEMPTION = '(b)(1)';

/** FRUS prints some header facts as paragraphs; a typed memcon has them in the header. */
const HEADER_LIKE_PARAGRAPH = /^(?:MEMORANDUM|REAGAN-GORBACHEV|PLACE:|DATE|TIME|PARTICIPANTS|[A-Z][a-z]+ \d{1,2}, \d{4}$|\d{1,2}:\d{2})/;

export interface LaidOutMemcon {
  pages: string[][];
  expected: {
    type: 'memcon';
    subject: string;
    date?: string;
    place?: string;
    participants: number;
    sides: string[];
    classification: string;
    case_number: string;
    authority: string;
    declassified: string;
    /** Number of dialogue labels ("Name:") that open body paragraphs. */
    labelledParagraphs: number;
    redactions: number;
    /** The body as typed (wrapped lines joined), to score OCR against. */
    bodyText: string;
  };
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function center(text: string): string {
  return ' '.repeat(Math.max(0, Math.floor((COLUMNS - text.length) / 2))) + text;
}

function field(label: string, value: string[]): string[] {
  return value.map((line, index) => (index === 0 ? `${label}:`.padEnd(LABEL_COLUMN) : ' '.repeat(LABEL_COLUMN)) + line);
}

/** Lays out the record; `maxParagraphs` keeps generated PDFs (and their OCR) small. */
export function layOutMemcon(record: FrusRecord, maxParagraphs = 10): LaidOutMemcon {
  const body = record.paragraphs.filter((p) => !HEADER_LIKE_PARAGRAPH.test(p)).slice(0, maxParagraphs);
  // Redact a run of words in the middle of the third paragraph.
  const target = Math.min(2, body.length - 1);
  const words = body[target]!.split(' ');
  const from = Math.max(1, Math.floor(words.length / 2) - 2);
  words.splice(from, 3, BOX_CHAR.repeat(12), LAYOUT_EXEMPTION);
  body[target] = words.join(' ');

  const subject = `Conversation in ${record.place ?? 'an unnamed place'} (FRUS ${record.id})`;
  const header: string[] = [center('MEMORANDUM OF CONVERSATION'), '', ...field('SUBJECT', wrap(subject, COLUMNS - LABEL_COLUMN)), ''];
  const participantLines: string[] = [];
  for (const side of record.sides) {
    if (side.heading) participantLines.push(side.heading);
    // Wrapped roles hang three spaces deeper, as typists set them.
    for (const entry of side.entries) participantLines.push(...wrap(entry, COLUMNS - LABEL_COLUMN - 3).map((line, i) => (i > 0 ? `   ${line}` : line)));
    participantLines.push('');
  }
  while (participantLines.at(-1) === '') participantLines.pop();
  header.push(...field('PARTICIPANTS', participantLines), '');
  const when = [record.dateText, record.place].filter(Boolean).join(', ');
  // The label splits over two lines, as typed memcons print it.
  const whenLines = wrap(when, COLUMNS - LABEL_COLUMN);
  header.push('DATE, TIME'.padEnd(LABEL_COLUMN) + (whenLines[0] ?? ''), '  AND PLACE:'.padEnd(LABEL_COLUMN) + (whenLines[1] ?? ''));
  header.push(...whenLines.slice(2).map((line) => ' '.repeat(LABEL_COLUMN) + line), '');

  const bodyLines: string[] = [];
  for (const paragraph of body) bodyLines.push(...wrap(paragraph, COLUMNS).map((line, i) => (i === 0 ? `     ${line}` : line)), '');

  const pages: string[][] = [];
  const all = [...header, ...bodyLines];
  for (let start = 0, n = 1; start < all.length; start += BODY_LINES_PER_PAGE, n++) {
    const page = [center(LAYOUT_BANNER), '', ...all.slice(start, start + BODY_LINES_PER_PAGE)];
    while (page.length < LINES_PER_PAGE - 3) page.push('');
    page.push(center(`- ${n} -`), center(LAYOUT_BANNER));
    pages.push(page);
  }
  // The reviewer's stamp sits at the bottom of the first page, at the right.
  pages[0]!.push('', ...LAYOUT_STAMP.map((line) => ' '.repeat(36) + line));

  const sides = record.sides.map((side) => side.heading).filter(Boolean);
  const expected: LaidOutMemcon['expected'] = {
    type: 'memcon',
    subject,
    // A lone "Notetaker" entry is a role for the name under it, not a person.
    participants: record.sides.flatMap((side) => side.entries).filter((entry) => !/^(?:notetaker|interpreter)s?$/i.test(entry)).length,
    sides,
    classification: LAYOUT_BANNER,
    case_number: '2015-0782-M',
    authority: 'E.O. 13526',
    declassified: '2018-06-28',
    // Mixed-case labels ("Dr. Kissinger:", "PM Chou:"); all-capital ones are section headings.
    labelledParagraphs: body.filter((p) => /^(?:[A-Z]{1,3} )?[A-Z][a-z][\w.’' -]{0,40}(?:\([^)]{1,40}\))?:\s/.test(p)).length,
    redactions: 1,
    bodyText: body.join('\n\n'),
  };
  if (record.date) expected.date = record.date;
  if (record.place) expected.place = record.place;
  return { pages, expected };
}
