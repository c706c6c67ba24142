/**
 * The worker thread of quotation-lists.ts: fingerprints the batches of passages it is sent and,
 * on `finish`, answers with their lists (transferred, not copied) and wakes the waiting thread.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { PackedLists } from '../../search/postings/hash-lists.ts';
import { InThreadQuotationLists, type WorkerAnswer } from './quotation-lists.ts';

const { answers, signal } = workerData as { answers: MessagePort; signal: Int32Array };
const builder = new InThreadQuotationLists();
let failure: string | undefined;

function answer(message: WorkerAnswer, transfer: ArrayBuffer[] = []): void {
  answers.postMessage(message, transfer);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}

parentPort?.on('message', (message: { rowids: number[]; texts: string[] } | { finish: true }) => {
  if ('finish' in message) {
    if (failure) return answer({ error: failure });
    try {
      const packed: PackedLists = builder.finish();
      answer({ packed }, [packed.keys.buffer, packed.postings.buffer, packed.ends.buffer, packed.bytes.buffer] as ArrayBuffer[]);
    } catch (error) {
      answer({ error: String(error) });
    }
    return;
  }
  if (failure) return;
  try {
    builder.add(message.rowids, message.texts);
  } catch (error) {
    failure = String(error);
  }
});
