/**
 * Compiles a normalised query tree to SQL and parameters, side by side: user text only ever
 * travels as a parameter (and inside the full-text expression, only as escaped string
 * literals). This class holds what every dialect shares — which parts of the query drive the
 * full-text index, how filters combine, how documents are joined — and leaves to a dialect
 * only what differs: placeholders, the full-text expression syntax, the rank expression, text
 * folding. `fts5-compiler.ts` is the SQLite dialect; a PostgreSQL one overrides the same hooks.
 *
 * The compiled statement yields one row per matching passage: `rowid` (the passage) and
 * `score` (higher is better; 0 when the query has no text part to rank by). Grouping,
 * facets and snippets happen after, in the store's search module.
 */
import { normalizeName } from '../../entities/names.ts';
import type { QueryNode, TermNode } from '../ast.ts';
import { visitNode, type QueryVisitor } from '../visitor.ts';

export interface CompiledQuery {
  sql: string;
  params: unknown[];
  /** True when `score` is a relevance score; false when every row scores 0. */
  ranked: boolean;
}

/** Builds the full-text expression of a dialect from escaped pieces. */
export interface TextDialect {
  term(node: TermNode): string;
  phrase(text: string): string;
  /** Text in the speaker column only: a speaker the persons authority does not know. */
  speaker(name: string): string;
  or(parts: readonly string[]): string;
  /** Every positive part, and none of the negative ones. `positives` is never empty. */
  andNot(positives: readonly string[], negatives: readonly string[]): string;
}

/** Collects parameters and hands out the placeholder that stands for each. */
export class Parameters {
  readonly values: unknown[] = [];

  constructor(private readonly placeholder: (index: number) => string) {}

  add(value: unknown): string {
    this.values.push(value);
    return this.placeholder(this.values.length);
  }
}

export abstract class SearchCompiler {
  protected abstract readonly text: TextDialect;

  /** The placeholder for the n-th parameter (1-based). */
  protected abstract placeholder(index: number): string;
  /** A predicate on passage `p`: it matches the full-text expression behind `param`. */
  protected abstract textPredicate(param: string): string;
  /** A predicate: the folded `column` contains the folded words behind `param` (see foldedWords). */
  protected abstract foldedContains(column: string, param: string): string;
  /** SQL of the last instant of a date column, so partial dates (1986-10) compare as their end. */
  protected abstract dateEnd(column: string): string;
  /** Passages matching the full-text expression behind `param`, ranked, with optional predicates on p, d, c. */
  protected abstract rankedSelect(param: string, predicates: string | undefined): string;
  /** Every public passage satisfying `predicates` (on p, d, c), unranked. */
  protected abstract unrankedSelect(predicates: string): string;
  /** The rowid of every public document satisfying `predicates` (on d, c). */
  protected abstract documentSelect(predicates: string): string;

  /**
   * The documents passing every filter of `filters` (conjuncts about the document only: type,
   * date, person, place, collection, classification and their NOTs), one `rowid` per row.
   */
  compileDocumentFilter(filters: readonly QueryNode[]): CompiledQuery {
    const params = new Parameters((index) => this.placeholder(index));
    const predicates = filters.map((filter) => this.predicate(filter, params));
    return { sql: this.documentSelect(and(predicates)), params: params.values, ranked: false };
  }

  compile(node: QueryNode): CompiledQuery {
    const params = new Parameters((index) => this.placeholder(index));
    const conjuncts = node.kind === 'and' ? node.children : [node];
    const positives: string[] = [];
    const negatives: string[] = [];
    const rest: QueryNode[] = [];
    for (const conjunct of conjuncts) {
      const negated = conjunct.kind === 'not' ? this.textExpression(conjunct.child) : undefined;
      const positive = conjunct.kind === 'not' ? undefined : this.textExpression(conjunct);
      if (positive !== undefined) positives.push(positive);
      else if (negated !== undefined) negatives.push(negated);
      else rest.push(conjunct);
    }
    if (positives.length === 0) {
      // Nothing to drive the full-text index: every conjunct becomes a filter on all passages.
      const predicates = conjuncts.map((conjunct) => this.predicate(conjunct, params));
      return { sql: this.unrankedSelect(and(predicates)), params: params.values, ranked: false };
    }
    const match = params.add(this.text.andNot(positives, negatives));
    const predicates = rest.map((conjunct) => this.predicate(conjunct, params));
    const sql = this.rankedSelect(match, predicates.length > 0 ? and(predicates) : undefined);
    return { sql, params: params.values, ranked: true };
  }

