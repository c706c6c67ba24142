/**
 * A primary source as Verbatim stores it: metadata, clean running text, and the structure
 * (passages, speaker turns, footnotes, page breaks, redactions) laid over that text by
 * character offsets. Every reader produces this shape; every store persists it whole.
 */

export const DOCUMENT_TYPES = [
  'memcon',
  'telcon',
  'telegram',
  'memo',
  'letter',
  'report',
  'editorial-note',
  'transcript',
  'press-briefing',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const CLASSIFICATION_LEVELS = [
  'top-secret',
  'secret',
  'confidential',
  'limited-official-use',
  'unclassified',
] as const;
export type ClassificationLevel = (typeof CLASSIFICATION_LEVELS)[number];

/** How the record renders speech: the thing a fact-checker must know before quoting it. */
export type RecordStyle = 'dialogue' | 'narrative' | 'none';

export type DatePrecision = 'day' | 'month' | 'year' | 'range';

export interface DocumentDate {
  /** ISO date (YYYY-MM-DD, YYYY-MM or YYYY) of the start. */
  start: string;
  /** ISO date of the end when the record covers a span (precision 'range'). */
  end?: string;
  precision: DatePrecision;
  /** The date as the source prints it. */
  text?: string;
}

export interface DocumentTime {
  /** Local time, HH:MM. */
  start?: string;
  end?: string;
  /** UTC offset (+01:00) or a marker such as Z, when the source gives one. */
  zone?: string;
  text?: string;
}

export interface PersonRef {
  /** The authority record (see entities), when the name could be resolved. */
  person_id?: string;
  /** The full name as resolved, or as written when unresolved. */
  name: string;
}

export interface Participant extends PersonRef {
  /** Title or function as the participants list gives it ("Secretary of State"). */
  role?: string;
  /** The delegation, when the list groups by side ("United States"). */
  side?: string;
  /** The persons list's description of the person. */
  description?: string;
}

export interface Classification {
  /** As marked in the source ("Secret; Sensitive; Exclusively Eyes Only"). */
  marked: string;
  level: ClassificationLevel;
}

export interface Declassification {
  authority?: string;
  date?: string;
  case_number?: string;
  text?: string;
}

export type PassageKind = 'heading' | 'paragraph' | 'list' | 'quote' | 'closer';

export interface Passage {
  /** Stable: `${doc_id}-p${n}`. Footnotes are indexed as passages `${doc_id}-fn${n}` by the store. */
  id: string;
  n: number;
  kind: PassageKind;
  text: string;
  /** Character offsets into Document.text (end exclusive). */
  start: number;
  end: number;
  /** The printed page the passage starts on, from the source's page breaks. */
  page?: string;
  speaker?: PersonRef;
  /** Index into Document.turns. */
  turn?: number;
}

export interface SpeakerTurn {
  n: number;
  speaker: PersonRef;
  /** The label as the record writes it ("PM Chou", "The President"). */
  label: string;
  style: Exclude<RecordStyle, 'none'>;
  /** Passage numbers (Passage.n) the turn covers, first to last inclusive. */
  first_passage: number;
  last_passage: number;
}

export interface Footnote {
  id: string;
  /** The marker as printed (1, 2, *). */
  n: string;
  type?: string;
  text: string;
  /** Offset in Document.text where the marker stood. */
  anchor: number;
}

export interface PageBreak {
  page: string;
  offset: number;
  /** Mean OCR word confidence (0–100) when the page's text came from OCR, not a text layer. */
  ocr_confidence?: number;
}

export interface Redaction {
  offset: number;
  length: number;
  /** As marked: "[text not declassified]", "[1 line not declassified]", "(b)(1)". */
  marked: string;
  /** FOIA exemption codes such as (b)(1), when the mark carries them. */
  exemptions: string[];
}

export interface Citation {
  /** A full note-style citation ("Foreign Relations of the United States, 1981–1988, …, Document 151"). */
  text: string;
  url?: string;
}

export interface Collection {
  id: string;
  title: string;
  /** Private collections never appear in results, counts, facets or exports. */
  private?: boolean;
}

export interface DocumentSource {
  /** The file or URL it was read from. */
  origin: string;
  format: string;
}

export interface Document {
  id: string;
  collection: Collection;
  type: DocumentType;
  /** The heading without its number, and with the record's own subtitle when it prints one. */
  title: string;
  /** A subtitle the record prints under its heading ("First Plenary Meeting"). */
  subtitle?: string;
  /** The document number within its collection, when it has one (FRUS: 151). */
  number?: string;
  date?: DocumentDate;
  time?: DocumentTime;
  place?: string;
  participants: Participant[];
  /** Authority ids of persons the text names (participants included when named). */
  mentions: string[];
  classification?: Classification;
  declassification?: Declassification;
  source_note?: string;
  /** BCP 47 language tag. */
  language: string;
  style: RecordStyle;
  /** The running text; passages, turns, redactions and pages index into it. */
  text: string;
  passages: Passage[];
  turns: SpeakerTurn[];
  footnotes: Footnote[];
  pages: PageBreak[];
  redactions: Redaction[];
  citation: Citation;
  source: DocumentSource;
}
