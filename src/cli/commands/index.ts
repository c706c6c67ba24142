/** Every CLI command, in the order `verbatim --help` lists them. One line per command. */
import type { Command } from 'commander';
import { registerExport } from './export.ts';
import { registerImport } from './import.ts';
import { registerIngest } from './ingest.ts';
import { registerShow } from './show.ts';
import { registerStats } from './stats.ts';
import { registerServe } from './serve.ts';
import { registerSearch } from './search.ts';
import { registerAlias } from './alias.ts';
import { registerTrace } from './trace.ts';

export const COMMANDS: readonly ((program: Command) => void)[] = [
  registerIngest,
  registerImport,
  registerShow,
  registerStats,
  registerServe,
  registerSearch,
  registerAlias,
  registerTrace,
  registerExport,
];
