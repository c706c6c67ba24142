/**
 * A store with the real FRUS corpus of ../shared ingested, made once per test process and
 * shared by the tests in it (ingest takes about a second).
 */
import { ingestPaths } from '../../src/ingest/pipeline.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { FRUS_DIR, tempDir } from './shared.ts';

let corpusStore: Promise<Store> | undefined;

/** Opens (and on first call fills) a store holding every document of ../shared/corpus/frus. */
export function openCorpusStore(): Promise<Store> {
  corpusStore ??= (async () => {
    const store = openStore(tempDir('verbatim-corpus-'));
    const summary = await ingestPaths(store, [FRUS_DIR]);
    if (summary.failed.length > 0) throw new Error(`corpus ingest failed: ${JSON.stringify(summary.failed)}`);
    return store;
  })();
  return corpusStore;
}
