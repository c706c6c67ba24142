/**
 * The real passages the benchmarks generate theirs from: the FRUS corpus of ../shared, ingested
 * into a scratch store and read back with the fields a generated passage copies.
 */
import { ingestPaths } from '../src/ingest/pipeline.ts';
import { SqliteStore } from '../src/store/index.ts';
import { FRUS_DIR, tempDir } from '../test/helpers/shared.ts';
import type { SourcePassage } from './search-corpus.ts';

export async function corpusSources(): Promise<SourcePassage[]> {
  const store = new SqliteStore(tempDir('verbatim-bench-src-'));
  await ingestPaths(store, [FRUS_DIR]);
  const rows = store.db
    .prepare(
      `SELECT p.text, p.speaker_name AS speaker, d.type, d.year, d.place FROM passages p
       JOIN documents d ON d.rowid = p.doc_rowid WHERE p.kind IN ('paragraph', 'quote', 'list') ORDER BY p.rowid`,
    )
    .all() as { text: string; speaker: string | null; type: string; year: number | null; place: string | null }[];
  const sources: SourcePassage[] = rows.map((row) => ({
    text: row.text,
    type: row.type,
    ...(row.speaker ? { speaker: row.speaker } : {}),
    ...(row.year ? { year: row.year } : {}),
    ...(row.place ? { place: row.place } : {}),
  }));
  await store.close();
  return sources;
}
