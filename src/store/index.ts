import { VerbatimError } from '../errors.ts';
import { SqliteStore } from './sqlite/sqlite-store.ts';
import type { Store } from './store.ts';

export type { ArchiveStats, IndexProgress, PassageRow, PutOutcome, Store } from './store.ts';
export { PASSAGES_PER_COMMIT } from './store.ts';
export { SqliteStore } from './sqlite/sqlite-store.ts';

/** Where the archive lives when neither --db nor VERBATIM_DB says. */
export const DEFAULT_ARCHIVE = './verbatim-data';

export function archiveLocation(option?: string): string {
  return option ?? process.env.VERBATIM_DB ?? DEFAULT_ARCHIVE;
}

/** A directory opens the embedded SQLite archive; a postgres:// URL a server deployment. */
export function openStore(location: string): Store {
  if (/^postgres(ql)?:\/\//.test(location)) {
    throw new VerbatimError('VBT_ERR_STORE_UNSUPPORTED', [`${location} (the PostgreSQL store is not built yet)`]);
  }
  return new SqliteStore(location);
}
