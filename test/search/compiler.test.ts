import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Fts5Compiler } from '../../src/search/compile/fts5-compiler.ts';
import { normalizeQuery, simplify } from '../../src/search/normalize.ts';
import { parseQuery } from '../../src/search/parser.ts';

const compiler = new Fts5Compiler();
/** Resolves "gorbachev" and "Горбачёв" to one id; everything else is unknown. */
const resolver = async (name: string) => (/gorbach/i.test(name) || name === 'Горбачёв' ? ['gorbachev-mikhail'] : []);

async function compile(query: string) {
  return compiler.compile(await normalizeQuery(parseQuery(query), resolver));
}

describe('compiler (FTS5)', () => {
  test('words drive the full-text index as one ranked match parameter', async () => {
    const compiled = await compile('Gorbachev SDI');
    assert.equal(compiled.ranked, true);
    assert.deepEqual(compiled.params, ['("Gorbachev" AND "SDI")']);
    assert.match(compiled.sql, /passages_fts MATCH \?/);
    assert.match(compiled.sql, /-bm25\(passages_fts, 3, 1, 0\.4, 2\)/);
    assert.doesNotMatch(compiled.sql, /JOIN/, 'no filter, no join');
  });

  test('user text never reaches the SQL, and quotes inside phrases are escaped for FTS5', async () => {
    const hostile = `"x"" OR speaker" speaker:"a'); DROP TABLE documents; --" place:x';DELETE`;
    const compiled = await compile(hostile);
    assert.doesNotMatch(compiled.sql, /DROP|DELETE|OR speaker|x'/);
    assert.deepEqual(compiled.params, [
      `("x" AND " OR speaker" AND speaker : "a'); DROP TABLE documents; --")`,
      ' x delete ',
    ]);
  });

  test('a double quote in a word is doubled inside its FTS5 string', async () => {
    const compiled = await compile('a"b"');
    assert.deepEqual(compiled.params, ['("a" AND "b")']);
    const word = compiler.compile(simplify(parseQuery('O\'Neill')));
    assert.deepEqual(word.params, ['"O\'Neill"']);
  });

  test('prefix* also tries the stems the porter stemmer may have cut the prefix to', async () => {
    assert.deepEqual((await compile('negotia*')).params, ['("negotia" * OR "negoti" OR "negot" OR "nego")']);
    assert.deepEqual((await compile('arm*')).params, ['"arm" *'], 'short prefixes are not cut');
    assert.deepEqual((await compile('U.S*')).params, ['"u.s" *'], 'only plain letters are cut');
  });

  test('NOT and -word become FTS5 NOT when a positive word is there', async () => {
    assert.deepEqual((await compile('soviet -union NOT "star wars"')).params, ['"soviet" NOT ("union" OR "star wars")']);
  });

  test('a text-only OR stays inside the match expression', async () => {
    assert.deepEqual((await compile('sdi (laboratory OR testing)')).params, ['("sdi" AND ("laboratory" OR "testing"))']);
  });

  test('filters join the public documents and bind every value', async () => {
    const compiled = await compile('sdi type:memcon classification:secret date:1986-10 place:Reykjavík collection:frus1981-88v05');
    assert.match(compiled.sql, /JOIN collections c ON c\.id = d\.collection_id AND c\.private = 0/);
    assert.match(compiled.sql, /d\.type = \?/);
    assert.match(compiled.sql, /d\.classification = \?/);
    assert.match(compiled.sql, /d\.date_start <= \? AND \(d\.date_end \|\| '~'\) >= \?/);
    assert.match(compiled.sql, /verbatim_fold\(d\.place\)/);
    assert.deepEqual(compiled.params, [
      '"sdi"',
      'memcon',
      'secret',
      '1986-10-31',
      '1986-10-01',
      ' reykjavik ',
      'frus1981-88v05',
      ' frus1981 88v05 ',
    ]);
  });

  test('a resolved speaker filters on the authority id; any script resolves', async () => {
    const compiled = await compile('speaker:Горбачёв sdi');
    assert.match(compiled.sql, /p\.speaker_id IN \(\?\)/);
    assert.deepEqual(compiled.params, ['"sdi"', 'gorbachev-mikhail']);
  });

  test('an unknown speaker is matched against the speaker column of the index', async () => {
    const compiled = await compile('speaker:"Zhou Enlai" taiwan');
    assert.deepEqual(compiled.params, ['(speaker : "Zhou Enlai" AND "taiwan")']);
  });

  test('person: is a document filter through document_persons', async () => {
    const compiled = await compile('person:gorbachev afghanistan');
    assert.match(compiled.sql, /d\.rowid IN \(SELECT dp\.doc_rowid FROM document_persons dp WHERE dp\.person_id IN \(\?\)\)/);
  });

  test('an unknown person: falls back to documents whose text names them', async () => {
    const compiled = await compile('person:"Boris Yeltsin"');
    assert.equal(compiled.ranked, false);
    assert.match(compiled.sql, /d\.rowid IN \(SELECT p\.doc_rowid FROM passages p WHERE p\.rowid IN \(SELECT rowid FROM passages_fts/);
    assert.deepEqual(compiled.params, ['"Boris Yeltsin"']);
  });

  test('a field value without a letter or digit is refused, not matched against empty text', async () => {
    await assert.rejects(compile("place:';"), /place: '';' has no letter or digit at character 7/);
  });

  test('queries without a positive word are unranked scans of public passages', async () => {
    const compiled = await compile('type:memcon -soviet');
    assert.equal(compiled.ranked, false);
    assert.match(compiled.sql, /^SELECT p\.rowid AS rowid, 0 AS score FROM passages p/);
    assert.match(compiled.sql, /NOT coalesce\(p\.rowid IN \(SELECT rowid FROM passages_fts WHERE passages_fts MATCH \?\), FALSE\)/);
  });

  test('an OR of a word and a filter is a predicate with an index subquery', async () => {
    const compiled = await compile('sdi (star OR type:memo)');
    assert.equal(compiled.ranked, true);
    assert.match(compiled.sql, /\(p\.rowid IN \(SELECT rowid FROM passages_fts WHERE passages_fts MATCH \?\) OR d\.type = \?\)/);
    assert.deepEqual(compiled.params, ['"sdi"', '"star"', 'memo']);
  });
});
