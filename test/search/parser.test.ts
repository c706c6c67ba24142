import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isVerbatimError } from '../../src/errors.ts';
import type { QueryNode } from '../../src/search/ast.ts';
import { parseQuery } from '../../src/search/parser.ts';
import { QuerySyntaxError } from '../../src/search/syntax-error.ts';

/** A compact rendering of a tree, so expectations read like the query. */
function show(node: QueryNode): string {
  switch (node.kind) {
    case 'term':
      return node.prefix ? `${node.text}*` : node.text;
    case 'phrase':
      return `"${node.text}"`;
    case 'and':
    case 'or':
      return `${node.kind}(${node.children.map(show).join(', ')})`;
    case 'not':
      return `not(${show(node.child)})`;
    case 'speaker':
    case 'person':
      return `${node.kind}[${node.name}]`;
    case 'date':
      return `date[${node.from ?? ''}..${node.to ?? ''}]`;
    default:
      return `${node.kind}[${node.value}]`;
  }
}

const parse = (query: string) => show(parseQuery(query));

function syntaxError(query: string, offset: number, message: RegExp): void {
  assert.throws(
    () => parseQuery(query),
    (error: unknown) => {
      assert.ok(isVerbatimError(error, 'VBT_ERR_QUERY_SYNTAX'), `code of ${String(error)}`);
      assert.ok(error instanceof QuerySyntaxError);
      assert.equal(error.offset, offset, `offset for ${query}: ${error.message}`);
      assert.match(error.message, message);
      assert.match(error.message, new RegExp(`at character ${offset + 1}$`));
      return true;
    },
  );
}

describe('parser: constructs', () => {
  test('words are ANDed; case and script are kept for the index to fold', () => {
    assert.equal(parse('Gorbachev SDI Ельцин'), 'and(Gorbachev, SDI, Ельцин)');
  });

  test('phrases keep their words together', () => {
    assert.equal(parse('"first country to join" NATO'), 'and("first country to join", NATO)');
  });

  test('boolean precedence is NOT, then AND, then OR', () => {
    assert.equal(parse('a b OR c'), 'or(and(a, b), c)');
    assert.equal(parse('a AND b OR c AND d'), 'or(and(a, b), and(c, d))');
    assert.equal(parse('a NOT b'), 'and(a, not(b))');
    assert.equal(parse('NOT a b'), 'and(not(a), b)');
  });

  test('parentheses group', () => {
    assert.equal(parse('a (b OR c)'), 'and(a, or(b, c))');
    assert.equal(parse('((a))'), 'a');
  });

  test('a leading minus negates a word, phrase, group or field', () => {
    assert.equal(parse('-a -"b c" -(d OR e) -type:memo'), 'and(not(a), not("b c"), not(or(d, e)), not(type[memo]))');
  });

  test('a minus inside a word or standing alone is not an operator', () => {
    assert.equal(parse('U.S.-Soviet'), 'U.S.-Soviet');
    assert.equal(parse('a - b'), 'and(a, b)');
  });

  test('lower-case and/or/not are words', () => {
    assert.equal(parse('war and peace'), 'and(war, and, peace)');
  });

  test('prefix*', () => {
    assert.equal(parse('negotia*'), 'negotia*');
  });

  test('fields with bare and quoted values', () => {
    assert.equal(
      parse('speaker:gorbachev person:"Boris Yeltsin" place:Reykjavik type:memcon collection:frus1981-88v05 classification:secret'),
      'and(speaker[gorbachev], person[Boris Yeltsin], place[Reykjavik], type[memcon], collection[frus1981-88v05], classification[secret])',
    );
  });

  test('field names and enumerated values are case-insensitive; spaces in a level become hyphens', () => {
    assert.equal(parse('TYPE:Memcon classification:"Top Secret"'), 'and(type[memcon], classification[top-secret])');
  });

  test('dates stand for every day they cover', () => {
    assert.equal(parse('date:1986-10'), 'date[1986-10-01..1986-10-31]');
    assert.equal(parse('date:1988-02'), 'date[1988-02-01..1988-02-29]');
    assert.equal(parse('date:1986'), 'date[1986-01-01..1986-12-31]');
    assert.equal(parse('date:1985-11-19..1986-10-12'), 'date[1985-11-19..1986-10-12]');
    assert.equal(parse('date:1986..'), 'date[1986-01-01..]');
    assert.equal(parse('date:..1971-09'), 'date[..1971-09-30]');
    assert.equal(parse('year:1986..1988'), 'date[1986-01-01..1988-12-31]');
  });

  test('pasted text with a colon after a word, or a time, is words', () => {
    assert.equal(parse('Gorbachev: yes at 10:30'), 'and(Gorbachev:, yes, at, 10:30)');
  });

  test('punctuation-only words are ignored like the index ignores them', () => {
    assert.equal(parse('Reagan – Gorbachev'), 'and(Reagan, Gorbachev)');
  });

  test('nodes are frozen', () => {
    const node = parseQuery('a b');
    assert.ok(Object.isFrozen(node));
    assert.throws(() => {
      (node as { kind: string }).kind = 'or';
    });
  });
});

