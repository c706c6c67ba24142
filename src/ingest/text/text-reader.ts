/**
 * Plain text and Markdown files. One file is one record or one article, decided by content:
 *  - `--article` (ReadContext.asArticle) makes it an article, whatever it holds;
 *  - a US record's head (a form heading such as MEMORANDUM OF CONVERSATION, a classification
 *    banner, or labelled fields like SUBJECT and PARTICIPANTS) makes it a primary document,
 *    read with the memcon structure detection;
 *  - otherwise news signs (a declared "Source:", a related-links tail, a doubled title) make
 *    it an article;
 *  - anything else is a primary document of type "other", its paragraphs as passages.
 */
import { basename, extname } from 'node:path';
import { findDeclaredSources } from '../article/declared-sources.ts';
import { readArticleText } from '../article/text-article.ts';
import { markdownToText } from '../common/markdown.ts';
import { readTextFile } from '../common/read-file.ts';
import { looksLikeRecord, pagesOfText, parseRecord } from '../memcon/index.ts';
import type { Probe, ReadContext, ReadItem, Reader } from '../reader.ts';

const MARKDOWN_EXTENSIONS = new Set(['md', 'markdown']);
/** Bids for text files; the TEI and HTML readers outbid it on their own extensions. */
const TEXT_SCORE = 10;
/** A file without a text extension is ours only when its head decodes as text without NULs. */
const SNIFFED_TEXT_SCORE = 1;

function extensionOf(path: string): string {
  return extname(path).slice(1).toLowerCase();
}

/** The reason a text reads as news rather than a record, or undefined. */
export function newsSign(text: string): string | undefined {
  const article = readArticleText(text);
  if (findDeclaredSources(article.text).some((source) => source.cue.endsWith(':'))) return 'declared source';
  const reasons = new Set(article.boilerplate.map((block) => block.reason));
  if (reasons.has('related-links')) return 'related-links tail';
  if (reasons.has('doubled-title')) return 'doubled title';
  return undefined;
}

export const textReader: Reader = {
  name: 'text',
  extensions: ['txt', 'text', 'md', 'markdown'],
  mimeTypes: ['text/plain', 'text/markdown'],
  score(probe: Probe): number {
    if (this.extensions.includes(extensionOf(probe.path))) return TEXT_SCORE;
    return probe.head.length > 0 && !probe.head.includes(0) && extensionOf(probe.path) === '' ? SNIFFED_TEXT_SCORE : -1;
  },
  async *read(path: string, context: ReadContext): AsyncIterable<ReadItem> {
    const decoded = await readTextFile(path);
    const markdown = MARKDOWN_EXTENSIONS.has(extensionOf(path));
    const { text, title } = markdown ? markdownToText(decoded.text) : { text: decoded.text, title: undefined };
    const format = (markdown ? 'markdown' : 'text') + (decoded.encoding === 'utf-8' ? '' : `; charset=${decoded.encoding}`);
    context.progress?.(1, 1, 'bytes');
    if (context.asArticle || (!looksLikeRecord(text) && newsSign(text))) {
      yield { kind: 'article', article: readArticleText(text, { origin: path, title, format }) };
      return;
    }
    yield {
      kind: 'document',
      document: parseRecord(pagesOfText(text), { origin: path, format, title: title ?? basename(path, extname(path)) }),
    };
  },
};
