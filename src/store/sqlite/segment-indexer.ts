/**
 * Everything one segment of the posting index (posting-index.ts) holds, built from its
 * passages in ascending rowid order: the search lists of every term and adjacent pair
 * (search/postings/segment-lists.ts), the quotation lists of every fingerprint
 * (search/postings/hash-lists.ts) and where each passage sits. It reads nothing and writes
 * nothing, so the same work runs on the refreshing thread or on the index thread
 * (index-worker.ts), which reads the passages through a connection of its own.
 */
import { HashLists } from '../../search/postings/hash-lists.ts';
import { ListWriter } from '../../search/postings/codec.ts';
import { buffersOf, type PackedLists } from '../../search/postings/packed.ts';
import { SegmentLists, type PackedSegment } from '../../search/postings/segment-lists.ts';
import { fingerprintsOfStems } from '../../trace/fingerprint.ts';
import { FTS_COLUMNS, ftsColumnOf, ftsColumns } from './fts-columns.ts';
import type { IndexTokenizer, TextRuns } from './index-tokenizer.ts';

/** A passage as a segment reads it (the columns of READ_PASSAGES_SQL, in order). */
export type PassageRow = [rowid: number, kind: string, text: string, speakerName: string | null, documentRowid: number, speakerId: string | null];

/** Reads the passages after rowid `after` up to `through`, at most `limit`, in rowid order. */
export type PassageReader = (after: number, through: number, limit: number) => PassageRow[];

/** The query a PassageReader runs, with (after, through, limit) as parameters. */
export const READ_PASSAGES_SQL =
  'SELECT rowid, kind, text, speaker_name, doc_rowid, speaker_id FROM passages WHERE rowid > ? AND rowid <= ? ORDER BY rowid LIMIT ?';

/** Passages read and indexed at a time. */
const READ_BATCH = 500;

/** A segment ready to write. Term ids in `lists` are the builder's tokenizer's: `terms` names them. */
export interface BuiltSegment {
  /** The segment holds the passages after `from` up to `through`. */
  readonly from: number;
  readonly through: number;
  readonly lists: PackedSegment;
  readonly quotations: PackedLists;
  /** Each passage's document rowid and speaker number (codec.ts placements list). */
  readonly placements: Uint8Array;
  /** Speaker ids by number − 1, as JSON. */
  readonly speakers: string;
}

export class SegmentIndexer {
  private readonly lists = new SegmentLists();
  private readonly quotations = new HashLists();
  private readonly placements = new ListWriter();
  private readonly speakers = new Map<string, number>();
  private last: number;

  constructor(
    private readonly tokenizer: IndexTokenizer,
    readonly from: number,
  ) {
    this.last = from;
  }

  get passages(): number {
    return this.lists.passages;
  }

  /** The last passage added. */
  get through(): number {
    return this.last;
  }

  /** Adds passages after every passage added so far. */
  add(batch: readonly PassageRow[]): void {
    const texts: string[] = [];
    for (const [, kind, text, speakerName] of batch) {
      const columns = ftsColumns(kind, text, speakerName);
      for (const column of FTS_COLUMNS) texts.push(columns[column] ?? '');
    }
    const { ids, stems } = this.tokenizer.termIds(texts);
    const run = ({ values, starts, counts }: TextRuns, at: number) => values.subarray(starts[at] as number, (starts[at] as number) + (counts[at] as number));
    batch.forEach(([rowid, kind, , , documentRowid, speakerId], index) => {
      const at = index * FTS_COLUMNS.length;
      this.lists.add(rowid, { heading: run(ids, at), body: run(ids, at + 1), note: run(ids, at + 2), speaker: run(ids, at + 3) });
      // The passage's text is in the column of its kind: its stems are that column's.
      this.quotations.add(rowid, fingerprintsOfStems(run(stems, at + FTS_COLUMNS.indexOf(ftsColumnOf(kind)))));
      this.placements.placement(rowid, documentRowid, this.speakerNumber(speakerId));
      this.last = rowid;
    });
  }

  /** The segment of the passages added; undefined when there are none. */
  build(): BuiltSegment | undefined {
    if (this.passages === 0) return undefined;
    return {
      from: this.from,
      through: this.last,
      lists: this.lists.pack(),
      quotations: this.quotations.pack(),
      placements: this.placements.finish().slice(),
      speakers: JSON.stringify([...this.speakers.keys()]),
    };
  }

  /** Numbers speakers within the segment from 1; 0 is no speaker. */
  private speakerNumber(speakerId: string | null): number {
    if (speakerId === null) return 0;
    let number = this.speakers.get(speakerId);
    if (number === undefined) {
      number = this.speakers.size + 1;
      this.speakers.set(speakerId, number);
    }
    return number;
  }
}

/**
 * Indexes passages as far as it is told they exist, a batch at a time, cutting them into
 * segments of `segmentPassages` and handing each over as it fills. What the thread of
 * index-worker.ts and a refresh on the writing thread share.
 */
export class SegmentCutter {
  private indexer: SegmentIndexer;
  /** Passages read so far. */
  private read = 0;

  /**
   * `onSegment` answers false to stop: passages already read are then dropped. `cutRequested`,
   * asked before each batch, answers true to end the segment in progress there.
   */
  constructor(
    private readonly tokenizer: IndexTokenizer,
    from: number,
    private readonly segmentPassages: number,
    private readonly readPassages: PassageReader,
    private readonly onSegment: (segment: BuiltSegment) => boolean,
    private readonly cutRequested: () => boolean = () => false,
  ) {
    this.indexer = new SegmentIndexer(tokenizer, from);
  }

  /** Indexes the passages up to `through`; false when a segment was refused. */
  readUpTo(through: number, onRead?: (read: number) => void): boolean {
    for (;;) {
      if (this.cutRequested() && !this.seal()) return false;
      const limit = Math.min(READ_BATCH, this.segmentPassages - this.indexer.passages);
      const batch = this.readPassages(this.indexer.through, through, limit);
      if (batch.length === 0) return true;
      this.indexer.add(batch);
      this.read += batch.length;
      onRead?.(this.read);
      if (this.indexer.passages >= this.segmentPassages && !this.seal()) return false;
    }
  }

  /** Hands over the segment in progress, if it holds any passage; false when it was refused. */
  seal(): boolean {
    const segment = this.indexer.build();
    this.indexer = new SegmentIndexer(this.tokenizer, this.indexer.through);
    return segment === undefined || this.onSegment(segment);
  }
}

/** The buffers of a built segment, to transfer it between threads instead of copying it. */
export function segmentBuffers(segment: BuiltSegment): ArrayBuffer[] {
  const { lists } = segment;
  return [
    ...buffersOf(lists.terms),
    ...buffersOf(lists.pairs),
    lists.lengths.buffer as ArrayBuffer,
    ...buffersOf(segment.quotations),
    segment.placements.buffer as ArrayBuffer,
  ];
}
