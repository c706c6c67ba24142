/**
 * A news article delivered as plain text (copied from a page, saved by a content site):
 * the first line is the title; a byline or dateline just under it becomes metadata; the
 * doubled title, ad lines, share buttons and the related-links tail go to boilerplate.
 */
import type { Article } from '../../model/index.ts';
import { splitBlocks } from '../common/blocks.ts';
import { assembleArticle } from './assemble.ts';
import { cleanBlocks } from './boilerplate.ts';
import { takeTopMetadata } from './top-metadata.ts';

/** A first line longer than this is prose, not a headline. */
const TITLE_MAX_CHARS = 300;
/** When the text opens with prose, the title is its opening words. */
const FALLBACK_TITLE_WORDS = 12;

const TEXT_ARTICLE = {
  word: /\S+/g,
  /** Prose ends a line with a stop, even inside closing quotes or brackets (said: “… event.”). */
  sentenceEnd: /[.;:,]["'”’»)\]]*$/,
} as const;

export interface TextArticleOptions {
  /** Where the text came from (file path or "-"); defaults to "text". */
  origin?: string;
  /** The page the text was copied from, when known: gives the id and the outlet. */
  url?: string;
  /** Title already known (a Markdown heading); the first block is then body text. */
  title?: string;
  /** Reported as Article.source.format; defaults to "text". */
  format?: string;
}

/**
 * Reads a plain-text article.
 *
 * @example
 *   readArticleText('Yeltsin asked…\n\nYeltsin asked…\n\nBody.\n\nSource: Rosbalt\n\nYou may also like\n\nAd')
 *   // → { title: 'Yeltsin asked…', text: 'Body.\n\nSource: Rosbalt',
 *   //     boilerplate: [{reason:'doubled-title'}, {reason:'related-links'}, {reason:'advertisement'}],
 *   //     declared_sources: [{ name: 'Rosbalt', cue: 'Source:' }], … }
 */
export function readArticleText(text: string, options: TextArticleOptions = {}): Article {
  const blocks = splitBlocks(text);
  const { title, body, fromBody } = takeTitle(blocks, options.title);
  const top = takeTopMetadata(body);
  // A title cut from the opening prose is no headline that prose could repeat.
  const { kept, removed } = cleanBlocks(top.body, fromBody ? '' : title);
  return assembleArticle({
    title,
    blocks: kept,
    boilerplate: [...top.removed, ...removed],
    url: options.url,
    byline: top.byline,
    published: top.published,
    origin: options.origin ?? 'text',
    format: options.format ?? 'text',
  });
}

function takeTitle(blocks: string[], known?: string): { title: string; body: string[]; fromBody: boolean } {
  if (known) return { title: known, body: blocks, fromBody: false };
  const first = blocks[0] ?? '';
  // A text of one paragraph (pasted prose) is all body: nothing below it could be the article.
  if (blocks.length > 1 && first.length <= TITLE_MAX_CHARS && !TEXT_ARTICLE.sentenceEnd.test(first)) return { title: first, body: blocks.slice(1), fromBody: false };
  const words = first.match(TEXT_ARTICLE.word) ?? [];
  return { title: words.slice(0, FALLBACK_TITLE_WORDS).join(' '), body: blocks, fromBody: true };
}
