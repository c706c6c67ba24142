/**
 * The one place an Article is put together, whatever it was read from: the kept blocks
 * become the text (blank line between blocks), declared sources are found in that text, and
 * the id comes from the URL when there is one, else from the content.
 */
import { VerbatimError } from '../../errors.ts';
import type { Article, BoilerplateBlock } from '../../model/index.ts';
import { canonicalUrl, hashId } from '../common/ids.ts';
import { detectLanguage } from '../common/language.ts';
import { findDeclaredSources } from './declared-sources.ts';

export const ARTICLE_ID_PREFIX = 'article';

/** Blocks of the article text are separated by one blank line. */
export const BLOCK_SEPARATOR = '\n\n';

export interface ArticleParts {
  title: string;
  blocks: string[];
  boilerplate: BoilerplateBlock[];
  url?: string;
  outlet?: string;
  byline?: string;
  published?: string;
  /** Declared by the source; detected from the text when absent. */
  language?: string;
  origin: string;
  format: string;
}

/** @throws VBT_ERR_ARTICLE_EMPTY when there is neither a title nor any text. */
export function assembleArticle(parts: ArticleParts): Article {
  const text = parts.blocks.join(BLOCK_SEPARATOR);
  if (!text.trim() && !parts.title.trim()) throw new VerbatimError('VBT_ERR_ARTICLE_EMPTY', [parts.origin]);
  const url = parts.url ? canonicalUrl(parts.url) : undefined;
  const article: Article = {
    id: hashId(ARTICLE_ID_PREFIX, url ?? `${parts.title}\n${text}`),
    title: parts.title,
    language: parts.language ?? detectLanguage(`${parts.title}\n${text}`),
    text,
    boilerplate: parts.boilerplate,
    declared_sources: findDeclaredSources(text),
    quotations: [],
    claims: [],
    source: { origin: parts.origin, format: parts.format },
  };
  if (url) article.url = url;
  const outlet = parts.outlet ?? (url ? outletFromUrl(url) : undefined);
  if (outlet) article.outlet = outlet;
  if (parts.byline) article.byline = parts.byline;
  if (parts.published) article.published = parts.published;
  return article;
}

/** The host's "www." is no part of an outlet's name. */
const WWW_PREFIX = /^www\d?\./;

/** "https://www.rosbalt.ru/world/…" → "rosbalt.ru". */
export function outletFromUrl(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(WWW_PREFIX, '') || undefined;
  } catch {
    return undefined;
  }
}
