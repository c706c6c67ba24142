/**
 * The collection statistics FTS5's bm25() uses: its row count and total token count, read from
 * the index's averages record (row 1 of passages_fts_data: SQLite varints, the row count then
 * one token total per column). The posting-list engine ranks with these same numbers so its
 * scores equal FTS5's. They are not the live counts: FTS5 does not take a deleted row of a
 * contentless table out of them, and bm25 must agree with FTS5 rather than be recomputed.
 */
import type Database from 'better-sqlite3';

export interface CollectionStatistics {
  rows: number;
  tokens: number;
}

const AVERAGES_ROWID = 1;

export function fts5Statistics(db: Database.Database): CollectionStatistics {
  const record = db.prepare('SELECT block FROM passages_fts_data WHERE id = ?').pluck().get(AVERAGES_ROWID) as
    | Uint8Array
    | undefined;
  if (!record) return { rows: 0, tokens: 0 };
  const [rows = 0, ...columns] = sqliteVarints(record);
  return { rows, tokens: columns.reduce((sum, value) => sum + value, 0) };
}

/** SQLite's varint format: big-endian groups of 7 bits, the 9th byte (if any) whole. */
export function sqliteVarints(bytes: Uint8Array): number[] {
  const values: number[] = [];
  let at = 0;
  while (at < bytes.length) {
    let value = 0;
    for (let length = 1; ; length += 1) {
      const byte = bytes[at++] as number;
      if (length === 9) {
        value = value * 256 + byte;
        break;
      }
      value = value * 128 + (byte & 0x7f);
      if (!(byte & 0x80)) break;
    }
    values.push(value);
  }
  return values;
}
