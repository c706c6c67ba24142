/**
 * Stable identifiers for records that carry none of their own: a short prefix of the sha256
 * of what identifies them (the URL, or the content), so reading the same input again gives
 * the same id and different inputs practically never collide.
 */
import { sha256 } from '../../store/content-hash.ts';

/** 16 hex digits = 64 bits: collision-free at any archive size we aim for. */
const ID_HEX_DIGITS = 16;

/** Query parameters added by campaigns and share buttons, not part of the page's identity. */
const TRACKING_PARAMETER = /^(utm_\w+|fbclid|gclid|yclid|mc_cid|mc_eid|ref|from)$/i;

/** "/news/summit/" and "/news/summit" are one page. */
const TRAILING_SLASHES = /\/+$/;

export function hashId(prefix: string, content: string): string {
  return `${prefix}-${sha256(content).slice(0, ID_HEX_DIGITS)}`;
}

/**
 * The form of a URL that identifies an article: no fragment, no tracking parameters, no
 * trailing slash, host in lower case. Returns undefined for something that is not a URL.
 */
export function canonicalUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  parsed.hash = '';
  for (const key of [...parsed.searchParams.keys()]) if (TRACKING_PARAMETER.test(key)) parsed.searchParams.delete(key);
  const path = parsed.pathname.replace(TRAILING_SLASHES, '');
  return `${parsed.protocol}//${parsed.host.toLowerCase()}${path}${parsed.search}`;
}
