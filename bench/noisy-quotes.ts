/**
 * Noisy quotations made from real passages, deterministically: the quote as printed, cut
 * short, and with one to three words changed — what a retelling or a back-translation does to
 * a quote. Shared by bench/relevance.ts and bench/search.ts. Text is generated at run time from
 * ../shared; nothing of it is stored.
 */

export const NOISE_KINDS = ['exact', 'truncated', 'changed-1', 'changed-2', 'changed-3'] as const;
export type NoiseKind = (typeof NOISE_KINDS)[number];

export interface NoisyQuote {
  kind: NoiseKind;
  /** Id (or index) of the passage the quote comes from. */
  source: string;
  text: string;
  /** The source's own words the quote was made from, before any change: what a source must contain. */
  quoted: string;
}

/** Words a quote keeps: about one sentence of a press article. */
const QUOTE_WORDS = 18;
/** Words a truncated quote keeps, from inside the quote. */
const TRUNCATED_WORDS = 9;
/** Passages shorter than this make no useful quote. */
export const MIN_SOURCE_WORDS = 14;
/** Substitutes for changed words: plausible in diplomatic prose, so the change is not free. */
const SUBSTITUTES = ['nation', 'leaders', 'agreement', 'believed', 'country', 'important', 'problem', 'talks', 'government', 'said'];

const WORD = /\S+/g;

/** A small deterministic generator (mulberry32), so every run builds the same quotes. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every noise kind of one quote taken from `text`, or none when the passage is too short. */
export function noisyQuotes(source: string, text: string, next: () => number): NoisyQuote[] {
  const words = text.match(WORD) ?? [];
  if (words.length < MIN_SOURCE_WORDS) return [];
  const start = Math.floor(next() * Math.max(1, words.length - QUOTE_WORDS));
  const quote = words.slice(start, start + QUOTE_WORDS);
  const cutAt = Math.floor(next() * Math.max(1, quote.length - TRUNCATED_WORDS));
  const exact = quote.join(' ');
  const truncated = quote.slice(cutAt, cutAt + TRUNCATED_WORDS).join(' ');
  const out: NoisyQuote[] = [
    { kind: 'exact', source, text: exact, quoted: exact },
    { kind: 'truncated', source, text: truncated, quoted: truncated },
  ];
  for (const changes of [1, 2, 3] as const) {
    const changed = [...quote];
    const positions = new Set<number>();
    while (positions.size < changes) positions.add(Math.floor(next() * changed.length));
    for (const position of positions) changed[position] = SUBSTITUTES[Math.floor(next() * SUBSTITUTES.length)] as string;
    out.push({ kind: `changed-${changes}`, source, text: changed.join(' '), quoted: exact });
  }
  return out;
}

/**
 * Whether a passage is a source of the quote: it holds the quoted words in a row, as the passage
 * the quote was taken from does. The same sentence can stand in many passages (generated passages
 * draw their sentences from one pool, and real archives repeat boilerplate); a search that shows
 * any of them has found the quote's source, and which of several equal passages comes first is
 * a tie, not a measure of the engine.
 */
export function isSourceOf(quote: NoisyQuote, passageText: string): boolean {
  return ` ${(passageText.match(WORD) ?? []).join(' ')} `.includes(` ${quote.quoted} `);
}
