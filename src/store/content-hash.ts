import { createHash } from 'node:crypto';

/** A record as stored: its JSON, and the hash of its content (everything but where it was read from). */
export interface SerializedRecord {
  body: string;
  hash: string;
}

/**
 * Serialises a document or article once, hashing its content on the way: the same record read
 * again (from any path) hashes the same, so re-ingesting is a no-op, and any change to text or
 * metadata replaces it. The body is the content's JSON with `source` appended, so the whole
 * record is stringified only once on the ingest path.
 */
export function serializeRecord<T extends { source: unknown }>(record: T): SerializedRecord {
  const { source, ...content } = record;
  const contentJson = JSON.stringify(content);
  const body = `${contentJson.slice(0, -1)}${contentJson.length > 2 ? ',' : ''}"source":${JSON.stringify(source)}}`;
  return { body, hash: sha256(contentJson) };
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}
