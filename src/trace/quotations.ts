/**
 * Quotations in news text, in every convention the news uses: “…” "…" «…» „…“ „…” ‘…’ ‚…‘ ‹…›
 * and Swedish ”…”, nested quotes, quotes that run over several sentences or continue into the
 * next paragraph (a new paragraph reopening the mark), and partial quotes inside a sentence.
 * Each is attributed to a speaker from its cues (attribution.ts) and classified: a speaker's
 * words ('speech'), a scare quote ('scare') or a title or name ('title').
 *
 * ```ts
 * extractQuotations('Yeltsin called it “a kind of cartel” that would unite Europe.');
 * // [{ text: 'a kind of cartel', offset: 18, length: 16, mark: '“', kind: 'speech',
 * //    speaker: 'Yeltsin', cue: 'called' }]
 * ```
 */
import type { Quotation, QuotationKind } from '../model/index.ts';
import { attribute, type Attribution } from './attribution.ts';
import { extractPersonMentions } from './claims.ts';
import { resolveSpeaker } from './speakers.ts';

/** A quotation longer than this is a runaway (an unclosed mark), not a quote. */
export const QUOTE_MAX_CHARS = 2500;
/** Unattributed quotes of at most this many words are scare quotes ("the so-called “peace dividend”"). */
export const SCARE_MAX_WORDS = 4;
/** A title has at least this share of its longer words capitalised ("Why I Offered Russia a Seat"). */
export const TITLE_CAPITALISED_SHARE = 0.7;
/** Words shorter than this do not count for title case ("of", "a", "the"). */
const TITLE_WORD_MIN_LENGTH = 4;

/** For each opening mark, the marks that close it. */
const CLOSERS: Record<string, readonly string[]> = {
  '“': ['”'],
  '„': ['“', '”'],
  '«': ['»'],
  '‹': ['›'],
  '‘': ['’'],
  '‚': ['‘', '’'],
  '"': ['"'],
  '”': ['”'],
};

/** Single marks double as apostrophes: they open and close only at word edges. */
const SINGLE_MARKS = new Set(['‘', '’', '‚']);

