/**
 * The document page: the record's text as the archive holds it, with speaker labels in the
 * margin, printed page numbers, footnote markers and redactions laid over the text by their
 * character offsets, a permalink on every passage (#p12), and the metadata panel with the
 * citation box.
 */
import { CITATION_LABELS, formatDate, type FormattedCitation } from '../../cite/index.ts';
import type { Document, Participant, Passage } from '../../model/index.ts';
import { classificationLabel, copyButton, passageAnchor, personUrl, typeLabel } from '../components.ts';
import { html, safeUrl, type SafeHtml } from '../html.ts';
import { renderPage } from '../layout.ts';

export interface DocumentPageData {
  document: Document;
  citations: FormattedCitation[];
  links: { json: string; api: string; citations: Record<string, string> };
}

function footnoteAnchor(document: Document, index: number): string {
  const footnote = document.footnotes[index];
  const fromId = footnote ? passageAnchor(footnote.id) : '';
  return fromId.startsWith('fn') ? fromId : `fn${index + 1}`;
}

/**
 * One passage's text with zero-width markers (page breaks, footnote calls) inserted at their
 * offsets and redacted ranges wrapped. Falls back to the bare passage text when the offsets
 * do not agree with the document text, rather than marking the wrong words.
 */
function passageText(document: Document, passage: Passage, placedNotes: Set<number>): SafeHtml {
  const { start, end } = passage;
  if (document.text.slice(start, end) !== passage.text) return html`${passage.text}`;
  const inserts = new Map<number, SafeHtml[]>();
  const insert = (at: number, markup: SafeHtml) => inserts.set(at, [...(inserts.get(at) ?? []), markup]);
  for (const pageBreak of document.pages) {
    // A break at the very start is shown by the passage's page label instead.
    if (pageBreak.offset > start && pageBreak.offset < end) {
      insert(pageBreak.offset, html`<span class="page-break" id="page-${pageBreak.page}" aria-label="page ${pageBreak.page}">${pageBreak.page}</span>`);
    }
  }
  document.footnotes.forEach((footnote, index) => {
    if (footnote.anchor < start || footnote.anchor > end || placedNotes.has(index)) return;
    placedNotes.add(index);
    const anchor = footnoteAnchor(document, index);
    insert(footnote.anchor, html`<sup class="note-call"><a id="${anchor}-call" href="#${anchor}" aria-label="footnote ${footnote.n}">${footnote.n}</a></sup>`);
  });
  const redactions = document.redactions.filter((r) => r.offset < end && r.offset + r.length > start);
  const cuts = new Set([start, end, ...inserts.keys()]);
  for (const r of redactions) {
    cuts.add(Math.max(r.offset, start));
    cuts.add(Math.min(r.offset + r.length, end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: SafeHtml[] = [];
  points.forEach((point, i) => {
    out.push(...(inserts.get(point) ?? []));
    const next = points[i + 1];
    if (next === undefined) return;
    const text = document.text.slice(point, next);
    const redaction = redactions.find((r) => r.offset <= point && r.offset + r.length >= next);
    if (!redaction) {
      out.push(html`${text}`);
      return;
    }
    const exemptions = redaction.exemptions.length > 0 ? ` (exemption ${redaction.exemptions.join(', ')})` : '';
    out.push(html`<span class="redaction" title="Withheld in the declassified release${exemptions}">${text}</span>`);
  });
  return html`${out}`;
}

function speakerLabel(document: Document, passage: Passage): SafeHtml {
  const turn = passage.turn === undefined ? undefined : document.turns[passage.turn];
  if (!turn || turn.first_passage !== passage.n) return html``;
  const name = turn.speaker.person_id
    ? html`<a href="${personUrl(turn.speaker.person_id)}">${turn.label}</a>`
    : html`${turn.label}`;
  const reported = turn.style === 'narrative' ? html`<span class="reported" title="The note-taker's words, not the speaker's">reported</span>` : '';
  return html`<div class="speaker">${name}${reported}</div>`;
}

function pageAtEnd(document: Document, passage: Passage): string | undefined {
  let page: string | undefined;
  for (const pageBreak of document.pages) {
    if (pageBreak.offset >= passage.end) break;
    if (pageBreak.offset > passage.start) page = pageBreak.page;
  }
  return page;
}

function renderPassages(document: Document): SafeHtml {
  const placedNotes = new Set<number>();
  let lastPage: string | undefined;
  return html`${document.passages.map((passage) => {
    const anchor = `p${passage.n}`;
    const pageLabel = passage.page && passage.page !== lastPage ? html`<span class="page-label" aria-label="page ${passage.page}">p. ${passage.page}</span>` : '';
    // Breaks inside the passage were marked inline; the next label continues from the last of them.
    lastPage = pageAtEnd(document, passage) ?? passage.page ?? lastPage;
    const text = passageText(document, passage, placedNotes);
    const permalink = html`<a class="permalink" href="#${anchor}" aria-label="Link to paragraph ${passage.n}">¶</a>`;
    const body = passage.kind === 'heading' ? html`<h2 class="passage-heading">${text}</h2>` : html`<p>${text}</p>`;
    return html`<div class="passage kind-${passage.kind}" id="${anchor}">
  <div class="margin">${pageLabel}${speakerLabel(document, passage)}${permalink}</div>
  <div class="words">${body}</div>
</div>`;
  })}`;
}

function renderFootnotes(document: Document): SafeHtml {
  if (document.footnotes.length === 0) return html``;
  return html`<section class="footnotes" aria-labelledby="footnotes-title">
  <h2 id="footnotes-title">Notes</h2>
  <ol>${document.footnotes.map((footnote, index) => {
    const anchor = footnoteAnchor(document, index);
    return html`<li id="${anchor}" value="${/^\d+$/.test(footnote.n) ? footnote.n : index + 1}"><span class="note-n">${footnote.n}</span> ${footnote.text} <a class="back" href="#${anchor}-call" aria-label="Back to the text">↩</a></li>`;
  })}</ol>
</section>`;
}

function participantsBySide(participants: Participant[]): SafeHtml {
  const sides = new Map<string, Participant[]>();
  for (const p of participants) sides.set(p.side ?? '', [...(sides.get(p.side ?? '') ?? []), p]);
  return html`${[...sides].map(([side, people]) => html`${side ? html`<h4>${side}</h4>` : ''}
  <ul class="participants">${people.map((p) => html`<li>${p.person_id ? html`<a href="${personUrl(p.person_id)}">${p.name}</a>` : p.name}${p.role ? html`<span class="role">${p.role}</span>` : ''}</li>`)}</ul>`)}`;
}

function metadataPanel(data: DocumentPageData): SafeHtml {
  const d = data.document;
  // The time's own text often repeats the date ("November 19, 1985, 11:27–12:15 p.m."): build it from its parts.
  const time = d.time?.start ? [d.time.start, d.time.end].filter(Boolean).join('–') : undefined;
  const when = [formatDate(d.date), time].filter(Boolean).join(', ');
  const declass = d.declassification;
  return html`<aside class="meta-panel" aria-label="About this document">
  <dl class="meta">
    ${when ? html`<dt>Date</dt><dd>${when}</dd>` : ''}
    ${d.place ? html`<dt>Place</dt><dd>${d.place}</dd>` : ''}
    <dt>Type</dt><dd>${typeLabel(d.type)}${d.style === 'narrative' ? html` <span class="muted">(narrative: speech is reported)</span>` : d.style === 'dialogue' ? html` <span class="muted">(dialogue)</span>` : ''}</dd>
    ${d.classification ? html`<dt>Classification</dt><dd><span class="classification level-${d.classification.level}">${classificationLabel(d.classification.level)}</span><span class="marked">${d.classification.marked}</span></dd>` : ''}
    ${declass && (declass.text || declass.authority || declass.date) ? html`<dt>Declassified</dt><dd>${declass.text ?? [declass.authority, declass.date, declass.case_number].filter(Boolean).join(', ')}</dd>` : ''}
    <dt>Collection</dt><dd><a href="/search?collection=${encodeURIComponent(d.collection.id)}">${d.collection.title}</a>${d.number ? html`, no. ${d.number}` : ''}</dd>
    ${d.source_note ? html`<dt>Source</dt><dd class="source-note">${d.source_note}</dd>` : ''}
    ${d.citation.url ? html`<dt>Published at</dt><dd><a href="${safeUrl(d.citation.url)}" rel="noopener noreferrer">${d.citation.url}</a></dd>` : ''}
  </dl>
  ${d.participants.length > 0 ? html`<section class="panel-section"><h3>Participants</h3>${participantsBySide(d.participants)}</section>` : ''}
  <section class="panel-section citations" aria-labelledby="cite-title">
    <h3 id="cite-title">Cite</h3>
    ${data.citations.map((c) => html`<div class="citation">
      <div class="citation-head"><span>${CITATION_LABELS[c.format]}</span>${copyButton(`cite-${c.format}`, 'Copy')}<a href="${data.links.citations[c.format] ?? '#'}">raw</a></div>
      <pre id="cite-${c.format}" tabindex="0">${c.text}</pre>
    </div>`)}
  </section>
</aside>`;
}

export function renderDocumentPage(data: DocumentPageData): SafeHtml {
  const d = data.document;
  return renderPage({
    title: d.title,
    jsonUrl: data.links.json,
    body: html`<article class="document">
  <header class="doc-header">
    <p class="kicker">${typeLabel(d.type)}${d.date ? html` · ${formatDate(d.date)}` : ''}${d.place ? html` · ${d.place}` : ''}</p>
    <h1>${d.title}</h1>
    <p class="doc-id"><code>${d.id}</code> · <a href="${data.links.json}">JSON</a></p>
  </header>
  <div class="doc-layout">
    <div class="doc-text" lang="${d.language}">
      ${renderPassages(d)}
      ${renderFootnotes(d)}
    </div>
    ${metadataPanel(data)}
  </div>
</article>`,
  });
}
