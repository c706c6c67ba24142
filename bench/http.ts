/**
 * HTTP load check: autocannon against `verbatim serve`'s server on loopback, over the real
 * corpus, bounded in time. Reports requests/s, p50 and p99 latency, and errors (socket
 * errors, timeouts and non-2xx answers) for the search and document pages and their APIs.
 *
 *   node --import tsx bench/http.ts [--seconds 5] [--connections 10]
 *
 * The server runs as `npm start` runs it, in its own process (`verbatim serve`, request
 * logging on, the embedded SQLite store), so autocannon does not share its event loop. The
 * machine is shared, so keep --seconds short; each target runs alone.
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingestPaths } from '../src/ingest/pipeline.ts';
import { openStore } from '../src/store/index.ts';
import { FRUS_V05, FRUS_VE13 } from '../test/helpers/shared.ts';
import { startServer } from './serve.ts';

/** The part of autocannon's result this report reads (the package ships no types). */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (options: { url: string; connections: number; duration: number; headers?: Record<string, string> }) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const { values: options } = parseArgs({
  options: { seconds: { type: 'string', default: '5' }, connections: { type: 'string', default: '10' } },
});
const seconds = Number(options.seconds);
const connections = Number(options.connections);

const DOCUMENT = 'frus1981-88v05-d306';
const TARGETS: { label: string; path: string; accept: string }[] = [
  { label: 'search page (HTML)', path: '/search?q=SDI&type=memcon', accept: 'text/html' },
  { label: 'search API', path: '/api/search?q=%22nuclear%20weapons%22', accept: 'application/json' },
  { label: 'document page (HTML)', path: `/documents/${DOCUMENT}`, accept: 'text/html' },
  { label: 'document API', path: `/api/documents/${DOCUMENT}`, accept: 'application/json' },
  { label: 'home page (HTML)', path: '/', accept: 'text/html' },
];

const dir = mkdtempSync(join(tmpdir(), 'verbatim-bench-http-'));
const store = openStore(dir);
const ingest = await ingestPaths(store, [FRUS_V05, FRUS_VE13]);
await store.close();
const { base, server } = await startServer(dir);
console.error(`# ${ingest.documents} documents, ${ingest.passages} passages; ${connections} connections, ${seconds}s per target`);

const rows: string[][] = [];
let failures = 0;
try {
  for (const target of TARGETS) {
    const result = await autocannon({ url: base + target.path, connections, duration: seconds, headers: { accept: target.accept } });
    const errors = result.errors + result.timeouts + result.non2xx;
    failures += errors;
    rows.push([
      target.label,
      target.path,
      result.requests.average.toFixed(0),
      result.latency.p50.toFixed(1),
      result.latency.p99.toFixed(1),
      String(result.requests.total),
      String(errors),
    ]);
  }
} finally {
  server.kill('SIGTERM');
  await once(server, 'exit');
  rmSync(dir, { recursive: true, force: true });
}

const header = ['target', 'path', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'errors'];
const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
const line = (cells: string[]) => `| ${cells.map((cell, i) => (i >= 2 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w, i) => (i >= 2 ? `${'-'.repeat(w + 1)}:` : `-${'-'.repeat(w + 1)}`)).join('|')}|`);
for (const row of rows) console.log(line(row));
if (failures > 0) {
  console.error(`# ${failures} failed requests`);
  process.exitCode = 1;
}
