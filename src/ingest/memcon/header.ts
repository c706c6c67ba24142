/**
 * The header block of a US record: the form heading (MEMORANDUM OF CONVERSATION, TELEPHONE
 * CONVERSATION, …) and the labelled fields under it (SUBJECT, PARTICIPANTS, DATE, TIME AND
 * PLACE, NOTETAKER). Fields may wrap onto following lines; the participants list may hold
 * blank lines between its sides. The header ends at the first line that is none of these.
 */
import type { DocumentType } from '../../model/index.ts';
import { isBlank, type Line } from './lines.ts';
import { MEMCON } from './patterns.ts';

/** Short lines above the heading (letterhead, a date) that still belong to the header. */
const PREAMBLE_MAX_LINES = 8;
/** Letterhead lines are short; a longer line means the text has no header block. */
const PREAMBLE_LINE_MAX_CHARS = 60;
/** OCR places a column a character or two off: that much to the left still counts. */
const COLUMN_SLACK = 3;
/** A participant entry fits on a line; body prose runs longer. */
const PARTICIPANT_LINE_MAX_CHARS = 90;

export type FieldName = 'subject' | 'participants' | 'date-time-place' | 'date-time' | 'date' | 'time' | 'place' | 'notetakers' | 'interpreters';

export interface Header {
  type: DocumentType;
  /** The form heading as printed ("MEMORANDUM OF CONVERSATION"). */
  heading?: string;
  /** Field values, lines joined by newlines, each line at its printed column (leading spaces kept). */
  fields: Partial<Record<FieldName, string>>;
  /** Lines before the heading or first field (letterhead, a date line). */
  preamble: string[];
  /** Index of the first line after the header (0 when there is none). */
  end: number;
}

const FIELD_NAMES: [RegExp, FieldName][] = [
  [/^SUBJ/i, 'subject'],
  [/^PARTICIPANT/i, 'participants'],
  [/^(?:DATE,?\s+TIME|TIME,?\s+DATE),?\s+(?:AND|&)\s+PLACE$/i, 'date-time-place'],
  [/^TIME\s+AND\s+PLACE$|^DATE\s+AND\s+PLACE$/i, 'date-time-place'],
  [/^DATE,?\s*(?:AND|&)\s*TIME$/i, 'date-time'],
  [/^DATE$/i, 'date'],
  [/^TIME$/i, 'time'],
  [/^(?:PLACE|LOCATION)$/i, 'place'],
  [/^NOTE\s*TAKERS?$/i, 'notetakers'],
  [/^INTERPRETERS?$/i, 'interpreters'],
];

const HEADING_TYPES: [RegExp, DocumentType][] = [
  [/TELEPHONE|TELCON/i, 'telcon'],
  [/CONVERSATION|MEMCON|RECORD\s+OF/i, 'memcon'],
  [/TELEGRAM/i, 'telegram'],
  [/TRANSCRIPT/i, 'transcript'],
  [/PRESS\s+BRIEFING/i, 'press-briefing'],
  [/MEMORANDUM/i, 'memo'],
];

export function fieldName(label: string): FieldName | undefined {
  const clean = label.replace(MEMCON.spaces, ' ').trim();
  return FIELD_NAMES.find(([pattern]) => pattern.test(clean))?.[1];
}

export function typeOfHeading(heading: string): DocumentType {
  return HEADING_TYPES.find(([pattern]) => pattern.test(heading))?.[1] ?? 'other';
}

/** The heading on this line, or on this line and the next ("MEMORANDUM" / "OF CONVERSATION"). */
function headingAt(lines: readonly Line[], index: number): { heading: string; span: number } | undefined {
  const line = lines[index]?.text.trim() ?? '';
  const next = lines[index + 1]?.text.trim() ?? '';
  const joined = `${line} ${next}`.replace(MEMCON.spaces, ' ');
  if (next && MEMCON.documentHeading.test(joined) && !MEMCON.documentHeading.test(next)) return { heading: joined, span: 2 };
  if (MEMCON.documentHeading.test(line)) return { heading: line.replace(MEMCON.spaces, ' '), span: 1 };
  return undefined;
}

