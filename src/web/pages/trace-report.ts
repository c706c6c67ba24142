/**
 * A saved trace: which record the article reports on (or, honestly, that the archive does
 * not hold it), each quotation beside the record's words with the differences marked, the
 * verdicts with their evidence, the claims checked, and the permalink.
 */
import { formatIsoDate } from '../../cite/index.ts';
import type { TraceResult, TracedQuote } from '../../trace/index.ts';
import type { SavedTrace } from '../../store/store.ts';
import { copyButton, documentUrl, formatCount, passageAnchor, personUrl } from '../components.ts';
import { html, safeUrl, type SafeHtml } from '../html.ts';
import { renderPage } from '../layout.ts';

export interface TracePageData {
  trace: Omit<SavedTrace, 'result'>;
  result: TraceResult;
  links: { json: string; permalink: string; api: string };
}

/** Short badge text per verdict; the trace's own label and note explain it beside. */
const VERDICT_BADGES: Record<string, string> = {
  verbatim: 'Verbatim',
  minor: 'Minor variation',
  altered: 'Altered',
  misattributed: 'Misattributed',
  unsupported: 'Unsupported',
  'other-language': 'Other language',
};

/** What each verdict means (product brief), for the badge's tooltip and the legend. */
const VERDICT_MEANINGS: Record<string, string> = {
  verbatim: 'Same words as the record, ignoring case, punctuation and spacing.',
  minor: 'Same meaning, small variation: articles, tense, marked elisions, bracketed insertions.',
  altered: 'Words changed, added or dropped so that the nuance changes.',
  misattributed: 'The words are in the record, but said by someone else.',
  unsupported: 'Nothing in the archive resembles it.',
  'other-language': 'In another language than the record: the document can be found, the words not aligned.',
};

/** What the differences are called in a report. */
const DIFFERENCE_LABELS: Record<string, string> = {
  negation: 'negation changed',
  number: 'number changed',
  name: 'name changed',
  'content-word': 'words changed',
  'grammatical-word': 'small words changed',
  'word-form': 'word forms',
  elision: 'elision (…)',
  bracket: '[bracketed] words',
  moved: 'word order',
};

type DiffPart = TracedQuote['diff'][number];

/**
 * One side of the word-level diff. Each kind of difference has a class and a text label for
 * screen readers, so it is never carried by colour alone.
 */
function diffSide(diff: readonly DiffPart[], side: 'quote' | 'record'): SafeHtml {
  return html`${diff.map((part) => {
    const text = side === 'quote' ? part.quote : part.record;
    if (!text) return html``;
    switch (part.op) {
      case 'same':
        return html`${text} `;
      case 'elided':
        return html`<span class="d-elided" title="Left out by the article's …">${text}</span> `;
      case 'inserted':
        return html`<span class="d-inserted" title="The article's [bracketed] words">${text}</span> `;
      default:
        return html`<mark class="d-${part.op}" title="${part.op}"><span class="visually-hidden">[${part.op}: </span>${text}<span class="visually-hidden">]</span></mark> `;
    }
  })}`;
}

function verdictBadge(quote: TracedQuote): SafeHtml {
  return html`<span class="verdict v-${quote.verdict}" title="${VERDICT_MEANINGS[quote.verdict] ?? quote.label}">${VERDICT_BADGES[quote.verdict] ?? quote.label}</span>`;
}

function quoteItem(quote: TracedQuote, index: number): SafeHtml {
  const { match } = quote;
  const id = `q${index + 1}`;
  const speaker = quote.speaker_name && quote.speaker_name !== quote.speaker
    ? html`<strong>${quote.speaker}</strong> <span class="muted">(${quote.speaker_name})</span>`
    : quote.speaker ? html`<strong>${quote.speaker}</strong>` : '';
  const anchor = match ? passageAnchor(match.passage_id) : '';
  return html`<li class="quote" id="${id}">
  <div class="quote-head">
    ${verdictBadge(quote)}
    ${match ? html`<span class="similarity" title="Share of words that correspond">${Math.round(quote.similarity * 100)}% alike</span>` : ''}
    ${quote.differences.length > 0 ? html`<span class="differences">${quote.differences.map((d) => html`<span class="difference">${DIFFERENCE_LABELS[d] ?? d}</span>`)}</span>` : ''}
    <a class="permalink" href="#${id}" aria-label="Link to quotation ${index + 1}">#</a>
  </div>
  <div class="compare">
    <figure>
      <figcaption>The article${speaker ? html`, quoting ${speaker}` : ''}${quote.cue ? html` <span class="muted">(“${quote.cue}”)</span>` : ''}</figcaption>
      <blockquote class="said">${match && quote.verdict !== 'verbatim' && quote.diff.length > 0 ? diffSide(quote.diff, 'quote') : quote.text}</blockquote>
    </figure>
    <figure>
      <figcaption>${match
        ? html`The record${match.speaker ? html`, <strong>${match.speaker_id ? html`<a href="${personUrl(match.speaker_id)}">${match.speaker}</a>` : match.speaker}</strong>` : ''} ·
          <a href="${documentUrl(match.doc_id, anchor || undefined)}">${match.title}${match.date ? html`, ${formatIsoDate(match.date)}` : ''}${anchor ? html` ¶${anchor.replace(/^p/, '')}` : ''}</a>${match.page ? html` · p. ${match.page}` : ''}
          <span class="muted">· ${match.record_kind}</span>`
        : html`The record`}</figcaption>
      <blockquote class="record">${match
        ? (quote.verdict !== 'verbatim' && quote.diff.length > 0 ? diffSide(quote.diff, 'record') : match.text)
        : html`<span class="muted">${quote.verdict === 'other-language' ? 'Not aligned: the article quotes in another language than the record.' : 'No passage in the archive resembles this quotation.'}</span>`}</blockquote>
    </figure>
  </div>
  ${quote.note ? html`<p class="quote-note">${quote.note}</p>` : ''}
</li>`;
}

