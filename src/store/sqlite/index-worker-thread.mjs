// Starts index-worker-thread.ts in its thread. A worker does not inherit the TypeScript loader
// the CLI registers at run time (bin/verbatim.js), so it registers its own. If the thread cannot
// start, it says so where the waiting thread looks for its answer, instead of leaving it to wait.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

try {
  register();
  await import(workerData.module ?? './index-worker-thread.ts');
} catch (error) {
  workerData.answers.postMessage({ error: `could not start: ${String(error)}` });
  Atomics.add(workerData.shared, 0, 1);
  Atomics.notify(workerData.shared, 0);
}
