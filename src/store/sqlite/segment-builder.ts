/**
 * Builds the search lists of one index segment (search/postings/segment-lists.ts) from its
 * passages' term ids. Nothing else in a refresh waits on this work, so for a large refresh it
 * runs on a worker thread (segment-worker.ts) while this thread reads and tokenizes the next
 * passages, fingerprints them and fills FTS5: both cores of a small server work. Small
 * refreshes build here, where starting a thread would cost more than it saves.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { buffersOf } from '../../search/postings/packed.ts';
import { SegmentLists, type PackedSegment } from '../../search/postings/segment-lists.ts';

/** Passages to index from which the lists are built on a worker thread. */
export const WORKER_THRESHOLD = 20_000;
/** How long to wait for the worker at most, in slices that look for its answer. */
const WAIT_SLICE_MS = 1_000;
const MAX_WAIT_MS = 30 * 60_000;
/** Index columns per passage, in `terms` and `spans` order (fts-columns.ts FTS_COLUMNS). */
const COLUMNS = 4;

/** Passages in ascending rowid order, with their term ids column after column (`spans` says how many per column). */
export interface SegmentBatch {
  readonly rowids: Int32Array;
  readonly terms: Int32Array;
  readonly spans: Int32Array;
}

export interface SegmentBuilder {
  add(batch: SegmentBatch): void;
  /** Says the segment is complete, so a thread can pack its lists while this one does other work. */
  seal(): void;
  /** The lists of the passages added since the last finish. */
  finish(): PackedSegment;
  /** Frees what the builder holds (its thread). */
  close(): void;
}

/** Builds in this thread. */
export class InThreadSegmentBuilder implements SegmentBuilder {
  private lists = new SegmentLists();

  add({ rowids, terms, spans }: SegmentBatch): void {
    let at = 0;
    const next = (count: number) => terms.subarray(at, (at += count));
    rowids.forEach((rowid, index) => {
      const span = index * COLUMNS;
      const columns = { heading: next(spans[span] as number), body: next(spans[span + 1] as number), note: next(spans[span + 2] as number), speaker: next(spans[span + 3] as number) };
      this.lists.add(rowid, columns);
    });
  }

  seal(): void {}

  finish(): PackedSegment {
    const packed = this.lists.pack();
    this.lists = new SegmentLists();
    return packed;
  }

  close(): void {}
}

/** What the worker answers to a finish: the segment's lists, or why it could not build them. */
export type WorkerAnswer = { built: PackedSegment } | { error: string };

/** The buffers of a segment's lists, to transfer them between threads. */
export function segmentBuffers(lists: PackedSegment): ArrayBuffer[] {
  return [...buffersOf(lists.terms), ...buffersOf(lists.pairs), lists.lengths.buffer as ArrayBuffer];
}

/**
 * Builds on a worker thread. Batches are posted as they are read; `finish` blocks until the
 * worker answers (a refresh is synchronous), by which time it has mostly caught up.
 */
export class WorkerSegmentBuilder implements SegmentBuilder {
  private readonly worker: Worker;
  private readonly answers: MessagePort;
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private sealed = false;

  /** `module`: what the thread runs, segment-worker.ts unless a test says otherwise. */
  constructor(module?: string) {
    const { port1, port2 } = new MessageChannel();
    this.answers = port1;
    this.worker = new Worker(new URL('./segment-worker.mjs', import.meta.url), {
      workerData: { answers: port2, signal: this.signal, module },
      transferList: [port2],
    });
    // Never keeps a process alive on its own; its failures reach finish() as answers.
    this.worker.unref();
    this.worker.on('error', () => {});
  }

  add(batch: SegmentBatch): void {
    this.worker.postMessage(batch, [batch.rowids.buffer as ArrayBuffer, batch.terms.buffer as ArrayBuffer, batch.spans.buffer as ArrayBuffer]);
  }

  seal(): void {
    Atomics.store(this.signal, 0, 0);
    this.worker.postMessage({ finish: true });
    this.sealed = true;
  }

  finish(): PackedSegment {
    if (!this.sealed) this.seal();
    this.sealed = false;
    for (let waited = 0; waited < MAX_WAIT_MS; waited += WAIT_SLICE_MS) {
      Atomics.wait(this.signal, 0, 0, WAIT_SLICE_MS);
      const received = receiveMessageOnPort(this.answers);
      if (!received) continue;
      const answer = received.message as WorkerAnswer;
      if ('error' in answer) throw new Error(`index thread failed: ${answer.error}`);
      return answer.built;
    }
    throw new Error(`index thread did not answer within ${MAX_WAIT_MS / 60_000} minutes`);
  }

  close(): void {
    this.answers.close();
    void this.worker.terminate();
  }
}

/** The builder for a refresh of `passages` passages. */
export function segmentBuilder(passages: number, threshold = WORKER_THRESHOLD): SegmentBuilder {
  return passages >= threshold ? new WorkerSegmentBuilder() : new InThreadSegmentBuilder();
}
