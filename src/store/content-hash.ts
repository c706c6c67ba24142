import { createHash } from 'node:crypto';
import type { Article, Document } from '../model/index.ts';

/**
 * Identity of a record's content: the same record read again (from any path) hashes the
 * same, so re-ingesting is a no-op, and any change to text or metadata replaces it.
 */
export function contentHash(document: Document): string {
  const { source: _source, ...content } = document;
  return sha256(JSON.stringify(content));
}

export function articleHash(article: Article): string {
  const { source: _source, ...content } = article;
  return sha256(JSON.stringify(content));
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}
