/**
 * Builds a segment's quotation lists (the passages holding each fingerprint of
 * src/trace/fingerprint.ts) beside the search lists. Fingerprinting is a pass over every
 * passage's words that nothing else in a refresh waits on, so for a large refresh it runs on a
 * worker thread (quotation-worker.ts) while this thread tokenizes, builds the search lists and
 * fills FTS5: the two cores of a small server both work. Small refreshes fingerprint here, where
 * starting a thread would cost more than it saves.
 */
import { receiveMessageOnPort, MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { HashLists, type PackedLists } from '../../search/postings/hash-lists.ts';
import { fingerprints } from '../../trace/fingerprint.ts';

/** Passages to index from which fingerprinting moves to a worker thread. */
export const WORKER_THRESHOLD = 20_000;
/** How long to wait for the worker at most, in slices that look for its answer. */
const WAIT_SLICE_MS = 1_000;
const MAX_WAIT_MS = 30 * 60_000;

export interface QuotationListBuilder {
  /** Adds passages in ascending rowid order. */
  add(rowids: readonly number[], texts: readonly string[]): void;
  /** The lists of the passages added since the last finish. */
  finish(): PackedLists;
  /** Frees what the builder holds (its thread). */
  close(): void;
}

/** Fingerprints and lists in this thread. */
export class InThreadQuotationLists implements QuotationListBuilder {
  private lists = new HashLists();

  add(rowids: readonly number[], texts: readonly string[]): void {
    rowids.forEach((rowid, index) => this.lists.add(rowid, fingerprints(texts[index] as string)));
  }

  finish(): PackedLists {
    const packed = this.lists.pack();
    this.lists = new HashLists();
    return packed;
  }

  close(): void {}
}

/** What the worker answers to a finish: the lists, or why it could not make them. */
export type WorkerAnswer = { packed: PackedLists } | { error: string };

/**
 * Fingerprints and lists on a worker thread. Batches are posted as they are read; `finish`
 * blocks until the worker answers (a refresh is synchronous), which is by then mostly done.
 */
export class WorkerQuotationLists implements QuotationListBuilder {
  private readonly worker: Worker;
  private readonly answers: MessagePort;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));

  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.answers = port1;
    this.worker = new Worker(new URL('./quotation-worker.mjs', import.meta.url), {
      workerData: { answers: port2, signal: this.signal },
      transferList: [port2],
    });
    // Never keeps a process alive on its own; errors reach finish() as answers.
    this.worker.unref();
    this.worker.on('error', () => {});
  }

  add(rowids: readonly number[], texts: readonly string[]): void {
    this.worker.postMessage({ rowids, texts });
  }

  finish(): PackedLists {
    Atomics.store(this.signal, 0, 0);
    this.worker.postMessage({ finish: true });
    for (let waited = 0; waited < MAX_WAIT_MS; waited += WAIT_SLICE_MS) {
      Atomics.wait(this.signal, 0, 0, WAIT_SLICE_MS);
      const received = receiveMessageOnPort(this.answers);
      if (!received) continue;
      const answer = received.message as WorkerAnswer;
      if ('error' in answer) throw new Error(`fingerprinting thread failed: ${answer.error}`);
      return answer.packed;
    }
    throw new Error(`fingerprinting thread did not answer within ${MAX_WAIT_MS / 60_000} minutes`);
  }

  close(): void {
    this.answers.close();
    void this.worker.terminate();
  }
}

/** The builder for a refresh of `passages` passages. */
export function quotationListBuilder(passages: number, threshold = WORKER_THRESHOLD): QuotationListBuilder {
  return passages >= threshold ? new WorkerQuotationLists() : new InThreadQuotationLists();
}