export function parseHeader(lines: readonly Line[]): Header {
  const header: Header = { type: 'other', fields: {}, preamble: [], end: 0 };
  let index = skipBlank(lines, 0);
  let open: FieldName | undefined;
  let valueColumn = Infinity;
  let sawHeaderItem = false;
  while (index < lines.length) {
    const line = lines[index]!;
    const text = line.text.trim();
    if (isBlank(line)) {
      const next = skipBlank(lines, index);
      if (open === 'participants' && next < lines.length && (inValueColumn(lines[next]!.text, valueColumn) || continuesParticipants(lines[next]!.text))) {
        index = next;
        continue;
      }
      open = undefined;
      index = next;
      continue;
    }
    const heading = !header.heading ? headingAt(lines, index) : undefined;
    if (heading) {
      header.heading = heading.heading;
      header.type = typeOfHeading(heading.heading);
      sawHeaderItem = true;
      index += heading.span;
      header.end = index;
      continue;
    }
    const field = fieldAt(lines, index);
    if (field) {
      open = field.name;
      valueColumn = field.value.trim() ? field.value.length - field.value.trimStart().length : Infinity;
      header.fields[field.name] = field.value;
      sawHeaderItem = true;
      index += field.span - 1;
    } else if (open && (inValueColumn(line.text, valueColumn) || continuesField(open, text))) {
      // Indentation kept: participants lists tell wrapped roles apart by it.
      header.fields[open] = [header.fields[open], line.text].filter(Boolean).join('\n');
    } else if (!sawHeaderItem && header.preamble.length < PREAMBLE_MAX_LINES && text.length <= PREAMBLE_LINE_MAX_CHARS) {
      header.preamble.push(text);
    } else {
      break;
    }
    index++;
    if (sawHeaderItem) header.end = index;
  }
  if (!sawHeaderItem) header.preamble = [];
  return header;
}

/**
 * A line that starts at (or right of) the column where the field's value started continues
 * the value, whatever it says: "President: for National Security Affairs" wrapped under a
 * participant is not a speaker. Body text starts at the left margin or a short indent.
 */
function inValueColumn(raw: string, valueColumn: number): boolean {
  const indent = raw.length - raw.trimStart().length;
  return indent >= valueColumn - COLUMN_SLACK && !MEMCON.upperLabel.test(raw.trim());
}

function continuesField(field: FieldName, text: string): boolean {
  if (MEMCON.dialogueTurn.test(text) && !MEMCON.titlePrefix.test(text)) return false;
  return field === 'participants' ? continuesParticipants(text) : true;
}

/** A participants entry or side heading, not the first line of the body. */
function continuesParticipants(raw: string): boolean {
  const text = raw.trim();
  if (MEMCON.sideHeading.test(text) || MEMCON.loneRole.test(text)) return true;
  if (text.length > PARTICIPANT_LINE_MAX_CHARS || MEMCON.upperLabel.test(text) || MEMCON.splitLabelHead.test(text)) return false;
  if (MEMCON.narrativeTurn.test(text) || MEMCON.documentHeading.test(text)) return false;
  // Entries do not end a sentence; initials and abbreviations ("Jr.", "U.S.") do end in a dot.
  return !MEMCON.questionEnd.test(text) && !(MEMCON.periodEnd.test(text) && !MEMCON.abbreviationEnd.test(text));
}

interface FieldStart {
  name: FieldName;
  /** The value printed on the label's line(s). */
  value: string;
  /** Lines the label takes. */
  span: number;
}

/**
 * The field whose label starts at this line: "LABEL: value", or a label split over two
 * lines ("DATE, TIME      January 13, 1994" over "  AND PLACE:    Novo-Ogaryovo").
 */
function fieldAt(lines: readonly Line[], index: number): FieldStart | undefined {
  const text = lines[index]?.text.trim() ?? '';
  const field = MEMCON.field.exec(text);
  const name = field && fieldName(field[1]!);
  if (name) {
    // The value keeps its column, so continuation lines can be compared with it.
    const value = field[2]!.trim();
    const raw = lines[index]!.text;
    return { name, value: value ? ' '.repeat(raw.lastIndexOf(value)) + value : '', span: 1 };
  }
  const head = MEMCON.splitLabelHead.exec(text);
  const tail = head && MEMCON.splitLabelTail.exec(lines[index + 1]?.text.trim() ?? '');
  if (!head || !tail) return undefined;
  return { name: 'date-time-place', value: [head[2], tail[2]].filter(Boolean).join('\n'), span: 2 };
}

function skipBlank(lines: readonly Line[], from: number): number {
  let index = from;
  while (index < lines.length && isBlank(lines[index]!)) index++;
  return index;
}
