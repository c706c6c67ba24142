/**
 * Runs a postings plan: combines the leaves' posting lists (sorted rowid arrays) into the set
 * of matching passages, keeps those the caller accepts (public, filters), and scores each with
 * bm25 summed over the leaves in leaf order, as FTS5 sums its phrases. Every matching passage
 * is scored, because grouping by document and the facets need all of them; what makes this
 * fast is that it is array work over decoded lists rather than a row per match through SQL.
 */
import { inverseDocumentFrequency } from './bm25.ts';
import type { PostingsPlan, TextPlan } from './plan.ts';

/** A decoded list ready to score: ascending rowids and each posting's impact (bm25.ts termImpact). */
export interface ScoredList {
  readonly rows: Int32Array;
  readonly impacts: Float64Array;
}

/** What the evaluation knows of the archive: arrays by passage rowid, read in the hot loops. */
export interface EvaluationContext {
  /** The list of each leaf of the plan (deleted passages may still be in them). */
  readonly lists: readonly ScoredList[];
  /** Live passages holding each leaf, public or not: bm25's document frequency. */
  readonly hits: readonly number[];
  /** Document index + 1 of each passage; 0 for a deleted passage, negative for one never returned (private). */
  readonly documentOf: Int32Array;
  /** When the query filters documents: 1 for each document index it lets through. */
  readonly documents?: Uint8Array;
  /** Speaker code of each passage (0 for none), and for each speaker condition 1 at each code it allows. */
  readonly speakerOf: Int32Array;
  readonly speakers: readonly Uint8Array[];
  /** Passages in the index: bm25's N. */
  readonly rows: number;
}

/**
 * The matching passages. Its arrays are views of buffers the next evaluation reuses: read them
 * before evaluating again. A common word matches hundreds of thousands of passages, and fresh
 * arrays of that size for every query would keep the garbage collector busy mid-search.
 */
export interface Matches {
  readonly rows: Int32Array;
  readonly scores: Float64Array;
  /** The document index (documentOf − 1) of each row, read once here so grouping need not. */
  readonly documents: Int32Array;
}

/** Buffers reused by every evaluation (see Matches); they grow to the largest result seen. */
const buffers = { rows: new Int32Array(0), documents: new Int32Array(0), scores: new Float64Array(0) };

function reserve(length: number): typeof buffers {
  if (buffers.rows.length < length) {
    buffers.rows = new Int32Array(length);
    buffers.documents = new Int32Array(length);
    buffers.scores = new Float64Array(length);
  }
  return buffers;
}

export function evaluatePlan(plan: PostingsPlan, context: EvaluationContext): Matches {
  const idfOf = (leaf: number) => inverseDocumentFrequency(context.rows, context.hits[leaf] as number);
  const only = context.lists.length === 1 ? context.lists[0] : undefined;
  if (plan.text.kind === 'leaf' && only) return keepAccepted(only.rows, context, { impacts: only.impacts, idf: idfOf(0) });
  const matches = keepAccepted(matchingRows(plan.text, context.lists), context);
  context.lists.forEach((list, leaf) => addLeafScores(list, matches.rows, matches.scores, idfOf(leaf)));
  return matches;
}

