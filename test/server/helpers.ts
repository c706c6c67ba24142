/**
 * Servers for the HTTP tests: over the real corpus (tests named "shared"), or over a fresh
 * store holding hand-made hostile records. Both use fastify.inject, no socket.
 */
import type { FastifyInstance } from 'fastify';
import type { Document } from '../../src/model/index.ts';
import { buildServer, type ServerOptions } from '../../src/server/index.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { openCorpusStore } from '../helpers/corpus-store.ts';
import { tempDir } from '../helpers/shared.ts';

export async function corpusServer(options: Partial<ServerOptions> = {}): Promise<{ app: FastifyInstance; store: Store }> {
  const store = await openCorpusStore();
  return { app: await buildServer({ store, ...options }), store };
}

export async function storeServer(documents: Document[], options: Partial<ServerOptions> = {}): Promise<{ app: FastifyInstance; store: Store }> {
  const store = openStore(tempDir('verbatim-server-'));
  for (const document of documents) await store.putDocument(document);
  return { app: await buildServer({ store, ...options }), store };
}

/** Text that would run script, break out of attributes or tags if it reached a page unescaped. */
export const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)>" onmouseover="alert(2)' \`<b>`;

/** A record whose every text field is hostile, with a redaction, a page break and a footnote. */
export function hostileDocument(): Document {
  const opening = `Opening ${HOSTILE} words. `;
  const redacted = '[text not declassified]';
  const first = `${opening}${redacted} end.`;
  const second = `The President said ${HOSTILE}.`;
  const text = `${first}\n\n${second}`;
  const secondStart = first.length + 2;
  return {
    id: 'hostile-d1',
    collection: { id: 'hostile', title: `Hostile ${HOSTILE}` },
    type: 'memcon',
    title: `Title ${HOSTILE}`,
    number: '1',
    date: { start: '1986-10-11', precision: 'day' },
    place: `Place ${HOSTILE}`,
    participants: [{ name: `Name ${HOSTILE}`, person_id: 'hostile-person', role: `Role ${HOSTILE}`, side: `Side ${HOSTILE}` }],
    mentions: [],
    classification: { marked: `Secret ${HOSTILE}`, level: 'secret' },
    declassification: { text: `Declassified ${HOSTILE}` },
    source_note: `Source ${HOSTILE}`,
    language: 'en',
    style: 'dialogue',
    text,
    passages: [
      { id: 'hostile-d1-p1', n: 1, kind: 'paragraph', text: first, start: 0, end: first.length, page: '12' },
      {
        id: 'hostile-d1-p2', n: 2, kind: 'paragraph', text: second, start: secondStart, end: secondStart + second.length,
        page: '13', speaker: { name: `Speaker ${HOSTILE}`, person_id: 'hostile-person' }, turn: 0,
      },
    ],
    turns: [{ n: 0, speaker: { name: `Speaker ${HOSTILE}`, person_id: 'hostile-person' }, label: `Label ${HOSTILE}`, style: 'dialogue', first_passage: 2, last_passage: 2 }],
    footnotes: [{ id: 'hostile-d1-fn1', n: '1', text: `Note ${HOSTILE}`, anchor: opening.length - 1 }],
    pages: [{ page: '12', offset: 0 }, { page: '13', offset: secondStart }],
    redactions: [{ offset: opening.length, length: redacted.length, marked: redacted, exemptions: ['(b)(1)'] }],
    citation: { text: `Citation ${HOSTILE}`, url: 'javascript:alert(1)' },
    source: { origin: 'test', format: 'test' },
  };
}
