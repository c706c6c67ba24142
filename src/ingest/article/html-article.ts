/**
 * A news page to an Article: @mozilla/readability picks the article out of the page, the
 * page's own metadata gives title, byline, outlet, date and language, and every block of the
 * page that did not make it into the article is kept in `boilerplate` with the reason it was
 * left out (navigation, advertisement, related links, …). Scripts never run and nothing is
 * fetched: jsdom parses the page as inert data.
 */
import { createRequire } from 'node:module';
import { Readability } from '@mozilla/readability';
import type * as Jsdom from 'jsdom';
import { VerbatimError } from '../../errors.ts';
import type { Article, BoilerplateBlock } from '../../model/index.ts';
import { findDate } from '../common/dates.ts';
import { canonicalUrl } from '../common/ids.ts';
import { assembleArticle } from './assemble.ts';
import { cleanBlocks, sameText } from './boilerplate.ts';
import { htmlBlocks, removalReason } from './html-blocks.ts';
import { pageMetadata } from './html-metadata.ts';
import { takeTopMetadata } from './top-metadata.ts';

const require = createRequire(import.meta.url);
let jsdom: typeof Jsdom | undefined;

/**
 * jsdom, loaded on first use (synchronously: it is CommonJS): it is ~50 MB of memory that a
 * server which never reads an HTML article need not hold.
 */
function loadJsdom(): typeof Jsdom {
  jsdom ??= require('jsdom') as typeof Jsdom;
  return jsdom;
}

/** Characters of HTML we parse at most: far above any article page, well below memory trouble. */
export const MAX_HTML_CHARS = 20_000_000;
/** Elements Readability may score; pages above this are generated junk, not articles. */
export const MAX_HTML_ELEMENTS = 200_000;
/** Inline data URIs longer than this are cut out before parsing (images, fonts: never text). */
const MAX_DATA_URI_CHARS = 1_000;
/** A boilerplate entry longer than this is cut: the audit needs to see it, not to hold megabytes. */
const MAX_BOILERPLATE_CHARS = 2_000;
/** An element holding a visible dateline is short: a date, maybe a place and "Published". */
const DATELINE_MAX_CHARS = 80;

const HTML_PATTERNS = {
  dataUri: new RegExp(`data:[^"'\\s)>]{${MAX_DATA_URI_CHARS},}`, 'gi'),
  dateElement: /(^|[\s_-])(date|dateline|time|published|pubdate|timestamp)([\s_-]|$)/i,
  whitespace: /\s+/g,
  nonWord: /[^\p{L}\p{N}]+/gu,
} as const;

export interface HtmlArticleOptions {
  /** The page's address: gives the id and the outlet; the canonical link is used when absent. */
  url?: string;
  /** Where the HTML came from (file path or "-"); defaults to the URL, else "html". */
  origin?: string;
}

/**
 * Reads a news page.
 *
 * @example
 *   readArticleHtml('<html lang="en"><head><meta property="og:site_name" content="Rosbalt">…', { url })
 *   // → { title, byline, outlet: 'Rosbalt', published: '2024-01-14', language: 'en', text,
 *   //     boilerplate: [{ reason: 'navigation', text: 'Home World Politics' }, …], … }
 * @throws VBT_ERR_FILE_TOO_LARGE over MAX_HTML_CHARS, VBT_ERR_HTML_TOO_COMPLEX over
 *   MAX_HTML_ELEMENTS, VBT_ERR_ARTICLE_EMPTY when the page holds no text.
 */
