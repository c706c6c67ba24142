/**
 * The frame every page shares: header with the search box, main content, footer with the
 * page's JSON twin and the API description. Scripts and styles come only from /static/
 * (the Content-Security-Policy forbids anything inline).
 */
import { assetUrl } from './assets.ts';
import { html, type SafeHtml } from './html.ts';

export interface PageFrame {
  /** The page's own title; " — Verbatim" is appended. */
  title: string;
  body: SafeHtml;
  /** The page's JSON twin (Datasette's habit): linked in <head> and in the footer. */
  jsonUrl?: string;
  /** Pre-fills the header's search box. */
  query?: string;
  /** The home page has its own large search box, so the header omits it there. */
  headerSearch?: boolean;
  /** Marks the current section in the navigation. */
  section?: 'search' | 'trace';
}

export function renderPage(frame: PageFrame): SafeHtml {
  const headerSearch = frame.headerSearch ?? true;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title} — Verbatim</title>
<link rel="stylesheet" href="${assetUrl('style.css')}">
<link rel="icon" href="${assetUrl('favicon.svg')}" type="image/svg+xml">
${frame.jsonUrl ? html`<link rel="alternate" type="application/json" href="${frame.jsonUrl}">` : ''}
<script src="${assetUrl('app.js')}" defer></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
  <div class="bar">
    <a class="brand" href="/">Verbatim</a>
    ${headerSearch
      ? html`<form class="header-search" role="search" action="/search" method="get">
      <label class="visually-hidden" for="header-q">Search the archive</label>
      <input id="header-q" type="search" name="q" value="${frame.query ?? ''}" placeholder="Search the record…">
      <button type="submit">Search</button>
    </form>`
      : ''}
    <nav aria-label="Main">
      <a href="/search"${frame.section === 'search' ? html` aria-current="page"` : ''}>Search</a>
      <a href="/trace"${frame.section === 'trace' ? html` aria-current="page"` : ''}>Trace an article</a>
    </nav>
  </div>
</header>
<main id="main" tabindex="-1">
${frame.body}
</main>
<footer class="site">
  <p>
    ${frame.jsonUrl ? html`<a href="${frame.jsonUrl}">This page as JSON</a> · ` : ''}
    <a href="/api/openapi.json">API (OpenAPI)</a> ·
    Verbatim: what the record actually says.
  </p>
</footer>
</body>
</html>`;
}
