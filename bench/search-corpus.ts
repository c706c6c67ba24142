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
