/**
 * schema.org ClaimReview JSON-LD for a trace: one review per traced quotation, rated on a
 * 1–5 scale from the verdict, with the record passage as the evidence the review cites.
 */
import type { TraceResult } from './index.ts';
import type { Verdict } from './verdict.ts';

/** Ratings on schema.org's 1 (false) to 5 (true) scale; undefined leaves the quotation unrated. */
const RATINGS: Record<Verdict, { value: number; name: string } | undefined> = {
  verbatim: { value: 5, name: 'Accurate quotation' },
  minor: { value: 4, name: 'Accurate in substance, minor variation' },
  altered: { value: 2, name: 'Altered quotation' },
  misattributed: { value: 1, name: 'Misattributed' },
  unsupported: { value: 1, name: 'Not found in the record' },
  'other-language': undefined,
};

export interface ClaimReviewOptions {
  /** Who publishes the review (schema.org author). */
  author?: string;
  /** When the review is published (ISO date); defaults to now. */
  date?: string;
}

export function toClaimReview(result: TraceResult, options: ClaimReviewOptions = {}): Record<string, unknown>[] {
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  return result.quotes.map((quote) => {
    const rating = RATINGS[quote.verdict];
    const review: Record<string, unknown> = {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      datePublished: date,
      author: { '@type': 'Organization', name: options.author ?? 'Verbatim' },
      claimReviewed: quote.text,
      itemReviewed: {
        '@type': 'Claim',
        author: quote.speaker_name ?? quote.speaker ? { '@type': 'Person', name: quote.speaker_name ?? quote.speaker } : undefined,
        appearance: { '@type': 'CreativeWork', headline: result.article.title, url: result.article.url },
      },
      reviewBody: quote.match
        ? `${quote.label}. The record (${quote.match.doc_id}, ${quote.match.passage_id}) says: “${quote.match.text}”${quote.note ? ` (${quote.note})` : ''}`
        : `${quote.label}.`,
    };
    if (rating) {
      review.reviewRating = { '@type': 'Rating', ratingValue: rating.value, bestRating: 5, worstRating: 1, alternateName: rating.name };
    }
    return JSON.parse(JSON.stringify(review)) as Record<string, unknown>;
  });
}
