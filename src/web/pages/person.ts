/** A person: who they are, the records they appear in, and what they said, in date order. */
import { formatIsoDate, yearOf } from '../../cite/index.ts';
import type { PersonPageData } from '../../server/views/person.ts';
import { documentUrl, formatCount, plural, typeLabel, yearHistogram } from '../components.ts';
import { html, type SafeHtml } from '../html.ts';
import { renderPage } from '../layout.ts';

/** Passages longer than this are cut on the person page; the link leads to the whole text. */
const TURN_PREVIEW_CHARS = 600;

function preview(text: string): string {
  if (text.length <= TURN_PREVIEW_CHARS) return text;
  const cut = text.lastIndexOf(' ', TURN_PREVIEW_CHARS);
  return `${text.slice(0, cut > 0 ? cut : TURN_PREVIEW_CHARS)} …`;
}

function turnsByYear(data: PersonPageData): SafeHtml {
  const groups = new Map<string, PersonPageData['turns']['items']>();
  for (const turn of data.turns.items) {
    const year = String(yearOf(turn.date) ?? 'Undated');
    groups.set(year, [...(groups.get(year) ?? []), turn]);
  }
  const counts = Object.fromEntries([...groups].filter(([y]) => /^\d+$/.test(y)).map(([y, items]) => [y, items.length]));
  return html`${yearHistogram(counts, (year) => `#year-${year}`, 'What they said, by year')}
  ${[...groups].map(([year, turns]) => html`<section class="turn-year" id="year-${year}">
    <h3>${year}</h3>
    <ol class="turns">${turns.map((turn) => html`<li>
      <p class="hit-meta"><a href="${documentUrl(turn.doc_id, turn.n)}">${turn.title}</a>${turn.date ? html` · ${formatIsoDate(turn.date)}` : ''}${turn.page ? html` · p. ${turn.page}` : ''}${turn.style === 'narrative' ? html` · <span class="reported-inline" title="The note-taker's words, not the speaker's">reported speech</span>` : ''}</p>
      <blockquote>${preview(turn.text)}</blockquote>
    </li>`)}</ol>
  </section>`)}`;
}

export function renderPersonPage(data: PersonPageData): SafeHtml {
  const { person } = data;
  const otherNames = person.aliases.filter((alias) => alias !== person.name && alias !== person.sort_name);
  return renderPage({
    title: person.name,
    jsonUrl: data.links.json,
    body: html`<article class="person">
  <header class="doc-header">
    <p class="kicker">Person</p>
    <h1>${person.name}</h1>
    ${person.description ? html`<p class="lede">${person.description}</p>` : ''}
    ${otherNames.length > 0 ? html`<p class="aliases"><span class="muted">Also written:</span> ${otherNames.join(' · ')}</p>` : ''}
    <p class="doc-id"><code>${person.id}</code> · <a href="${data.links.json}">JSON</a></p>
  </header>
  ${!data.search_available
    ? html`<p class="notice">Search is not available on this server, so this person's documents and words cannot be listed.</p>`
    : html`<div class="person-layout">
    <section class="person-docs" aria-labelledby="docs-title">
      <h2 id="docs-title">Records (${formatCount(data.documents.total)})</h2>
      ${data.documents.items.length === 0
        ? html`<p class="muted">No record names them.</p>`
        : html`<ol class="doc-list">${data.documents.items.map((d) => html`<li><a href="${documentUrl(d.doc_id)}">${d.title}</a><span class="hit-meta">${[formatIsoDate(d.date), d.type ? typeLabel(d.type) : undefined].filter(Boolean).join(' · ')}</span></li>`)}</ol>`}
      <p><a href="${data.links.documents_search}">Search these records →</a></p>
    </section>
    <section class="person-turns" aria-labelledby="turns-title">
      <h2 id="turns-title">What they said <span class="muted">(${plural(data.turns.items.length, 'passage')} in ${plural(data.turns.documents, 'record')})</span></h2>
      ${data.turns.items.length === 0 ? html`<p class="muted">No speaker turns are attributed to them.</p>` : turnsByYear(data)}
      <p><a href="${data.links.turns_search}">Search their words →</a></p>
    </section>
  </div>`}
</article>`,
  });
}