function matchingRows(plan: TextPlan, lists: readonly ScoredList[]): Int32Array {
  switch (plan.kind) {
    case 'leaf':
      return (lists[plan.leaf] as ScoredList).rows;
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

/**
 * The rows a caller may see (live, public, through the filters) and their documents. Their
 * scores start at 0; for a query of one word or pair (`leaf`, its list's impacts and idf) they are
 * its scores, so that its list is matched and scored in one pass.
 */
function keepAccepted(rows: Int32Array, context: EvaluationContext, leaf?: { impacts: Float64Array; idf: number }): Matches {
  const { documentOf } = context;
  const impacts = leaf?.impacts;
  const idf = leaf?.idf ?? 0;
  const { rows: kept, documents, scores } = reserve(rows.length);
  let length = 0;
  for (let at = 0; at < rows.length; at += 1) {
    const rowid = rows[at] as number;
    const document = documentOf[rowid] ?? 0;
    if (!accepted(context, rowid, document)) continue;
    documents[length] = document - 1;
    scores[length] = impacts ? idf * (impacts[at] as number) : 0;
    kept[length++] = rowid;
  }
  return { rows: kept.subarray(0, length), documents: documents.subarray(0, length), scores: scores.subarray(0, length) };
}

/** Whether a passage (its documentOf value) can be returned: live, public, through the filters. */
function accepted(context: EvaluationContext, rowid: number, document: number): boolean {
  if (document <= 0 || (context.documents !== undefined && context.documents[document - 1] === 0)) return false;
  return context.speakers.length === 0 || speaksAsRequired(context.speakers, context.speakerOf[rowid] as number);
}

function speaksAsRequired(speakers: readonly Uint8Array[], speaker: number): boolean {
  for (const allowed of speakers) if (allowed[speaker] !== 1) return false;
  return true;
}

/**
 * When a list is longer than this many times the rows it is walked against, jumping through it
 * (galloping) beats stepping through it; below, a plain walk is cheaper, since most steps are
 * short and a walk has no search to mispredict.
 */
const GALLOP_RATIO = 16;

/** Adds the list's bm25 contribution to each matched row it holds. */
function addLeafScores(list: ScoredList, matched: Int32Array, scores: Float64Array, idf: number): void {
  const { rows, impacts } = list;
  const gallop = rows.length > GALLOP_RATIO * matched.length;
  const end = rows.length;
  let at = 0;
  for (let index = 0; index < matched.length; index += 1) {
    const rowid = matched[index] as number;
    if (gallop) at = seek(rows, at, rowid);
    else while (at < end && (rows[at] as number) < rowid) at += 1;
    if (at >= end) break;
    if (rows[at] === rowid) {
      scores[index] = (scores[index] as number) + idf * (impacts[at] as number);
      at += 1;
    }
  }
}

/**
 * The first index at or after `from` whose rowid is at least `target`: galloping, so walking a
 * short list through a long one costs a logarithm per step rather than the long list's length.
 */
export function seek(rows: Int32Array, from: number, target: number): number {
  if (from >= rows.length || (rows[from] as number) >= target) return from;
  // Most steps are short (the lists overlap): try the next row before galloping.
  if (from + 1 >= rows.length || (rows[from + 1] as number) >= target) return from + 1;
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

/**
 * A byte per rowid, zero between uses: intersecting lists of similar length marks the shorter
 * one's rows and keeps the longer one's marked rows, two branch-free passes instead of a merge
 * that mispredicts at every step (four times faster on two lists of 300k postings).
 */
let marks = new Uint8Array(0);

function marksThrough(highest: number): Uint8Array {
  if (marks.length <= highest) marks = new Uint8Array(highest + 1);
  return marks;
}

export function intersect(small: Int32Array, large: Int32Array): Int32Array {
  if (small.length === 0 || large.length === 0) return new Int32Array(0);
  if (large.length > GALLOP_RATIO * small.length) return gallopingIntersect(small, large);
  const marked = marksThrough(Math.max(small[small.length - 1] as number, large[large.length - 1] as number));
  for (let index = 0; index < small.length; index += 1) marked[small[index] as number] = 1;
  // One slot past the result: every row is written, and kept by advancing past it when marked.
  const out = new Int32Array(small.length + 1);
  let length = 0;
  for (let index = 0; index < large.length; index += 1) {
    const rowid = large[index] as number;
    out[length] = rowid;
    length += marked[rowid] as number;
  }
  for (let index = 0; index < small.length; index += 1) marked[small[index] as number] = 0;
  return out.subarray(0, length);
}

function gallopingIntersect(small: Int32Array, large: Int32Array): Int32Array {
  const out = new Int32Array(small.length);
  let length = 0;
  let at = 0;
  for (let index = 0; index < small.length; index += 1) {
    const rowid = small[index] as number;
    at = seek(large, at, rowid);
    if (at >= large.length) break;
    if (large[at] === rowid) {
      out[length++] = rowid;
      at += 1;
    }
  }
  return out.subarray(0, length);
}

export function subtract(rows: Int32Array, removed: Int32Array): Int32Array {
  const out = new Int32Array(rows.length);
  let length = 0;
  let at = 0;
  for (let index = 0; index < rows.length; index += 1) {
    const rowid = rows[index] as number;
    at = seek(removed, at, rowid);
    if (at >= removed.length || removed[at] !== rowid) out[length++] = rowid;
  }
  return out.subarray(0, length);
}

/** Sorted union without duplicates: the lists are marked (see `marks`) and read back in order. */
export function union(sets: readonly Int32Array[]): Int32Array {
  const nonEmpty = sets.filter((set) => set.length > 0);
  if (nonEmpty.length <= 1) return nonEmpty[0] ?? new Int32Array(0);
  let highest = 0;
  let total = 0;
  for (const set of nonEmpty) {
    highest = Math.max(highest, set[set.length - 1] as number);
    total += set.length;
  }
  const marked = marksThrough(highest);
  for (const set of nonEmpty) for (let index = 0; index < set.length; index += 1) marked[set[index] as number] = 1;
  const out = new Int32Array(total);
  let length = 0;
  for (let rowid = 0; rowid <= highest; rowid += 1) {
    if (marked[rowid]) {
      marked[rowid] = 0;
      out[length++] = rowid;
    }
  }
  return out.subarray(0, length);
}
