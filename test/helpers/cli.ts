/**
 * Runs the real `verbatim` command line in a child process, as a user would. Asynchronous, so
 * a server in the test's own process (a fake FRUS repository, say) can answer the child.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './shared.ts';

export const VERBATIM_BIN = join(REPO_ROOT, 'bin/verbatim.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  input?: string;
  env?: Record<string, string>;
}

export function spawnCli(args: string[], options: CliOptions = {}): ChildProcess {
  return spawn(process.execPath, [VERBATIM_BIN, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const child = spawnCli(args, options);
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin?.end(options.input ?? '');
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** `runCli` with --json, parsing the one JSON document stdout must hold. */
export async function runCliJson<T = Record<string, unknown>>(
  args: string[],
  options: CliOptions = {},
): Promise<{ status: number | null; json: T; stderr: string }> {
  const result = await runCli([...args, '--json'], options);
  try {
    return { status: result.status, json: JSON.parse(result.stdout) as T, stderr: result.stderr };
  } catch {
    throw new Error(`stdout is not one JSON document (exit ${result.status}):\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
}
