import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractClaims, extractDeclaredSources } from '../../src/trace/claims.ts';

const values = (text: string, field: string) =>
  extractClaims(text).filter((c) => c.field === field).map((c) => c.value);

test('dates in English, Russian and German normalise to ISO at their precision', () => {
  assert.deepEqual(values('They met on January 13, 1994, and again in March 1995; by 1996 it was over.', 'date'), ['1994-01-13', '1995-03', '1996']);
  assert.deepEqual(values('Встреча прошла 14 января 1994 года.', 'date'), ['1994-01-14']);
  assert.deepEqual(values('Das Treffen fand am 13. Januar 1994 statt.', 'date').length, 1);
  assert.deepEqual(values('They met on 13 or 14 January 1994.', 'date'), ['1994-01-13']);
});

test('places, people with roles, organisations and the document named', () => {
  const text = 'US President Bill Clinton met Boris Yeltsin at the Novo-Ogarevo residence, according to a declassified memorandum of conversation stored in the National Security Archive.';
  const claims = extractClaims(text);
  const of = (field: string) => claims.filter((c) => c.field === field).map((c) => c.value);
  assert.deepEqual(of('person'), ['Bill Clinton', 'Boris Yeltsin']);
  assert.deepEqual(of('place'), ['Novo-Ogarevo']);
  assert.deepEqual(of('document'), ['memcon']);
  assert.deepEqual(of('organisation'), ['National Security Archive']);
  assert.equal(claims.find((c) => c.field === 'person')?.stated, 'US President Bill Clinton');
});

test('declared sources at the foot of the article', () => {
  assert.deepEqual(extractDeclaredSources('Body text.\n\nSource: Rosbalt\n').map((s) => [s.name, s.cue]), [['Rosbalt', 'Source:']]);
});
