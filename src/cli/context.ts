/** Conventions every command shares: where the archive is, how results are printed. */
import type { Command } from 'commander';
import { archiveLocation, openStore, type Store } from '../store/index.ts';

export const EXIT = {
  ok: 0,
  /** Some inputs failed (ingest reported them); the rest succeeded. */
  partial: 1,
  usage: 2,
  /** The input given was unusable (bad query, unknown id). */
  input: 3,
  failure: 4,
} as const;

export interface GlobalOptions {
  db?: string;
  json?: boolean;
}

export function globalOptions(command: Command): GlobalOptions {
  return command.optsWithGlobals() as GlobalOptions;
}

/** Opens the archive for a command and closes it after, whatever happens. */
export async function withStore<T>(command: Command, work: (store: Store) => Promise<T>): Promise<T> {
  const store = openStore(archiveLocation(globalOptions(command).db));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/**
 * Prints a command's result: the JSON document alone on stdout with --json, else the human
 * rendering. Progress and logs always go to stderr so stdout stays machine-readable.
 */
export function emit<T>(command: Command, result: T, human: (result: T) => string): void {
  if (globalOptions(command).json) process.stdout.write(JSON.stringify(result) + '\n');
  else process.stdout.write(human(result).replace(/\n?$/, '\n'));
}

/** Sets the exit code main() returns once the command has finished. */
export function setExitCode(command: Command, code: number): void {
  let root = command;
  while (root.parent) root = root.parent;
  root.setOptionValue('exitCode', code);
}
