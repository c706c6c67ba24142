/**
 * The verdict on a quotation's wording, from its alignment with the record: verbatim (same
 * words), minor (same meaning: grammatical words, word forms, marked elisions, bracketed
 * insertions, a moved word), altered (a content word changed, added or dropped, a negation,
 * number or name changed) or unsupported (the record has nothing like it). Attribution
 * (misattributed) and language (other-language) are decided in index.ts from this and the
 * speaker check.
 */
import type { AlignedPair, Alignment } from './align.ts';
import { isCapitalised, isLight, isNegation, isNumber, type Token } from './text.ts';

export type Verdict = 'verbatim' | 'minor' | 'altered' | 'misattributed' | 'unsupported' | 'other-language';

/** How a report names each verdict. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  verbatim: 'verbatim',
  minor: 'minor variation',
  altered: 'altered',
  misattributed: 'misattributed',
  unsupported: 'unsupported: nothing in the archive resembles it',
  'other-language': 'other language: not aligned',
};

/**
 * Below this similarity the best passage is not the quotation's source: the record does not
 * have it. A one-word change in a 9-word quotation still scores ~0.85; text stitched from
 * shared phrases of the archive (the benchmark's Markov sentences) scores 0.5–0.6.
 */
export const UNSUPPORTED_BELOW = 0.6;
/**
 * A quotation needs this many of its content words found in the passage before it can be
 * supported: the lookup finds any two identifying words in a row, and two are in the record by
 * chance ("very carefully" said of something else in another decade).
 */
export const MIN_MATCHED_CONTENT_WORDS = 3;
/** More grammatical-word changes than this share of the quotation's words is rewording, not variation. */
export const LIGHT_CHANGE_SHARE = 0.2;

/** What differs, as short reasons a report can print ("negation", "number", "word changed"). */
export type Difference =
  | 'negation' | 'number' | 'name' | 'content-word' | 'grammatical-word' | 'word-form' | 'elision' | 'bracket' | 'moved';

export interface WordingVerdict {
  verdict: Extract<Verdict, 'verbatim' | 'minor' | 'altered' | 'unsupported'>;
  differences: Difference[];
}

function tokensOf(pair: AlignedPair): Token[] {
  return [pair.quote?.token, pair.record].filter((token): token is Token => token !== undefined);
}

function differencesOf(pairs: readonly AlignedPair[]): Difference[] {
  const found = new Set<Difference>();
  for (const pair of pairs) {
    const tokens = tokensOf(pair);
    switch (pair.op) {
      case 'same':
        break;
      case 'variant':
        found.add('word-form');
        break;
      case 'elided':
        found.add('elision');
        break;
      case 'inserted':
        found.add('bracket');
        break;
      case 'moved':
        found.add('moved');
        break;
      case 'changed':
      case 'added':
      case 'dropped':
        if (tokens.some(isNegation)) found.add('negation');
        if (tokens.some(isNumber)) found.add('number');
        if (pair.op === 'changed' && pair.record && isCapitalised(pair.record) && !isLight(pair.record)) found.add('name');
        found.add(tokens.every(isLight) ? 'grammatical-word' : 'content-word');
        break;
    }
  }
  return [...found];
}

const ALTERING: ReadonlySet<Difference> = new Set(['negation', 'number', 'name', 'content-word']);

/** Judges the wording of a quotation against its best alignment (undefined: nothing to align with). */
export function judgeWording(alignment: Alignment | undefined): WordingVerdict {
  if (!alignment) return { verdict: 'unsupported', differences: [] };
  const matchedContent = alignment.pairs.filter(
    (pair) => (pair.op === 'same' || pair.op === 'variant' || pair.op === 'moved') && pair.record && !isLight(pair.record),
  ).length;
  if (alignment.similarity < UNSUPPORTED_BELOW || matchedContent < MIN_MATCHED_CONTENT_WORDS) {
    return { verdict: 'unsupported', differences: [] };
  }
  const differences = differencesOf(alignment.pairs);
  const quoteWords = alignment.pairs.filter((pair) => pair.quote && !pair.quote.bracket).length;
  const lightChanges = alignment.pairs.filter(
    (pair) => (pair.op === 'changed' || pair.op === 'added' || pair.op === 'dropped') && tokensOf(pair).every(isLight),
  ).length;
  if (differences.some((difference) => ALTERING.has(difference)) || lightChanges > LIGHT_CHANGE_SHARE * quoteWords) {
    return { verdict: 'altered', differences };
  }
  return { verdict: differences.length === 0 ? 'verbatim' : 'minor', differences };
}
