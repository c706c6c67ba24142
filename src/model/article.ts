/**
 * A secondary source: a news article as read from HTML or text, cleaned, with what was
 * removed kept for audit and what it quotes and claims extracted.
 */

export interface BoilerplateBlock {
  /** Why it was removed ("doubled-title", "related-links", "advertisement", "navigation"). */
  reason: string;
  text: string;
}

export interface DeclaredSource {
  /** As written: "Rosbalt", "RIA Novosti", "the National Security Archive". */
  name: string;
  /** The phrase that declared it ("Source: Rosbalt", "according to"). */
  cue: string;
  offset: number;
}

export type QuotationKind = 'speech' | 'scare' | 'title';

export interface Quotation {
  text: string;
  /** Offset of the quoted text (inside the marks) in Article.text. */
  offset: number;
  length: number;
  /** The opening mark used. */
  mark: string;
  kind: QuotationKind;
  /** The speaker as the article names them ("Yeltsin", "the American president"). */
  speaker?: string;
  /** The attribution cue ("called", "noted", "according to"). */
  cue?: string;
  /** Inside another quotation (a speaker quoting someone, or a scare quote within a quote). */
  nested?: boolean;
  /** The speaker's name when the article names them elsewhere ("the American president" → "Bill Clinton"). */
  speaker_name?: string;
}

export type ClaimField = 'date' | 'place' | 'person' | 'document' | 'source' | 'organisation';

export interface Claim {
  field: ClaimField;
  /** As the article states it. */
  stated: string;
  /** Normalised value (ISO date, place name, person id). */
  value?: string;
  offset: number;
}

export interface Article {
  /** Derived from the URL when there is one, otherwise from the content. */
  id: string;
  url?: string;
  outlet?: string;
  title: string;
  byline?: string;
  /** ISO date or date-time. */
  published?: string;
  language: string;
  text: string;
  boilerplate: BoilerplateBlock[];
  declared_sources: DeclaredSource[];
  quotations: Quotation[];
  claims: Claim[];
  source: { origin: string; format: string };
}
