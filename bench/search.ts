/**
 * Search speed and memory side by side: Verbatim, raw SQLite FTS5, MiniSearch, FlexSearch,
 * Lunr and Orama over the same passages generated from the real corpus (search-corpus.ts),
 * each engine in its own child process (search-engine.ts) so peak RSS is honest.
 *
 *   node --import tsx bench/search.ts [--sizes 10000,100000] [--million] [--engines verbatim,fts5] [--json]
 *
 * Prints, per size: build time, peak RSS (whole process, and above the process's state after
 * generating the passages), index size (bytes on disk for SQLite; serialised index for the
 * JS engines), p50/p95/p99 for keyword, phrase (both with facets), field-filtered and faceted
 * queries, and the noisy-quote top-10 hit rates (a hit: a passage holding the quoted words in the
 * top 10; noisy-quotes.ts isSourceOf).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../test/helpers/shared.ts';
import { corpusSources } from './corpus-sources.ts';
import { NOISE_KINDS } from './noisy-quotes.ts';
import { ENGINES, QUERY_CLASSES } from './search-corpus.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const DEFAULT_SIZES = [10_000, 100_000];
const MILLION = 1_000_000;
/** An engine that has not finished by then is reported as such (Lunr and Orama at 1M may not). */
const ENGINE_TIMEOUT_MS = 20 * 60 * 1000;
/** Heap for the JS engines at 1M; the default would stop some of them short. */
const CHILD_HEAP_MB = 8192;

interface EngineResult {
  engine: string;
  passages: number;
  build_ms: number;
  peak_rss_mb: number;
  engine_rss_mb: number;
  size_bytes?: number;
  latency: Record<string, { p50: number; p95: number; p99: number; max: number }>;
  quote_p50_ms: number;
  noisy: Record<string, number>;
  frequent_words: string[];
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function writeSources(file: string): Promise<void> {
  writeFileSync(file, JSON.stringify(await corpusSources()));
}

function runEngine(engine: string, size: number, sources: string): EngineResult | { engine: string; passages: number; error: string } {
  const dir = tempDir(`verbatim-bench-${engine}-`);
  const child = spawnSync(
    process.execPath,
    [`--max-old-space-size=${CHILD_HEAP_MB}`, '--import', 'tsx', join(HERE, 'search-engine.ts'), engine, String(size), sources, dir],
    { encoding: 'utf8', timeout: ENGINE_TIMEOUT_MS, maxBuffer: 1 << 24 },
  );
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !line.startsWith('{')) {
    const reason = child.error?.message ?? (child.stderr.trim().split('\n').slice(-3).join(' ') || `exit ${child.status}`);
    return { engine, passages: size, error: reason };
  }
  return JSON.parse(line) as EngineResult;
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0));

function table(results: (EngineResult | { engine: string; passages: number; error: string })[]): string {
  const lines = [
    `| engine | build s | peak RSS MB (engine) | size MB | ${QUERY_CLASSES.map((c) => `${c} p50/p95/p99 ms`).join(' | ')} | ${NOISE_KINDS.join(' | ')} |`,
    `| --- | ---: | ---: | ---: | ${QUERY_CLASSES.map(() => '---:').join(' | ')} | ${NOISE_KINDS.map(() => '---:').join(' | ')} |`,
  ];
  for (const result of results) {
    if ('error' in result) {
      lines.push(`| ${result.engine} | did not finish: ${result.error.slice(0, 120)} |`);
      continue;
    }
    const latency = QUERY_CLASSES.map((c) => {
      const l = result.latency[c];
      return l ? `${ms(l.p50)} / ${ms(l.p95)} / ${ms(l.p99)}` : '—';
    });
    const size = result.size_bytes === undefined ? '—' : (result.size_bytes / 1e6).toFixed(1);
    const noisy = NOISE_KINDS.map((kind) => `${Math.round((result.noisy[kind] ?? 0) * 100)}%`);
    lines.push(
      `| ${result.engine} | ${(result.build_ms / 1000).toFixed(1)} | ${result.peak_rss_mb.toFixed(0)} (${result.engine_rss_mb.toFixed(0)}) | ${size} | ${latency.join(' | ')} | ${noisy.join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const sizes = (option('--sizes')?.split(',').map(Number) ?? DEFAULT_SIZES).concat(process.argv.includes('--million') ? [MILLION] : []);
  const engines = option('--engines')?.split(',') ?? [...ENGINES];
  const sources = join(tempDir('verbatim-bench-'), 'sources.json');
  await writeSources(sources);
  const all: unknown[] = [];
  for (const size of sizes) {
    const results = engines.map((engine) => {
      process.stderr.write(`${size} passages: ${engine}…\n`);
      return runEngine(engine, size, sources);
    });
    all.push(...results);
    if (!process.argv.includes('--json')) {
      const words = results.find((result): result is EngineResult => !('error' in result))?.frequent_words ?? [];
      console.log(`\n### ${size.toLocaleString('en')} passages (the keyword set includes the most frequent words: ${words.join(', ')})\n`);
      console.log(table(results));
    }
  }
  if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(all) + '\n');
}

await main();
