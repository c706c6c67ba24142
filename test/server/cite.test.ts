/** Citations: the three formats, dates at every precision, and TeX-hostile titles. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cite, formatDate } from '../../src/cite/index.ts';
import { escapeTex } from '../../src/cite/bibtex.ts';
import type { Document } from '../../src/model/index.ts';

function record(overrides: Partial<Document> = {}): Document {
  return {
    id: 'frus-test-d1', collection: { id: 'frus-test', title: 'Foreign Relations, Test Volume' }, type: 'memcon',
    title: 'Memorandum of Conversation', number: '7', date: { start: '1986-10-11', precision: 'day' }, place: 'Reykjavik',
    participants: [], mentions: [], language: 'en', style: 'narrative', text: '', passages: [], turns: [], footnotes: [],
    pages: [], redactions: [], citation: { text: '', url: 'https://example.org/d1' }, source: { origin: 't', format: 't' },
    ...overrides,
  };
}

test('Chicago note: quoted title, place and date, collection, document number, URL', () => {
  assert.equal(cite(record(), 'chicago').text,
    '“Memorandum of Conversation,” Reykjavik, October 11, 1986, Foreign Relations, Test Volume, doc. 7, https://example.org/d1.');
});

test('BibTeX escapes TeX specials so a title cannot break the entry', () => {
  const entry = cite(record({ title: '50% & {more} #1_x' }), 'bibtex').text;
  assert.match(entry, /^@misc\{frus-test-d1,\n {2}title = \{50\\% \\& \\\{more\\\} \\#1\\_x\},\n/);
  assert.match(entry, /\n {2}year = \{1986\},\n {2}month = oct,\n/);
  assert.equal(escapeTex('a\\b~c^'), 'a\\textbackslash{}b\\textasciitilde{}c\\textasciicircum{}');
});

test('CSL-JSON gives date parts at the precision known, ranges as two dates', () => {
  const [item] = JSON.parse(cite(record({ date: { start: '1985-11-19', end: '1985-11-20', precision: 'range' } }), 'csl-json').text);
  assert.deepEqual(item.issued, { 'date-parts': [[1985, 11, 19], [1985, 11, 20]] });
  const [monthly] = JSON.parse(cite(record({ date: { start: '1971-07', precision: 'month' } }), 'csl-json').text);
  assert.deepEqual(monthly.issued, { 'date-parts': [[1971, 7]] });
});

test('dates read as people write them', () => {
  assert.equal(formatDate({ start: '1985-11-19', end: '1985-11-20', precision: 'range' }), 'November 19–20, 1985');
  assert.equal(formatDate({ start: '1986-10-30', end: '1986-11-02', precision: 'range' }), 'October 30–November 2, 1986');
  assert.equal(formatDate({ start: '1971', precision: 'year' }), '1971');
  assert.equal(formatDate(undefined), '');
});
