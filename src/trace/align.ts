/**
 * Word-level alignment of a quotation with a record passage: where in the passage the
 * quotation sits, and word by word what is the same, what is a variant of the same word, what
 * the article changed, added or dropped. It tolerates what quoting conventions allow: stems
 * ("reduce"/"reduced"), elision marked with … (the record's words in the gap are skipped
 * freely), [bracketed insertions] (cheap against whatever the record has there), and small
 * reorderings (a word dropped here and added there is "moved").
 *
 * The alignment is semi-global: the whole quotation against the best-fitting stretch of the
 * passage (edit distance with free ends in the passage), so the passage can be much longer.
 *
 * ```ts
 * const a = align('Russia should be the first … to join NATO', 'Yeltsin said Russia has to be the first country to join NATO.');
 * a.diff;
 * // [{ op: 'same', quote: 'Russia', record: 'Russia' }, { op: 'changed', quote: 'should', record: 'has to' }, …,
 * //  { op: 'elided', record: 'country' }, { op: 'same', quote: 'to join NATO', record: 'to join NATO' }]
 * ```
 */
import { isLight, isNegation, tokenize, type Token } from './text.ts';

export type DiffOp =
  /** The same word (case, punctuation and quote marks aside). */
  | 'same'
  /** The same stem in another form ("reduce"/"reduced"). */
  | 'variant'
  /** The article's word stands where the record has another. */
  | 'changed'
  /** In the article, not in the record. */
  | 'added'
  /** In the record, not in the article, and no … marks the gap. */
  | 'dropped'
  /** In the record, skipped where the article marks an elision with …. */
  | 'elided'
  /** The article's [bracketed] words, standing in for the record's. */
  | 'inserted'
  /** The same word, at another place in the sentence. */
  | 'moved';

export interface DiffPart {
  op: DiffOp;
  /** The article's words, as written. */
  quote?: string;
  /** The record's words, as written. */
  record?: string;
}

/** One word of the quotation, with what its markup says about it. */
export interface QuoteWord {
  token: Token;
  /** Inside [square brackets]: the quoting writer's words, not the speaker's. */
  bracket: boolean;
  /** An elision mark (…) follows this word. */
  elisionAfter: boolean;
}

/** One step of the alignment, word by word, before adjacent steps are merged into the diff. */
export interface AlignedPair {
  op: DiffOp;
  quote?: QuoteWord;
  record?: Token;
}

export interface Alignment {
  /** Offsets of the aligned stretch in the passage text (end exclusive). */
  span: { start: number; end: number };
  /** Word-by-word steps, in reading order. */
  pairs: AlignedPair[];
  /** Adjacent steps of the same kind merged: what a report shows. */
  diff: DiffPart[];
  /** 0–1: the share of the quotation's and the record stretch's words that correspond. */
  similarity: number;
}

/** Costs of the edit operations. Same word is free; everything else is priced by how much it changes. */
export const COST = {
  /** Another form of the same word: tense, number. */
  variant: 0.3,
  /** Two grammatical words swapped ("the" for "a"). */
  lightSwap: 0.6,
  /** A different word in place of the record's; below add + drop so a swap reads as one change. */
  substitute: 1.2,
  /** A word added or dropped. */
  indel: 1,
  /** A grammatical word added or dropped. */
  lightIndel: 0.5,
  /** A [bracketed] word: the writer's clarification, allowed by convention. */
  bracket: 0.05,
  /** A record word skipped inside a marked elision: nearly free, so elisions can span clauses. */
  elided: 0.01,
} as const;

/** How many record words beyond the aligned stretch a moved word may come from. */
const MOVE_REACH = 6;
/** Similarity credit of a word found in another form, or found at another place. */
const VARIANT_CREDIT = 0.8;
const MOVED_CREDIT = 0.9;
/** Grammatical words weigh half in the similarity: they carry less of what was said. */
const LIGHT_WEIGHT = 0.5;

const REGEXPS = {
  /** Elision marks: …, ..., . . ., optionally bracketed ([…], (...)). */
  elision: /[[(]?\s*(?:…|\.\s?\.\s?\.)\s*[\])]?/gu,
  /** A bracketed insertion. */
  bracket: /\[[^\]]*\]/g,
  /** A letter or digit: a gap between two record words that holds one means they are not adjacent. */
  wordChar: /[\p{L}\p{N}]/u,
} as const;

