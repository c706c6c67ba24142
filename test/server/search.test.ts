/** Search over HTTP on the real corpus: the API, and the page whose URL holds the state. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { JSDOM } from 'jsdom';
import { composeQuery } from '../../src/server/views/search.ts';
import { sharedSkip } from '../helpers/shared.ts';
import { corpusServer } from './helpers.ts';

describe('search over HTTP on the shared corpus', { skip: sharedSkip }, () => {
  let app: FastifyInstance;
  before(async () => {
    ({ app } = await corpusServer());
  });
  after(() => app.close());

  test('shared: GET /api/search returns the search library result, paged', async () => {
    const response = await app.inject('/api/search?q=SDI&limit=3');
    assert.equal(response.statusCode, 200);
    const result = response.json();
    assert.ok(result.total >= 5, `SDI is discussed in several records (got ${result.total})`);
    assert.equal(result.hits.length, 3);
    for (const hit of result.hits) {
      const [start, end] = hit.highlights[0];
      assert.equal(hit.snippet.slice(start, end).toUpperCase(), 'SDI');
    }
    assert.ok(result.facets.year['1985'] > 0);
    assert.equal(result.persons['gorbachev-mikhail'], 'Mikhail S. Gorbachev');
    const next = (await app.inject('/api/search?q=SDI&limit=3&offset=3')).json();
    assert.notDeepEqual(next.hits.map((h: { doc_id: string }) => h.doc_id), result.hits.map((h: { doc_id: string }) => h.doc_id));
  });

  test('shared: a malformed query is a 400 that says what and where', async () => {
    const response = await app.inject('/api/search?q=%22unbalanced');
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.code, 'VBT_ERR_QUERY_SYNTAX');
    assert.match(response.json().error.message, /quot|"/i);
  });

  test('shared: limits are enforced by schema with the allowed range in the message', async () => {
    const response = await app.inject('/api/search?q=geneva&limit=1000');
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().error.message, 'invalid request: querystring.limit must be <= 100');
    assert.equal((await app.inject('/api/search')).json().error.message, 'invalid request: querystring needs the field "q"');
  });

  test('facet selections become field clauses, the words kept together', () => {
    assert.equal(composeQuery({ q: 'SDI OR INF', filters: { type: 'memcon', place: 'Hofdi House' }, sort: 'relevance', page: 1 }),
      '(SDI OR INF) type:memcon place:"Hofdi House"');
    assert.equal(composeQuery({ q: '', filters: { year: '1986' }, sort: 'relevance', page: 1 }), 'year:1986');
  });

  test('shared: the search page combines facets through its URL and highlights snippets', async () => {
    const response = await app.inject({ url: '/search?q=SDI&type=memcon&year=1986', headers: { accept: 'text/html' } });
    assert.equal(response.statusCode, 200);
    const { document } = new JSDOM(response.body).window;
    const hits = document.querySelectorAll('li.hit');
    assert.ok(hits.length > 0);
    for (const mark of document.querySelectorAll('.snippet mark')) assert.equal(mark.textContent?.toUpperCase(), 'SDI');
    const chips = [...document.querySelectorAll('.chips a')].map((a) => a.textContent?.replace(/\s+/g, ' ').trim());
    assert.deepEqual(chips, ['Kind of record: Memorandum of conversation ×', 'Year: 1986 ×']);
    // Removing one facet keeps the other and the words.
    const removeYear = document.querySelector('.chips a[href*="type=memcon"]:not([href*="year="])');
    assert.equal(removeYear?.getAttribute('href'), '/search?q=SDI&type=memcon');
    const twin = (await app.inject('/search.json?q=SDI&type=memcon&year=1986')).json();
    assert.equal(twin.query, '(SDI) type:memcon year:1986');
    assert.equal(hits.length, twin.hits.length);
    for (const hit of twin.hits) assert.equal(hit.type, 'memcon');
  });

  test('shared: sort and paging are links that keep the rest of the state', async () => {
    // "President" is in more records than one page shows.
    const body = (await app.inject({ url: '/search?q=President&sort=date-desc', headers: { accept: 'text/html' } })).body;
    const { document } = new JSDOM(body).window;
    assert.equal(document.querySelector('.sort a')?.getAttribute('href'), '/search?q=President');
    assert.equal(document.querySelector('.pagination a[rel="next"]')?.getAttribute('href'), '/search?q=President&sort=date-desc&page=2');
    const second = (await app.inject('/search.json?q=President&sort=date-desc&page=2')).json();
    assert.equal(second.state.page, 2);
    assert.ok(second.hits.length > 0);
    assert.equal(second.prev_url, '/search.json?q=President&sort=date-desc');
  });

  test('shared: the person page lists their records and their words in date order', async () => {
    const data = (await app.inject('/persons/gorbachev-mikhail.json')).json();
    assert.equal(data.person.name, 'Mikhail S. Gorbachev');
    assert.ok(data.documents.total >= 10);
    assert.ok(data.turns.items.length > 50);
    const dates = data.turns.items.map((t: { date?: string }) => t.date ?? '');
    assert.deepEqual(dates, [...dates].sort(), 'turns are in date order');
    const html = (await app.inject({ url: '/persons/gorbachev-mikhail', headers: { accept: 'text/html' } })).body;
    assert.match(html, /<h1>Mikhail S\. Gorbachev<\/h1>/);
    assert.ok(html.includes(`href="/documents/${data.turns.items[0].doc_id}#p${data.turns.items[0].n}"`));
  });
});
