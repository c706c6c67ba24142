/**
 * Runs a postings plan: combines the leaves' posting lists (sorted rowid arrays) into the set
 * of matching passages, keeps those the caller accepts (public, filters), and scores each with
 * bm25 summed over the leaves in leaf order, as FTS5 sums its phrases. Every matching passage
 * is scored, because grouping by document and the facets need all of them; what makes this
 * fast is that it is array work over decoded lists rather than a row per match through SQL.
 */
import { bm25Term, inverseDocumentFrequency } from './bm25.ts';
import type { PostingList } from './codec.ts';
import type { PostingsPlan, TextPlan } from './plan.ts';

export interface EvaluationContext {
  /** The decoded list of each leaf of the plan, live passages only. */
  readonly lists: readonly PostingList[];
  /** Whether a matching passage may be returned (public, and passing the query's filters). */
  readonly accept: (rowid: number) => boolean;
  /** Token count of each passage by rowid: its bm25 document length. */
  readonly tokens: Int32Array;
  /** Passages in the index, and their mean token count: bm25's N and avgdl. */
  readonly rows: number;
  readonly averageTokens: number;
}

export interface Matches {
  readonly rows: Int32Array;
  readonly scores: Float64Array;
}

export function evaluatePlan(plan: PostingsPlan, context: EvaluationContext): Matches {
  const matched = keepAccepted(matchingRows(plan.text, context.lists), context.accept);
  const scores = new Float64Array(matched.length);
  for (const list of context.lists) {
    const idf = inverseDocumentFrequency(context.rows, list.length);
    addLeafScores(list, matched, scores, (frequency, rowid) =>
      bm25Term(idf, frequency, context.tokens[rowid] as number, context.averageTokens),
    );
  }
  return { rows: matched, scores };
}

function matchingRows(plan: TextPlan, lists: readonly PostingList[]): Int32Array {
  switch (plan.kind) {
    case 'leaf':
      return (lists[plan.leaf] as PostingList).rows;
    case 'or':
      return union(plan.any.map((child) => matchingRows(child, lists)));
    case 'and': {
      const sets = plan.all.map((child) => matchingRows(child, lists)).sort((a, b) => a.length - b.length);
      let result = sets[0] as Int32Array;
      for (const set of sets.slice(1)) result = intersect(result, set);
      for (const child of plan.none) {
        if (result.length === 0) break;
        result = subtract(result, matchingRows(child, lists));
      }
      return result;
    }
  }
}

function keepAccepted(rows: Int32Array, accept: (rowid: number) => boolean): Int32Array {
  const kept = new Int32Array(rows.length);
  let length = 0;
  for (const rowid of rows) if (accept(rowid)) kept[length++] = rowid;
  return kept.subarray(0, length);
}

/** Adds `score(frequency, rowid)` of the list's postings to the matched rows that have one. */
function addLeafScores(
  list: PostingList,
  matched: Int32Array,
  scores: Float64Array,
  score: (frequency: number, rowid: number) => number,
): void {
  let at = 0;
  for (let index = 0; index < matched.length; index += 1) {
    const rowid = matched[index] as number;
    at = seek(list.rows, at, rowid);
    if (at >= list.length) break;
    if (list.rows[at] === rowid) scores[index] = (scores[index] as number) + score(list.frequencies[at] as number, rowid);
  }
}

/**
 * The first index at or after `from` whose rowid is at least `target`: galloping, so walking a
 * short list through a long one costs a logarithm per step rather than the long list's length.
 */
export function seek(rows: Int32Array, from: number, target: number): number {
  if (from >= rows.length || (rows[from] as number) >= target) return from;
  let step = 1;
  let low = from;
  let high = from + 1;
  while (high < rows.length && (rows[high] as number) < target) {
    low = high;
    step *= 2;
    high = from + step;
  }
  high = Math.min(high, rows.length);
  while (low + 1 < high) {
    const middle = (low + high) >>> 1;
    if ((rows[middle] as number) < target) low = middle;
    else high = middle;
  }
  return high;
}

export function intersect(small: Int32Array, large: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(small.length, large.length));
  let length = 0;
  let at = 0;
  for (const rowid of small) {
    at = seek(large, at, rowid);
    if (at >= large.length) break;
    if (large[at] === rowid) out[length++] = rowid;
  }
  return out.subarray(0, length);
}

export function subtract(rows: Int32Array, removed: Int32Array): Int32Array {
  const out = new Int32Array(rows.length);
  let length = 0;
  let at = 0;
  for (const rowid of rows) {
    at = seek(removed, at, rowid);
    if (at >= removed.length || removed[at] !== rowid) out[length++] = rowid;
  }
  return out.subarray(0, length);
}

/** Sorted union without duplicates; many lists are marked in a bitmap and read back in order. */
export function union(sets: readonly Int32Array[]): Int32Array {
  const nonEmpty = sets.filter((set) => set.length > 0);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? new Int32Array(0);
  let highest = 0;
  let total = 0;
  for (const set of nonEmpty) {
    highest = Math.max(highest, set[set.length - 1] as number);
    total += set.length;
  }
  const marks = new Uint8Array(highest + 1);
  for (const set of nonEmpty) for (const rowid of set) marks[rowid] = 1;
  const out = new Int32Array(total);
  let length = 0;
  for (let rowid = 0; rowid <= highest; rowid += 1) if (marks[rowid]) out[length++] = rowid;
  return out.subarray(0, length);
}
