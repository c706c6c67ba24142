/**
 * Splits a query string into tokens, each with the offset it starts at. The lexer knows the
 * surface syntax only: words, "phrases", parentheses, the operators AND/OR/NOT (upper case),
 * a leading `-`, and `field:value` pairs. What the values mean is fields.ts's business.
 */
import { QuerySyntaxError } from './syntax-error.ts';

export type Token =
  | { type: 'word'; text: string; at: number }
  | { type: 'phrase'; text: string; at: number }
  | { type: 'field'; name: string; value: string; quoted: boolean; at: number; valueAt: number }
  | { type: 'and' | 'or' | 'not' | 'minus' | 'open' | 'close'; at: number };

/** Longer queries are refused: nobody types them, and they bound the work a query can ask for. */
export const MAX_QUERY_LENGTH = 4000;

const OPERATORS: Readonly<Record<string, 'and' | 'or' | 'not'>> = { AND: 'and', OR: 'or', NOT: 'not' };

const REGEXPS = {
  space: /\s/u,
  /** Where a bare word ends. */
  wordEnd: /[\s()"]/u,
  /** `name:` at the start of a word; the name is letters only, so `10:30` stays a word. */
  fieldName: /^(\p{L}+):/u,
};

export function tokenize(query: string): Token[] {
  if (query.length > MAX_QUERY_LENGTH) {
    throw new QuerySyntaxError(`query is longer than ${MAX_QUERY_LENGTH} characters`, MAX_QUERY_LENGTH);
  }
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const char = query.charAt(i);
    if (REGEXPS.space.test(char)) {
      i += 1;
    } else if (char === '(' || char === ')') {
      tokens.push({ type: char === '(' ? 'open' : 'close', at: i });
      i += 1;
    } else if (char === '"') {
      const phrase = readPhrase(query, i);
      tokens.push({ type: 'phrase', text: phrase.text, at: i });
      i = phrase.end;
    } else if (char === '-' && startsOperand(query.charAt(i + 1))) {
      tokens.push({ type: 'minus', at: i });
      i += 1;
    } else {
      i = readWord(query, i, tokens);
    }
  }
  return tokens;
}

/** A `-` negates only when something it can negate follows it directly ("-word", "-(…)"). */
function startsOperand(next: string): boolean {
  return next !== '' && next !== ')' && next !== '-' && !REGEXPS.space.test(next);
}

function readPhrase(query: string, start: number): { text: string; end: number } {
  const close = query.indexOf('"', start + 1);
  if (close < 0) throw new QuerySyntaxError('unclosed quote (the phrase opened here never ends)', start);
  return { text: query.slice(start + 1, close), end: close + 1 };
}

function readWord(query: string, start: number, tokens: Token[]): number {
  let end = start;
  while (end < query.length && !REGEXPS.wordEnd.test(query.charAt(end))) end += 1;
  const text = query.slice(start, end);
  const operator = OPERATORS[text];
  if (operator) {
    tokens.push({ type: operator, at: start });
    return end;
  }
  const field = REGEXPS.fieldName.exec(text);
  if (field?.[1]) {
    const name = field[1];
    const valueAt = start + field[0].length;
    if (valueAt < end) {
      tokens.push({ type: 'field', name, value: text.slice(field[0].length), quoted: false, at: start, valueAt });
      return end;
    }
    if (query.charAt(end) === '"') {
      const phrase = readPhrase(query, end);
      tokens.push({ type: 'field', name, value: phrase.text, quoted: true, at: start, valueAt: end + 1 });
      return phrase.end;
    }
    // "said:" followed by a space is punctuation in pasted text, not a field; fields.ts
    // still refuses a known field name written that way, so `speaker: x` is never misread.
  }
  tokens.push({ type: 'word', text, at: start });
  return end;
}
