/**
 * Tesseract's TSV output to page text: words back into lines, a blank line between the
 * paragraphs tesseract found, leading spaces for indentation (typed paragraphs and wrapped
 * participant roles depend on it), the page's mean word confidence, and black boxes — a
 * "word" whose glyphs are far wider than the line is tall, read with low confidence —
 * replaced by BOX_MARK. Pure.
 */
import { BOX_MARK } from '../memcon/index.ts';

/** Below this confidence a wide "word" is a black box, not a long word. */
const BOX_MAX_CONFIDENCE = 60;
/** Letters are narrower than the line is tall; a box's "glyphs" are far wider. */
const BOX_MIN_GLYPH_WIDTH_TO_HEIGHT = 1.5;
/** A box fills the line pitch and more: a "word" this much taller than the median word (and as wide as that is tall) is one; quotes and ascenders stay under 2×. */
const BOX_MIN_HEIGHT_TO_TYPICAL = 2.2;
/** Only words read this confidently measure the typeface's character width and height. */
const CHAR_WIDTH_MIN_CONFIDENCE = 80;

export interface OcrPage {
  text: string;
  /** Mean confidence (0–100) of the words read; undefined when no word was read. */
  confidence?: number;
  words: number;
  boxes: number;
}

interface Word {
  block: number;
  paragraph: number;
  line: number;
  left: number;
  width: number;
  height: number;
  confidence: number;
  text: string;
}

/** Word rows (level 5) of tesseract's TSV. */
function wordsOf(tsv: string): Word[] {
  const words: Word[] = [];
  for (const row of tsv.split('\n').slice(1)) {
    const cells = row.split('\t');
    if (cells.length < 12 || cells[0] !== '5') continue;
    const text = cells.slice(11).join('\t').trim();
    if (!text) continue;
    const [block, paragraph, line, , left, , width, height, confidence] = cells.slice(2, 11).map(Number) as number[];
    words.push({ block: block!, paragraph: paragraph!, line: line!, left: left!, width: width!, height: height!, confidence: confidence!, text });
  }
  return words;
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A low-confidence "word" with glyphs far too wide, or far taller than the page's words. */
export function isBlackBox(word: Word, typicalHeight: number): boolean {
  if (word.confidence >= BOX_MAX_CONFIDENCE) return false;
  // Dashes and rules are wide too, but flat: a box is at least as tall as the words.
  const wideGlyphs = word.width / word.text.length >= BOX_MIN_GLYPH_WIDTH_TO_HEIGHT * word.height && word.height >= typicalHeight;
  const tall = word.height >= BOX_MIN_HEIGHT_TO_TYPICAL * typicalHeight && word.width >= typicalHeight;
  return wideGlyphs || tall;
}

export function pageFromTsv(tsv: string): OcrPage {
  const words = wordsOf(tsv);
  if (words.length === 0) return { text: '', words: 0, boxes: 0 };
  const confident = words.filter((w) => w.confidence >= CHAR_WIDTH_MIN_CONFIDENCE && w.text.length > 2);
  const charWidth = median(confident.map((w) => w.width / w.text.length)) ?? 1;
  const typicalHeight = median(confident.map((w) => w.height)) ?? Infinity;
  const pageLeft = Math.min(...words.map((word) => word.left));
  const lines: string[] = [];
  let boxes = 0;
  let previous: Word | undefined;
  let current = '';
  // Each word goes to its column, as pdftotext -layout would place it: header values align.
  const column = (word: Word) => Math.max(0, Math.round((word.left - pageLeft) / charWidth));
  for (const word of words) {
    const newParagraph = previous && (word.block !== previous.block || word.paragraph !== previous.paragraph);
    const newLine = !previous || newParagraph || word.line !== previous.line;
    const box = isBlackBox(word, typicalHeight);
    if (box) boxes++;
    const text = box ? BOX_MARK : word.text;
    if (newLine) {
      if (previous) lines.push(current);
      if (newParagraph) lines.push('');
      current = ' '.repeat(column(word)) + text;
    } else if (!(box && current.endsWith(BOX_MARK))) {
      current += ' '.repeat(Math.max(1, column(word) - current.length)) + text;
    }
    previous = word;
  }
  lines.push(current);
  const scored = words.filter((word) => word.confidence >= 0);
  const confidence = scored.length > 0 ? scored.reduce((sum, word) => sum + word.confidence, 0) / scored.length : undefined;
  return { text: lines.join('\n'), confidence: confidence === undefined ? undefined : Math.round(confidence * 10) / 10, words: words.length, boxes };
}
