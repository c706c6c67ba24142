/**
 * Saved traces in the embedded archive: one row per permalink, input and result as JSON.
 * Kept apart from sqlite-store.ts so the trace tables have one owner.
 */
import type Database from 'better-sqlite3';
import type { SavedTrace } from '../store.ts';
import { writesSearchIgnores } from './passage-map.ts';

interface TraceRow {
  id: string;
  created_at: string;
  version: number;
  input: string;
  result: string;
}

export class SqliteTraces {
  private readonly insert: Database.Statement;
  private readonly select: Database.Statement;

  constructor(private readonly db: Database.Database) {
    // INSERT OR IGNORE: the id is content-derived, so an existing row already holds this trace.
    this.insert = db.prepare(
      'INSERT OR IGNORE INTO traces (id, created_at, version, input, result) VALUES (?, ?, ?, ?, ?)',
    );
    this.select = db.prepare('SELECT id, created_at, version, input, result FROM traces WHERE id = ?');
  }

  put(trace: SavedTrace): void {
    writesSearchIgnores(this.db, () =>
      this.insert.run(trace.id, trace.created_at, trace.version, JSON.stringify(trace.input), JSON.stringify(trace.result)),
    );
  }

  get(id: string): SavedTrace | undefined {
    const row = this.select.get(id) as TraceRow | undefined;
    if (!row) return undefined;
    return {
      id: row.id,
      created_at: row.created_at,
      version: row.version,
      input: JSON.parse(row.input) as SavedTrace['input'],
      result: JSON.parse(row.result) as SavedTrace['result'],
    };
  }
}
