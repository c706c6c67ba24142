/** Every CLI command, in the order `verbatim --help` lists them. One line per command. */
import type { Command } from 'commander';
import { registerIngest } from './ingest.ts';
import { registerShow } from './show.ts';
import { registerStats } from './stats.ts';

export const COMMANDS: readonly ((program: Command) => void)[] = [
  registerIngest,
  registerShow,
  registerStats,
];
