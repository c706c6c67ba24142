/**
 * The I/O edge every text-based reader shares: the file's bytes, refused when over a size
 * limit (before reading them) or empty, then decoded.
 */
import { readFile, stat } from 'node:fs/promises';
import { VerbatimError } from '../../errors.ts';
import { decodeText, type DecodedText } from './decode.ts';

/** Text, Markdown and HTML files above this are not documents or articles but dumps. */
export const MAX_TEXT_FILE_BYTES = 50 * 1024 * 1024;

/** Where a file's own charset declaration is looked for. */
const DECLARATION_SNIFF_BYTES = 4096;

/** `declaredCharset` finds the charset a file names for itself in its first bytes (HTML). */
export async function readTextFile(
  path: string,
  limit = MAX_TEXT_FILE_BYTES,
  declaredCharset?: (head: string) => string | undefined,
): Promise<DecodedText> {
  const { size } = await stat(path);
  if (size > limit) throw new VerbatimError('VBT_ERR_FILE_TOO_LARGE', [path, String(size), String(limit)]);
  if (size === 0) throw new VerbatimError('VBT_ERR_EMPTY_FILE', [path]);
  const bytes = await readFile(path);
  return decodeText(bytes, path, declaredCharset?.(bytes.subarray(0, DECLARATION_SNIFF_BYTES).toString('latin1')));
}

