/**
 * Ingest as named stages per file: probe, pick a reader, read, store. A failing file is
 * recorded with its reason and the batch goes on; documents are stored whole, a commit's worth
 * at a time (Store.putDocuments), and a reader validates a file before yielding anything from
 * it, so a failed file leaves the archive exactly as it was.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { reasonOf } from '../errors.ts';
import type { Document } from '../model/index.ts';
import { PASSAGES_PER_COMMIT, type IndexProgress, type Store } from '../store/index.ts';
import type { Reader, ReadContext, ReadItem } from './reader.ts';
import { chooseReader, knownExtensions, probeFile, READERS } from './registry.ts';

export interface IngestFailure {
  path: string;
  error: string;
  code?: string;
}

/** The ingest summary of the product brief's JSON contract. */
export interface IngestSummary {
  /** Documents and articles newly stored or replaced. */
  ingested: number;
  /** Documents and articles already stored with the same content. */
  skipped: number;
  failed: IngestFailure[];
  /** Documents in the archive after the run. */
  documents: number;
  passages: number;
  articles: number;
  files: number;
  seconds: number;
}

export interface IngestEvents {
  /** All files found, before reading starts. */
  files?(paths: string[]): void;
  fileStart?(path: string, index: number): void;
  /** Progress within the current file. */
  fileProgress?(path: string, done: number, total: number): void;
  fileDone?(path: string, result: { stored: number; unchanged: number } | { error: string }): void;
  /** Progress of bringing the derived indexes up to date, after the files (passages indexed so far). */
  indexProgress?: IndexProgress;
}

export interface IngestOptions {
  readers?: readonly Reader[];
  events?: IngestEvents;
  /** Store articles (secondary sources) rather than primary documents. */
  asArticle?: boolean;
}

export async function ingestPaths(store: Store, paths: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now();
  const readers = options.readers ?? READERS;
  const failed: IngestFailure[] = [];
  const files: string[] = [];
  for (const path of paths) {
    try {
      files.push(...(await expandPath(path, knownExtensions(readers))));
    } catch (error) {
      failed.push({ path, error: reasonOf(error), code: codeOf(error) });
    }
  }
  options.events?.files?.(files);
  let ingested = 0;
  let skipped = 0;
  for (const [index, path] of files.entries()) {
    options.events?.fileStart?.(path, index);
    try {
      const { stored, unchanged } = await ingestFile(store, path, readers, {
        asArticle: options.asArticle,
        progress: (done, total) => options.events?.fileProgress?.(path, done, total),
      });
      ingested += stored;
      skipped += unchanged;
      options.events?.fileDone?.(path, { stored, unchanged });
    } catch (error) {
      failed.push({ path, error: reasonOf(error), code: codeOf(error) });
      options.events?.fileDone?.(path, { error: reasonOf(error) });
    }
  }
  // Once for the whole run rather than per document: the posting lists are built in bulk.
  await store.prepareSearch((done, total) => options.events?.indexProgress?.(done, total));
  const stats = await store.stats();
  return {
    ingested,
    skipped,
    failed,
    documents: stats.documents,
    passages: stats.passages,
    articles: stats.articles,
    files: files.length,
    seconds: Math.round(performance.now() - started) / 1000,
  };
}

export async function ingestFile(
  store: Store,
  path: string,
  readers: readonly Reader[] = READERS,
  context: ReadContext = {},
): Promise<{ stored: number; unchanged: number }> {
  const reader = chooseReader(await probeFile(path), readers);
  return storeItems(store, reader.read(path, context));
}

/** Stores what a reader yields, in order; how many were stored and how many were already there. */
export async function storeItems(store: Store, items: AsyncIterable<ReadItem> | Iterable<ReadItem>): Promise<{ stored: number; unchanged: number }> {
  let stored = 0;
  let unchanged = 0;
  const count = (outcome: string) => (outcome === 'unchanged' ? unchanged++ : stored++);
  // Documents are written a commit's worth at a time; anything else the reader yields is written
  // after the documents before it, in the order read.
  const pending: Document[] = [];
  let pendingPassages = 0;
  const writePending = async () => {
    if (pending.length === 0) return;
    const outcomes = await store.putDocuments(pending.splice(0));
    pendingPassages = 0;
    outcomes.forEach(count);
  };
  for await (const item of items) {
    if (item.kind === 'document') {
      pending.push(item.document);
      pendingPassages += item.document.passages.length + item.document.footnotes.length;
      if (pendingPassages >= PASSAGES_PER_COMMIT) await writePending();
      continue;
    }
    await writePending();
    if (item.kind === 'persons') await store.putPersons(item.persons);
    else count(await store.putArticle(item.article));
  }
  await writePending();
  return { stored, unchanged };
}

/** Repository furniture that sits beside sources in folders but is not one. */
const NOT_SOURCES = /^(?:readme|license|licence|changelog|contributing|copying|notice)(?:\.[a-z]+)?$/i;

/**
 * A file as itself; a folder as every file below it that some reader declares, sorted, less
 * hidden files and repository furniture (README, LICENSE…), which a named file still gets in.
 */
async function expandPath(path: string, extensions: Set<string>): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const found: string[] = [];
  for (const entry of (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || NOT_SOURCES.test(entry.name)) continue;
    const child = join(path, entry.name);
    if (entry.isDirectory()) found.push(...(await expandPath(child, extensions)));
    else if (entry.isFile() && extensions.has(extname(entry.name).slice(1).toLowerCase())) found.push(child);
  }
  return found;
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}