describe('parser: errors say what and where', () => {
  test('empty query', () => syntaxError('   ', 0, /empty/));
  test('nothing searchable', () => syntaxError('— –', 0, /no words/));
  test('unclosed quote points at the opening quote', () => syntaxError('sdi "star wars', 4, /unclosed quote/));
  test('unclosed quote in a field value', () => syntaxError('speaker:"Boris', 8, /unclosed quote/));
  test('unclosed parenthesis points at the opening one', () => syntaxError('a (b OR c', 2, /unclosed '\('/));
  test('stray closing parenthesis', () => syntaxError('a b) c', 3, /never opened/));
  test('empty parentheses', () => syntaxError('a () b', 2, /empty parentheses/));
  test('empty phrase', () => syntaxError('a "" b', 2, /empty phrase/));
  test('operator without a right operand', () => syntaxError('a AND', 2, /AND needs a term after it/));
  test('operator without a left operand', () => syntaxError('OR a', 0, /OR needs a term before it/));
  test('two operators in a row', () => syntaxError('a AND OR b', 2, /AND needs a term after it/));
  test('NOT at the end', () => syntaxError('a NOT', 2, /NOT needs a term after it/));
  test('unknown field lists the known ones', () => syntaxError('a speeker:gorbachev', 2, /unknown field 'speeker:'.*speaker:/));
  test('known field with a space before its value', () => syntaxError('speaker: gorbachev', 0, /right after the colon/));
  test('empty quoted field value', () => syntaxError('person:""', 8, /needs a value/));
  test('unknown type', () => syntaxError('type:memorandum', 5, /not one of memcon/));
  test('unknown classification', () => syntaxError('classification:ultra', 15, /not one of top-secret/));
  test('month out of range', () => syntaxError('date:1986-13', 5, /not a date/));
  test('day out of range', () => syntaxError('date:1986-02-29', 5, /not a date/));
  test('two-digit year', () => syntaxError('year:86', 5, /not a year/));
  test('year field refuses months', () => syntaxError('year:1986-10', 5, /not a year/));
  test('bad end of a range points at that end', () => syntaxError('date:1985..1986-1', 11, /'1986-1' is not a date/));
  test('reversed range', () => syntaxError('date:1987..1986', 5, /ends before it starts/));
  test('range with no ends', () => syntaxError('date:..', 5, /at least one end/));
  test('prefix too short', () => syntaxError('a s*', 2, /prefix needs at least 2/));
  test('nesting too deep', () => syntaxError(`${'('.repeat(40)}a${')'.repeat(40)}`, 32, /nested deeper/));
  test('too long', () => syntaxError('a '.repeat(3000), 4000, /longer than/));
});
