/**
 * The query language: parse → normalise → compile, plus snippets and quotation queries.
 * Stores run searches (Store.search); this module knows no database.
 *
 * @example
 *   const tree = parseQuery('speaker:Ельцин "first country" year:1994');
 *   const ready = await normalizeQuery(tree, async (name) => ids(name));
 *   const { sql, params } = new Fts5Compiler().compile(ready);
 */
export * from './ast.ts';
export { parseQuery, MAX_NESTING, MIN_PREFIX_LENGTH } from './parser.ts';
export { MAX_QUERY_LENGTH } from './lexer.ts';
export { FIELDS, fieldNamed, type FieldSpec } from './fields.ts';
export { QuerySyntaxError } from './syntax-error.ts';
export { visitNode, transformNode, walkNodes, type QueryVisitor } from './visitor.ts';
export { normalizeQuery, simplify, resolveNames, nameResolutions, type NameResolver, type NameResolution } from './normalize.ts';
export { SearchCompiler, Parameters, foldedWords, type CompiledQuery, type TextDialect } from './compile/compiler.ts';
export { Fts5Compiler, FTS5_TEXT, FIELD_WEIGHTS, quoteFts5 } from './compile/fts5-compiler.ts';
export { highlightTerms, makeSnippet, markSnippet, SNIPPET_WORDS, type Snippet } from './snippet.ts';
export * from './types.ts';
