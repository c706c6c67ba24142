/**
 * Generated PDFs of laid-out memcons: one with a text layer (Courier lines, redaction boxes
 * drawn), and one "scan" of it — each page rendered by Ghostscript, tilted, blurred and
 * speckled by ImageMagick like a photocopy of a photocopy, then wrapped as JPEG pages.
 * Tools run without a shell; output goes to the caller's temporary directory.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PAGE, writePdf } from './pdf-writer.ts';

/** Scans in archives are typically 200 dpi greyscale. */
export const SCAN_DPI = 200;

export function writeTextPdf(pages: string[][], path: string): string {
  writeFileSync(path, writePdf(pages.map((lines) => ({ kind: 'text' as const, lines }))));
  return path;
}

/** Renders a text PDF to noisy page images and writes them as an image-only PDF. */
export function writeScannedPdf(textPdf: string, dir: string, path: string, seed = 7): string {
  // Page images are named after the output, so several scans can share one directory.
  const stem = join(dir, basename(path, '.pdf'));
  execFileSync('gs', ['-q', '-dSAFER', '-dBATCH', '-dNOPAUSE', '-sDEVICE=pnggray', `-r${SCAN_DPI}`, `-sOutputFile=${stem}-render-%03d.png`, textPdf]);
  const width = Math.round((PAGE.width * SCAN_DPI) / 72);
  const height = Math.round((PAGE.height * SCAN_DPI) / 72);
  const pages = [];
  for (let n = 1; ; n++) {
    const png = `${stem}-render-${String(n).padStart(3, '0')}.png`;
    const jpeg = `${stem}-scan-${n}.jpg`;
    if (!existsSync(png)) break;
    execFileSync('convert', [
      png, '-seed', String(seed + n),
      '-background', 'white', '-rotate', n % 2 ? '0.6' : '-0.4', '-gravity', 'center', '-extent', `${width}x${height}`,
      '-blur', '0x0.7',
      '-attenuate', '0.5', '+noise', 'Gaussian',
      '-attenuate', '0.05', '+noise', 'Impulse',
      '-level', '8%,92%', '-colorspace', 'Gray', '-depth', '8', '-quality', '70', jpeg,
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    pages.push({ kind: 'jpeg' as const, data: readFileSync(jpeg), width, height });
  }
  writeFileSync(path, writePdf(pages));
  return path;
}
