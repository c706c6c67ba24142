import { relative } from 'node:path';
import type { Command } from 'commander';
import { ingestPaths, type IngestEvents, type IngestSummary } from '../../ingest/pipeline.ts';
import { emit, EXIT, setExitCode, withStore } from '../context.ts';
import { progressBar } from '../progress.ts';

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('ingest files or folders (TEI, PDF, HTML, text, Markdown); idempotent')
    .argument('<paths...>', 'files or folders')
    .option('--article', 'store the inputs as articles (news) rather than primary documents')
    .action(async (paths: string[], options: { article?: boolean }, command: Command) => {
      const summary = await withStore(command, (store) =>
        ingestPaths(store, paths, { asArticle: options.article, events: ingestProgressEvents() }),
      );
      emit(command, summary, humanSummary);
      if (summary.failed.length > 0) setExitCode(command, EXIT.partial);
    });
}

/** Progress bars (or, off a terminal, a line per file) for an ingest run; `import frus` shares them. */
export function ingestProgressEvents(): IngestEvents {
  const bar = progressBar();
  let fileCount = 0;
  return {
    files: (paths: string[]) => {
      fileCount = paths.length;
    },
    fileStart: (path: string, index: number) => {
      bar.start(100, `${index + 1}/${fileCount} ${shortPath(path)}`);
    },
    fileProgress: (_path: string, done: number, total: number) => {
      bar.update(total > 0 ? Math.floor((done / total) * 100) : 0);
    },
    fileDone: (path: string, result: { stored: number; unchanged: number } | { error: string }) => {
      bar.stop();
      if ('error' in result) bar.log(`failed: ${result.error}`);
      else bar.log(`${shortPath(path)}: ${result.stored} stored, ${result.unchanged} unchanged`);
    },
    indexProgress: (done: number, total: number) => {
      if (total === 0) return;
      const label = 'search index';
      if (done === 0) bar.start(total, label);
      bar.update(done);
      if (done === total) {
        bar.stop();
        bar.log(`${label}: ${total} passages indexed`);
      }
    },
  };
}

function shortPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') && rel.length > path.length ? path : rel;
}

function humanSummary(summary: IngestSummary): string {
  const lines = [
    `${summary.ingested} stored, ${summary.skipped} unchanged, ${summary.failed.length} failed ` +
      `(${summary.files} files in ${summary.seconds}s)`,
    `archive: ${summary.documents} documents, ${summary.passages} passages, ${summary.articles} articles`,
  ];
  for (const failure of summary.failed) lines.push(`failed: ${failure.error}`);
  return lines.join('\n');
}