export function readArticleHtml(html: string, options: HtmlArticleOptions = {}): Article {
  const origin = options.origin ?? options.url ?? 'html';
  if (html.length > MAX_HTML_CHARS) {
    throw new VerbatimError('VBT_ERR_FILE_TOO_LARGE', [origin, String(html.length), String(MAX_HTML_CHARS)]);
  }
  const { html: defused, removed: dataRemoved } = dropDataUris(html);
  const url = options.url ? canonicalUrl(options.url) : undefined;
  const { JSDOM, VirtualConsole } = loadJsdom();
  const dom = new JSDOM(defused, { url, virtualConsole: new VirtualConsole() });
  const document = dom.window.document;
  try {
    const elements = document.getElementsByTagName('*').length;
    if (elements > MAX_HTML_ELEMENTS) {
      throw new VerbatimError('VBT_ERR_HTML_TOO_COMPLEX', [origin, String(elements), String(MAX_HTML_ELEMENTS)]);
    }
    const metadata = pageMetadata(document);
    const pageBlocks = htmlBlocks(document.body);
    const parsed = new Readability(document.cloneNode(true) as Document).parse();
    const articleBlocks = parsed?.content ? contentBlocks(document, parsed.content) : pageBlocks.map((block) => block.text);
    const title = firstText(parsed?.title, metadata.title, document.title, articleBlocks[0]) ?? '';
    const top = takeTopMetadata(articleBlocks);
    const { kept, removed } = cleanBlocks(top.body, title);
    if (kept.length === 0) throw new VerbatimError('VBT_ERR_ARTICLE_EMPTY', [origin]);
    return assembleArticle({
      title,
      blocks: kept,
      boilerplate: [
        ...top.removed,
        ...removed,
        ...leftOutBlocks(pageBlocks, kept, title, [...top.removed, ...removed]),
        ...nonTextElements(document),
        ...dataRemoved,
      ].map(capped),
      // A relative canonical link is no identity: canonicalUrl refuses it.
      url: url ?? (metadata.url ? canonicalUrl(metadata.url) : undefined),
      outlet: metadata.outlet ?? firstText(parsed?.siteName),
      byline: firstText(parsed?.byline, metadata.byline, top.byline),
      published: metadata.published ?? top.published ?? visibleDateline(document),
      language: metadata.language ?? firstText(parsed?.lang),
      origin,
      format: 'html',
    });
  } finally {
    dom.window.close();
  }
}

function firstText(...values: (string | null | undefined)[]): string | undefined {
  return values.map((value) => value?.replace(HTML_PATTERNS.whitespace, ' ').trim()).find((value) => value);
}

/** Readability's cleaned HTML back to blocks (parsed inert, in the page's own document). */
function contentBlocks(document: Document, content: string): string[] {
  const container = document.createElement('div');
  container.innerHTML = content;
  return htmlBlocks(container).map((block) => block.text);
}

/** Blocks of the page that are not in the article, each with the reason its place gives. */
function leftOutBlocks(
  pageBlocks: { text: string; element: Element }[],
  kept: string[],
  title: string,
  alreadyRecorded: BoilerplateBlock[],
): BoilerplateBlock[] {
  const norm = (text: string) => text.toLowerCase().replace(HTML_PATTERNS.nonWord, ' ').trim();
  const articleText = norm(kept.join(' '));
  const recorded = new Set(alreadyRecorded.map((block) => norm(block.text)));
  return pageBlocks
    .filter((block) => !sameText(block.text, title) && !recorded.has(norm(block.text)) && !articleText.includes(norm(block.text)))
    .map((block) => ({ reason: removalReason(block.element), text: block.text }));
}

/** Scripts, frames and embeds: never text, listed (one entry per kind) so the audit shows them. */
function nonTextElements(document: Document): BoilerplateBlock[] {
  const byTag = new Map<string, string[]>();
  for (const tag of ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED']) {
    for (const element of document.getElementsByTagName(tag)) {
      const source = element.getAttribute('src') ?? element.getAttribute('data') ?? `inline, ${element.textContent?.length ?? 0} chars`;
      byTag.set(tag, [...(byTag.get(tag) ?? []), source]);
    }
  }
  return [...byTag].map(([tag, sources]) => ({
    reason: tag === 'SCRIPT' ? 'script' : 'embed',
    text: `${sources.length} <${tag.toLowerCase()}>: ${sources.join('; ')}`,
  }));
}

function dropDataUris(html: string): { html: string; removed: BoilerplateBlock[] } {
  let count = 0;
  let chars = 0;
  const defused = html.replace(HTML_PATTERNS.dataUri, (uri) => {
    count++;
    chars += uri.length;
    return 'data:,';
  });
  const removed = count > 0 ? [{ reason: 'inline-data', text: `${count} inline data URIs (${chars} chars) dropped before parsing` }] : [];
  return { html: defused, removed };
}

/** A date in an element marked as one (class or id "date", "published"). */
function visibleDateline(document: Document): string | undefined {
  for (const element of document.body.querySelectorAll('[class], [id]')) {
    const marker = `${element.getAttribute('class') ?? ''} ${element.id}`;
    const text = element.textContent ?? '';
    if (!HTML_PATTERNS.dateElement.test(marker) || text.length > DATELINE_MAX_CHARS) continue;
    const date = findDate(text);
    if (date?.precision === 'day') return date.start;
  }
  return undefined;
}

function capped(block: BoilerplateBlock): BoilerplateBlock {
  return block.text.length <= MAX_BOILERPLATE_CHARS ? block : { ...block, text: `${block.text.slice(0, MAX_BOILERPLATE_CHARS)}…` };
}
