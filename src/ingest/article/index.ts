/**
 * News articles (secondary sources): plain text and HTML to Article. Quotations and claims
 * are left empty here; src/trace fills them.
 */
export { readArticleText, type TextArticleOptions } from './text-article.ts';
export { readArticleHtml, type HtmlArticleOptions } from './html-article.ts';
export { findDeclaredSources } from './declared-sources.ts';
export { htmlReader } from './html-reader.ts';
