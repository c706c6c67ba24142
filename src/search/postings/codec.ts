/**
 * The byte format of posting lists: for each passage holding a term, the passage rowid as a
 * delta from the previous one and how often the term occurs in each indexed column. Most
 * postings are one body occurrence, so the usual posting costs two or three bytes:
 *
 *   varint(rowid − previous rowid), varint(body × 2 + hasOtherColumns)
 *   [varint(heading), varint(note), varint(speaker)]   — only when hasOtherColumns
 *
 * A lengths list has the same rowid deltas followed by one varint: the passage's token count
 * over all columns (what bm25 calls the document length). A passages list (the quotation
 * lookup's) is the rowid deltas alone. A placements list follows each rowid delta with the
 * passage's document rowid and a speaker number.
 */


/** A decoded posting list: ascending rowids and, for each, the term's weighted frequency. */
export interface PostingList {
  readonly rows: Int32Array;
  readonly frequencies: Float64Array;
}

/** bm25 weight of an occurrence in each indexed column (the columns of passages_fts). */
export interface ColumnWeights {
  readonly heading: number;
  readonly body: number;
  readonly note: number;
  readonly speaker: number;
}

const INITIAL_BYTES = 16;

/** Builds one encoded list; rowids must be added in ascending order. */
export class ListWriter {
  private bytes = new Uint8Array(INITIAL_BYTES);
  private size = 0;
  private previous = 0;
  count = 0;

  /** A passage's occurrences per column (plain numbers, not an object: this runs per posting). */
  posting(rowid: number, heading: number, body: number, note: number, speaker: number): void {
    const other = heading + note + speaker > 0;
    this.row(rowid);
    this.varint(body * 2 + (other ? 1 : 0));
    if (other) {
      this.varint(heading);
      this.varint(note);
      this.varint(speaker);
    }
  }

  length(rowid: number, tokens: number): void {
    this.row(rowid);
    this.varint(tokens);
  }

  /** An entry of a placements list: the passage's document and speaker (a number the list's owner defines). */
  placement(rowid: number, documentRowid: number, speaker: number): void {
    this.row(rowid);
    this.varint(documentRowid);
    this.varint(speaker);
  }

  /** An entry of a passages list. */
  passage(rowid: number): void {
    this.row(rowid);
  }

  /** The list so far: a view, valid until the next write or reset. */
  finish(): Uint8Array {
    return this.bytes.subarray(0, this.size);
  }

  /** Starts a new list, keeping the room the last one grew. */
  reset(): void {
    this.size = 0;
    this.continue();
  }

  /** Starts a new list after the bytes written so far (lists packed end to end). */
  continue(): void {
    this.previous = 0;
    this.count = 0;
  }

  private row(rowid: number): void {
    if (rowid <= this.previous) throw new RangeError(`rowid ${rowid} after ${this.previous}: postings must ascend`);
    this.varint(rowid - this.previous);
    this.previous = rowid;
    this.count += 1;
  }

  private varint(value: number): void {
    if (this.size + 5 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    let rest = value;
    while (rest >= 0x80) {
      this.bytes[this.size++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    this.bytes[this.size++] = rest;
  }
}

/**
 * The read position in the buffer being decoded, kept at module level so reading a varint makes
 * no object: decoding runs once per posting of every list a query reads. Decoding is
 * synchronous, so no two decodes ever share it.
 */
let cursor = 0;

function varint(bytes: Uint8Array): number {
  let byte = bytes[cursor++] as number;
  let value = byte & 0x7f;
  for (let shift = 7; byte & 0x80; shift += 7) {
    byte = bytes[cursor++] as number;
    value += (byte & 0x7f) * 2 ** shift;
  }
  return value;
}

/**
 * Decodes the segments of one term's list (in ascending rowid order) into rowids and weighted
 * frequencies. `postings`, when known, sizes the arrays exactly; otherwise they are sized by a
 * bound (every posting takes at least two bytes). `into`, when given, is written instead of
 * fresh arrays (it must have room for every posting). `valueOf`, when given, turns each
 * posting's frequency into what is stored in its place (a score), in the same pass.
 */
export function decodePostings(
  parts: readonly Uint8Array[],
  weights: ColumnWeights,
  postings?: number,
  into?: PostingList,
  valueOf?: (frequency: number, rowid: number) => number,
): PostingList {
  let capacity = postings ?? 0;
  if (postings === undefined) for (const part of parts) capacity += part.length >> 1;
  const rows = into?.rows ?? new Int32Array(capacity);
  const frequencies = into?.frequencies ?? new Float64Array(capacity);
  capacity = Math.min(rows.length, frequencies.length);
  const { heading, body, note, speaker } = weights;
  let length = 0;
  for (const bytes of parts) {
    cursor = 0;
    let rowid = 0;
    while (cursor < bytes.length) {
      // Most deltas and codes of a long list are one byte: read those without a call.
      const delta = bytes[cursor] as number;
      if (delta < 0x80) {
        cursor += 1;
        rowid += delta;
      } else {
        rowid += varint(bytes);
      }
      const first = bytes[cursor] as number;
      let code = first;
      if (first < 0x80) cursor += 1;
      else code = varint(bytes);
      let frequency = (code >>> 1) * body;
      if (code & 1) {
        frequency += varint(bytes) * heading;
        frequency += varint(bytes) * note;
        frequency += varint(bytes) * speaker;
      }
      if (length === capacity) throw new RangeError(`a list said to hold ${capacity} postings holds more`);
      rows[length] = rowid;
      frequencies[length] = valueOf ? valueOf(frequency, rowid) : frequency;
      length += 1;
    }
  }
  return { rows: rows.subarray(0, length), frequencies: frequencies.subarray(0, length) };
}

/** Calls `each(rowid, tokens)` for every entry of a lengths list. */
export function forEachLength(bytes: Uint8Array, each: (rowid: number, tokens: number) => void): void {
  cursor = 0;
  let rowid = 0;
  while (cursor < bytes.length) {
    rowid += varint(bytes);
    each(rowid, varint(bytes));
  }
}

/** Calls `each(rowid, documentRowid, speaker)` for every entry of a placements list. */
export function forEachPlacement(bytes: Uint8Array, each: (rowid: number, documentRowid: number, speaker: number) => void): void {
  cursor = 0;
  let rowid = 0;
  while (cursor < bytes.length) {
    rowid += varint(bytes);
    const documentRowid = varint(bytes);
    each(rowid, documentRowid, varint(bytes));
  }
}

/** The rowids of a passages list's segments, in order; `count` is how many they hold. */
export function decodeRowids(parts: readonly Uint8Array[], count: number): Int32Array {
  const rows = new Int32Array(count);
  let length = 0;
  for (const bytes of parts) {
    cursor = 0;
    let rowid = 0;
    while (cursor < bytes.length) {
      if (length === count) throw new RangeError(`a list said to hold ${count} passages holds more`);
      rowid += varint(bytes);
      rows[length++] = rowid;
    }
  }
  return rows.subarray(0, length);
}
