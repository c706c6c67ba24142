/**
 * Whether a plain text is a US record (memcon, telcon, memorandum) rather than anything else
 * (a news article, notes): its head carries a form heading, a classification banner, or at
 * least two labelled header fields.
 */
import { bannerText } from './furniture.ts';
import { parseHeader } from './header.ts';
import { linesOfPages } from './lines.ts';
import { MEMCON } from './patterns.ts';

/** A record's heading, banner and fields sit within its first lines. */
const HEAD_LINES = 40;
/** Two labelled fields (SUBJECT and PARTICIPANTS, DATE and PLACE) make a header. */
const MIN_HEADER_FIELDS = 2;

export function looksLikeRecord(text: string): boolean {
  const head = linesOfPages([text]).filter((line) => line.text.trim() !== '').slice(0, HEAD_LINES);
  if (head.some((line) => bannerText(line.text.trim()) || MEMCON.documentHeading.test(line.text.trim()))) return true;
  return Object.keys(parseHeader(head).fields).length >= MIN_HEADER_FIELDS;
}
