/** The front page: one search box, what the archive holds, and when its records date from. */
import type { ArchiveStats } from '../../store/index.ts';
import { formatCount, plural, searchBox, typeLabel, yearHistogram } from '../components.ts';
import { html, type SafeHtml } from '../html.ts';
import { renderPage } from '../layout.ts';

export interface HomePageData {
  stats: ArchiveStats;
}

export function renderHomePage(data: HomePageData, jsonUrl: string): SafeHtml {
  const { stats } = data;
  const types = Object.entries(stats.by_type);
  return renderPage({
    title: 'The record, verbatim',
    jsonUrl,
    headerSearch: false,
    body: html`<section class="hero">
  <h1>What does the record actually say?</h1>
  <p class="lede">Search, read and cite declassified memoranda of conversation, telegrams and transcripts —
    and check what the news quoted from them.</p>
  ${searchBox('', { large: true, autofocus: true })}
  <p class="trace-cta">Have an article that quotes the record? <a href="/trace">Trace its quotations →</a></p>
</section>
<section class="holdings" aria-labelledby="holdings-title">
  <h2 id="holdings-title" class="visually-hidden">The archive</h2>
  <ul class="counts">
    <li><strong>${formatCount(stats.documents)}</strong> documents</li>
    <li><strong>${formatCount(stats.passages)}</strong> passages</li>
    <li><strong>${formatCount(stats.persons)}</strong> persons</li>
    <li><strong>${formatCount(stats.articles)}</strong> articles</li>
  </ul>
  <div class="holdings-grid">
    <section>
      <h3>Collections</h3>
      ${stats.collections.length === 0
        ? html`<p class="muted">The archive is empty. Add records with <code>verbatim ingest &lt;path&gt;</code>.</p>`
        : html`<ul class="plain">${stats.collections.map((c) => html`<li><a href="/search?collection=${encodeURIComponent(c.id)}">${c.title}</a> <span class="count">${plural(c.documents, 'document')}</span></li>`)}</ul>`}
    </section>
    <section>
      <h3>Kinds of record</h3>
      <ul class="plain">${types.map(([type, n]) => html`<li><a href="/search?type=${encodeURIComponent(type)}">${typeLabel(type)}</a> <span class="count">${formatCount(n)}</span></li>`)}</ul>
    </section>
    <section class="timeline">
      <h3>Documents by year</h3>
      ${yearHistogram(stats.by_year, (year) => `/search?year=${year}`, 'Documents by year')}
    </section>
  </div>
</section>`,
  });
}
