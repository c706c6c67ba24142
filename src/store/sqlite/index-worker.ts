/**
 * The index thread: builds the posting index's segments (segment-indexer.ts) on a thread of its
 * own, reading the passages through a read-only connection of its own, so that the thread that
 * writes (documents during an ingest, FTS5 and the finished segments afterwards) never waits
 * for tokenizing, fingerprinting or list building: both cores of a small server work.
 *
 * The writing thread says how far passages are committed (`readUpTo`); the index thread reads
 * them, and hands over each segment as it fills, by transfer. Segments come back in rowid
 * order. `next` blocks until the next segment (a refresh is synchronous), `ready` does not.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { BuiltSegment } from './segment-indexer.ts';

/** How long to wait for the thread at most, in slices that look for its answer. */
const WAIT_SLICE_MS = 1_000;
const MAX_WAIT_MS = 30 * 60_000;

/** What the thread is asked: read passages up to a rowid, or finish the segment in progress. */
export type IndexRequest = { readUpTo: number } | { seal: true };

/**
 * What the thread answers: a finished segment with the terms it numbered since its last
 * segment, how many passages it has read, that it has sealed, or why it failed.
 */
export type IndexAnswer =
  | { segment: BuiltSegment; newTerms: string[] }
  | { read: number }
  | { sealed: true }
  | { error: string };

/** Slots of the memory the threads share. */
export const SHARED = {
  /** Bumped by the thread at every answer, so a wait wakes when one arrives. */
  answers: 0,
  /** Set to 1 to have the thread hand over its segment in progress before it reads on. */
  cut: 1,
} as const;

/** What the thread is started with. */
export interface IndexThreadData {
  readonly path: string;
  readonly from: number;
  readonly segmentPassages: number;
  readonly answers: MessagePort;
  /** Shared with the thread, slots as SHARED says. */
  readonly shared: Int32Array;
  /** What the thread runs, index-worker-thread.ts unless a test says otherwise. */
  readonly module?: string;
}

/** A segment the thread finished, with the names of the term ids its lists use. */
export interface ThreadSegment {
  readonly segment: BuiltSegment;
  readonly terms: readonly string[];
}

export class IndexWorker {
  private readonly worker: Worker;
  private readonly answers: MessagePort;
  private readonly shared = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  private readonly terms: string[] = [];
  private readSoFar = 0;

  /** Indexes the passages of the archive at `path` after rowid `from`. */
  constructor(path: string, readonly from: number, segmentPassages: number, module?: string) {
    const { port1, port2 } = new MessageChannel();
    this.answers = port1;
    const workerData: IndexThreadData = { path, from, segmentPassages, answers: port2, shared: this.shared, ...(module ? { module } : {}) };
    this.worker = new Worker(new URL('./index-worker-thread.mjs', import.meta.url), { workerData, transferList: [port2] });
    // Never keeps a process alive on its own; its failures reach the waiting side as answers.
    this.worker.unref();
    this.worker.on('error', () => {});
  }

  /** Passages the thread has read since it started (as far as its answers have said). */
  get read(): number {
    return this.readSoFar;
  }

  /** Passages up to `through` are committed: the thread reads them. */
  readUpTo(through: number): void {
    this.post({ readUpTo: through });
  }

  /** Asks for the segment in progress once the thread has read up to `through`. */
  seal(through: number): void {
    this.readUpTo(through);
    this.post({ seal: true });
  }

  /**
   * Has the thread hand over the segment in progress before its next batch, so it can be
   * written while the thread works through the rest.
   */
  cut(): void {
    Atomics.store(this.shared, SHARED.cut, 1);
  }

  /** The segments finished so far, without waiting. */
  ready(): ThreadSegment[] {
    const segments: ThreadSegment[] = [];
    for (let answer = this.receive(); answer; answer = this.receive()) {
      const segment = this.take(answer);
      if (segment) segments.push(segment);
    }
    return segments;
  }

  /** The next segment, waiting for it; undefined once the thread has sealed. `onRead` hears of passages read meanwhile. */
  next(onRead?: (read: number) => void): ThreadSegment | undefined {
    for (let waited = 0; waited < MAX_WAIT_MS; ) {
      const seen = Atomics.load(this.shared, SHARED.answers);
      const answer = this.receive();
      if (!answer) {
        if (Atomics.wait(this.shared, SHARED.answers, seen, WAIT_SLICE_MS) === 'timed-out') waited += WAIT_SLICE_MS;
        continue;
      }
      if ('sealed' in answer) return undefined;
      const segment = this.take(answer);
      if (segment) return segment;
      onRead?.(this.read);
    }
    throw new Error(`index thread did not answer within ${MAX_WAIT_MS / 60_000} minutes`);
  }

  close(): void {
    this.answers.close();
    void this.worker.terminate();
  }

  private post(request: IndexRequest): void {
    this.worker.postMessage(request);
  }

  private receive(): IndexAnswer | undefined {
    return receiveMessageOnPort(this.answers)?.message as IndexAnswer | undefined;
  }

  /** Takes in an answer; a segment is returned, progress noted, a failure thrown. */
  private take(answer: IndexAnswer): ThreadSegment | undefined {
    if ('error' in answer) throw new Error(`index thread failed: ${answer.error}`);
    if ('read' in answer) this.readSoFar = answer.read;
    if (!('segment' in answer)) return undefined;
    for (const term of answer.newTerms) this.terms.push(term);
    return { segment: answer.segment, terms: this.terms };
  }
}
