/**
 * The worker thread of segment-builder.ts: builds the lists of the batches it is sent and, on
 * `finish`, answers with them (transferred, not copied) and wakes the waiting thread.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { InThreadSegmentBuilder, segmentBuffers, type SegmentBatch, type WorkerAnswer } from './segment-builder.ts';

const { answers, signal } = workerData as { answers: MessagePort; signal: Int32Array };
let builder = new InThreadSegmentBuilder();
let failure: string | undefined;

function answer(message: WorkerAnswer, transfer: ArrayBuffer[] = []): void {
  answers.postMessage(message, transfer);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}

parentPort?.on('message', (message: SegmentBatch | { finish: true }) => {
  if ('finish' in message) {
    if (failure !== undefined) {
      answer({ error: failure });
      failure = undefined;
      builder = new InThreadSegmentBuilder();
      return;
    }
    try {
      const built = builder.finish();
      answer({ built }, segmentBuffers(built));
    } catch (error) {
      answer({ error: String(error) });
    }
    return;
  }
  if (failure !== undefined) return;
  try {
    builder.add(message);
  } catch (error) {
    failure = String(error);
  }
});
