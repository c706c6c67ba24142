/** The HTML form of an API error, for a browser that asked for a page. */
import type { VerbatimError } from '../../errors.ts';
import { html, type SafeHtml } from '../html.ts';
import { renderPage } from '../layout.ts';

const HEADLINES: Record<number, string> = {
  400: 'That request could not be understood',
  404: 'Not in the archive',
  413: 'Too large',
  429: 'Slow down',
  503: 'Not available yet',
};

export function renderErrorPage(error: VerbatimError): SafeHtml {
  const headline = HEADLINES[error.status] ?? 'Something went wrong';
  return renderPage({
    title: headline,
    body: html`<section class="error-page">
  <h1>${headline}</h1>
  <p class="lede">${error.message}</p>
  <p class="muted">Error code <code>${error.code}</code> (HTTP ${error.status}).</p>
  <p><a href="/">Back to the archive</a> · <a href="/search">Search</a></p>
</section>`,
  });
}
