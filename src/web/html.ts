/**
 * The one way HTML is written in Verbatim: a tagged template that escapes every interpolated
 * value unless it is already `SafeHtml` (the output of another `html` template). Document and
 * article text is hostile by assumption, so there is no other path from a string to markup.
 *
 * @example
 *   html`<p title="${title}">${text}</p>`   // title and text are escaped
 *   html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`  // arrays are joined
 */

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};
const NEEDS_ESCAPE = /[&<>"'`]/g;

export function escapeHtml(text: string): string {
  return text.replace(NEEDS_ESCAPE, (c) => ESCAPES[c] ?? c);
}

/** Values a template accepts: nullish and false render as nothing, arrays are joined. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Markup written by Verbatim itself (never by a document): trusted as is. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

const SAFE_URL = /^(https?:\/\/|\/(?!\/)|#|\?)/i;

/**
 * A URL fit for href/src. Anything not http(s), site-relative, a fragment or a query (a
 * `javascript:` link in an article, say) becomes a harmless '#'. The result is still escaped
 * by `html` when interpolated.
 */
export function safeUrl(url: string | undefined): string {
  return url && SAFE_URL.test(url.trim()) ? url.trim() : '#';
}
