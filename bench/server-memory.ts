/**
 * The server's memory with a large archive (target: under 300 MB RSS at 1,000,000 passages).
 * Builds an archive of generated passages (verbatim-archive.ts), serves it as `npm start` does
 * (`verbatim serve`, its own process), sends it a reading session — searches of the most
 * frequent and of rarer words with facets, filtered searches, search and document pages, the
 * document API, a trace — and reads the server's peak RSS (VmHWM) from /proc. The baseline is
 * the same server over an empty archive, measured in the same run.
 *
 *   node --import tsx bench/server-memory.ts [--passages 1000000] [--db <dir to build in and keep>]
 *
 * With --db naming an archive built by an earlier run, the build is skipped.
 */
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DATABASE_FILE } from '../src/store/sqlite/sqlite-store.ts';
import { tempDir } from '../test/helpers/shared.ts';
import { corpusSources } from './corpus-sources.ts';
import { generatePassages, PASSAGES_PER_DOCUMENT, type BenchPassage } from './search-corpus.ts';
import { startServer } from './serve.ts';
import { buildVerbatimArchive } from './verbatim-archive.ts';

const SEED = 7;
const TARGET_MB = 300;
/** Words searched: the most frequent ones (the largest results) and a spread of rarer ones. */
const FREQUENT_WORDS = 12;
const OTHER_WORDS = 24;
const DOCUMENTS_READ = 20;
const WORD = /\p{L}{4,}/gu;

const { values: options } = parseArgs({
  options: { passages: { type: 'string', default: '1000000' }, db: { type: 'string' } },
});
const passageCount = Number(options.passages);

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1];
  if (!kb) throw new Error('no VmHWM in /proc status (this bench needs Linux)');
  return Number(kb) / 1024;
}

/** Words of the generated passages by how many passages hold them, most first. */
function wordsByFrequency(passages: readonly BenchPassage[]): string[] {
  const counts = new Map<string, number>();
  for (const passage of passages.slice(0, 20_000)) {
    for (const word of new Set(passage.text.toLowerCase().match(WORD) ?? [])) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([word]) => word);
}

/** The requests of a reading session over the generated archive. */
function session(passages: readonly BenchPassage[]): { method: 'GET' | 'POST'; path: string; body?: string }[] {
  const words = wordsByFrequency(passages);
  const chosen = [...words.slice(0, FREQUENT_WORDS), ...words.filter((_, index) => index % 37 === 5).slice(0, OTHER_WORDS)];
  const requests: { method: 'GET' | 'POST'; path: string; body?: string }[] = [];
  for (const word of chosen) {
    requests.push({ method: 'GET', path: `/api/search?q=${encodeURIComponent(word)}` });
    requests.push({ method: 'GET', path: `/api/search?q=${encodeURIComponent(`type:memcon ${word}`)}` });
  }
  for (const word of chosen.slice(0, 6)) requests.push({ method: 'GET', path: `/search?q=${encodeURIComponent(word)}` });
  const documents = Math.ceil(passages.length / PASSAGES_PER_DOCUMENT);
  for (let n = 0; n < DOCUMENTS_READ; n += 1) {
    const id = `b${Math.floor((n * documents) / DOCUMENTS_READ)}`;
    requests.push({ method: 'GET', path: `/api/documents/${id}` }, { method: 'GET', path: `/documents/${id}` });
  }
  const quoted = passages.slice(0, 3).map((passage) => `“${passage.text.split(' ').slice(0, 14).join(' ')}”`);
  requests.push({ method: 'POST', path: '/api/trace', body: `The memo said ${quoted.join(', and ')}.` });
  return requests;
}

async function measure(db: string, requests: ReturnType<typeof session>): Promise<{ startMb: number; peakMb: number; failures: number }> {
  const { base, server } = await startServer(db);
  const pid = server.pid as number;
  const startMb = peakRssMb(pid);
  let failures = 0;
  try {
    for (const request of requests) {
      const response = await fetch(base + request.path, {
        method: request.method,
        ...(request.body ? { body: request.body, headers: { 'content-type': 'text/plain' } } : {}),
      });
      await response.arrayBuffer();
      if (!response.ok) failures += 1;
    }
    return { startMb, peakMb: peakRssMb(pid), failures };
  } finally {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
}

const passages = generatePassages(await corpusSources(), passageCount, SEED);
const requests = session(passages);
const db = options.db ?? tempDir('verbatim-bench-memory-');
if (!existsSync(join(db, DATABASE_FILE))) {
  console.error(`# building an archive of ${passageCount.toLocaleString('en')} passages in ${db}…`);
  const { store } = await buildVerbatimArchive(db, passages);
  await store.close();
}
const empty = await measure(tempDir('verbatim-bench-memory-empty-'), requests);
const full = await measure(db, requests);

console.log(`| archive | requests | RSS at start MB | peak RSS MB | failed requests |`);
// The empty archive answers document reads with 404: its failures are expected and not shown.
console.log(`| --- | ---: | ---: | ---: | ---: |`);
console.log(`| empty (baseline) | ${requests.length} | ${empty.startMb.toFixed(0)} | ${empty.peakMb.toFixed(0)} | — |`);
console.log(`| ${passageCount.toLocaleString('en')} passages | ${requests.length} | ${full.startMb.toFixed(0)} | ${full.peakMb.toFixed(0)} | ${full.failures} |`);
console.log(`\npeak RSS ${full.peakMb.toFixed(0)} MB against the ${TARGET_MB} MB target (${(full.peakMb / empty.peakMb).toFixed(1)}× the empty server's)`);
if (full.failures > 0) process.exitCode = 1;
