import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeQuery } from '../../../src/search/normalize.ts';
import { parseQuery } from '../../../src/search/parser.ts';
import { planPostings } from '../../../src/search/postings/plan.ts';

const tokenize = (text: string) => text.toLowerCase().split(/\W+/).filter(Boolean);
const plan = async (query: string) =>
  planPostings(await normalizeQuery(parseQuery(query), async (name) => (name === 'gorbachev' ? ['gorbachev-m'] : [])), tokenize);

test('words, pairs, AND/OR/NOT, known speakers and document filters get a plan', async () => {
  const planned = await plan('speaker:gorbachev (sdi OR "star wars") -treaty type:memcon -year:1985');
  assert.deepEqual(planned?.leaves, ['sdi', 'star wars', 'treaty']);
  assert.deepEqual(planned?.speakers, [['gorbachev-m']]);
  assert.deepEqual(planned?.documentFilters.map((node) => node.kind), ['type', 'not']);
});

test('what the posting lists cannot answer exactly goes to FTS5', async () => {
  for (const query of ['negotia*', '"first country to join"', 'speaker:nobody sdi', 'sdi OR type:memcon', 'type:memcon', '-sdi']) {
    assert.equal(await plan(query), undefined, query);
  }
});
