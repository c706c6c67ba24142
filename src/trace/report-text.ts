/**
 * The readable report of a trace: the verdict on the article, then each quotation with its
 * verdict, the record's words with the differences marked, and where they are; then claims.
 * Differences are marked inline: [-record words-] {+article words+} and ⟨…record words⟩ for an elision.
 */
import type { DiffPart } from './align.ts';
import type { TraceResult } from './index.ts';

/** How each diff operation is marked in plain text. */
export function markDiff(diff: readonly DiffPart[]): string {
  return diff.map((part) => {
    switch (part.op) {
      case 'same':
        return part.record ?? '';
      case 'variant':
      case 'changed':
        return `[-${part.record}-]{+${part.quote}+}`;
      case 'added':
        return `{+${part.quote}+}`;
      case 'dropped':
        return `[-${part.record}-]`;
      case 'elided':
        return `⟨…${part.record}⟩`;
      case 'inserted':
        return `{[${part.quote}]}`;
      case 'moved':
        return `{~${part.quote}~}`;
    }
  }).join(' ');
}

export function renderTraceText(result: TraceResult): string {
  const lines: string[] = [];
  lines.push(`Article: ${result.article.title}`);
  lines.push(result.in_archive ? `Document: ${result.message}` : `Document: ${result.message}`);
  for (const document of result.documents) {
    lines.push(`  ${document.score.toFixed(2)}  ${document.doc_id}  ${document.title} (${document.record_kind}${document.date ? `, ${document.date}` : ''})`);
  }
  lines.push('', `Quotations (${result.quotes.length}):`);
  result.quotes.forEach((quote, index) => {
    const who = quote.speaker ? ` — ${quote.speaker}${quote.speaker_name && quote.speaker_name !== quote.speaker ? ` (${quote.speaker_name})` : ''}${quote.cue ? `, "${quote.cue}"` : ''}` : '';
    lines.push(`${index + 1}. “${quote.text}”${who}`);
    lines.push(`   verdict: ${quote.label}${quote.match ? ` (similarity ${quote.similarity.toFixed(2)})` : ''}${quote.differences.length ? ` — ${quote.differences.join(', ')}` : ''}`);
    if (quote.match) {
      lines.push(`   record:  ${markDiff(quote.diff)}`);
      lines.push(`   where:   ${quote.match.passage_id}${quote.match.page ? `, page ${quote.match.page}` : ''}; ${quote.match.record_kind}${quote.match.speaker ? `; speaker ${quote.match.speaker}` : ''}`);
    }
    if (quote.note) lines.push(`   note:    ${quote.note}`);
  });
  if (result.other_quotations.length > 0) {
    lines.push('', 'Not a speaker’s words: ' + result.other_quotations.map((q) => `“${q.text}” (${q.kind})`).join(', '));
  }
  lines.push('', 'Claims:');
  for (const claim of result.claims) {
    const status = claim.ok === null ? '  ·' : claim.ok ? ' ok' : ' NO';
    lines.push(`${status} ${claim.field.padEnd(12)} ${claim.stated}${claim.found ? `  → record: ${claim.found}` : ''}`);
  }
  if (result.declared_sources.length > 0) {
    lines.push('', 'Declared sources: ' + result.declared_sources.map((s) => `${s.name} (${s.cue})`).join('; '));
  }
  lines.push('', `Traced in ${result.timings.total_ms.toFixed(1)} ms (${result.timings.lookups} quotation lookups, ${result.timings.lookup_ms.toFixed(1)} ms).`);
  return lines.join('\n');
}
