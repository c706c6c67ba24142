/**
 * Body lines into paragraphs. A paragraph ends at a blank line, before a line that opens a
 * speaker turn, and before an indented line that follows a finished sentence (typescripts
 * indent first lines instead of skipping one). Hard wraps become spaces; a word hyphenated
 * across a line end is joined back. Each paragraph knows where in it a new page begins.
 */
import { isBlank, type Line } from './lines.ts';
import { BOX_MARK, MEMCON } from './patterns.ts';

/** More leading spaces than the body's usual margin by this much marks a first-line indent. */
const INDENT_STEP = 3;

export interface Paragraph {
  text: string;
  /** Page index of the first line. */
  page: number;
  /** Pages that begin inside the paragraph, at an offset into its text. */
  breaks: { page: number; offset: number }[];
}

const LEADING_SPACE = /^[ \t]*/;
const SENTENCE_END = /[.?!:"”’)\]]$/;

function indentOf(text: string): number {
  return LEADING_SPACE.exec(text)![0].length;
}

/** The OCR junk a black box leaves, replaced by BOX_MARK; real text (few box glyphs) untouched. */
export function markBlackBoxes(text: string): string {
  return text.replace(MEMCON.blackBoxRun, (run) => {
    const glyphs = run.match(MEMCON.boxGlyph)?.length ?? 0;
    const trailing = run.endsWith(' ') ? ' ' : '';
    // "Ill" or "1:1" inside prose are letters and digits; a box run is mostly box glyphs.
    return glyphs * 2 >= run.trim().length || MEMCON.solidBlock.test(run) ? `${BOX_MARK}${trailing}` : run;
  });
}

export function paragraphsOf(lines: readonly Line[]): Paragraph[] {
  const margin = bodyMargin(lines);
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | undefined;
  let previousText = '';
  let blankSincePrevious = false;
  for (const line of lines) {
    if (isBlank(line)) {
      blankSincePrevious = true;
      continue;
    }
    // Layout spacing (justified lines, columns placed by OCR) is not part of the text.
    const text = markBlackBoxes(line.text.trim().replace(MEMCON.spaces, ' '));
    const lastPage = current ? (current.breaks.at(-1)?.page ?? current.page) : line.page;
    const indented = indentOf(line.text) >= margin + INDENT_STEP;
    const finished = SENTENCE_END.test(previousText);
    // Blank lines where a page's banners and number stood do not end a paragraph that runs on.
    const pageTurn = line.page !== lastPage && !(finished && indented);
    const ends = !current || MEMCON.dialogueTurn.test(text) || (blankSincePrevious && !pageTurn) || (indented && finished);
    blankSincePrevious = false;
    if (ends) {
      current = { text, page: line.page, breaks: [] };
      paragraphs.push(current);
    } else {
      const open = current!;
      const hyphen = MEMCON.hyphenatedBreak.exec(open.text);
      const joined = hyphen && MEMCON.lowerStart.test(text) ? open.text.slice(0, -1) : `${open.text} `;
      if (line.page !== lastPage) open.breaks.push({ page: line.page, offset: joined.length });
      open.text = joined + text;
    }
    previousText = text;
  }
  return paragraphs;
}

/** The commonest indentation of body lines: the left margin of running text. */
function bodyMargin(lines: readonly Line[]): number {
  const counts = new Map<number, number>();
  for (const line of lines) if (!isBlank(line)) counts.set(indentOf(line.text), (counts.get(indentOf(line.text)) ?? 0) + 1);
  let margin = 0;
  let best = -1;
  for (const [indent, count] of counts) if (count > best) [margin, best] = [indent, count];
  return margin;
}
