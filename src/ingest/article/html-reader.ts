/**
 * News pages saved as HTML files. Always articles: primary records rarely come as web pages,
 * and when they do the page is usually an outlet's or an archive's article about them. The
 * address comes from the browser's "saved from url=" comment or the page's canonical link.
 */
import { extname } from 'node:path';
import { readTextFile } from '../common/read-file.ts';
import type { Probe, ReadContext, ReadItem, Reader } from '../reader.ts';
import { MAX_HTML_CHARS, readArticleHtml } from './html-article.ts';

/** HTML extensions bid high; a sniffed <html> in an unknown file bids just above plain text. */
const HTML_SCORE = 20;
const SNIFFED_HTML_SCORE = 5;

const HTML_READER_PATTERNS = {
  sniff: /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/i,
  /** Browsers write this comment atop saved pages. */
  savedFrom: /<!--\s*saved from url=\(\d+\)(https?:\/\/[^\s>]+?)\s*-->/i,
  /** A charset declared in the head, for pages not in UTF-8. */
  metaCharset: /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i,
} as const;

/** How far into the file the charset declaration and saved-from comment are looked for. */
const HEAD_SNIFF_CHARS = 4096;

export const htmlReader: Reader = {
  name: 'html',
  extensions: ['html', 'htm', 'xhtml', 'shtml'],
  mimeTypes: ['text/html', 'application/xhtml+xml'],
  score(probe: Probe): number {
    if (this.extensions.includes(extname(probe.path).slice(1).toLowerCase())) return HTML_SCORE;
    return HTML_READER_PATTERNS.sniff.test(probe.head.subarray(0, HEAD_SNIFF_CHARS).toString('latin1')) ? SNIFFED_HTML_SCORE : -1;
  },
  async *read(path: string, context: ReadContext): AsyncIterable<ReadItem> {
    const { text: html } = await readTextFile(path, MAX_HTML_CHARS, (head) => HTML_READER_PATTERNS.metaCharset.exec(head)?.[1]);
    context.stage?.('extract article');
    const url = HTML_READER_PATTERNS.savedFrom.exec(html.slice(0, HEAD_SNIFF_CHARS))?.[1];
    const article = readArticleHtml(html, { url, origin: path });
    context.progress?.(1, 1, 'bytes');
    yield { kind: 'article', article };
  },
};
