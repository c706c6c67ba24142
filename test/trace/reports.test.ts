import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toClaimReview } from '../../src/trace/claimreview.ts';
import type { TraceResult } from '../../src/trace/index.ts';
import { renderTraceHtml } from '../../src/trace/report-html.ts';
import { markDiff } from '../../src/trace/report-text.ts';

const HOSTILE = '<script>alert("x")</script>';

function result(): TraceResult {
  return {
    version: 1,
    article: { id: 'a', title: HOSTILE, language: 'en' },
    in_archive: true,
    message: 'reports on d1',
    documents: [{ doc_id: 'd1', title: HOSTILE, score: 0.9, type: 'memcon', record_kind: 'narrative memcon', evidence: { quote: 1, quotes: 1, persons: [] } }],
    quotes: [{
      text: `we ${HOSTILE}`, offset: 0, speaker: 'Gorbachev', verdict: 'altered', label: 'altered', similarity: 0.8,
      differences: ['content-word'], diff: [{ op: 'same', quote: 'we', record: 'we' }, { op: 'changed', quote: HOSTILE, record: '<b>' }],
      match: { doc_id: 'd1', passage_id: 'd1-p1', text: 'we <b>', span: { start: 0, end: 6 }, title: 't', record_kind: 'narrative memcon' },
    }],
    other_quotations: [],
    claims: [{ field: 'place', stated: HOSTILE, ok: false, found: 'Geneva' }],
    declared_sources: [],
    timings: { total_ms: 1, lookup_ms: 1, lookups: 1 },
  };
}

test('the HTML report escapes every piece of article and archive text and allows no scripts', () => {
  const html = renderTraceHtml(result());
  assert.ok(!html.includes('<script>'));
  assert.ok(!html.includes('<b>'));
  assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
  assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
});

test('the text diff marks record words and article words', () => {
  assert.equal(markDiff(result().quotes[0]?.diff ?? []), `we [-<b>-]{+${HOSTILE}+}`);
});

test('ClaimReview rates each quotation from its verdict', () => {
  const [review] = toClaimReview(result(), { date: '2024-05-01' });
  assert.equal(review?.['@type'], 'ClaimReview');
  assert.equal(review?.claimReviewed, `we ${HOSTILE}`);
  assert.deepEqual((review?.reviewRating as { ratingValue: number }).ratingValue, 2);
  assert.equal(review?.datePublished, '2024-05-01');
});