/** Reads a quotation's words, marking bracketed insertions and where elisions fall. */
export function quoteWords(text: string): QuoteWord[] {
  const elisions = [...text.matchAll(REGEXPS.elision)]
    .filter((match) => match[0].includes('…') || match[0].includes('.'))
    .map((match) => ({ start: match.index, end: match.index + match[0].length }));
  const brackets = [...text.matchAll(REGEXPS.bracket)]
    .map((match) => ({ start: match.index, end: match.index + match[0].length }))
    .filter((range) => !elisions.some((elision) => elision.start >= range.start && elision.end <= range.end));
  const words = tokenize(text).map((token) => ({
    token,
    bracket: brackets.some((range) => token.start >= range.start && token.end <= range.end),
    elisionAfter: false,
  }));
  for (const elision of elisions) {
    const before = words.filter((word) => word.token.end <= elision.start).at(-1);
    if (before) before.elisionAfter = true;
  }
  return words;
}

function weight(token: Token): number {
  return isLight(token) ? LIGHT_WEIGHT : 1;
}

/** `bothLight`: the word and the record's token are both light words. */
function substitutionCost(word: QuoteWord, record: Token, bothLight: boolean): number {
  if (word.token.norm === record.norm) return 0;
  if (word.bracket) return COST.bracket;
  if (word.token.stem === record.stem) return COST.variant;
  if (bothLight) return COST.lightSwap;
  return COST.substitute;
}

function addCost(word: QuoteWord): number {
  if (word.bracket) return COST.bracket;
  return isLight(word.token) ? COST.lightIndel : COST.indel;
}

function dropCost(record: Token): number {
  return isLight(record) ? COST.lightIndel : COST.indel;
}

const enum Step {
  Diagonal = 0,
  Up = 1,
  Left = 2,
}

/**
 * Aligns a quotation with a passage. Returns undefined when either has no words.
 * `recordText` offsets in the result index into `recordText`.
 */
export function align(quote: string | QuoteWord[], recordText: string): Alignment | undefined {
  const words = typeof quote === 'string' ? quoteWords(quote) : quote;
  const record = tokenize(recordText);
  const m = words.length;
  const n = record.length;
  if (m === 0 || n === 0) return undefined;
  const width = n + 1;
  const cost = new Float64Array((m + 1) * width);
  const step = new Uint8Array((m + 1) * width);
  // What depends on one side only is worked out once, not in each of the m × n cells.
  const recordLight = record.map(isLight);
  const drops = Float64Array.from(record, dropCost);
  for (let i = 1; i <= m; i++) {
    const word = words[i - 1] as QuoteWord;
    const add = addCost(word);
    const wordLight = isLight(word.token);
    cost[i * width] = (cost[(i - 1) * width] as number) + add;
    step[i * width] = Step.Up;
    // Dropping record words between quote word i and i+1 is an elision when a mark sits there.
    const elidedHere = word.elisionAfter && i < m;
    for (let j = 1; j <= n; j++) {
      const token = record[j - 1] as Token;
      const diagonal = (cost[(i - 1) * width + j - 1] as number) + substitutionCost(word, token, wordLight && (recordLight[j - 1] as boolean));
      const up = (cost[(i - 1) * width + j] as number) + add;
      const left = (cost[i * width + j - 1] as number) + (elidedHere ? COST.elided : (drops[j - 1] as number));
      let best = diagonal;
      let move = Step.Diagonal;
      if (up < best) {
        best = up;
        move = Step.Up;
      }
      if (left < best) {
        best = left;
        move = Step.Left;
      }
      cost[i * width + j] = best;
      step[i * width + j] = move;
    }
  }
  let end = 0;
  for (let j = 1; j <= n; j++) if ((cost[m * width + j] as number) < (cost[m * width + end] as number)) end = j;
  const pairs = markMoves(traceBack(words, record, step, width, m, end), record);
  return summarise(pairs, recordText);
}

function traceBack(
  words: QuoteWord[], record: Token[], step: Uint8Array, width: number, m: number, end: number,
): AlignedPair[] {
  const pairs: AlignedPair[] = [];
  let i = m;
  let j = end;
  while (i > 0) {
    const move = step[i * width + j] as Step;
    const word = words[i - 1] as QuoteWord;
    if (move === Step.Diagonal) {
      const token = record[j - 1] as Token;
      pairs.push({ op: pairOp(word, token), quote: word, record: token });
      i--;
      j--;
    } else if (move === Step.Up) {
      pairs.push({ op: word.bracket ? 'inserted' : 'added', quote: word });
      i--;
    } else {
      const token = record[j - 1] as Token;
      pairs.push({ op: word.elisionAfter && i < m ? 'elided' : 'dropped', record: token });
      j--;
    }
  }
  return pairs.reverse();
}

