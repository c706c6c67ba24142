/**
 * Bytes of a text file to a string, treating the input as hostile: a byte-order mark decides
 * first; valid UTF-8 is UTF-8; a file with NUL bytes is binary, not text; anything else is a
 * legacy single-byte file, read as Windows-1251 when its high bytes look like Cyrillic
 * letters and as Windows-1252 otherwise (a documented degraded result: the encoding used is
 * returned so it can be recorded).
 */
import { VerbatimError } from '../../errors.ts';

/**
 * Cyrillic in Windows-1251 writes whole words in high bytes; accented Latin (Windows-1252)
 * puts one or two high bytes inside ASCII words. Runs this long mark a Cyrillic word …
 */
const CYRILLIC_RUN = 3;
/** … and when this share of high bytes sits in such runs, the text is Cyrillic. */
const CYRILLIC_RUN_SHARE = 0.5;
/** NUL bytes in the first this-many bytes mean binary data, not a legacy text file. */
const BINARY_SNIFF_BYTES = 8192;

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read as ("utf-8", "windows-1251", a declared charset). */
  encoding: string;
}

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/**
 * `declared` is the charset the file names for itself (an HTML meta tag): used when the bytes
 * are not UTF-8, before any guess. An unknown declared charset is an error, not a guess.
 */
export function decodeText(bytes: Uint8Array, origin: string, declared?: string): DecodedText {
  for (const [bom, encoding] of BOMS) {
    if (bom.every((byte, index) => bytes[index] === byte)) {
      return { text: new TextDecoder(encoding).decode(bytes.subarray(bom.length)), encoding };
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: a legacy encoding or not text at all.
  }
  if (declared && declared.toLowerCase() !== 'utf-8') {
    try {
      return { text: new TextDecoder(declared).decode(bytes), encoding: declared.toLowerCase() };
    } catch (error) {
      throw new VerbatimError('VBT_ERR_TEXT_ENCODING', [origin, `unknown charset "${declared}"`], { cause: error });
    }
  }
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    throw new VerbatimError('VBT_ERR_TEXT_ENCODING', [origin, 'binary data (NUL bytes), not text']);
  }
  const encoding = cyrillicRunShare(bytes) >= CYRILLIC_RUN_SHARE ? 'windows-1251' : 'windows-1252';
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}

/** The share of high bytes (≥ 0x80) that stand in runs of at least CYRILLIC_RUN of them. */
function cyrillicRunShare(bytes: Uint8Array): number {
  let high = 0;
  let inRuns = 0;
  let run = 0;
  for (let index = 0; index <= bytes.length; index++) {
    if (index < bytes.length && bytes[index]! >= 0x80) {
      high++;
      run++;
      continue;
    }
    if (run >= CYRILLIC_RUN) inRuns += run;
    run = 0;
  }
  return inRuns / Math.max(high, 1);
}
