/**
 * Where the site's CSS and JavaScript live, and the versioned URLs pages link them by.
 * Hashes are computed once at start, so a deploy changes every URL whose file changed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const STATIC_DIR = join(dirname(fileURLToPath(import.meta.url)), 'static');

const versions = new Map<string, string>();

/** `/static/app.js?v=1a2b3c4d`: a cache-busting URL for one of our own files. */
export function assetUrl(name: string): string {
  let version = versions.get(name);
  if (version === undefined) {
    version = createHash('sha256').update(readFileSync(join(STATIC_DIR, name))).digest('hex').slice(0, 8);
    versions.set(name, version);
  }
  return `/static/${name}?v=${version}`;
}
