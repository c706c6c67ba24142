/**
 * Plain text into blocks (paragraphs). Blank lines separate blocks and the lines inside one
 * are hard wraps, joined with a space; a text with no blank line at all has one paragraph
 * per line (the way many sites and copy-pastes deliver it).
 */

const BLOCK_SPLIT = {
  blankLine: /\n[ \t\u00a0]*\n/,
  newline: /\r\n?/g,
  byteOrderMark: /^\ufeff/,
  space: /[ \t\u00a0]+/g,
} as const;

/** CRLF and CR to LF, BOM dropped: every reader's text starts from this. */
export function normalizeNewlines(text: string): string {
  return text.replace(BLOCK_SPLIT.byteOrderMark, '').replace(BLOCK_SPLIT.newline, '\n');
}

export function splitBlocks(text: string): string[] {
  const normalized = normalizeNewlines(text);
  const groups = BLOCK_SPLIT.blankLine.test(normalized)
    ? normalized.split(BLOCK_SPLIT.blankLine).map((group) => group.split('\n').join(' '))
    : normalized.split('\n');
  return groups.map((block) => block.replace(BLOCK_SPLIT.space, ' ').trim()).filter((block) => block !== '');
}
