/**
 * Page furniture: what a typist or a reviewer put on every page around the record itself —
 * classification banners, page numbers and declassification stamps. They are taken out of
 * the running text and returned, so classification and declassification are recorded
 * instead of polluting passages and search.
 */
import { isBlank, type Line } from './lines.ts';
import { MEMCON } from './patterns.ts';

/** Banners, page numbers and stamps sit within this many non-blank lines of a page's top or bottom. */
const MARGIN_LINES = 6;
/** OCR misreads a letter or two in a banner ("SECRFT"): this many edits still count as one. */
const BANNER_MAX_EDITS = 1;
/** A stamp line is short; a longer line mentioning "Authority" is prose. */
const STAMP_LINE_MAX_CHARS = 90;

export interface Furniture {
  /** The record without its furniture (blank lines where it stood). */
  lines: Line[];
  /** Banner texts as printed, in order of appearance. */
  banners: string[];
  /** Stamp lines as printed, in order of appearance. */
  stamps: string[];
}

/** Banner texts we compare OCR output against, with every separator spelled one way. */
const KNOWN_BANNERS = ['TOP SECRET', 'SECRET', 'CONFIDENTIAL', 'UNCLASSIFIED', 'SECRET/SENSITIVE', 'SECRET/NODIS', 'CONFIDENTIAL/NODIS', 'TOP SECRET/SENSITIVE', 'SECRET/EXDIS', 'SECRET/SENSITIVE/EYES ONLY'];

export function removeFurniture(input: readonly Line[]): Furniture {
  const lines = input.map((line) => ({ ...line }));
  const banners: string[] = [];
  const stamps: { index: number; text: string }[] = [];
  for (const indexes of marginIndexes(lines)) {
    let inStamp = false;
    for (const index of indexes) {
      const line = lines[index]!;
      const text = line.text.trim();
      const banner = bannerText(text);
      if (banner) {
        banners.push(banner);
        line.text = '';
        inStamp = false;
      } else if (text.length <= STAMP_LINE_MAX_CHARS && (MEMCON.stampStrong.test(text) || (inStamp && MEMCON.stampWeak.test(text)))) {
        stamps.push({ index, text });
        line.text = '';
        inStamp = true;
      } else if (MEMCON.pageNumber.test(text)) {
        line.text = '';
      } else {
        inStamp = false;
      }
    }
  }
  stamps.sort((a, b) => a.index - b.index);
  return { lines, banners, stamps: stamps.map((stamp) => stamp.text) };
}

/** Per page: the indexes of the top and of the bottom margin lines, each top-down (stamps read downwards). */
function marginIndexes(lines: readonly Line[]): number[][] {
  const byPage = new Map<number, number[]>();
  for (const [index, line] of lines.entries()) {
    if (isBlank(line)) continue;
    byPage.set(line.page, [...(byPage.get(line.page) ?? []), index]);
  }
  const margins: number[][] = [];
  for (const indexes of byPage.values()) {
    const top = indexes.slice(0, MARGIN_LINES);
    const bottom = indexes.slice(Math.max(MARGIN_LINES, indexes.length - MARGIN_LINES));
    margins.push(top, bottom);
  }
  return margins;
}

/**
 * The banner as printed when the line is one, else undefined. A line one OCR slip away from
 * a known banner ("SECRFT") is that banner, spelled right.
 */
export function bannerText(text: string): string | undefined {
  const compact = text.replace(MEMCON.bannerSeparator, '/').replace(MEMCON.spaces, ' ').trim();
  if (MEMCON.banner.test(text) || MEMCON.banner.test(compact)) return text;
  if (compact.length < 5 || compact !== compact.toUpperCase()) return undefined;
  return KNOWN_BANNERS.find((known) => editDistanceAtMost(compact, known, BANNER_MAX_EDITS));
}

function editDistanceAtMost(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]! <= limit;
}
