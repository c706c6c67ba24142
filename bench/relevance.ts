/**
 * Search quality on the real corpus: nDCG@10 and MRR over the judged queries of
 * relevance-judgments.json, by query kind, and the noisy-quote top-10 hit rate (a source
 * passage, one holding the quoted words, among the first 10 the trace's quotation lookup gives)
 * for exact, truncated and altered quotes.
 *
 *   node --import tsx bench/relevance.ts [--json] [--verbose]
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestPaths } from '../src/ingest/pipeline.ts';
import { SqliteStore } from '../src/store/index.ts';
import { findQuotationSources } from '../src/trace/index.ts';
import { FRUS_DIR, tempDir } from '../test/helpers/shared.ts';
import { NOISE_KINDS, isSourceOf, noisyQuotes, random, type NoiseKind } from './noisy-quotes.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const CUTOFF = 10;
/** Quotes taken per run: every passage long enough, sampled down to this many. */
const QUOTE_SOURCES = 300;
const SEED = 1994;

interface Judged {
  kind: string;
  query: string;
  relevant: Record<string, number>;
}

interface Judgments {
  prefixes: Record<string, string>;
  queries: Judged[];
}

function loadJudgments(): Judged[] {
  const raw = JSON.parse(readFileSync(join(HERE, 'relevance-judgments.json'), 'utf8')) as Judgments;
  const expand = (short: string) => {
    const prefix = raw.prefixes[short.charAt(0)];
    if (!prefix) throw new Error(`unknown id prefix in ${short}`);
    return prefix + short.slice(1);
  };
  return raw.queries.map((judged) => ({
    ...judged,
    relevant: Object.fromEntries(Object.entries(judged.relevant).map(([id, grade]) => [expand(id), grade])),
  }));
}

/** nDCG@k with exponential gain (2^grade − 1) and log2 discount. */
export function ndcg(ranked: readonly string[], relevant: Record<string, number>, k = CUTOFF): number {
  const dcg = (grades: number[]) => grades.reduce((sum, grade, index) => sum + (2 ** grade - 1) / Math.log2(index + 2), 0);
  const actual = dcg(ranked.slice(0, k).map((id) => relevant[id] ?? 0));
  const ideal = dcg(Object.values(relevant).sort((a, b) => b - a).slice(0, k));
  return ideal === 0 ? 0 : actual / ideal;
}

export function reciprocalRank(ranked: readonly string[], relevant: Record<string, number>): number {
  const index = ranked.findIndex((id) => (relevant[id] ?? 0) > 0);
  return index < 0 ? 0 : 1 / (index + 1);
}

const mean = (values: number[]) => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const verbose = process.argv.includes('--verbose');
  const store = new SqliteStore(tempDir('verbatim-relevance-'));
  await ingestPaths(store, [FRUS_DIR]);

  const perQuery: { kind: string; query: string; ndcg: number; mrr: number }[] = [];
  for (const judged of loadJudgments()) {
    const result = await store.search({ query: judged.query, limit: CUTOFF, facets: false });
    const ranked = result.hits.map((hit) => hit.doc_id);
    perQuery.push({ kind: judged.kind, query: judged.query, ndcg: ndcg(ranked, judged.relevant), mrr: reciprocalRank(ranked, judged.relevant) });
  }

  const everyPassage = store.db.prepare(`SELECT id, text, kind FROM passages ORDER BY rowid`).all() as { id: string; text: string; kind: string }[];
  const textOf = new Map(everyPassage.map((passage) => [passage.id, passage.text]));
  const passages = everyPassage.filter((passage) => passage.kind === 'paragraph' || passage.kind === 'quote');
  const next = random(SEED);
  const quotes = passages
    .filter(() => next() < QUOTE_SOURCES / passages.length)
    .flatMap((passage) => noisyQuotes(passage.id, passage.text, next));
  const hits = new Map<NoiseKind, { found: number; total: number }>(NOISE_KINDS.map((kind) => [kind, { found: 0, total: 0 }]));
  // What tracing does to find a quotation's source: its own lookup (fingerprints, then alignment).
  for (const quote of quotes) {
    const tally = hits.get(quote.kind) as { found: number; total: number };
    tally.total += 1;
    const sources = (await findQuotationSources(store, quote.text)).slice(0, CUTOFF);
    if (sources.some((source) => isSourceOf(quote, textOf.get(source.hit.passage_id) ?? ''))) tally.found += 1;
  }
  await store.close();

  const kinds = [...new Set(perQuery.map((row) => row.kind))];
  const byKind = kinds.map((kind) => {
    const rows = perQuery.filter((row) => row.kind === kind);
    return { kind, queries: rows.length, ndcg: mean(rows.map((r) => r.ndcg)), mrr: mean(rows.map((r) => r.mrr)) };
  });
  const overall = { queries: perQuery.length, ndcg: mean(perQuery.map((r) => r.ndcg)), mrr: mean(perQuery.map((r) => r.mrr)) };
  const noisy = Object.fromEntries([...hits].map(([kind, { found, total }]) => [kind, { found, total, rate: total ? found / total : 0 }]));

  if (json) {
    process.stdout.write(JSON.stringify({ overall, by_kind: byKind, noisy_quotes: noisy, queries: perQuery }) + '\n');
    return;
  }
  const f = (value: number) => value.toFixed(3);
  console.log(`judged queries: ${overall.queries}   nDCG@${CUTOFF} ${f(overall.ndcg)}   MRR ${f(overall.mrr)}\n`);
  console.log('| kind | queries | nDCG@10 | MRR |\n| --- | ---: | ---: | ---: |');
  for (const row of byKind) console.log(`| ${row.kind} | ${row.queries} | ${f(row.ndcg)} | ${f(row.mrr)} |`);
  console.log(`\nnoisy quotes (a passage holding the quoted words among the trace's first ${CUTOFF} sources):\n| quote | found | rate |\n| --- | ---: | ---: |`);
  for (const [kind, { found, total, rate }] of Object.entries(noisy)) console.log(`| ${kind} | ${found}/${total} | ${(rate * 100).toFixed(1)}% |`);
  if (verbose) {
    console.log('\nper query:');
    for (const row of perQuery) console.log(`${f(row.ndcg)} ${f(row.mrr)}  ${row.query}`);
  }
}

await main();
