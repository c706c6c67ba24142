/**
 * `verbatim serve` in a process of its own, as `npm start` runs it, for the benchmarks that
 * load the server (bench/http.ts, bench/server-memory.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../test/helpers/shared.ts';

/** How long the server may take to start before the bench gives up. */
const START_TIMEOUT_MS = 30_000;

/** Starts `verbatim serve` on a free loopback port and resolves with its base URL. */
export function startServer(db: string): Promise<{ base: string; server: ChildProcess }> {
  const server = spawn(process.execPath, [join(REPO_ROOT, 'bin/verbatim.js'), 'serve', '--db', db, '--port', '0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('verbatim serve did not start')), START_TIMEOUT_MS);
    let stderr = '';
    server.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const address = /serving .* at (http:\/\/[\d.:]+)/.exec(stderr)?.[1];
      if (address) {
        clearTimeout(timer);
        resolve({ base: address, server });
      }
    });
    server.on('exit', (code) => reject(new Error(`verbatim serve exited (${code}): ${stderr}`)));
  });
}