function pairOp(word: QuoteWord, record: Token): DiffOp {
  if (word.token.norm === record.norm) return 'same';
  if (word.bracket) return 'inserted';
  if (word.token.stem === record.stem) return 'variant';
  return 'changed';
}

/**
 * A word the article added that the record has nearby — dropped inside the aligned stretch,
 * or just outside it — was moved by the article. The one-sided steps become one 'moved' step
 * where the article put it.
 */
function markMoves(pairs: AlignedPair[], record: readonly Token[]): AlignedPair[] {
  const used = new Set<AlignedPair>();
  const aligned = new Set(pairs.filter((pair) => pair.op !== 'dropped').map((pair) => pair.record));
  const indexes = pairs.map((pair) => (pair.record ? record.indexOf(pair.record) : -1)).filter((i) => i >= 0);
  const nearby = record.slice(Math.max(0, Math.min(...indexes) - MOVE_REACH), Math.max(...indexes) + 1 + MOVE_REACH);
  for (const added of pairs) {
    // A negation in another place changes what was said: never a mere move.
    if (added.op !== 'added' || !added.quote || isNegation(added.quote.token)) continue;
    const stem = added.quote.token.stem;
    const dropped = pairs.find((pair) => pair.op === 'dropped' && !used.has(pair) && pair.record?.stem === stem);
    const outside = dropped ? undefined : nearby.find((token) => !aligned.has(token) && token.stem === stem);
    const token = dropped?.record ?? outside;
    if (!token) continue;
    added.op = 'moved';
    added.record = token;
    aligned.add(token);
    if (dropped) used.add(dropped);
  }
  return pairs.filter((pair) => !used.has(pair));
}

function summarise(pairs: AlignedPair[], recordText: string): Alignment {
  const recordTokens = pairs.map((pair) => pair.record).filter((token): token is Token => token !== undefined);
  const offsets = recordTokens.flatMap((token) => [token.start, token.end]);
  let credit = 0;
  let quoteWeight = 0;
  let recordWeight = 0;
  for (const pair of pairs) {
    if (pair.quote && !pair.quote.bracket) quoteWeight += weight(pair.quote.token);
    if (pair.record && pair.op !== 'elided' && pair.op !== 'inserted') recordWeight += weight(pair.record);
    if (!pair.record) continue;
    const w = weight(pair.record);
    if (pair.op === 'same') credit += w;
    else if (pair.op === 'variant') credit += VARIANT_CREDIT * w;
    else if (pair.op === 'moved') credit += MOVED_CREDIT * w;
  }
  const denominator = Math.max(quoteWeight, recordWeight, Number.EPSILON);
  return {
    span: { start: Math.min(...offsets, recordText.length), end: Math.max(...offsets, 0) },
    pairs,
    diff: mergeParts(pairs, recordText),
    similarity: Math.min(1, credit / denominator),
  };
}

function mergeParts(pairs: AlignedPair[], recordText: string): DiffPart[] {
  const parts: DiffPart[] = [];
  let current: { op: DiffOp; quote: Token[]; record: Token[] } | undefined;
  const flush = () => {
    if (!current) return;
    const part: DiffPart = { op: current.op };
    if (current.quote.length > 0) part.quote = current.quote.map((token) => token.raw).join(' ');
    if (current.record.length > 0) part.record = recordSlice(recordText, current.record);
    parts.push(part);
  };
  for (const pair of pairs) {
    const op = pair.op === 'changed' || pair.op === 'added' || pair.op === 'dropped' ? 'changed' : pair.op;
    const mergeable = current && current.op === op;
    if (!mergeable) {
      flush();
      current = { op, quote: [], record: [] };
    }
    if (pair.quote) current?.quote.push(pair.quote.token);
    if (pair.record) current?.record.push(pair.record);
  }
  flush();
  return parts.map(refineChange);
}

/** A merged change with words on one side only is an addition or a drop. */
function refineChange(part: DiffPart): DiffPart {
  if (part.op !== 'changed') return part;
  if (part.record === undefined) return { op: 'added', quote: part.quote };
  if (part.quote === undefined) return { op: 'dropped', record: part.record };
  return part;
}

/** The record's words as written, punctuation between them included, from first to last. */
function recordSlice(text: string, tokens: Token[]): string {
  const first = tokens[0];
  const last = tokens.at(-1);
  if (!first || !last) return '';
  const contiguous = tokens.every(
    (token, k) => k === 0 || !REGEXPS.wordChar.test(text.slice((tokens[k - 1] as Token).end, token.start)),
  );
  return contiguous ? text.slice(first.start, last.end) : tokens.map((token) => token.raw).join(' ');
}
