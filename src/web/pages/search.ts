/**
 * Search results: facets beside the results (each value a link that narrows the search, the
 * selected one a link that widens it again), a histogram by year, snippets with the matched
 * terms highlighted, the speaker of each passage, sort and paging. No JavaScript needed.
 */
import { formatCount, documentUrl, pagination, passageAnchor, plural, searchBox, typeLabel, yearHistogram, classificationLabel } from '../components.ts';
import { formatIsoDate } from '../../cite/index.ts';
import { html, type SafeHtml } from '../html.ts';
import { renderPage } from '../layout.ts';
import { FACET_LABELS, FACETS, searchUrl, withFilter, type Facet, type SearchState } from '../search-state.ts';
import type { SearchHit } from '../../search/types.ts';

export interface SearchPageData {
  state: SearchState;
  /** The query sent to the search engine: the words plus the facet selections as fields. */
  query: string;
  /** Matching documents. */
  total: number;
  /** Matching passages in those documents. */
  total_passages: number;
  pages: number;
  hits: SearchHit[];
  facets: Record<string, Record<string, number>>;
  /** Display names for facet values that are ids (persons, collections). */
  labels: Record<string, Record<string, string>>;
  next_url?: string;
  prev_url?: string;
}

/** Facet values listed before "more" is needed; the rest stay reachable through the query. */
const FACET_VALUES_SHOWN = 12;

/**
 * Snippets come from document text, so every piece is escaped; the engine's highlight
 * offsets (sorted, non-overlapping ranges of the snippet) become <mark>s.
 */
export function highlightSnippet(snippet: string, highlights: readonly (readonly [number, number])[]): SafeHtml {
  const parts: SafeHtml[] = [];
  let last = 0;
  for (const [start, end] of [...highlights].sort((a, b) => a[0] - b[0])) {
    if (start < last || end <= start || end > snippet.length) continue;
    parts.push(html`${snippet.slice(last, start)}`, html`<mark>${snippet.slice(start, end)}</mark>`);
    last = end;
  }
  parts.push(html`${snippet.slice(last)}`);
  return html`${parts}`;
}

function facetValueLabel(data: SearchPageData, facet: Facet, value: string): string {
  const label = data.labels[facet]?.[value];
  if (label) return label;
  if (facet === 'type') return typeLabel(value);
  if (facet === 'classification') return classificationLabel(value);
  return value;
}

function facetList(data: SearchPageData, facet: Facet): SafeHtml {
  const counts = data.facets[facet] ?? {};
  const selected = data.state.filters[facet];
  const entries = Object.entries(counts)
    .sort((a, b) => (facet === 'year' ? a[0].localeCompare(b[0]) : b[1] - a[1] || a[0].localeCompare(b[0])))
    .slice(0, FACET_VALUES_SHOWN);
  if (entries.length === 0 && !selected) return html``;
  return html`<section class="facet" aria-labelledby="facet-${facet}">
  <h3 id="facet-${facet}">${FACET_LABELS[facet]}</h3>
  <ul>${selected && !(selected in counts) ? html`<li class="selected"><a href="${withFilter(data.state, facet, undefined)}" aria-current="true" title="Remove this filter">${facetValueLabel(data, facet, selected)} <span aria-hidden="true">×</span></a></li>` : ''}
  ${entries.map(([value, n]) =>
    value === selected
      ? html`<li class="selected"><a href="${withFilter(data.state, facet, undefined)}" aria-current="true" title="Remove this filter">${facetValueLabel(data, facet, value)} <span class="count">${formatCount(n)}</span> <span aria-hidden="true">×</span></a></li>`
      : html`<li><a href="${withFilter(data.state, facet, value)}">${facetValueLabel(data, facet, value)} <span class="count">${formatCount(n)}</span></a></li>`,
  )}</ul>
</section>`;
}

function activeFilters(data: SearchPageData): SafeHtml {
  const active = FACETS.filter((facet) => data.state.filters[facet]);
  if (active.length === 0) return html``;
  return html`<ul class="chips" aria-label="Active filters">${active.map((facet) => {
    const value = data.state.filters[facet] ?? '';
    return html`<li><a href="${withFilter(data.state, facet, undefined)}" title="Remove this filter">${FACET_LABELS[facet]}: ${facetValueLabel(data, facet, value)} <span aria-hidden="true">×</span></a></li>`;
  })}</ul>`;
}

function sortLinks(state: SearchState): SafeHtml {
  const link = (sort: SearchState['sort'], label: string) =>
    state.sort === sort
      ? html`<span aria-current="true">${label}</span>`
      : html`<a href="${searchUrl(state, { sort, page: 1 })}">${label}</a>`;
  return html`<p class="sort">Sort: ${link('relevance', 'relevance')} · ${link('date', 'oldest first')} · ${link('date-desc', 'newest first')}</p>`;
}

function hitItem(hit: SearchHit): SafeHtml {
  const anchor = passageAnchor(hit.passage_id);
  return html`<li class="hit">
  <h3><a href="${documentUrl(hit.doc_id, anchor || undefined)}">${hit.title}</a></h3>
  <p class="hit-meta">${[formatIsoDate(hit.date), hit.type ? typeLabel(hit.type) : undefined].filter(Boolean).join(' · ')}${hit.speaker ? html` · <span class="speaker-tag">${hit.speaker_id ? html`<a href="/persons/${encodeURIComponent(hit.speaker_id)}">${hit.speaker}</a>` : hit.speaker}</span>` : ''}${hit.page ? html` · p. ${hit.page}` : ''}${anchor ? html` · <span class="passage-ref">¶ ${anchor.replace(/^p/, '')}</span>` : ''}</p>
  <blockquote class="snippet">${highlightSnippet(hit.snippet, hit.highlights)}</blockquote>
  ${hit.other_passages > 0 ? html`<p class="more-passages"><a href="${documentUrl(hit.doc_id)}">${plural(hit.other_passages, 'more matching passage')} in this document</a></p>` : ''}
</li>`;
}

export function renderSearchPage(data: SearchPageData, jsonUrl: string): SafeHtml {
  const { state } = data;
  const title = state.q ? `“${state.q}”` : 'Search';
  const hasQuery = data.query.trim() !== '';
  return renderPage({
    title,
    jsonUrl,
    headerSearch: false,
    section: 'search',
    body: html`<div class="search-page">
  ${searchBox(state.q)}
  ${activeFilters(data)}
  ${hasQuery
    ? html`<div class="results-layout">
    <aside class="facets" aria-label="Narrow the results">
      ${data.facets.year ? html`<section class="facet"><h3>Results by year</h3>${yearHistogram(data.facets.year, (year) => withFilter(state, 'year', year), 'Results by year')}</section>` : ''}
      ${FACETS.map((facet) => facetList(data, facet))}
    </aside>
    <section class="results" aria-labelledby="results-title">
      <div class="results-head">
        <h2 id="results-title">${plural(data.total, 'document')} <span class="muted">· ${plural(data.total_passages, 'passage')}</span></h2>
        ${sortLinks(state)}
      </div>
      ${data.hits.length === 0
        ? html`<p class="empty">Nothing in the archive matches. Try fewer words, or remove a filter.</p>`
        : html`<ol class="hits">${data.hits.map(hitItem)}</ol>`}
      ${pagination(state.page, data.pages, (page) => searchUrl(state, { page }))}
    </section>
  </div>`
    : html`<p class="muted">Type a query, or pick a collection on the <a href="/">front page</a>.</p>`}
</div>`,
  });
}
