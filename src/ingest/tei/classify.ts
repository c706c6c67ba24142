/**
 * What kind of record a FRUS document is, and how it was classified, from the words the
 * volume uses in its heading and source note.
 */
import type { Classification, ClassificationLevel, DocumentType } from '../../model/index.ts';

/** First match wins, so the specific forms come before the general ones. */
const TYPE_BY_HEADING: [RegExp, DocumentType][] = [
  [/\beditorial note\b/i, 'editorial-note'],
  [/\b(?:memorandum of )?(?:telephone conversation|telcon)\b/i, 'telcon'],
  [/\bmemorandum of conversation\b|\bmemcon\b|\brecord of (?:a |the )?(?:meeting|conversation|discussion)\b|\bminutes of\b|\bsummary of (?:a |the )?(?:meeting|conversation)\b/i, 'memcon'],
  [/\btranscript\b|\bverbatim record\b/i, 'transcript'],
  [/\b(?:press|news) (?:briefing|conference)\b/i, 'press-briefing'],
  [/\btelegram\b|\bairgram\b|\bcable\b|\bbackchannel\b/i, 'telegram'],
  [/\bletter\b|\bmessage\b|\bnote (?:from|to)\b|\boral (?:note|message)\b/i, 'letter'],
  [/\bmemorandum\b|\bmemo\b|\bdirective\b/i, 'memo'],
  [/\breport\b|\bpaper\b|\bstudy\b|\bestimate\b|\banalysis\b|\bbriefing\b|\bsummary\b|\bchronology\b/i, 'report'],
];

export function typeFromHeading(heading: string): DocumentType {
  for (const [pattern, type] of TYPE_BY_HEADING) if (pattern.test(heading)) return type;
  return 'other';
}

/** Longest marking first, so "Top Secret" is not read as "Secret". */
const LEVELS: [RegExp, ClassificationLevel][] = [
  [/\btop secret\b/i, 'top-secret'],
  [/\bsecret\b/i, 'secret'],
  [/\bconfidential\b/i, 'confidential'],
  [/\blimited official use\b/i, 'limited-official-use'],
  [/\bunclassified\b|\bno classification marking\b/i, 'unclassified'],
];

/**
 * FRUS source notes state the marking as a sentence of its own: "Secret; Sensitive." or
 * "Top Secret; Sensitive; Exclusively Eyes Only." That sentence is the marking as marked.
 */
export function classificationFromSourceNote(note: string): Classification | undefined {
  const sentences = note.split(/(?<=\.)\s+(?=[A-Z])/);
  for (const sentence of sentences) {
    const trimmed = sentence.trim();
    for (const [pattern, level] of LEVELS) {
      const match = pattern.exec(trimmed);
      // The marking opens its sentence; "secret talks" in prose further on is not a marking.
      if (match && match.index === 0) return { marked: trimmed.replace(/\.$/, ''), level };
    }
  }
  return undefined;
}
