/**
 * What kind of record a match comes from, and whether its words are the speaker's or the
 * note-taker's. A verbatim transcript writes "Yeltsin: …" and quotes him; a narrative memcon
 * or an embassy report writes "Yeltsin said that Russia has to be the first…": a quotation
 * matched there is the note-taker's paraphrase, and the verdict must say so.
 */
import type { Document, Passage, PersonRef } from '../model/index.ts';

/** A passage without its own speaker continues the last speaker named this many passages back, at most. */
export const SPEAKER_CARRY_PASSAGES = 3;

/** The words a report uses when a match is reported speech. */
export const REPORTED_SPEECH_NOTE = "the record paraphrases; these are the note-taker's words";

const REGEXPS = {
  /** A reporting clause: "said that", "indicated that", "he continued", "replied". */
  reporting: /\b(?:said|stated|noted|indicated|replied|responded|continued|added|observed|remarked|stressed|emphasi[sz]ed|asked|suggested|thought|believed|felt|agreed|explained|pointed out|went on)\b(?:\s+that)?/iu,
} as const;

export type RecordKind =
  | 'verbatim transcript' | 'narrative memcon' | 'embassy report' | 'editorial note' | 'memorandum' | 'letter'
  | 'report' | 'press briefing' | 'record';

export function recordKind(document: Pick<Document, 'type' | 'style'>): RecordKind {
  if (document.style === 'dialogue' || document.type === 'transcript') return 'verbatim transcript';
  switch (document.type) {
    case 'memcon':
    case 'telcon':
      return 'narrative memcon';
    case 'telegram':
      return 'embassy report';
    case 'editorial-note':
      return 'editorial note';
    case 'memo':
      return 'memorandum';
    case 'letter':
      return 'letter';
    case 'report':
      return 'report';
    case 'press-briefing':
      return 'press briefing';
    default:
      return 'record';
  }
}

/**
 * Whether the words at `span` of the passage are reported speech: any narrative record, or a
 * record without turns whose sentence introduces them with a reporting clause.
 */
export function isReportedSpeech(document: Pick<Document, 'style'>, passageText: string, span: { start: number }): boolean {
  if (document.style === 'dialogue') return false;
  if (document.style === 'narrative') return true;
  const sentenceStart = Math.max(passageText.lastIndexOf('. ', span.start), 0);
  return REGEXPS.reporting.test(passageText.slice(sentenceStart, span.start));
}

/** Who speaks in a passage: its own speaker, its turn's, or the speaker it continues. */
export function passageSpeaker(document: Document, passageId: string): PersonRef | undefined {
  const index = document.passages.findIndex((passage) => passage.id === passageId);
  if (index < 0) return undefined;
  const passage = document.passages[index] as Passage;
  if (passage.speaker) return passage.speaker;
  if (passage.turn !== undefined) return document.turns[passage.turn]?.speaker;
  for (let back = 1; back <= SPEAKER_CARRY_PASSAGES && index - back >= 0; back++) {
    const previous = document.passages[index - back] as Passage;
    if (previous.kind === 'heading') break;
    if (previous.speaker) return previous.speaker;
  }
  return undefined;
}
