/**
 * Which queries the posting-list engine answers, and how: a normalised query becomes a plan
 * of posting lists to combine (AND, OR, NOT over words and two-word phrases), passage speaker
 * filters, and document filters left to the store. A query the plan cannot express exactly
 * (prefixes, longer phrases, speakers outside the persons authority, NOT or filters inside an
 * OR, no word at all) gets no plan and is answered by the store's full-text engine instead.
 * The split of conjuncts mirrors the SQL compiler's (compile/compiler.ts), so both engines
 * match the same passages.
 */
import { walkNodes } from '../visitor.ts';
import type { QueryNode } from '../ast.ts';

export type TextPlan =
  | { readonly kind: 'leaf'; readonly leaf: number }
  | { readonly kind: 'and'; readonly all: readonly TextPlan[]; readonly none: readonly TextPlan[] }
  | { readonly kind: 'or'; readonly any: readonly TextPlan[] };

export interface PostingsPlan {
  readonly text: TextPlan;
  /** The posting-list key of each leaf: an index term, or two adjacent terms joined by a space. */
  readonly leaves: readonly string[];
  /** Conjuncts about the document (type:, date:, person:, …): the store turns them into a document set. */
  readonly documentFilters: readonly QueryNode[];
  /** Each: the passage's speaker is one of these authority ids. */
  readonly speakers: readonly (readonly string[])[];
}

/** Index terms of a text, in order, as the full-text index tokenizes it. */
export type Tokenize = (text: string) => readonly string[];

/** Terms a leaf may have: one word, or an adjacent pair (the index keeps pairs as their own lists). */
const MAX_LEAF_TERMS = 2;

/** The key of the posting list of adjacent terms `first second`. */
export function pairKey(first: string, second: string): string {
  return `${first} ${second}`;
}

export function planPostings(query: QueryNode, tokenize: Tokenize): PostingsPlan | undefined {
  const leaves: string[] = [];
  const leafOf = (text: string): TextPlan | undefined => {
    const terms = tokenize(text);
    if (terms.length === 0 || terms.length > MAX_LEAF_TERMS) return undefined;
    leaves.push(terms.length === 1 ? (terms[0] as string) : pairKey(terms[0] as string, terms[1] as string));
    return { kind: 'leaf', leaf: leaves.length - 1 };
  };
  const textPlan = (node: QueryNode): TextPlan | undefined => {
    switch (node.kind) {
      case 'term':
        return node.prefix ? undefined : leafOf(node.text);
      case 'phrase':
        return leafOf(node.text);
      case 'or': {
        const any = node.children.map(textPlan);
        return any.every(isPlan) ? { kind: 'or', any } : undefined;
      }
      case 'and': {
        const all: TextPlan[] = [];
        const none: TextPlan[] = [];
        for (const child of node.children) {
          const plan = textPlan(child.kind === 'not' ? child.child : child);
          if (!plan) return undefined;
          (child.kind === 'not' ? none : all).push(plan);
        }
        return all.length > 0 ? { kind: 'and', all, none } : undefined;
      }
      default:
        return undefined;
    }
  };

  const all: TextPlan[] = [];
  const none: TextPlan[] = [];
  const documentFilters: QueryNode[] = [];
  const speakers: (readonly string[])[] = [];
  for (const conjunct of query.kind === 'and' ? query.children : [query]) {
    if (conjunct.kind === 'speaker') {
      if (!conjunct.person_ids?.length) return undefined;
      speakers.push(conjunct.person_ids);
    } else if (isDocumentFilter(conjunct)) {
      documentFilters.push(conjunct);
    } else {
      const negated = conjunct.kind === 'not';
      const plan = textPlan(negated ? conjunct.child : conjunct);
      if (!plan) return undefined;
      (negated ? none : all).push(plan);
    }
  }
  if (all.length === 0) return undefined;
  const text: TextPlan = all.length === 1 && none.length === 0 ? (all[0] as TextPlan) : { kind: 'and', all, none };
  return { text, leaves, documentFilters, speakers };
}

/** A conjunct about the document alone: no words and no speaker anywhere inside it. */
function isDocumentFilter(node: QueryNode): boolean {
  for (const inner of walkNodes(node)) {
    if (inner.kind === 'term' || inner.kind === 'phrase' || inner.kind === 'speaker') return false;
  }
  return true;
}

function isPlan(plan: TextPlan | undefined): plan is TextPlan {
  return plan !== undefined;
}