function documentsSection(result: TraceResult): SafeHtml {
  const [best, ...others] = result.documents;
  if (!result.in_archive || !best) {
    return html`<p class="notice"><strong>No matching document in the archive.</strong>
      The record this article reports on is not held here, so its quotations cannot be confirmed from it.</p>
    ${result.documents.length > 0 ? html`<details class="weak-candidates"><summary>Closest records, all below the threshold</summary>${candidateList(result.documents)}</details>` : ''}`;
  }
  return html`<div class="best-document">
    <p class="kicker">Reports on</p>
    <p class="best-title"><a href="${documentUrl(best.doc_id)}">${best.title}</a></p>
    <p class="hit-meta">${[formatIsoDate(best.date), best.place, best.record_kind].filter(Boolean).join(' · ')} ·
      <meter min="0" max="1" value="${best.score}" aria-label="Confidence"></meter> ${Math.round(best.score * 100)}% confidence</p>
  </div>
  ${others.length > 0 ? html`<details class="weak-candidates"><summary>Other candidates</summary>${candidateList(others)}</details>` : ''}`;
}

function candidateList(documents: TraceResult['documents']): SafeHtml {
  return html`<ol class="candidates">${documents.map((d) => html`<li>
    <a href="${documentUrl(d.doc_id)}">${d.title}</a> <span class="hit-meta">${[formatIsoDate(d.date), d.place].filter(Boolean).join(' · ')}</span>
    <meter min="0" max="1" value="${d.score}" aria-label="Confidence"></meter> <span class="score">${Math.round(d.score * 100)}%</span>
  </li>`)}</ol>`;
}

function claimsTable(result: TraceResult): SafeHtml {
  if (result.claims.length === 0) return html`<p class="muted">No checkable claims were found.</p>`;
  return html`<table class="claims">
  <thead><tr><th scope="col">Claim</th><th scope="col">The article says</th><th scope="col">The record says</th><th scope="col">Check</th></tr></thead>
  <tbody>${result.claims.map((claim) => html`<tr>
    <td>${claim.field}</td>
    <td>${claim.stated}</td>
    <td>${claim.found ?? html`<span class="muted">—</span>`}</td>
    <td>${claim.ok === true ? html`<span class="ok">✓ matches</span>` : claim.ok === false ? html`<span class="not-ok">✗ differs</span>` : html`<span class="muted">nothing to check against</span>`}</td>
  </tr>`)}</tbody>
</table>`;
}

function articleLine(result: TraceResult, trace: TracePageData['trace']): SafeHtml {
  const url = result.article.url ?? trace.input.url;
  const parts: SafeHtml[] = [];
  if (result.article.outlet) parts.push(html`${result.article.outlet}`);
  if (result.article.published) parts.push(html`${result.article.published}`);
  if (url) parts.push(html`<a href="${safeUrl(url)}" rel="noopener noreferrer nofollow">${url}</a>`);
  if (result.declared_sources.length > 0) parts.push(html`declares its source: ${result.declared_sources.map((s) => s.name).join(', ')}`);
  return parts.length > 0 ? html`<p class="doc-id">${parts.map((part, i) => html`${i > 0 ? ' · ' : ''}${part}`)}</p>` : html``;
}

export function renderTraceReport(data: TracePageData): SafeHtml {
  const { result, trace } = data;
  const title = result.article.title || 'An article, traced to the record';
  const counts = new Map<string, number>();
  for (const quote of result.quotes) counts.set(quote.verdict, (counts.get(quote.verdict) ?? 0) + 1);
  return renderPage({
    title: `Trace: ${title}`,
    jsonUrl: data.links.json,
    section: 'trace',
    body: html`<article class="trace-report">
  <header class="doc-header">
    <p class="kicker">Trace · ${trace.created_at.slice(0, 10)} · ${formatCount(Math.round(result.timings.total_ms))} ms</p>
    <h1>${title}</h1>
    ${articleLine(result, trace)}
    <div class="permalink-box">
      <label for="permalink">Permalink</label>
      <input id="permalink" type="text" readonly value="${data.links.permalink}">
      ${copyButton('permalink', 'Copy link')}
      <a href="${data.links.json}">JSON</a>
    </div>
  </header>
  <section aria-labelledby="docs-title">
    <h2 id="docs-title">The record it reports on</h2>
    ${documentsSection(result)}
  </section>
  <section aria-labelledby="quotes-title">
    <h2 id="quotes-title">Quotations <span class="muted">(${result.quotes.length})</span></h2>
    ${counts.size > 0 ? html`<p class="verdict-summary">${[...counts].map(([verdict, n]) => html`<span class="verdict v-${verdict}">${VERDICT_BADGES[verdict] ?? verdict}</span> ${n} `)}</p>` : ''}
    ${result.quotes.length === 0 ? html`<p class="muted">The article quotes no one.</p>` : html`<ol class="quotes">${result.quotes.map(quoteItem)}</ol>`}
    ${result.other_quotations.length > 0 ? html`<details class="other-quotations"><summary>${result.other_quotations.length} other quoted phrases (scare quotes, titles) — not a speaker's words</summary>
      <ul>${result.other_quotations.map((q) => html`<li>“${q.text}” <span class="muted">${q.kind}</span></li>`)}</ul></details>` : ''}
  </section>
  <section aria-labelledby="claims-title">
    <h2 id="claims-title">Claims</h2>
    ${claimsTable(result)}
  </section>
</article>`,
  });
}
