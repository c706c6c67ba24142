/**
 * What a news page says about itself, before any extraction: meta tags (Open Graph, Dublin
 * Core, article:*, parsely, sailthru), JSON-LD NewsArticle (also inside @graph), <html lang>,
 * the canonical link and <time> elements. Each field takes the first source that has it, in
 * the order of the tables below (most specific first).
 */
import { isoFromValue } from '../common/dates.ts';
import { primaryLanguage } from '../common/language.ts';

export interface PageMetadata {
  title?: string;
  byline?: string;
  outlet?: string;
  published?: string;
  language?: string;
  url?: string;
}

/** meta name/property values giving each field, best first. */
const META_KEYS = {
  title: ['og:title', 'twitter:title', 'dc.title', 'headline'],
  byline: ['author', 'article:author', 'dc.creator', 'parsely-author', 'sailthru.author', 'byl'],
  outlet: ['og:site_name', 'application-name', 'publisher', 'dc.publisher'],
  published: [
    'article:published_time',
    'og:published_time',
    'datepublished',
    'dc.date.issued',
    'dcterms.created',
    'dc.date',
    'parsely-pub-date',
    'sailthru.date',
    'pubdate',
    'publishdate',
    'date',
  ],
  language: ['og:locale', 'dc.language', 'content-language', 'language'],
  url: ['og:url'],
} as const;

/** schema.org types that describe an article page. */
const ARTICLE_TYPES = new Set([
  'Article',
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BlogPosting',
  'WebPage',
  'Report',
]);

/** JSON-LD blocks bigger than this are skipped: metadata is small, huge blocks are hostile. */
const MAX_JSON_LD_CHARS = 200_000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function pageMetadata(document: Document): PageMetadata {
  const meta = metaValues(document);
  const ld = jsonLdArticle(document);
  const first = (keys: readonly string[]) => keys.map((key) => meta.get(key)).find((value) => value);
  const metadata: PageMetadata = {
    title: text(ld?.headline) ?? first(META_KEYS.title),
    byline: names(ld?.author) ?? first(META_KEYS.byline),
    outlet: names(ld?.publisher) ?? first(META_KEYS.outlet),
    published: dateOf(text(ld?.datePublished)) ?? dateOf(first(META_KEYS.published)) ?? timeElementDate(document),
    language:
      primaryLanguage(document.documentElement.getAttribute('lang')) ??
      primaryLanguage(text(ld?.inLanguage)) ??
      primaryLanguage(first(META_KEYS.language)),
    url:
      document.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ?? first(META_KEYS.url) ?? text(ld?.url),
  };
  return Object.fromEntries(Object.entries(metadata).filter(([, value]) => value)) as PageMetadata;
}

/** meta name / property / http-equiv / itemprop → content, keys in lower case, first wins. */
function metaValues(document: Document): Map<string, string> {
  const values = new Map<string, string>();
  for (const element of document.querySelectorAll('meta[content]')) {
    const content = element.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attribute of ['name', 'property', 'http-equiv', 'itemprop']) {
      const key = element.getAttribute(attribute)?.trim().toLowerCase();
      if (key && !values.has(key)) values.set(key, content);
    }
  }
  return values;
}

function jsonLdArticle(document: Document): Record<string, Json> | undefined {
  for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
    const source = script.textContent ?? '';
    if (source.length > MAX_JSON_LD_CHARS) continue;
    let parsed: Json;
    try {
      parsed = JSON.parse(source) as Json;
    } catch {
      continue; // A broken block on a page is common; the other sources still apply.
    }
    const found = findArticleNode(parsed);
    if (found) return found;
  }
  return undefined;
}

function findArticleNode(node: Json): Record<string, Json> | undefined {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findArticleNode(item);
      if (found) return found;
    }
    return undefined;
  }
  if (node === null || typeof node !== 'object') return undefined;
  const types = ([] as Json[]).concat(node['@type'] ?? []);
  if (types.some((type) => typeof type === 'string' && ARTICLE_TYPES.has(type)) && (node.headline || node.datePublished)) {
    return node;
  }
  return node['@graph'] ? findArticleNode(node['@graph']) : undefined;
}

function text(value: Json | undefined): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) return text(value[0]);
  return undefined;
}

/** A JSON-LD person or organisation (or a list of them) as "Name, Name". */
function names(value: Json | undefined): string | undefined {
  const list = ([] as Json[]).concat(value ?? []);
  const found = list
    .map((item) => (item && typeof item === 'object' && !Array.isArray(item) ? text(item.name) : text(item)))
    .filter((name): name is string => Boolean(name));
  return found.length > 0 ? found.join(', ') : undefined;
}

function dateOf(value: string | undefined): string | undefined {
  return value ? isoFromValue(value) : undefined;
}

/** <time datetime> or <time pubdate>: the first one on the page with a readable date. */
function timeElementDate(document: Document): string | undefined {
  for (const element of document.querySelectorAll('time')) {
    const value = element.getAttribute('datetime') ?? element.textContent ?? '';
    const date = dateOf(value);
    if (date) return date;
  }
  return undefined;
}
