/**
 * The FRUS TEI files of ../shared ingested once per test process, for the trace tests. Only
 * the XML volumes are read (the folder also holds a README).
 */
import { ingestPaths } from '../../src/ingest/pipeline.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { FRUS_V05, FRUS_VE13, tempDir } from '../helpers/shared.ts';

let store: Promise<Store> | undefined;

export function traceCorpusStore(): Promise<Store> {
  store ??= (async () => {
    const opened = openStore(tempDir('verbatim-trace-'));
    const summary = await ingestPaths(opened, [FRUS_V05, FRUS_VE13]);
    if (summary.failed.length > 0) throw new Error(`corpus ingest failed: ${JSON.stringify(summary.failed)}`);
    return opened;
  })();
  return store;
}