  /**
   * The node as one full-text expression, or undefined when it needs SQL (filters) or cannot
   * stand alone in a full-text expression (a bare NOT).
   */
  protected textExpression(node: QueryNode): string | undefined {
    return visitNode<string | undefined>(node, this.textVisitor);
  }

  private readonly textVisitor: QueryVisitor<string | undefined> = {
    term: (node) => this.text.term(node),
    phrase: (node) => this.text.phrase(node.text),
    speaker: (node) => (node.person_ids?.length === 0 ? this.text.speaker(node.name) : undefined),
    or: (node, visit) => {
      const parts = node.children.map(visit);
      return parts.every(isString) ? this.text.or(parts) : undefined;
    },
    and: (node, visit) => {
      const positives: string[] = [];
      const negatives: string[] = [];
      for (const child of node.children) {
        const part = visit(child.kind === 'not' ? child.child : child);
        if (part === undefined) return undefined;
        (child.kind === 'not' ? negatives : positives).push(part);
      }
      return positives.length > 0 ? this.text.andNot(positives, negatives) : undefined;
    },
    not: () => undefined,
    person: () => undefined,
    place: () => undefined,
    type: () => undefined,
    collection: () => undefined,
    classification: () => undefined,
    date: () => undefined,
  };

  /** The node as an SQL predicate over passage p, its document d and collection c. */
  protected predicate(node: QueryNode, params: Parameters): string {
    return visitNode<string>(node, {
      term: (current) => this.textPredicate(params.add(this.text.term(current))),
      phrase: (current) => this.textPredicate(params.add(this.text.phrase(current.text))),
      and: (current, visit) => {
        // A text-only AND (a NOT b) is one index lookup rather than several.
        const text = this.textExpression(current);
        return text !== undefined ? this.textPredicate(params.add(text)) : and(current.children.map(visit));
      },
      or: (current, visit) => {
        const text = this.textExpression(current);
        return text !== undefined ? this.textPredicate(params.add(text)) : `(${current.children.map(visit).join(' OR ')})`;
      },
      // Unknown (NULL: an undated document under `-date:`) counts as not matching, so NOT keeps it.
      not: (current, visit) => `NOT coalesce(${visit(current.child)}, FALSE)`,
      speaker: (current) => {
        const ids = current.person_ids ?? [];
        if (ids.length === 0) return this.textPredicate(params.add(this.text.speaker(current.name)));
        return `p.speaker_id IN (${ids.map((id) => params.add(id)).join(', ')})`;
      },
      person: (current) => {
        const ids = current.person_ids ?? [];
        if (ids.length === 0) {
          // Not in the authority: documents whose text names it.
          const param = params.add(this.text.phrase(current.name));
          return `d.rowid IN (SELECT p.doc_rowid FROM passages p WHERE ${this.textPredicate(param)})`;
        }
        const list = ids.map((id) => params.add(id)).join(', ');
        return `d.rowid IN (SELECT dp.doc_rowid FROM document_persons dp WHERE dp.person_id IN (${list}))`;
      },
      place: (current) => this.foldedContains('d.place', params.add(foldedWords(current.value))),
      type: (current) => `d.type = ${params.add(current.value)}`,
      collection: (current) =>
        `(d.collection_id = ${params.add(current.value)} OR ${this.foldedContains('c.title', params.add(foldedWords(current.value)))})`,
      classification: (current) => `d.classification = ${params.add(current.value)}`,
      date: (current) => {
        const bounds: string[] = [];
        if (current.to) bounds.push(`d.date_start <= ${params.add(current.to)}`);
        if (current.from) bounds.push(`${this.dateEnd('d.date_end')} >= ${params.add(current.from)}`);
        return bounds.length > 0 ? and(bounds) : 'd.date_start IS NOT NULL';
      },
    });
  }
}

/**
 * The words of a filter value as the folded column is compared with them: folded like a name
 * and padded with spaces, so `place:geneva` matches "Geneva, Switzerland" but not "Genevan".
 */
export function foldedWords(value: string): string {
  return ` ${normalizeName(value)} `;
}

function and(parts: readonly string[]): string {
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' AND ')})`;
}

function isString(value: string | undefined): value is string {
  return value !== undefined;
}
