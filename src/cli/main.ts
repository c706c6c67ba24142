/**
 * The `verbatim` command line. Each command lives in commands/<name>.ts and registers itself
 * here; all of them share the conventions in context.ts (--db, --json, exit codes).
 */
import { Command, CommanderError } from 'commander';
import { isVerbatimError, reasonOf } from '../errors.ts';
import { COMMANDS } from './commands/index.ts';
import { EXIT } from './context.ts';

export function buildProgram(): Command {
  const program = new Command('verbatim')
    .description('An archive of declassified primary sources and of the news that quotes them.')
    .option('--db <location>', 'archive: a directory (embedded SQLite) or a postgres:// URL (default: $VERBATIM_DB or ./verbatim-data)')
    .option('--json', 'print exactly one JSON document on stdout')
    .showHelpAfterError()
    .exitOverride();
  for (const register of COMMANDS) register(program);
  return program;
}

/** Runs the CLI and returns the process exit code (never calls process.exit itself). */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return program.getOptionValue('exitCode') ?? EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const json = argv.includes('--json');
    const message = reasonOf(error);
    const code = isVerbatimError(error) ? error.code : 'VBT_ERR_INTERNAL';
    if (json) process.stdout.write(JSON.stringify({ error: { code, message } }) + '\n');
    process.stderr.write(`verbatim: ${message}\n`);
    if (!isVerbatimError(error) && process.env.VERBATIM_DEBUG) console.error(error);
    return isVerbatimError(error) && error.status < 500 ? EXIT.input : EXIT.failure;
  }
}
