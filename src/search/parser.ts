/**
 * The query language, parsed by recursive descent into the AST of ast.ts.
 *
 *   query   := or
 *   or      := and ( "OR" and )*
 *   and     := unary ( "AND"? unary )*          adjacent terms are ANDed
 *   unary   := ( "NOT" | "-" ) unary | primary
 *   primary := "(" or ")" | field:value | field:"value" | "phrase" | word | word*
 *
 * Precedence is the usual boolean one (NOT, then AND, then OR), the same as SQLite FTS5 and
 * SQL, so `a b OR c` is `(a AND b) OR c`. Operators are upper case; `and`/`or` are words.
 * Every malformed query raises a QuerySyntaxError saying what is wrong and where.
 *
 * @example
 *   parseQuery('speaker:gorbachev sdi -"star wars" year:1985..1986')
 *   // and(speaker "gorbachev", term "sdi", not(phrase "star wars"), date 1985-01-01..1986-12-31)
 */
import { AndNode, NotNode, OrNode, PhraseNode, TermNode, type QueryNode } from './ast.ts';
import { FIELDS, fieldNamed } from './fields.ts';
import { tokenize, type Token } from './lexer.ts';
import { QuerySyntaxError } from './syntax-error.ts';

/** Deeper nesting is refused so a hostile query cannot exhaust the stack. */
export const MAX_NESTING = 32;
/** Shorter prefixes would expand to a large share of the vocabulary. */
export const MIN_PREFIX_LENGTH = 2;

const PREFIX_MARK = '*';

const REGEXPS = {
  /** A word the index would keep: it has a letter or a digit. */
  indexable: /[\p{L}\p{N}]/u,
  /** `name:` standing alone: a field written with a space before its value. */
  bareField: /^(\p{L}+):$/u,
  prefixMarks: /\*+$/,
};

export function parseQuery(query: string): QueryNode {
  return new Parser(query, tokenize(query)).parse();
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly query: string,
    private readonly tokens: readonly Token[],
  ) {}

  parse(): QueryNode {
    if (this.tokens.length === 0) throw new QuerySyntaxError('the query is empty', 0);
    const node = this.parseOr();
    const rest = this.peek();
    if (rest) {
      if (rest.type === 'close') throw new QuerySyntaxError("')' closes a parenthesis that was never opened", rest.at);
      throw new QuerySyntaxError('unexpected input', rest.at);
    }
    if (!node) throw new QuerySyntaxError('the query has no words to search for', 0);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private next(): Token | undefined {
    const token = this.tokens[this.index];
    this.index += 1;
    return token;
  }

  /** An OR of ANDs; undefined when every operand was punctuation the index ignores. */
  private parseOr(): QueryNode | undefined {
    const children: QueryNode[] = [];
    const first = this.parseAnd();
    if (first) children.push(first);
    while (this.peek()?.type === 'or') {
      const or = this.next() as Token;
      this.requireOperand(or, 'OR');
      const operand = this.parseAnd();
      if (operand) children.push(operand);
    }
    return combine(children, 'or');
  }

  private parseAnd(): QueryNode | undefined {
    const children: QueryNode[] = [];
    const first = this.parseUnary();
    if (first) children.push(first);
    for (;;) {
      const token = this.peek();
      if (token?.type === 'and') {
        this.next();
        this.requireOperand(token, 'AND');
      } else if (!token || !startsOperand(token)) {
        break;
      }
      const operand = this.parseUnary();
      if (operand) children.push(operand);
    }
    return combine(children, 'and');
  }

  private parseUnary(): QueryNode | undefined {
    const token = this.peek();
    if (token?.type === 'not' || token?.type === 'minus') {
      this.next();
      this.requireOperand(token, token.type === 'not' ? 'NOT' : "'-'");
      const operand = this.parseUnary();
      return operand ? NotNode.create({ child: operand }) : undefined;
    }
    return this.parsePrimary();
  }

  private parsePrimary(): QueryNode | undefined {
    const token = this.next();
    if (!token) throw new QuerySyntaxError('the query ends where a term was expected', this.query.length);
    switch (token.type) {
      case 'open':
        return this.parseGroup(token);
      case 'phrase':
        return phrase(token.text, token.at);
      case 'word':
        return word(token.text, token.at);
      case 'field':
        return field(token);
      case 'and':
      case 'or':
        throw new QuerySyntaxError(`${token.type.toUpperCase()} needs a term before it`, token.at);
      case 'close':
        throw new QuerySyntaxError("')' closes a parenthesis that was never opened", token.at);
      default:
        throw new QuerySyntaxError('a term was expected', token.at);
    }
  }

  private parseGroup(open: Token): QueryNode | undefined {
    if (this.peek()?.type === 'close') throw new QuerySyntaxError('empty parentheses', open.at);
    this.depth += 1;
    if (this.depth > MAX_NESTING) throw new QuerySyntaxError(`parentheses nested deeper than ${MAX_NESTING}`, open.at);
    const node = this.parseOr();
    if (this.next()?.type !== 'close') throw new QuerySyntaxError("unclosed '(' (no matching ')')", open.at);
    this.depth -= 1;
    return node;
  }

  /** An operator must be followed by something it can apply to. */
  private requireOperand(operator: Token, name: string): void {
    const following = this.peek();
    if (!following || !startsOperand(following)) {
      throw new QuerySyntaxError(`${name} needs a term after it`, operator.at);
    }
  }
}

function startsOperand(token: Token): boolean {
  return token.type !== 'and' && token.type !== 'or' && token.type !== 'close';
}

function combine(children: QueryNode[], kind: 'and' | 'or'): QueryNode | undefined {
  if (children.length <= 1) return children[0];
  return kind === 'and' ? AndNode.create({ children }) : OrNode.create({ children });
}

function phrase(text: string, at: number): QueryNode | undefined {
  if (text.trim() === '') throw new QuerySyntaxError('empty phrase', at);
  return REGEXPS.indexable.test(text) ? PhraseNode.create({ text, at }) : undefined;
}

function word(text: string, at: number): QueryNode | undefined {
  const bare = REGEXPS.bareField.exec(text);
  if (bare?.[1] && fieldNamed(bare[1])) {
    throw new QuerySyntaxError(`${bare[1]}: needs its value right after the colon`, at);
  }
  const prefix = text.endsWith(PREFIX_MARK);
  const stem = prefix ? text.replace(REGEXPS.prefixMarks, '') : text;
  // Punctuation alone ("—", "&") is not indexed, so it cannot narrow a search: it is ignored.
  if (!REGEXPS.indexable.test(stem)) {
    if (prefix) throw new QuerySyntaxError(`a prefix needs at least ${MIN_PREFIX_LENGTH} letters before '*'`, at);
    return undefined;
  }
  if (prefix && [...stem].length < MIN_PREFIX_LENGTH) {
    throw new QuerySyntaxError(`a prefix needs at least ${MIN_PREFIX_LENGTH} letters before '*'`, at);
  }
  return TermNode.create({ text: stem, prefix, at });
}

function field(token: Extract<Token, { type: 'field' }>): QueryNode {
  const spec = fieldNamed(token.name);
  if (!spec) {
    const known = FIELDS.map((candidate) => `${candidate.name}:`).join(' ');
    throw new QuerySyntaxError(`unknown field '${token.name}:' (fields are ${known})`, token.at);
  }
  return spec.build({ text: token.value, at: token.valueAt, fieldAt: token.at });
}
