import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { planPostings } from '../../src/search/postings/plan.ts';
import { normalizeQuery } from '../../src/search/normalize.ts';
import { parseQuery } from '../../src/search/parser.ts';
import type { SqliteStore } from '../../src/store/index.ts';
import { indexTokenizer } from '../../src/store/sqlite/index-tokenizer.ts';
import { searchSqlite } from '../../src/store/sqlite/sqlite-search.ts';
import { openCorpusStore } from '../helpers/corpus-store.ts';
import { sharedSkip } from '../helpers/shared.ts';

const WORD = /\p{L}{3,}/gu;
/** Passages sampled for query words: every STRIDE-th of the corpus. */
const STRIDE = 13;
const FILTERS = ['', 'type:memcon', 'year:1985..1986', 'speaker:gorbachev', 'person:shultz', 'place:geneva', '-type:telcon'];

/** Queries of every shape the posting lists answer, made from the corpus's own words. */
function corpusQueries(texts: readonly string[]): string[] {
  const queries: string[] = [];
  texts.forEach((text, index) => {
    const words = text.match(WORD) ?? [];
    if (words.length < 6) return;
    const [a, b, c] = [words[0], words[Math.floor(words.length / 2)], words.at(-1)] as string[];
    const pair = `"${words[2]} ${words[3]}"`;
    const shapes = [a, `${a} ${b}`, `${a} OR ${c}`, `${b} -${c}`, pair, `(${a} OR ${b}) ${c}`, `${pair} OR ${c}`];
    const filter = FILTERS[index % FILTERS.length] as string;
    queries.push(filter ? `${filter} (${shapes[index % shapes.length]})` : (shapes[index % shapes.length] as string));
  });
  return queries;
}

describe('search: posting lists against FTS5 on the shared corpus', () => {
  test('shared: the same hits, scores, counts and facets for hundreds of corpus queries', { skip: sharedSkip }, async () => {
    const store = (await openCorpusStore()) as SqliteStore;
    const texts = (store.db.prepare('SELECT text FROM passages ORDER BY rowid').pluck().all() as string[]).filter(
      (_, index) => index % STRIDE === 0,
    );
    const queries = corpusQueries(texts);
    assert.ok(queries.length >= 40, `${queries.length} queries`);
    const tokenizer = indexTokenizer(store.db);
    let planned = 0;
    for (const [index, query] of queries.entries()) {
      const normalized = await normalizeQuery(parseQuery(query), async (name) => (await store.findPersons(name)).map((p) => p.id));
      if (planPostings(normalized, (text) => tokenizer.tokens(text)) !== undefined) planned += 1;
      const sort = (['relevance', 'date', 'date-desc'] as const)[index % 3];
      const request = { query, sort, limit: 7, offset: index % 2 === 0 ? 0 : 7 };
      const postings = await searchSqlite(store.db, store, request);
      const fts5 = await searchSqlite(store.db, store, request, { postings: false });
      assert.deepEqual(postings, fts5, query);
    }
    assert.ok(planned >= queries.length * 0.9, `the posting lists answered ${planned} of ${queries.length}`);
  });
});
