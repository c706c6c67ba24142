/**
 * Which reader takes a file: every registered reader scores a probe of it (name and first
 * bytes) and the highest score wins. Adding a format is one reader file and one line here.
 */
import { open, stat } from 'node:fs/promises';
import { VerbatimError } from '../errors.ts';
import type { Probe, Reader } from './reader.ts';
import { teiReader } from './tei/tei-reader.ts';
import { pdfReader } from './pdf/index.ts';
import { htmlReader } from './article/index.ts';
import { textReader } from './text/index.ts';

export const READERS: readonly Reader[] = [teiReader, pdfReader, htmlReader, textReader];

const PROBE_BYTES = 64 * 1024;

export async function probeFile(path: string): Promise<Probe> {
  const { size } = await stat(path);
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(PROBE_BYTES, size));
    await handle.read(head, 0, head.length, 0);
    return { path, head, size };
  } finally {
    await handle.close();
  }
}

export function chooseReader(probe: Probe, readers: readonly Reader[] = READERS): Reader {
  if (probe.size === 0) throw new VerbatimError('VBT_ERR_EMPTY_FILE', [probe.path]);
  let best: { reader: Reader; score: number } | undefined;
  for (const reader of readers) {
    const score = reader.score(probe);
    if (score >= 0 && (!best || score > best.score)) best = { reader, score };
  }
  if (!best) throw new VerbatimError('VBT_ERR_FORMAT_UNSUPPORTED', [probe.path]);
  return best.reader;
}

/** Extensions any reader declares, to pick files out of folders. */
export function knownExtensions(readers: readonly Reader[] = READERS): Set<string> {
  return new Set(readers.flatMap((reader) => reader.extensions.map((ext) => ext.toLowerCase())));
}
