/**
 * The ways an article reaches the trace endpoints, reduced to one ArticleInput: a JSON body
 * (`{"text"}` or `{"html", "url"}`), a raw text/plain or text/html body, or the HTML form
 * (pasted text, an uploaded file, a URL).
 */
import { VerbatimError } from '../../errors.ts';
import type { ArticleInput } from '../traces.ts';

/** A leading tag (after any BOM and whitespace) marks an upload as HTML whatever its name. */
const LOOKS_LIKE_HTML = /^\uFEFF?\s*<(!doctype|html|head|body|article|div|p|meta)\b/i;
const HTML_FILE = /\.x?html?$/i;

export const MAX_URL_LENGTH = 2048;
export const URL_PATTERN = '^https?://';

export interface JsonTraceBody {
  text?: string;
  html?: string;
  url?: string;
}

export interface TraceForm {
  text?: string;
  url?: string;
  file?: string;
  file_name?: string;
}

function withUrl<T extends object>(input: T, url: string | undefined): T & { url?: string } {
  const trimmed = url?.trim();
  return trimmed ? { ...input, url: trimmed } : input;
}

export function fromJson(body: JsonTraceBody): ArticleInput {
  if (typeof body.html === 'string') return withUrl({ html: body.html }, body.url);
  if (typeof body.text === 'string') return withUrl({ text: body.text }, body.url);
  throw new VerbatimError('VBT_ERR_REQUEST_INVALID', ['send {"text": "…"} or {"html": "…", "url": "…"}']);
}

export function fromRaw(body: string, contentType: string | undefined): ArticleInput {
  return (contentType ?? '').startsWith('text/html') ? { html: body } : { text: body };
}

export function fromForm(form: TraceForm): ArticleInput {
  if (form.file && form.file.trim() !== '') {
    const isHtml = HTML_FILE.test(form.file_name ?? '') || LOOKS_LIKE_HTML.test(form.file);
    return withUrl(isHtml ? { html: form.file } : { text: form.file }, form.url);
  }
  if (form.text && form.text.trim() !== '') return withUrl({ text: form.text }, form.url);
  throw new VerbatimError('VBT_ERR_REQUEST_INVALID', ['the article is empty: paste its text or choose an HTML file']);
}
