/**
 * Downloads FRUS volumes from the public FRUS repository (HistoryAtState/frus on GitHub,
 * `volumes/<id>.xml`) into the archive's download folder. Downloads resume: bytes already on
 * disk are kept and the rest is asked for with an HTTP Range request (If-Range guards against
 * the file having changed upstream meanwhile).
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { VerbatimError } from '../errors.ts';

/** Raw files of the FRUS repository's default branch. */
export const FRUS_SOURCE = 'https://raw.githubusercontent.com/HistoryAtState/frus/master';

/** frus1981-88v05, frus1969-76ve13, frus1945Berlinv01: never a path. */
const VOLUME_ID = /^frus[0-9A-Za-z-]+$/;

export interface DownloadOptions {
  /** Base URL of the repository (a local mirror, or a test server). */
  source?: string;
  /** Download again even if a complete copy is on disk. */
  refresh?: boolean;
  progress?: (received: number, total: number) => void;
}

export interface DownloadResult {
  path: string;
  bytes: number;
  /** 'cached': a complete copy was already there; 'resumed': part of it was. */
  how: 'downloaded' | 'resumed' | 'cached';
}

interface PartialState {
  url: string;
  etag?: string;
  lastModified?: string;
}

export function volumeUrl(volumeId: string, source = FRUS_SOURCE): string {
  if (!VOLUME_ID.test(volumeId)) {
    throw new VerbatimError('VBT_ERR_BAD_ARGUMENT', [`not a FRUS volume id: ${JSON.stringify(volumeId)} (expected e.g. frus1981-88v05)`]);
  }
  return `${source.replace(/\/+$/, '')}/volumes/${volumeId}.xml`;
}

export async function downloadVolume(volumeId: string, directory: string, options: DownloadOptions = {}): Promise<DownloadResult> {
  const url = volumeUrl(volumeId, options.source);
  mkdirSync(directory, { recursive: true });
  const finalPath = join(directory, `${volumeId}.xml`);
  const partPath = `${finalPath}.part`;
  const statePath = `${partPath}.json`;
  if (existsSync(finalPath) && !options.refresh) return { path: finalPath, bytes: statSync(finalPath).size, how: 'cached' };

  const state = readState(statePath);
  let have = state?.url === url && existsSync(partPath) ? statSync(partPath).size : 0;
  const headers: Record<string, string> = {};
  if (have > 0) {
    headers.Range = `bytes=${have}-`;
    const validator = state?.etag ?? state?.lastModified;
    if (validator) headers['If-Range'] = validator;
  }
  let response: Response;
  try {
    response = await fetch(url, { headers });
  } catch (error) {
    throw new VerbatimError('VBT_ERR_DOWNLOAD', [url, describeFetchError(error)], { cause: error });
  }
  if (response.status === 404) throw new VerbatimError('VBT_ERR_DOWNLOAD', [url, 'not found (is the volume id right?)']);
  if (response.status === 416 && have > 0) {
    // Everything was already received; only the rename was missing.
    renameSync(partPath, finalPath);
    rmSync(statePath, { force: true });
    return { path: finalPath, bytes: have, how: 'resumed' };
  }
  if (!response.ok || !response.body) throw new VerbatimError('VBT_ERR_DOWNLOAD', [url, `HTTP ${response.status}`]);
  const resumed = response.status === 206 && have > 0;
  if (!resumed) have = 0;
  writeState(statePath, {
    url,
    etag: response.headers.get('etag') ?? undefined,
    lastModified: response.headers.get('last-modified') ?? undefined,
  });
  const total = have + Number(response.headers.get('content-length') ?? 0);
  let received = have;
  const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
  body.on('data', (chunk: Buffer) => {
    received += chunk.length;
    options.progress?.(received, total);
  });
  try {
    await pipeline(body, createWriteStream(partPath, { flags: resumed ? 'a' : 'w' }));
  } catch (error) {
    throw new VerbatimError('VBT_ERR_DOWNLOAD', [url, `interrupted after ${received} bytes (run again to resume)`], { cause: error });
  }
  if (total > have && received < total) {
    throw new VerbatimError('VBT_ERR_DOWNLOAD', [url, `interrupted after ${received} of ${total} bytes (run again to resume)`]);
  }
  renameSync(partPath, finalPath);
  rmSync(statePath, { force: true });
  return { path: finalPath, bytes: received, how: resumed ? 'resumed' : 'downloaded' };
}

function readState(path: string): PartialState | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PartialState;
  } catch {
    return undefined;
  }
}

function writeState(path: string, state: PartialState): void {
  writeFileSync(path, JSON.stringify(state));
}

function describeFetchError(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
  return cause ?? (error instanceof Error ? error.message : String(error));
}
