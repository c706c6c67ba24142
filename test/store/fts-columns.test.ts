import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { FTS_COLUMNS, FTS_COLUMNS_SQL, ftsColumns } from '../../src/store/sqlite/fts-columns.ts';

test('FTS5 is filled by SQL that puts each kind of passage in the columns the posting lists read it from', () => {
  const db = new Database(':memory:');
  const select = db.prepare(`SELECT ${FTS_COLUMNS_SQL} FROM (SELECT ? AS kind, ? AS text, ? AS speaker_name)`).raw();
  for (const kind of ['paragraph', 'heading', 'footnote', 'turn', 'list-item', 'dateline']) {
    for (const speaker of [null, 'Mikhail Gorbachev']) {
      const expected = ftsColumns(kind, `Text of a ${kind}.`, speaker);
      assert.deepEqual(select.get(kind, `Text of a ${kind}.`, speaker), FTS_COLUMNS.map((column) => expected[column]), `${kind}, ${speaker}`);
    }
  }
  db.close();
});