const REGEXPS = {
  letterOrDigit: /[\p{L}\p{N}]/u,
  whitespace: /\s+/gu,
  space: /\s/u,
  /** What may stand right before an opening mark: start, space, bracket, dash, another mark. */
  openingContext: /[\s([{\-–—/"“„«‹‘‚]/u,
  paragraphBreak: /\n[ \t]*\n/g,
  wordInQuote: /[\p{L}\p{N}]+/gu,
  capitalised: /^\p{Lu}/u,
  terminalPunctuation: /[.!?…]["”»’]?\s*$/u,
  /** Words just before a quoted title: "an article", "the book", "titled", "headlined". */
  titleCue: /\b(?:article|book|essay|column|op-ed|headline|titled|entitled|headlined|magazine|newspaper|journal|program|programme|operation|film|documentary|report|paper|doctrine|treaty|plan|series|newspaper|издание|газета|журнал|агентство|статья|статье|статью|книга|книге|операция)\s*$/iu,
  /** "so-called", "так называемый": the writer's distance, not a speaker's words. */
  scareCue: /(?:so-called|so called|так называем\p{L}*)\s*$/iu,
} as const;

interface OpenQuote {
  mark: string;
  /** Offset just after the opening mark. */
  start: number;
  depth: number;
  /** Offsets of paragraph-continuation marks inside the quote, to drop from its text. */
  continuations: number[];
}

interface RawQuote {
  mark: string;
  start: number;
  end: number;
  depth: number;
  continuations: number[];
}

function isClosingSingle(text: string, index: number): boolean {
  const next = text.charAt(index + 1);
  const previous = text.charAt(index - 1);
  return previous !== '' && !REGEXPS.space.test(previous) && !REGEXPS.letterOrDigit.test(next);
}

function isOpeningSingle(text: string, index: number): boolean {
  const previous = text.charAt(index - 1);
  const next = text.charAt(index + 1);
  return (previous === '' || REGEXPS.openingContext.test(previous)) && next !== '' && !REGEXPS.space.test(next);
}

/** The marks of the text paired into quotes, innermost first as they close. */
function scanMarks(text: string): RawQuote[] {
  const quotes: RawQuote[] = [];
  const stack: OpenQuote[] = [];
  const paragraphStarts = new Set([...text.matchAll(REGEXPS.paragraphBreak)].map((m) => m.index + m[0].length));
  for (let index = 0; index < text.length; index++) {
    if (paragraphStarts.has(index) && stack.length > 0) {
      // A quote running on into a new paragraph reopens with its mark; otherwise it was never closed.
      const top = stack[stack.length - 1] as OpenQuote;
      if (text.charAt(index) === top.mark && stack.length === 1) {
        top.continuations.push(index);
        continue;
      }
      stack.length = 0;
    }
    const char = text.charAt(index);
    const closesAt = findClosingLevel(stack, char, text, index);
    if (closesAt >= 0) {
      const open = stack[closesAt] as OpenQuote;
      stack.length = closesAt;
      if (index - open.start <= QUOTE_MAX_CHARS) {
        quotes.push({ mark: open.mark, start: open.start, end: index, depth: open.depth, continuations: open.continuations });
      }
      continue;
    }
    if (CLOSERS[char] && (!SINGLE_MARKS.has(char) || isOpeningSingle(text, index))) {
      if (char === '”' && stack.length > 0) continue;
      stack.push({ mark: char, start: index + 1, depth: stack.length, continuations: [] });
    }
  }
  return quotes;
}

/** The stack level this mark closes (the innermost that accepts it), or -1. */
function findClosingLevel(stack: OpenQuote[], char: string, text: string, index: number): number {
  for (let level = stack.length - 1; level >= 0; level--) {
    const open = stack[level] as OpenQuote;
    if (!CLOSERS[open.mark]?.includes(char)) continue;
    if (SINGLE_MARKS.has(char) && !isClosingSingle(text, index)) return -1;
    return level;
  }
  return -1;
}

function quoteText(text: string, raw: RawQuote): string {
  let body = '';
  let cursor = raw.start;
  for (const continuation of raw.continuations) {
    body += text.slice(cursor, continuation);
    cursor = continuation + 1;
  }
  body += text.slice(cursor, raw.end);
  return body.replace(REGEXPS.whitespace, ' ').trim();
}

function isTitleCase(words: string[]): boolean {
  const long = words.filter((word) => word.length >= TITLE_WORD_MIN_LENGTH);
  if (long.length === 0) return words.length > 0 && words.every((word) => REGEXPS.capitalised.test(word));
  return long.filter((word) => REGEXPS.capitalised.test(word)).length / long.length >= TITLE_CAPITALISED_SHARE;
}

/** Speech, scare quote or title, from the quote's shape and what stands before it. */
export function classify(body: string, before: string, attribution: Attribution | undefined): QuotationKind {
  const words = body.match(REGEXPS.wordInQuote) ?? [];
  const endsSentence = REGEXPS.terminalPunctuation.test(body);
  if (REGEXPS.titleCue.test(before) && !endsSentence) return 'title';
  if (REGEXPS.scareCue.test(before)) return 'scare';
  if (attribution) return 'speech';
  if (words.length >= 1 && !endsSentence && isTitleCase(words) && words.length <= 12) return 'title';
  if (words.length <= SCARE_MAX_WORDS) return 'scare';
  return 'speech';
}

/** Every quotation in the text, in reading order, attributed and classified. */
export function extractQuotations(text: string): Quotation[] {
  const raws = scanMarks(text).sort((a, b) => a.start - b.start);
  const quotations: Quotation[] = [];
  const mentions = extractPersonMentions(text);
  let previousSpeech: Quotation | undefined;
  for (const raw of raws) {
    const body = quoteText(text, raw);
    if (body.length === 0) continue;
    const attribution = attribute(text, raw.start - raw.mark.length, raw.end + 1, previousSpeech);
    const before = text.slice(Math.max(0, raw.start - raw.mark.length - 40), raw.start - raw.mark.length);
    const kind = classify(body, before, attribution);
    const quotation: Quotation = { text: body, offset: raw.start, length: raw.end - raw.start, mark: raw.mark, kind };
    if (raw.depth > 0) quotation.nested = true;
    if (kind === 'speech' && attribution) {
      quotation.speaker = attribution.speaker;
      quotation.cue = attribution.cue;
      const name = resolveSpeaker(attribution, raw.start, mentions, previousSpeech?.speaker_name);
      if (name) quotation.speaker_name = name;
    }
    quotations.push(quotation);
    if (kind === 'speech' && raw.depth === 0) previousSpeech = quotation;
  }
  return quotations;
}
