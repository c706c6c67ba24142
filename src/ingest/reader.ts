/**
 * The contract every format reader fulfils. Readers declare what they accept as data
 * (extensions, MIME types, a sniffing score) and the registry hands each file to the highest
 * bidder, so a new format is one file and one registration line (see registry.ts).
 */
import type { Article, Document, Person } from '../model/index.ts';

/** What a reader sees of a file before it is chosen: its name and first bytes. */
export interface Probe {
  path: string;
  /** Up to the first 64 KiB. */
  head: Buffer;
  size: number;
}

/** One unit a reader yields; the ingest pipeline stores each as it arrives. */
export type ReadItem =
  | { kind: 'persons'; persons: Person[] }
  | { kind: 'document'; document: Document }
  | { kind: 'article'; article: Article };

export interface ReadContext {
  /** Called as the reader advances through the file (bytes or pages, as `unit` says). */
  progress?: (done: number, total: number, unit: 'bytes' | 'pages') => void;
  /** A stage name for progress displays ("ocr page 3/12"). */
  stage?: (name: string) => void;
  /** Treat the input as an article (secondary source) rather than a primary document. */
  asArticle?: boolean;
}

export interface Reader {
  /** Short stable name, reported as Document.source.format. */
  readonly name: string;
  readonly extensions: readonly string[];
  readonly mimeTypes: readonly string[];
  /** How well this reader fits the file: -1 refuses it, higher wins. */
  score(probe: Probe): number;
  /**
   * Yields what the file holds. Throws a VerbatimError (errors.ts) naming the file and the
   * reason when the file is unusable; the pipeline then stores nothing from it.
   */
  read(path: string, context: ReadContext): AsyncIterable<ReadItem>;
}
