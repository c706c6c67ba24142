import { join } from 'node:path';
import type { Command } from 'commander';
import { downloadVolume, FRUS_SOURCE } from '../../ingest/frus-import.ts';
import { ingestPaths, type IngestSummary } from '../../ingest/pipeline.ts';
import { archiveLocation } from '../../store/index.ts';
import { emit, EXIT, globalOptions, setExitCode, withStore } from '../context.ts';
import { progressBar } from '../progress.ts';
import { ingestProgressEvents } from './ingest.ts';

interface ImportResult extends IngestSummary {
  downloads: { volume: string; path: string; bytes: number; how: string }[];
}

export function registerImport(program: Command): void {
  const importCommand = program.command('import').description('download sources from public repositories and ingest them');
  importCommand
    .command('frus')
    .description('download FRUS volumes (HistoryAtState/frus) and ingest them; downloads resume where they stopped')
    .argument('<volume-ids...>', 'volume ids, e.g. frus1981-88v05')
    .option('--source <url>', 'base URL of the FRUS repository or a mirror (default: $VERBATIM_FRUS_SOURCE or GitHub)')
    .option('--refresh', 'download again even if a complete copy is on disk')
    .action(async (volumes: string[], options: { source?: string; refresh?: boolean }, command: Command) => {
      const location = archiveLocation(globalOptions(command).db);
      // Downloads live beside an embedded archive; a server archive keeps them in the working folder.
      const directory = /^postgres/.test(location) ? join('.', 'verbatim-downloads') : join(location, 'downloads');
      const source = options.source ?? process.env.VERBATIM_FRUS_SOURCE ?? FRUS_SOURCE;
      const bar = progressBar();
      const downloads: ImportResult['downloads'] = [];
      const failed: IngestSummary['failed'] = [];
      for (const volume of volumes) {
        bar.start(100, `downloading ${volume}`);
        try {
          const result = await downloadVolume(volume, directory, {
            source,
            refresh: options.refresh,
            progress: (received, total) => bar.update(total > 0 ? Math.floor((received / total) * 100) : 0),
          });
          downloads.push({ volume, ...result });
          bar.stop();
          bar.log(`${volume}: ${result.how} (${result.bytes} bytes)`);
        } catch (error) {
          bar.stop();
          failed.push({ path: volume, error: error instanceof Error ? error.message : String(error), code: (error as { code?: string }).code });
          bar.log(`failed: ${failed.at(-1)?.error}`);
        }
      }
      const summary = await withStore(command, (store) =>
        ingestPaths(store, downloads.map((d) => d.path), { events: ingestProgressEvents() }),
      );
      const result: ImportResult = { ...summary, failed: [...failed, ...summary.failed], downloads };
      emit(command, result, (r) =>
        [
          `${r.downloads.length} volumes downloaded, ${r.ingested} documents stored, ${r.skipped} unchanged, ${r.failed.length} failed`,
          ...r.failed.map((f) => `failed: ${f.error}`),
        ].join('\n'),
      );
      if (result.failed.length > 0) setExitCode(command, EXIT.partial);
    });
}
