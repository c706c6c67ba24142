/** Small pieces several pages share. Each returns escaped markup (see html.ts). */
import type { ClassificationLevel, DocumentType } from '../model/index.ts';
import { html, type SafeHtml } from './html.ts';

export const TYPE_LABELS: Record<DocumentType, string> = {
  memcon: 'Memorandum of conversation',
  telcon: 'Telephone conversation',
  telegram: 'Telegram',
  memo: 'Memorandum',
  letter: 'Letter',
  report: 'Report',
  'editorial-note': 'Editorial note',
  transcript: 'Transcript',
  'press-briefing': 'Press briefing',
  other: 'Other',
};

export const CLASSIFICATION_LABELS: Record<ClassificationLevel, string> = {
  'top-secret': 'Top Secret',
  secret: 'Secret',
  confidential: 'Confidential',
  'limited-official-use': 'Limited Official Use',
  unclassified: 'Unclassified',
};

export function typeLabel(type: string): string {
  return TYPE_LABELS[type as DocumentType] ?? type;
}

export function classificationLabel(level: string): string {
  return CLASSIFICATION_LABELS[level as ClassificationLevel] ?? level;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

export function documentUrl(docId: string, passageN?: number | string): string {
  const anchor = passageN === undefined ? '' : `#${String(passageN).startsWith('p') || String(passageN).startsWith('fn') ? passageN : `p${passageN}`}`;
  return `/documents/${encodeURIComponent(docId)}${anchor}`;
}

export function personUrl(personId: string): string {
  return `/persons/${encodeURIComponent(personId)}`;
}

/** The in-page anchor of a stored passage id: `frus…-d151-p12` → `p12`, `…-fn3` → `fn3`. */
export function passageAnchor(passageId: string): string {
  return /-(p\d+|fn[\w.-]+)$/.exec(passageId)?.[1] ?? '';
}

export function searchBox(query: string, options: { large?: boolean; autofocus?: boolean } = {}): SafeHtml {
  return html`<form class="search-box${options.large ? ' large' : ''}" role="search" action="/search" method="get">
  <label for="q">Search the record</label>
  <div class="search-row">
    <input id="q" type="search" name="q" value="${query}" placeholder="Gorbachev SDI, &quot;zero option&quot;, speaker:shevardnadze"${options.autofocus ? html` autofocus` : ''}>
    <button type="submit">Search</button>
  </div>
  <p class="hint">Words, "exact phrases", AND / OR / NOT, and fields such as
    <code>speaker:</code> <code>person:</code> <code>place:</code> <code>type:memcon</code> <code>date:1986-10</code>.</p>
</form>`;
}

/** Bar heights are SVG attributes, not inline styles: the CSP forbids style attributes. */
const HISTOGRAM_HEIGHT = 64;
const HISTOGRAM_BAR = 14;
const HISTOGRAM_GAP = 4;

/**
 * A bar per year, each a link (to narrow a search, say). Years without documents between
 * the first and the last are drawn empty so gaps in the record are visible.
 */
export function yearHistogram(byYear: Record<string, number>, linkFor: (year: string) => string, label: string): SafeHtml {
  const years = Object.keys(byYear).map(Number).filter(Number.isFinite).sort((a, b) => a - b);
  if (years.length === 0) return html``;
  const first = years[0] ?? 0;
  const last = years[years.length - 1] ?? first;
  const max = Math.max(...Object.values(byYear), 1);
  const bars: SafeHtml[] = [];
  for (let year = first; year <= last; year++) {
    const count = byYear[String(year)] ?? 0;
    const x = (year - first) * (HISTOGRAM_BAR + HISTOGRAM_GAP);
    const height = count === 0 ? 0 : Math.max(2, Math.round((count / max) * HISTOGRAM_HEIGHT));
    const bar = html`<rect x="${x}" y="${HISTOGRAM_HEIGHT - height}" width="${HISTOGRAM_BAR}" height="${height}"></rect>`;
    bars.push(
      count === 0
        ? bar
        : html`<a href="${linkFor(String(year))}" aria-label="${year}: ${plural(count, 'result')}"><title>${year}: ${formatCount(count)}</title>${bar}</a>`,
    );
  }
  const width = (last - first + 1) * (HISTOGRAM_BAR + HISTOGRAM_GAP);
  return html`<figure class="histogram">
  <svg viewBox="0 0 ${width} ${HISTOGRAM_HEIGHT}" width="${width}" height="${HISTOGRAM_HEIGHT}" role="img" aria-label="${label}">${bars}</svg>
  <figcaption><span>${first}</span>${last !== first ? html`<span>${last}</span>` : ''}</figcaption>
</figure>`;
}

export function pagination(page: number, pages: number, linkFor: (page: number) => string): SafeHtml {
  if (pages <= 1) return html``;
  return html`<nav class="pagination" aria-label="Result pages">
  ${page > 1 ? html`<a rel="prev" href="${linkFor(page - 1)}">← Previous</a>` : html`<span></span>`}
  <span>Page ${page} of ${formatCount(pages)}</span>
  ${page < pages ? html`<a rel="next" href="${linkFor(page + 1)}">Next →</a>` : html`<span></span>`}
</nav>`;
}

/** A copy button, hidden until app.js shows it (without JavaScript the text is still selectable). */
export function copyButton(targetId: string, label: string): SafeHtml {
  return html`<button type="button" class="copy" data-copy="${targetId}" hidden>${label}</button>`;
}
