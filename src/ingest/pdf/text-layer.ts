/**
 * The text layer of a PDF, one string per page, from pdftotext in layout mode (columns and
 * indentation kept: the memcon header and participants lists depend on them). pdftotext ends
 * every page with a form feed, so page numbers survive.
 */
import { VerbatimError } from '../../errors.ts';
import { firstErrorLine, runTool } from './tools.ts';

/** Generous for thousands of pages of text. */
const PDFTOTEXT_TIMEOUT_MS = 300_000;
const FORM_FEED = '\f';
/** pdftotext exit code 3: permission denied (an owner password forbids copying text). */
const PERMISSION_EXIT_CODE = 3;

export async function textLayer(path: string, pageCount: number): Promise<string[]> {
  const { stdout, stderr, code } = await runTool({
    tool: 'pdftotext',
    args: ['-layout', '-enc', 'UTF-8', '-eol', 'unix', path, '-'],
    path,
    timeoutMs: PDFTOTEXT_TIMEOUT_MS,
  });
  if (code === PERMISSION_EXIT_CODE) throw new VerbatimError('VBT_ERR_PDF_ENCRYPTED', [path]);
  if (code !== 0) throw new VerbatimError('VBT_ERR_PDF_BROKEN', [path, firstErrorLine(stderr)]);
  const pages = stdout.toString('utf8').split(FORM_FEED);
  // One page per form feed; a broken file may yield fewer: the missing pages are empty.
  return Array.from({ length: pageCount }, (_, index) => pages[index] ?? '');
}
