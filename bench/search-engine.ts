/**
 * One engine of bench/search.ts, in a process of its own so its peak RSS is its own:
 *
 *   node --import tsx bench/search-engine.ts <engine> <passages> <sources.json> <work dir>
 *
 * Builds the engine's index over the generated passages, runs the query sets, and prints one
 * JSON line: build time, peak RSS, size, latency percentiles per query class, noisy-quote hits.
 * Each engine runs with its documented defaults (tokenizer, stemming); phrases, which only
 * SQLite FTS5 and Verbatim support, are answered by the others as AND plus a substring check
 * of the candidates, the usual workaround.
 */
import { readFileSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import FlexSearch from 'flexsearch';
import lunr from 'lunr';
import { create, insertMultiple, save, search as oramaSearch, type AnyOrama } from '@orama/orama';
import type { SqliteStore } from '../src/store/index.ts';
import { findQuotationSources } from '../src/trace/index.ts';
import { buildVerbatimArchive } from './verbatim-archive.ts';
import { NOISE_KINDS, isSourceOf, noisyQuotes, random, type NoiseKind, type NoisyQuote } from './noisy-quotes.ts';
import {
  generatePassages,
  MOST_FREQUENT_IN_SET,
  QUERIES_PER_CLASS,
  QUERY_CLASSES,
  querySets,
  type Query,
  WORD,
  type BenchPassage,
  type EngineName,
  type QueryClass,
  type SourcePassage,
} from './search-corpus.ts';


const SEED = 7;
const TOP = 10;
/** Passages quoted for the noisy-quote rate. */
const QUOTE_SOURCES = 60;


interface Engine {
  build(passages: readonly BenchPassage[]): Promise<void> | void;
  /** Top passage ids for ANDed words (a phrase when `phrase`), with facets when `facets`. */
  run(query: Query, options: { phrase: boolean; facets: boolean }): Promise<number[]> | number[];
  /** Top passage ids for a noisy quotation. */
  quote(text: string): Promise<number[]> | number[];
  sizeBytes(dir: string): Promise<number | undefined> | number | undefined;
}

function quoteFts(word: string): string {
  return `"${word.replace(/"/g, '""')}"`;
}

function phraseCheck(passages: readonly BenchPassage[], ids: number[], words: string[], phrase: boolean): number[] {
  if (!phrase) return ids.slice(0, TOP);
  const needle = words.join(' ');
  const out: number[] = [];
  for (const id of ids) {
    if (passages[id]?.text.toLowerCase().includes(needle)) out.push(id);
    if (out.length === TOP) break;
  }
  return out;
}

/** Facet counts over every result, as a faceted UI shows them (computed, then discarded). */
function countFacets(passages: readonly BenchPassage[], ids: Iterable<number>): number {
  const types = new Map<string, number>();
  const years = new Map<number, number>();
  for (const id of ids) {
    const passage = passages[id];
    if (!passage) continue;
    types.set(passage.type, (types.get(passage.type) ?? 0) + 1);
    years.set(passage.year, (years.get(passage.year) ?? 0) + 1);
  }
  return types.size + years.size;
}

function dirSize(dir: string): number {
  return readdirSync(dir).reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
}

function verbatimEngine(dir: string): Engine {
  let store: SqliteStore;
  let idOf = new Map<string, number>();
  return {
    async build(passages) {
      ({ store, idOf } = await buildVerbatimArchive(dir, passages));
    },
    async run(query, { phrase, facets }) {
      const words = phrase ? [`"${query.words.join(' ')}"`] : query.words.map(quoteFts);
      const filters = [query.speaker ? `speaker:"${query.speaker}"` : '', query.type ? `type:${query.type}` : ''];
      const result = await store.search({ query: [...filters, ...words].join(' ').trim(), limit: TOP, facets });
      return result.hits.map((hit) => idOf.get(hit.passage_id) ?? -1);
    },
    // What the product does to find a quotation's source: the trace's own lookup.
    async quote(text) {
      const sources = await findQuotationSources(store, text);
      return sources.slice(0, TOP).map((source) => idOf.get(source.hit.passage_id) ?? -1);
    },
    sizeBytes: () => dirSize(dir),
  };
}

function fts5Engine(dir: string): Engine {
  let db: Database.Database;
  let facetTypes: Database.Statement;
  let facetYears: Database.Statement;
  return {
    build(passages) {
      db = new Database(join(dir, 'fts5.sqlite'));
      db.pragma('journal_mode = WAL');
      db.exec(`CREATE VIRTUAL TABLE f USING fts5(text, speaker, type UNINDEXED, year UNINDEXED,
        tokenize = 'porter unicode61 remove_diacritics 2')`);
      const insert = db.prepare('INSERT INTO f (rowid, text, speaker, type, year) VALUES (?, ?, ?, ?, ?)');
      db.transaction(() => {
        for (const p of passages) insert.run(p.id + 1, p.text, p.speaker ?? null, p.type, p.year);
      })();
      facetTypes = db.prepare('SELECT type, count(*) FROM f WHERE f MATCH ? GROUP BY type').raw();
      facetYears = db.prepare('SELECT year, count(*) FROM f WHERE f MATCH ? GROUP BY year').raw();
    },
    run(query, { phrase, facets }) {
      const words = phrase ? [quoteFts(query.words.join(' '))] : query.words.map(quoteFts);
      if (query.speaker) words.push(`speaker : ${quoteFts(query.speaker)}`);
      const match = words.join(' AND ');
      const typeFilter = query.type ? ' AND type = ?' : '';
      const params = query.type ? [match, query.type] : [match];
      const ids = db
        .prepare(`SELECT rowid - 1 FROM f WHERE f MATCH ?${typeFilter} ORDER BY bm25(f) LIMIT ${TOP}`)
        .pluck()
        .all(...params) as number[];
      if (facets) {
        facetTypes.all(match);
        facetYears.all(match);
      }
      return ids;
    },
    quote(text) {
      const words = [...new Set(text.match(WORD) ?? [])].map(quoteFts);
      if (words.length === 0) return [];
      return db.prepare(`SELECT rowid - 1 FROM f WHERE f MATCH ? ORDER BY bm25(f) LIMIT ${TOP}`).pluck().all(words.join(' OR ')) as number[];
    },
    sizeBytes: () => dirSize(dir),
  };
}

function miniSearchEngine(): Engine {
  let index: MiniSearch<BenchPassage>;
  let all: readonly BenchPassage[] = [];
  return {
    build(passages) {
      all = passages;
      index = new MiniSearch<BenchPassage>({ fields: ['text', 'speaker'], storeFields: [] });
      index.addAll(passages);
    },
    run(query, { phrase, facets }) {
      const filter = (result: { id: number }) =>
        (!query.speaker || all[result.id]?.speaker === query.speaker) && (!query.type || all[result.id]?.type === query.type);
      const results = index.search(query.words.join(' '), { combineWith: 'AND', filter });
      const ids = results.map((result) => result.id as number);
      if (facets) countFacets(all, ids);
      return phraseCheck(all, ids, query.words, phrase);
    },
    quote: (text) => index.search(text).slice(0, TOP).map((result) => result.id as number),
    sizeBytes: () => JSON.stringify(index).length,
  };
}

function flexSearchEngine(): Engine {
  let index: InstanceType<typeof FlexSearch.Document>;
  let all: readonly BenchPassage[] = [];
  const merged = (results: { result: (string | number)[] }[], limit: number) => {
    const ids = new Set<number>();
    for (const field of results) for (const id of field.result) ids.add(Number(id));
    return [...ids].slice(0, limit);
  };
  return {
    build(passages) {
      all = passages;
      index = new FlexSearch.Document({ document: { id: 'id', index: ['text', 'speaker'] } });
      for (const passage of passages) index.add(passage as unknown as Parameters<typeof index.add>[0]);
    },
    run(query, { phrase, facets }) {
      const unbounded = phrase || facets || Boolean(query.speaker) || Boolean(query.type);
      const results = index.search(query.words.join(' '), { index: ['text'], limit: unbounded ? all.length : TOP }) as unknown as {
        result: (string | number)[];
      }[];
      let ids = merged(results, unbounded ? all.length : TOP);
      if (query.speaker) ids = ids.filter((id) => all[id]?.speaker === query.speaker);
      if (query.type) ids = ids.filter((id) => all[id]?.type === query.type);
      if (facets) countFacets(all, ids);
      return phraseCheck(all, ids, query.words, phrase);
    },
    quote(text) {
      const results = index.search(text, { index: ['text'], limit: TOP, suggest: true }) as unknown as { result: (string | number)[] }[];
      return merged(results, TOP);
    },
    async sizeBytes() {
      let size = 0;
      await index.export((_key: string, data: string) => {
        size += data?.length ?? 0;
      });
      return size;
    },
  };
}

const LUNR_SPECIAL = /[:^~*+\-]/g;

function lunrEngine(): Engine {
  let index: lunr.Index;
  let all: readonly BenchPassage[] = [];
  return {
    build(passages) {
      all = passages;
      index = lunr(function () {
        this.ref('id');
        this.field('text');
        this.field('speaker');
        for (const passage of passages) this.add(passage);
      });
    },
    run(query, { phrase, facets }) {
      const required = query.words.map((word) => `+${word.replace(LUNR_SPECIAL, ' ')}`).join(' ');
      let ids = index.search(required).map((result) => Number(result.ref));
      if (query.speaker) ids = ids.filter((id) => all[id]?.speaker === query.speaker);
      if (query.type) ids = ids.filter((id) => all[id]?.type === query.type);
      if (facets) countFacets(all, ids);
      return phraseCheck(all, ids, query.words, phrase);
    },
    quote: (text) =>
      index
        .search(text.replace(LUNR_SPECIAL, ' '))
        .slice(0, TOP)
        .map((result) => Number(result.ref)),
    sizeBytes: () => JSON.stringify(index).length,
  };
}

function oramaEngine(): Engine {
  let db: AnyOrama;
  let all: readonly BenchPassage[] = [];
  const ORAMA_BATCH = 1000;
  return {
    async build(passages) {
      all = passages;
      db = create({ schema: { key: 'number', text: 'string', speaker: 'string', type: 'enum', year: 'enum' } as const });
      const docs = passages.map((p) => ({ key: p.id, text: p.text, speaker: p.speaker ?? '', type: p.type, year: p.year }));
      await insertMultiple(db, docs, ORAMA_BATCH);
    },
    async run(query, { phrase, facets }) {
      const where = query.type ? { type: { eq: query.type } } : undefined;
      const unbounded = phrase || Boolean(query.speaker);
      const result = await oramaSearch(db, {
        term: query.words.join(' '),
        properties: ['text'],
        threshold: 0,
        limit: unbounded ? all.length : TOP,
        ...(where ? { where } : {}),
        ...(facets ? { facets: { type: {}, year: {} } } : {}),
      });
      let ids = result.hits.map((hit) => (hit.document as unknown as { key: number }).key);
      if (query.speaker) ids = ids.filter((id) => all[id]?.speaker === query.speaker);
      return phraseCheck(all, ids, query.words, phrase);
    },
    async quote(text) {
      const result = await oramaSearch(db, { term: text, properties: ['text'], limit: TOP });
      return result.hits.map((hit) => (hit.document as unknown as { key: number }).key);
    },
    sizeBytes: () => JSON.stringify(save(db)).length,
  };
}

function engineNamed(name: EngineName, dir: string): Engine {
  switch (name) {
    case 'verbatim':
      return verbatimEngine(dir);
    case 'fts5':
      return fts5Engine(dir);
    case 'minisearch':
      return miniSearchEngine();
    case 'flexsearch':
      return flexSearchEngine();
    case 'lunr':
      return lunrEngine();
    case 'orama':
      return oramaEngine();
  }
}


function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function timed(fn: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function main(): Promise<void> {
  const [name, countText, sourcesFile, dir] = process.argv.slice(2) as [EngineName, string, string, string];
  const sources = JSON.parse(readFileSync(sourcesFile, 'utf8')) as SourcePassage[];
  const passages = generatePassages(sources, Number(countText), SEED);
  const sets = querySets(passages, SEED + 1);
  const next = random(SEED + 2);
  const quotes: NoisyQuote[] = [];
  while (quotes.length < QUOTE_SOURCES * NOISE_KINDS.length) {
    const passage = passages[Math.floor(next() * passages.length)] as BenchPassage;
    quotes.push(...noisyQuotes(String(passage.id), passage.text, next));
  }
  const baselineKb = process.resourceUsage().maxRSS;
  const engine = engineNamed(name, dir);
  const buildMs = await timed(() => engine.build(passages));
  const latency: Record<string, { p50: number; p95: number; p99: number; max: number }> = {};
  for (const queryClass of QUERY_CLASSES) {
    const options = { phrase: queryClass === 'phrase', facets: queryClass === 'faceted' || queryClass === 'keyword' || queryClass === 'phrase' };
    for (const query of sets[queryClass].slice(QUERIES_PER_CLASS)) await engine.run(query, options);
    const times: number[] = [];
    for (const query of sets[queryClass].slice(0, QUERIES_PER_CLASS)) times.push(await timed(() => engine.run(query, options)));
    times.sort((a, b) => a - b);
    latency[queryClass] = { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), max: times.at(-1) ?? 0 };
  }
  const found = Object.fromEntries(NOISE_KINDS.map((kind) => [kind, 0])) as Record<NoiseKind, number>;
  const quoteTimes: number[] = [];
  for (const quote of quotes) {
    let ids: number[] = [];
    quoteTimes.push(await timed(async () => (ids = await engine.quote(quote.text))));
    if (ids.some((id) => passages[id] !== undefined && isSourceOf(quote, (passages[id] as BenchPassage).text))) found[quote.kind] += 1;
  }
  quoteTimes.sort((a, b) => a - b);
  const sizeBytes = await engine.sizeBytes(dir);
  const peakKb = process.resourceUsage().maxRSS;
  process.stdout.write(
    JSON.stringify({
      engine: name,
      passages: passages.length,
      build_ms: buildMs,
      peak_rss_mb: peakKb / 1024,
      engine_rss_mb: (peakKb - baselineKb) / 1024,
      size_bytes: sizeBytes,
      latency,
      quote_p50_ms: percentile(quoteTimes, 50),
      noisy: Object.fromEntries(NOISE_KINDS.map((kind) => [kind, found[kind] / QUOTE_SOURCES])),
      frequent_words: sets.keyword.slice(0, MOST_FREQUENT_IN_SET).map((query) => query.words[0]),
    }) + '\n',
  );
}

await main();
