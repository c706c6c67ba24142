/**
 * The index thread of index-worker.ts: reads passages through its own read-only connection as
 * far as it is told they are committed, builds segments of them, and answers with each segment
 * as it fills (transferred, not copied) and, when asked, with the segment in progress.
 */
import { workerData, parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { indexTokenizer } from './index-tokenizer.ts';
import { SHARED, type IndexAnswer, type IndexRequest, type IndexThreadData } from './index-worker.ts';
import { READ_PASSAGES_SQL, SegmentCutter, segmentBuffers, type PassageRow } from './segment-indexer.ts';

const { path, from, segmentPassages, answers, shared } = workerData as IndexThreadData;

function answer(message: IndexAnswer, transfer: ArrayBuffer[] = []): void {
  answers.postMessage(message, transfer);
  Atomics.add(shared, SHARED.answers, 1);
  Atomics.notify(shared, SHARED.answers);
}

let failed = false;

try {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const tokenizer = indexTokenizer(db);
  const passages = db.prepare(READ_PASSAGES_SQL).raw();
  let namedTerms = 0;
  const read = (after: number, through: number, limit: number) => passages.all(after, through, limit) as PassageRow[];
  const cutter = new SegmentCutter(tokenizer, from, segmentPassages, read, (segment) => {
    const terms = tokenizer.terms;
    answer({ segment, newTerms: terms.slice(namedTerms) }, segmentBuffers(segment));
    namedTerms = terms.length;
    return true;
  }, () => Atomics.exchange(shared, SHARED.cut, 0) === 1);

  parentPort?.on('message', (request: IndexRequest) => {
    if (failed) return;
    try {
      if ('readUpTo' in request) cutter.readUpTo(request.readUpTo, (read) => answer({ read }));
      else {
        cutter.seal();
        answer({ sealed: true });
      }
    } catch (error) {
      failed = true;
      answer({ error: String(error) });
    }
  });
} catch (error) {
  failed = true;
  answer({ error: String(error) });
}
