/**
 * The SQLite dialect: FTS5 match expressions over `passages_fts` and bm25 ranking with field
 * weights. Only what differs from the shared compiler is here.
 *
 * User text enters an FTS5 expression only as a double-quoted string with its quotes doubled,
 * which FTS5 reads as literal text to tokenize: no user character can become an operator, a
 * column filter or a NEAR group. The whole expression is then bound as one parameter.
 */
import type { TermNode } from '../ast.ts';
import { SearchCompiler, type TextDialect } from './compiler.ts';

/**
 * bm25 weights, in the column order of passages_fts (heading, body, note, speaker): a word in
 * a heading or in the speaker's name says more about the passage than one in its body; a
 * word in a footnote (archival citations, editors' remarks) says less.
 */
export const FIELD_WEIGHTS = { heading: 3, body: 1, note: 0.4, speaker: 2 } as const;

/** Name of the SQL function (registered by the SQLite search module) that folds text like names. */
export const FOLD_FUNCTION = 'verbatim_fold';

/**
 * The porter stemmer drops up to this many trailing letters that a typed prefix may already
 * contain ("negotia*" must reach the stem "negoti" of "negotiations"), and FTS5 can only
 * prefix-match stems. Prefixes are therefore also tried cut back by 1..PORTER_MAX_STRIP letters,
 * as whole stems.
 */
const PORTER_MAX_STRIP = 3;
/** Cutting a prefix below this length would match unrelated short stems. */
const MIN_CUT_PREFIX = 4;

const REGEXPS = {
  /** A prefix of plain letters, the only kind the stemmer can have shortened. */
  letters: /^\p{L}+$/u,
  marks: /\p{M}+/gu,
  quote: /"/g,
};

export function quoteFts5(text: string): string {
  return `"${text.replace(REGEXPS.quote, '""')}"`;
}

export const FTS5_TEXT: TextDialect = {
  term: (node: TermNode) => (node.prefix ? prefixExpression(node.text) : quoteFts5(node.text)),
  phrase: (text) => quoteFts5(text),
  speaker: (name) => `speaker : ${quoteFts5(name)}`,
  or: (parts) => `(${parts.join(' OR ')})`,
  andNot: (positives, negatives) => {
    const all = positives.length === 1 ? (positives[0] as string) : `(${positives.join(' AND ')})`;
    return negatives.length === 0 ? all : `${all} NOT (${negatives.join(' OR ')})`;
  },
};

function prefixExpression(prefix: string): string {
  const folded = prefix.normalize('NFKD').replace(REGEXPS.marks, '').toLowerCase();
  const alternatives = [`${quoteFts5(folded)} *`];
  if (REGEXPS.letters.test(folded)) {
    const shortest = Math.max(MIN_CUT_PREFIX, folded.length - PORTER_MAX_STRIP);
    for (let length = folded.length - 1; length >= shortest; length -= 1) {
      alternatives.push(quoteFts5(folded.slice(0, length)));
    }
  }
  return alternatives.length === 1 ? (alternatives[0] as string) : `(${alternatives.join(' OR ')})`;
}

const PUBLIC_JOIN = `JOIN documents d ON d.rowid = p.doc_rowid
  JOIN collections c ON c.id = d.collection_id AND c.private = 0`;

export class Fts5Compiler extends SearchCompiler {
  protected readonly text = FTS5_TEXT;

  protected placeholder(): string {
    return '?';
  }

  protected textPredicate(param: string): string {
    return `p.rowid IN (SELECT rowid FROM passages_fts WHERE passages_fts MATCH ${param})`;
  }

  protected foldedContains(column: string, param: string): string {
    return `instr(' ' || ${FOLD_FUNCTION}(${column}) || ' ', ${param}) > 0`;
  }

  protected dateEnd(column: string): string {
    // '~' sorts after digits and '-', so '1986-10~' is at or after every day of October 1986.
    return `(${column} || '~')`;
  }

  protected rankedSelect(param: string, predicates: string | undefined): string {
    const w = FIELD_WEIGHTS;
    const score = `-bm25(passages_fts, ${w.heading}, ${w.body}, ${w.note}, ${w.speaker})`;
    if (predicates === undefined) {
      return `SELECT passages_fts.rowid AS rowid, ${score} AS score FROM passages_fts WHERE passages_fts MATCH ${param}`;
    }
    return `SELECT p.rowid AS rowid, ${score} AS score FROM passages_fts
  JOIN passages p ON p.rowid = passages_fts.rowid ${PUBLIC_JOIN}
  WHERE passages_fts MATCH ${param} AND ${predicates}`;
  }

  protected unrankedSelect(predicates: string): string {
    return `SELECT p.rowid AS rowid, 0 AS score FROM passages p ${PUBLIC_JOIN} WHERE ${predicates}`;
  }

  protected documentSelect(predicates: string): string {
    return `SELECT d.rowid AS rowid FROM documents d
  JOIN collections c ON c.id = d.collection_id AND c.private = 0 WHERE ${predicates}`;
  }
}
