/**
 * A standalone HTML report of a trace: one file, no scripts, inline styles, a strict
 * Content-Security-Policy, and every piece of text from the article or the archive escaped.
 */
import type { DiffPart } from './align.ts';
import type { TraceResult } from './index.ts';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const REGEXPS = { htmlSpecial: /[&<>"']/g } as const;

export function escapeHtml(text: string): string {
  return text.replace(REGEXPS.htmlSpecial, (char) => HTML_ESCAPES[char] ?? char);
}

const STYLE = `body{font:16px/1.5 Georgia,serif;max-width:50em;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.4em}table{border-collapse:collapse}td,th{padding:.2em .6em;border-bottom:1px solid #ddd;text-align:left}
.q{margin:1.2em 0;padding:.6em 1em;border-left:4px solid #999}.verbatim{border-color:#2a7}.minor{border-color:#7a2}
.altered{border-color:#d70}.misattributed{border-color:#c33}.unsupported{border-color:#888}.other-language{border-color:#58c}
del{background:#fdd}ins{background:#dfd;text-decoration:none}.elided{color:#888}.note{font-style:italic}`;

function diffHtml(diff: readonly DiffPart[]): string {
  return diff.map((part) => {
    const record = escapeHtml(part.record ?? '');
    const quote = escapeHtml(part.quote ?? '');
    switch (part.op) {
      case 'same':
        return record;
      case 'variant':
      case 'changed':
        return `<del>${record}</del> <ins>${quote}</ins>`;
      case 'added':
        return `<ins>${quote}</ins>`;
      case 'dropped':
        return `<del>${record}</del>`;
      case 'elided':
        return `<span class="elided">[…${record}]</span>`;
      case 'inserted':
        return `<ins>[${quote}]</ins>`;
      case 'moved':
        return `<ins title="moved">${quote}</ins>`;
    }
  }).join(' ');
}

export function renderTraceHtml(result: TraceResult): string {
  const e = escapeHtml;
  const documents = result.documents.map((d) =>
    `<tr><td>${d.score.toFixed(2)}</td><td>${e(d.doc_id)}</td><td>${e(d.title)}</td><td>${e(d.record_kind)}</td><td>${e(d.date ?? '')}</td></tr>`).join('');
  const quotes = result.quotes.map((q) => `<div class="q ${e(q.verdict)}">
<p>“${e(q.text)}”${q.speaker ? ` — ${e(q.speaker)}${q.cue ? ` (${e(q.cue)})` : ''}` : ''}</p>
<p><strong>${e(q.label)}</strong>${q.match ? ` · similarity ${q.similarity.toFixed(2)}` : ''}${q.differences.length ? ` · ${e(q.differences.join(', '))}` : ''}</p>
${q.match ? `<p>Record: ${diffHtml(q.diff)}</p><p>${e(q.match.doc_id)} · ${e(q.match.passage_id)}${q.match.page ? ` · page ${e(q.match.page)}` : ''} · ${e(q.match.record_kind)}${q.match.speaker ? ` · ${e(q.match.speaker)}` : ''}</p>` : ''}
${q.note ? `<p class="note">${e(q.note)}</p>` : ''}</div>`).join('\n');
  const claims = result.claims.map((c) =>
    `<tr><td>${c.ok === null ? '·' : c.ok ? 'ok' : 'no'}</td><td>${e(c.field)}</td><td>${e(c.stated)}</td><td>${e(c.found ?? '')}</td></tr>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Trace: ${e(result.article.title)}</title><style>${STYLE}</style></head>
<body><h1>${e(result.article.title)}</h1>
<p><strong>${e(result.message)}</strong></p>
${documents ? `<table><tr><th>score</th><th>document</th><th>title</th><th>kind</th><th>date</th></tr>${documents}</table>` : ''}
<h2>Quotations</h2>${quotes || '<p>No quotations.</p>'}
<h2>Claims</h2><table><tr><th></th><th>field</th><th>stated</th><th>record</th></tr>${claims}</table>
</body></html>
`;
}
