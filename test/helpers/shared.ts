/**
 * Access to ../shared (the real corpus) for tests. Tests that read it say "shared" in their
 * name and are skipped, with the reason printed, only when ../shared is absent; CI has it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = resolve(REPO_ROOT, '../shared');
export const FRUS_DIR = join(SHARED, 'corpus/frus');
export const FRUS_V05 = join(FRUS_DIR, 'frus1981-88v05-excerpt.xml');
export const FRUS_VE13 = join(FRUS_DIR, 'frus1969-76ve13-excerpt.xml');
export const SEED_ARTICLE = join(SHARED, 'corpus/seed/yeltsin-nato-first.txt');

const present = existsSync(FRUS_DIR);
if (!present) console.log(`# skipping tests that read ../shared: ${SHARED} is absent`);

/** Pass as the `skip` option of a test that reads ../shared. */
export const sharedSkip: string | false = present ? false : `../shared is absent (${SHARED})`;

/** A fresh temporary directory, removed when the process exits. */
export function tempDir(prefix = 'verbatim-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
