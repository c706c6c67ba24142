/**
 * What pdfinfo says about a PDF before anything is extracted: its page count, whether it is
 * encrypted, and whether poppler can open it at all.
 */
import { VerbatimError } from '../../errors.ts';
import { firstErrorLine, runTool } from './tools.ts';

/** pdfinfo answers in well under a second even for large files. */
const PDFINFO_TIMEOUT_MS = 30_000;

const INFO_PATTERNS = {
  pages: /^Pages:\s+(\d+)/m,
  encrypted: /^Encrypted:\s+yes/m,
  /** What poppler writes when a password is needed. */
  passwordError: /incorrect password|encrypted|password/i,
} as const;

export interface PdfInfo {
  pages: number;
  encrypted: boolean;
}

export async function pdfInfo(path: string): Promise<PdfInfo> {
  const { stdout, stderr, code } = await runTool({ tool: 'pdfinfo', args: [path], path, timeoutMs: PDFINFO_TIMEOUT_MS });
  if (code !== 0) {
    if (INFO_PATTERNS.passwordError.test(stderr)) throw new VerbatimError('VBT_ERR_PDF_ENCRYPTED', [path]);
    throw new VerbatimError('VBT_ERR_PDF_BROKEN', [path, firstErrorLine(stderr)]);
  }
  const text = stdout.toString('utf8');
  const pages = Number(INFO_PATTERNS.pages.exec(text)?.[1] ?? 0);
  if (pages === 0) throw new VerbatimError('VBT_ERR_PDF_BROKEN', [path, 'no pages']);
  return { pages, encrypted: INFO_PATTERNS.encrypted.test(text) };
}
