/**
 * Benchmark passages generated deterministically from the real corpus: each generated
 * passage copies the shape of a real one (its speaker, its number of sentences, its
 * document's type and year) and fills it with real sentences drawn from anywhere in the
 * corpus. Vocabulary and word frequencies are therefore the corpus's own. The real passages
 * are read at run time from a store with ../shared ingested; nothing is stored in the repo.
 */
import { random } from './noisy-quotes.ts';

export const ENGINES = ['verbatim', 'fts5', 'minisearch', 'flexsearch', 'lunr', 'orama'] as const;
export type EngineName = (typeof ENGINES)[number];
export const QUERY_CLASSES = ['keyword', 'phrase', 'field', 'faceted'] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];

export interface SourcePassage {
  text: string;
  speaker?: string;
  type: string;
  year?: number;
  place?: string;
}

export interface BenchPassage {
  id: number;
  /** Generated document this passage belongs to. */
  doc: number;
  text: string;
  speaker?: string;
  type: string;
  year: number;
  place: string;
}

/** Passages per generated document: about a FRUS memorandum of conversation. */
export const PASSAGES_PER_DOCUMENT = 50;
/** Sentences a generated passage may have, at most. */
const MAX_SENTENCES = 5;
const SENTENCE = /(?<=[.?!])\s+(?=[A-Z“"])/u;
const DEFAULT_YEAR = 1985;

export function generatePassages(sources: readonly SourcePassage[], count: number, seed: number): BenchPassage[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const shapes = sources.map((source) => ({ source, sentences: Math.min(MAX_SENTENCES, source.text.split(SENTENCE).length) }));
  const sentences = sources.flatMap((source) => source.text.split(SENTENCE)).filter((sentence) => sentence.length > 1);
  const out: BenchPassage[] = [];
  let docShape = pick(sources);
  for (let id = 0; id < count; id += 1) {
    if (id % PASSAGES_PER_DOCUMENT === 0) docShape = pick(sources);
    const shape = pick(shapes);
    const parts: string[] = [];
    for (let index = 0; index < shape.sentences; index += 1) parts.push(pick(sentences));
    out.push({
      id,
      doc: Math.floor(id / PASSAGES_PER_DOCUMENT),
      text: parts.join(' '),
      ...(shape.source.speaker ? { speaker: shape.source.speaker } : {}),
      type: docShape.type,
      year: docShape.year ?? DEFAULT_YEAR,
      place: docShape.place ?? 'Washington',
    });
  }
  return out;
}

/** Timed queries per class (enough that p99 is not simply the slowest query). */
export const QUERIES_PER_CLASS = 100;
/**
 * Untimed queries first, made the same way as the timed ones (single words and pairs alike),
 * so every engine is measured warm on every kind of query it will be timed on.
 */
const WARMUP = 5;
/** The most frequent words are always in the keyword set: they are the slow case. */
export const MOST_FREQUENT_IN_SET = 8;
const VOCABULARY_SAMPLE = 20_000;
const MIN_WORD = 4;
const STOP = new Set('that this with have from they were would said there their what which about been will into them then than when also some more other only very just could should these those does upon'.split(' '));
export const WORD = /\p{L}+/gu;

export interface Query {
  words: string[];
  speaker?: string;
  type?: string;
}

/**
 * The query sets, the same for every engine: words by frequency band, phrases, filters. Each
 * class holds QUERIES_PER_CLASS timed queries followed by WARMUP untimed ones.
 */
export function querySets(passages: readonly BenchPassage[], seed: number): Record<QueryClass, Query[]> {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const df = new Map<string, number>();
  for (const passage of passages.slice(0, VOCABULARY_SAMPLE)) {
    for (const word of new Set(passage.text.toLowerCase().match(WORD) ?? [])) {
      if (word.length >= MIN_WORD && !STOP.has(word)) df.set(word, (df.get(word) ?? 0) + 1);
    }
  }
  const vocabulary = [...df.entries()].sort((a, b) => b[1] - a[1]).map(([word]) => word);
  const frequent = vocabulary.slice(0, MOST_FREQUENT_IN_SET);
  const keyword: Query[] = frequent.map((word) => ({ words: [word] }));
  while (keyword.length < QUERIES_PER_CLASS + WARMUP) {
    // Half single words, half pairs; ranks drawn log-uniformly so every frequency band shows.
    const rank = () => Math.floor(Math.exp(next() * Math.log(vocabulary.length)));
    const first = vocabulary[rank()] as string;
    keyword.push(next() < 0.5 ? { words: [first] } : { words: [first, vocabulary[rank()] as string] });
  }
  const phrase: Query[] = [];
  while (phrase.length < QUERIES_PER_CLASS + WARMUP) {
    const words = (pick(passages).text.toLowerCase().match(WORD) ?? []) as string[];
    const at = Math.floor(next() * Math.max(1, words.length - 2));
    const pair = words.slice(at, at + 2);
    if (pair.length === 2 && pair.some((word) => word.length >= MIN_WORD && !STOP.has(word))) phrase.push({ words: pair });
  }
  const speakers = [...new Set(passages.slice(0, VOCABULARY_SAMPLE).map((p) => p.speaker).filter((s): s is string => Boolean(s)))];
  const types = [...new Set(passages.slice(0, VOCABULARY_SAMPLE).map((p) => p.type))];
  const field = keyword.map((query) => ({ words: query.words.slice(0, 1), speaker: pick(speakers) }));
  const faceted = keyword.map((query) => ({ words: query.words.slice(0, 1), type: pick(types) }));
  return { keyword, phrase, field, faceted };
}
