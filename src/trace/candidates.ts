/**
 * Which document an article reports on: each candidate gets evidence (the article's
 * quotations found in it, its people among the document's, its dates and places agreeing with
 * the document's) and a score between 0 and 1 — a logistic combination of that evidence, read
 * as the probability that this is the document. bench/trace.ts measures how well the score is
 * calibrated (reliability table, Brier score). Below NOT_IN_ARCHIVE_BELOW for every candidate,
 * the trace says the archive does not hold the document instead of naming the least-bad one.
 */
import { nameKey } from '../entities/names.ts';
import type { CandidateDocumentRow } from '../store/store.ts';

/** Below this score no candidate is the document: "no matching document in the archive". */
export const NOT_IN_ARCHIVE_BELOW = 0.5;

/**
 * Weights of the logistic score. With no evidence the score is sigmoid(BIAS) ≈ 0.02; one
 * quotation found word for word (≈ +5) makes a document likely on its own; people, a date and
 * a place that all agree make it likely without quotations (an article in another language).
 */
export const SCORE_WEIGHTS = {
  bias: -4,
  /** Best similarity of a supported quotation matched in this document (0–1). */
  quote: 3.5,
  /** Share of the article's traced quotations supported by this document (0–1). */
  quoteShare: 1.5,
  /** Share of the article's resolved people the document names (0–1). */
  persons: 2,
  /** Date agreement (1 day, DATE_CREDIT below otherwise). */
  date: 1.5,
  /** The article names the document's place. */
  place: 1,
} as const;

/** Credit for a date that agrees to the day, the month, the year. */
const DATE_CREDIT = { day: 1, month: 0.6, year: 0.3 } as const;

export interface CandidateEvidence {
  /** Best similarity among the article's supported quotations matched here. */
  quote: number;
  /** How many of the article's traced quotations this document supports. */
  quotes: number;
  /** The article's resolved people this document names. */
  persons: string[];
  /** 'day' | 'month' | 'year' when an article date agrees with the document's. */
  date?: keyof typeof DATE_CREDIT;
  /** The place the article names that the document has. */
  place?: string;
}

export interface ArticleEvidence {
  /** Resolved person ids of everyone the article names or quotes. */
  personIds: readonly string[];
  /** ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) the article states. */
  dates: readonly string[];
  /** Places the article names as places. */
  places: readonly string[];
  /** The article's text: a document's place mentioned in passing ("talks in Geneva") counts too. */
  text: string;
  /** Speech quotations traced (the denominator of quoteShare). */
  tracedQuotes: number;
}

export interface QuoteSupport {
  doc_id: string;
  similarity: number;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

const DATE_LEVELS: readonly [number, keyof typeof DATE_CREDIT][] = [[10, 'day'], [7, 'month'], [4, 'year']];
const REGEXPS = { noYear: /^-+/u } as const;

/**
 * How precisely an article date agrees with a document's date span: to the day, the month or
 * the year ("1994" agrees with 1994-01-13 to the year; "--01-13", a day without a year, to the day).
 */
export function dateAgreement(
  claimed: string, start: string | undefined, end: string | undefined,
): CandidateEvidence['date'] {
  if (!start) return undefined;
  const last = end ?? start;
  if (REGEXPS.noYear.test(claimed)) {
    const monthDay = claimed.replace(REGEXPS.noYear, '');
    return start.slice(5) === monthDay || last.slice(5) === monthDay ? 'day' : undefined;
  }
  for (const [length, level] of DATE_LEVELS) {
    if (claimed.length < length) continue;
    const prefix = claimed.slice(0, length);
    if (prefix >= start.slice(0, length) && prefix <= last.slice(0, length)) return level;
  }
  return undefined;
}

/** Whether a place the article names is the document's place (transliteration and spelling folded). */
export function samePlace(stated: string, recorded: string): boolean {
  const a = nameKey(stated);
  const b = nameKey(recorded);
  return a.length > 0 && b.length > 0 && (a === b || a.includes(b) || b.includes(a));
}

/** Whether the text names the place as a whole word (spelling and script folded). */
export function mentionsPlace(text: string, place: string): boolean {
  const key = nameKey(place);
  return key.length > 0 && ` ${nameKey(text)} `.includes(` ${key} `);
}

export function gatherEvidence(
  candidate: CandidateDocumentRow, article: ArticleEvidence, supports: readonly QuoteSupport[],
): CandidateEvidence {
  const mine = supports.filter((support) => support.doc_id === candidate.doc_id);
  const evidence: CandidateEvidence = {
    quote: Math.max(0, ...mine.map((support) => support.similarity)),
    quotes: mine.length,
    persons: candidate.person_ids.filter((id) => article.personIds.includes(id)),
  };
  let bestDate: CandidateEvidence['date'];
  for (const claimed of article.dates) {
    const agreement = dateAgreement(claimed, candidate.date_start, candidate.date_end);
    if (agreement && (!bestDate || DATE_CREDIT[agreement] > DATE_CREDIT[bestDate])) bestDate = agreement;
  }
  if (bestDate) evidence.date = bestDate;
  const place = candidate.place
    ? article.places.find((stated) => samePlace(stated, candidate.place as string))
      ?? (mentionsPlace(article.text, candidate.place) ? candidate.place : undefined)
    : undefined;
  if (place) evidence.place = place;
  return evidence;
}

/** The calibrated score: how likely the candidate is the document the article reports on. */
export function scoreCandidate(evidence: CandidateEvidence, article: ArticleEvidence): number {
  const w = SCORE_WEIGHTS;
  const personShare = article.personIds.length > 0 ? evidence.persons.length / article.personIds.length : 0;
  const quoteShare = article.tracedQuotes > 0 ? evidence.quotes / article.tracedQuotes : 0;
  const x = w.bias
    + w.quote * evidence.quote
    + w.quoteShare * quoteShare
    + w.persons * personShare
    + w.date * (evidence.date ? DATE_CREDIT[evidence.date] : 0)
    + w.place * (evidence.place ? 1 : 0);
  return sigmoid(x);
}
