/**
 * OCR of one PDF page. pdftoppm renders it at the scan's own resolution (no resampling), the
 * page's script is detected first (tesseract OSD), and tesseract reads it with the language
 * models of that script into TSV, which tsv.ts turns into text with a confidence. Reading an
 * English page with English and Russian models together is three times slower and turns
 * speckles into Cyrillic; a Cyrillic page is read with both (Russian records quote English).
 * Files go to a private temporary directory that is removed whatever happens.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VerbatimError } from '../../errors.ts';
import { firstErrorLine, runTool } from './tools.ts';
import { pageFromTsv, type OcrPage } from './tsv.ts';

/** Rendering resolution when the page holds no image to take it from (tesseract's sweet spot). */
export const OCR_DPI = 300;
/** Scans below or above these resolutions are rendered at the nearer bound. */
const MIN_DPI = 200;
const MAX_DPI = 400;
/** Languages by the script OSD finds; anything else (or no answer) gets all of them. */
export const OCR_LANGUAGES_BY_SCRIPT: Record<string, string> = { Latin: 'eng', Cyrillic: 'rus+eng' };
export const OCR_LANGUAGES = 'eng+rus';
/** A dense page takes tesseract seconds; minutes mean something is wrong. */
const RENDER_TIMEOUT_MS = 60_000;
const OSD_TIMEOUT_MS = 60_000;
const OCR_TIMEOUT_MS = 180_000;

const OCR_PATTERNS = {
  /** Tesseract's message when a language's trained data is not installed. */
  missingLanguage: /Failed loading language '(\w+)'/,
  script: /^Script:\s*(\w+)/m,
  /** A row of `pdfimages -list`: the x-ppi column of an image on the page. */
  imageRow: /^\s*\d+\s+\d+\s+image\s+(\d+)\s+(\d+)\s+.*?\s(\d+)\s+(\d+)\s+\S+\s+\S+\s*$/gm,
} as const;

export interface OcrOptions {
  /** Tesseract languages ("eng+rus"); when set, script detection is skipped. */
  languages?: string;
  /** Rendering resolution; when set, the scan's own resolution is not looked up. */
  dpi?: number;
}

/** The resolution of the largest image on the page, clamped; OCR_DPI when there is none. */
async function scanDpi(path: string, page: number): Promise<number> {
  const listed = await runTool({ tool: 'pdfimages', args: ['-list', '-f', String(page), '-l', String(page), path], path, timeoutMs: RENDER_TIMEOUT_MS });
  let best: { area: number; dpi: number } | undefined;
  for (const row of listed.stdout.toString('utf8').matchAll(OCR_PATTERNS.imageRow)) {
    const [area, dpi] = [Number(row[1]) * Number(row[2]), Number(row[3])];
    if (!best || area > best.area) best = { area, dpi };
  }
  return best ? Math.min(MAX_DPI, Math.max(MIN_DPI, best.dpi)) : OCR_DPI;
}

async function detectLanguages(image: string, path: string): Promise<string> {
  const osd = await runTool({ tool: 'tesseract', args: [image, '-', '--psm', '0', '-l', 'osd'], path, timeoutMs: OSD_TIMEOUT_MS });
  const script = OCR_PATTERNS.script.exec(osd.stdout.toString('utf8'))?.[1];
  return (script && OCR_LANGUAGES_BY_SCRIPT[script]) ?? OCR_LANGUAGES;
}

export async function ocrPage(path: string, page: number, options: OcrOptions = {}): Promise<OcrPage & { languages: string; dpi: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'verbatim-ocr-'));
  try {
    const dpi = options.dpi ?? (await scanDpi(path, page));
    const rendered = await runTool({
      tool: 'pdftoppm',
      args: ['-f', String(page), '-l', String(page), '-r', String(dpi), '-gray', '-png', path, join(dir, 'page')],
      path,
      timeoutMs: RENDER_TIMEOUT_MS,
    });
    const name = (await readdir(dir)).find((file) => file.endsWith('.png'));
    if (rendered.code !== 0 || !name) {
      throw new VerbatimError('VBT_ERR_PDF_BROKEN', [path, `page ${page} cannot be rendered: ${firstErrorLine(rendered.stderr)}`]);
    }
    const image = join(dir, name);
    const languages = options.languages ?? (await detectLanguages(image, path));
    const read = await runTool({ tool: 'tesseract', args: [image, '-', '-l', languages, '--dpi', String(dpi), 'tsv'], path, timeoutMs: OCR_TIMEOUT_MS });
    const missing = OCR_PATTERNS.missingLanguage.exec(read.stderr);
    if (missing) throw new VerbatimError('VBT_ERR_TOOL_MISSING', [`tesseract language data "${missing[1]}"`, `tesseract-ocr-${missing[1]}`]);
    if (read.code !== 0) throw new VerbatimError('VBT_ERR_TOOL_FAILED', ['tesseract', path, firstErrorLine(read.stderr)]);
    return { ...pageFromTsv(read.stdout.toString('utf8')), languages, dpi };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
