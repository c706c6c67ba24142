/**
 * PDF releases, text or scanned. Stages: check (size, %PDF- header, %%EOF trailer), inspect
 * (pdfinfo: pages, encryption), text layer (pdftotext, page by page), OCR (pages without a
 * text layer, through tesseract, with per-page confidence and progress), then the memcon
 * structure (memcon/). Every check runs before anything is yielded, so a bad file stores
 * nothing.
 */
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { VerbatimError } from '../../errors.ts';
import { readArticleText } from '../article/text-article.ts';
import { parseRecord } from '../memcon/index.ts';
import type { Probe, ReadContext, ReadItem, Reader } from '../reader.ts';
import { ocrPage, type OcrOptions } from './ocr.ts';
import { pdfInfo } from './pdf-info.ts';
import { textLayer } from './text-layer.ts';

export interface PdfReaderOptions extends OcrOptions {
  /** Refuse files above this size. Default 512 MiB. */
  maxBytes?: number;
  /** Refuse PDFs with more pages. Default 5,000 (a large FOIA release). */
  maxPages?: number;
  /** Refuse PDFs needing OCR on more pages (OCR takes seconds a page). Default 500. */
  maxOcrPages?: number;
}

const DEFAULTS = { maxBytes: 512 * 1024 * 1024, maxPages: 5_000, maxOcrPages: 500 } as const;

/** A page with fewer non-space characters in its text layer is treated as a scan and OCRed. */
export const MIN_TEXT_LAYER_CHARS = 20;
/** The PDF header may sit after some junk, within the first KiB (as readers accept it). */
const HEADER_WINDOW_BYTES = 1024;
/** The %%EOF marker ends the file, possibly followed by a little whitespace or junk. */
const TRAILER_WINDOW_BYTES = 2048;
/** A PDF named by its extension bids high; the magic bytes alone bid higher still. */
const PDF_EXTENSION_SCORE = 20;
const PDF_MAGIC_SCORE = 30;

const PDF_MARKERS = { header: '%PDF-', trailer: '%%EOF' } as const;
const NON_SPACE = /\S/g;

async function readWindow(path: string, position: number, length: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead).toString('latin1');
  } finally {
    await handle.close();
  }
}

/** Stage "check": refuse what is not a whole PDF before any tool sees it. */
async function checkFile(path: string, maxBytes: number): Promise<void> {
  const { size } = await stat(path);
  if (size === 0) throw new VerbatimError('VBT_ERR_EMPTY_FILE', [path]);
  if (size > maxBytes) throw new VerbatimError('VBT_ERR_FILE_TOO_LARGE', [path, String(size), String(maxBytes)]);
  if (!(await readWindow(path, 0, HEADER_WINDOW_BYTES)).includes(PDF_MARKERS.header)) {
    throw new VerbatimError('VBT_ERR_PDF_BROKEN', [path, `not a PDF (no ${PDF_MARKERS.header} header)`]);
  }
  const tail = await readWindow(path, Math.max(0, size - TRAILER_WINDOW_BYTES), TRAILER_WINDOW_BYTES);
  if (!tail.includes(PDF_MARKERS.trailer)) {
    throw new VerbatimError('VBT_ERR_PDF_BROKEN', [path, `truncated (no ${PDF_MARKERS.trailer} at the end)`]);
  }
}

function textChars(page: string): number {
  return page.match(NON_SPACE)?.length ?? 0;
}

export function createPdfReader(options: PdfReaderOptions = {}): Reader {
  const limits = { ...DEFAULTS, ...options };
  return {
    name: 'pdf',
    extensions: ['pdf'],
    mimeTypes: ['application/pdf'],
    score(probe: Probe): number {
      if (probe.head.subarray(0, HEADER_WINDOW_BYTES).toString('latin1').includes(PDF_MARKERS.header)) return PDF_MAGIC_SCORE;
      return extname(probe.path).toLowerCase() === '.pdf' ? PDF_EXTENSION_SCORE : -1;
    },
    async *read(path: string, context: ReadContext): AsyncIterable<ReadItem> {
      context.stage?.('check');
      await checkFile(path, limits.maxBytes);
      context.stage?.('inspect');
      const info = await pdfInfo(path);
      if (info.pages > limits.maxPages) {
        throw new VerbatimError('VBT_ERR_PDF_TOO_MANY_PAGES', [path, String(info.pages), String(limits.maxPages)]);
      }
      context.stage?.('text layer');
      const pages = await textLayer(path, info.pages);
      const scanned = pages.flatMap((page, index) => (textChars(page) < MIN_TEXT_LAYER_CHARS ? [index] : []));
      if (scanned.length > limits.maxOcrPages) {
        throw new VerbatimError('VBT_ERR_PDF_TOO_MANY_PAGES', [`${path} (pages needing OCR)`, String(scanned.length), String(limits.maxOcrPages)]);
      }
      const confidence: (number | undefined)[] = pages.map(() => undefined);
      context.progress?.(info.pages - scanned.length, info.pages, 'pages');
      for (const [done, index] of scanned.entries()) {
        context.stage?.(`ocr page ${index + 1} (${done + 1}/${scanned.length})`);
        const result = await ocrPage(path, index + 1, options);
        pages[index] = result.text;
        confidence[index] = result.confidence;
        context.progress?.(info.pages - scanned.length + done + 1, info.pages, 'pages');
      }
      if (pages.every((page) => textChars(page) === 0)) throw new VerbatimError('VBT_ERR_PDF_NO_TEXT', [path]);
      context.stage?.('structure');
      const format = scanned.length === 0 ? 'pdf' : scanned.length === pages.length ? 'pdf-ocr' : 'pdf+ocr';
      if (context.asArticle) {
        yield { kind: 'article', article: readArticleText(pages.join('\n\n'), { origin: path, format }) };
        return;
      }
      yield { kind: 'document', document: parseRecord(pages, { origin: path, format, ocrConfidence: confidence }) };
    },
  };
}

export const pdfReader = createPdfReader();
