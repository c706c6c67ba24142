/**
 * Highlighted snippets, made from the stored passage text (the full-text index is contentless
 * and cannot give them back). A word is highlighted when it matches a word of the query the
 * way the index matched it: same Porter stem after folding case and diacritics, or, for
 * `prefix*`, the same beginning. The snippet is plain text; highlights are offsets into it,
 * so every renderer (terminal, HTML with escaping, JSON) marks them its own way.
 */
import { stemmer } from 'stemmer';
import type { QueryNode } from './ast.ts';

export interface Snippet {
  text: string;
  /** [start, end) UTF-16 offsets of highlighted words in `text`. */
  highlights: [number, number][];
}

/** What the snippet highlights: stems of plain words and phrases, and prefixes. */
export interface HighlightTerms {
  stems: ReadonlySet<string>;
  prefixes: readonly string[];
}

/** Words shown around the best-matching region: about two lines of a result list. */
export const SNIPPET_WORDS = 36;
/** The window opens windowWords / LEAD_FRACTION words before its first highlight. */
const LEAD_FRACTION = 6;
/** Elision mark at a cut end of the passage. */
const ELLIPSIS = '…';

const REGEXPS = {
  word: /[\p{L}\p{N}]+/gu,
  marks: /\p{M}+/gu,
};

export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(REGEXPS.marks, '').toLowerCase();
}

/** The words the query looks for, outside any NOT (negated words are never in a hit). */
export function highlightTerms(node: QueryNode): HighlightTerms {
  const stems = new Set<string>();
  const prefixes: string[] = [];
  const collect = (current: QueryNode): void => {
    switch (current.kind) {
      case 'term':
        if (current.prefix) prefixes.push(foldWord(current.text));
        else for (const word of words(current.text)) stems.add(stemmer(foldWord(word.text)));
        return;
      case 'phrase':
        for (const word of words(current.text)) stems.add(stemmer(foldWord(word.text)));
        return;
      case 'and':
      case 'or':
        current.children.forEach(collect);
        return;
      default:
        return;
    }
  };
  collect(node);
  return { stems, prefixes };
}

interface Word {
  text: string;
  start: number;
  end: number;
}

function words(text: string): Word[] {
  return [...text.matchAll(REGEXPS.word)].map((match) => ({
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** Folded words and stems remembered, at most: a result page stems every word of ten passages. */
const WORD_CACHE_LIMIT = 50_000;
const folds = new Map<string, { folded: string; stem: string }>();

/** A word folded and stemmed, remembered: the stemmer's regular expressions cost more than the rest of a search. */
function formsOf(word: string): { folded: string; stem: string } {
  let forms = folds.get(word);
  if (!forms) {
    if (folds.size >= WORD_CACHE_LIMIT) folds.clear();
    const folded = foldWord(word);
    forms = { folded, stem: stemmer(folded) };
    folds.set(word, forms);
  }
  return forms;
}

function matches(word: string, terms: HighlightTerms): boolean {
  const { folded, stem } = formsOf(word);
  if (terms.prefixes.some((prefix) => folded.startsWith(prefix))) return true;
  return terms.stems.has(stem);
}

/**
 * The passage cut to a window of `windowWords` words holding the most highlighted words, the
 * window opening a few words before its first highlight so the match reads in context.
 */
export function makeSnippet(text: string, terms: HighlightTerms, windowWords = SNIPPET_WORDS): Snippet {
  const all = words(text);
  const hit = all.map((word) => matches(word.text, terms));
  const lead = Math.floor(windowWords / LEAD_FRACTION);
  let bestStart = 0;
  let best = -1;
  if (all.length > windowWords) {
    hit.forEach((isHit, index) => {
      if (!isHit) return;
      const start = Math.max(0, Math.min(index - lead, all.length - windowWords));
      const count = hit.slice(start, start + windowWords).filter(Boolean).length;
      if (count > best) {
        best = count;
        bestStart = start;
      }
    });
  }
  const last = Math.min(all.length, bestStart + windowWords) - 1;
  const from = bestStart === 0 ? 0 : (all[bestStart]?.start ?? 0);
  const to = last === all.length - 1 ? text.length : (all[last]?.end ?? text.length);
  const head = from > 0 ? ELLIPSIS : '';
  const tail = to < text.length ? ELLIPSIS : '';
  const shift = head.length - from;
  const highlights: [number, number][] = [];
  for (let index = bestStart; index <= last; index += 1) {
    const word = all[index];
    if (word && hit[index]) highlights.push([word.start + shift, word.end + shift]);
  }
  return { text: head + text.slice(from, to) + tail, highlights };
}

/** The snippet with each highlight wrapped in `open`/`close` (for terminals and plain text). */
export function markSnippet(snippet: Snippet, open: string, close: string): string {
  let out = '';
  let at = 0;
  for (const [start, end] of snippet.highlights) {
    out += snippet.text.slice(at, start) + open + snippet.text.slice(start, end) + close;
    at = end;
  }
  return out + snippet.text.slice(at);
}
