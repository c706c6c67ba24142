/**
 * Progress bars for long tasks, on stderr only. Off when stderr is not a terminal (CI, pipes),
 * where a line per file is printed instead so logs still show how far a task got.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  start(total: number, label: string): void;
  update(done: number, label?: string): void;
  stop(): void;
  log(line: string): void;
}

export function progressBar(enabled = process.stderr.isTTY === true): Progress {
  if (!enabled) {
    return {
      start: () => {},
      update: () => {},
      stop: () => {},
      log: (line) => process.stderr.write(line + '\n'),
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: '{bar} {percentage}% | {value}/{total} | {label}',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  return {
    start: (total, label) => bar.start(total, 0, { label }),
    update: (done, label) => bar.update(done, label === undefined ? undefined : { label }),
    stop: () => bar.stop(),
    log: (line) => {
      // Clear the bar's line, print, and let the next update redraw it.
      process.stderr.write('\r\x1b[K' + line + '\n');
    },
  };
}
