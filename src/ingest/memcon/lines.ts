/**
 * A record as lines, each knowing its page: the common ground of every stage after it.
 * Pages come from a PDF (one string per page) or a text file (one page, or pages split at
 * form feeds, the way pdftotext and many scanned-text exports separate them).
 */
import { normalizeNewlines } from '../common/blocks.ts';

export interface Line {
  /** The line without trailing space; leading space kept (indentation carries structure). */
  text: string;
  /** Index into the record's pages. */
  page: number;
}

const FORM_FEED = '\f';
const TRAILING_SPACE = /[ \t\u00a0]+$/;

/** A text file's pages: split at form feeds; a text without any is one page. */
export function pagesOfText(text: string): string[] {
  const pages = normalizeNewlines(text).split(FORM_FEED);
  // A trailing form feed closes the last page rather than opening an empty one.
  if (pages.length > 1 && pages.at(-1)!.trim() === '') pages.pop();
  return pages;
}

export function linesOfPages(pages: readonly string[]): Line[] {
  return pages.flatMap((page, index) =>
    normalizeNewlines(page)
      .split('\n')
      .map((text) => ({ text: text.replace(TRAILING_SPACE, ''), page: index })),
  );
}

export function isBlank(line: Line): boolean {
  return line.text.trim() === '';
}
