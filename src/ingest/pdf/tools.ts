/**
 * The external programs the PDF reader runs (poppler-utils, tesseract-ocr), spawned without a
 * shell, with a timeout and an output cap. A missing program is VBT_ERR_TOOL_MISSING naming the
 * Debian package to install; a crash or a timeout is VBT_ERR_TOOL_FAILED naming the file.
 */
import { execFile } from 'node:child_process';
import { VerbatimError } from '../../errors.ts';

/** The Debian package that provides each program. */
export const TOOL_PACKAGES: Record<string, string> = {
  pdfinfo: 'poppler-utils',
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  pdfimages: 'poppler-utils',
  tesseract: 'tesseract-ocr',
};

/** pdftotext on a few thousand pages stays far below this; more is a hostile file. */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

export interface ToolResult {
  stdout: Buffer;
  stderr: string;
  /** Exit code: 0 for success; tools report their own failures through it. */
  code: number;
}

export interface ToolCall {
  tool: string;
  args: string[];
  /** The file being processed, for messages. */
  path: string;
  timeoutMs: number;
}

/** Runs a tool and resolves with its exit code, even when it is not 0 (callers read stderr). */
export function runTool({ tool, args, path, timeoutMs }: ToolCall): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    execFile(
      tool,
      args,
      { encoding: 'buffer', timeout: timeoutMs, maxBuffer: MAX_OUTPUT_BYTES, killSignal: 'SIGKILL', windowsHide: true },
      (error, stdout, stderr) => {
        const stderrText = stderr.toString('utf8');
        if (!error) return resolve({ stdout, stderr: stderrText, code: 0 });
        const failure = error as NodeJS.ErrnoException & { killed?: boolean; code?: number | string };
        if (failure.code === 'ENOENT') {
          return reject(new VerbatimError('VBT_ERR_TOOL_MISSING', [tool, TOOL_PACKAGES[tool] ?? tool], { cause: error }));
        }
        if (failure.killed) {
          return reject(new VerbatimError('VBT_ERR_TOOL_FAILED', [tool, path, `no answer within ${timeoutMs / 1000} s`], { cause: error }));
        }
        if (failure.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
          return reject(new VerbatimError('VBT_ERR_TOOL_FAILED', [tool, path, `output over ${MAX_OUTPUT_BYTES} bytes`], { cause: error }));
        }
        if (typeof failure.code === 'number') return resolve({ stdout, stderr: stderrText, code: failure.code });
        reject(new VerbatimError('VBT_ERR_TOOL_FAILED', [tool, path, error.message], { cause: error }));
      },
    );
  });
}

/** The first meaningful line a tool wrote to stderr, for an error message. */
export function firstErrorLine(stderr: string): string {
  return stderr.split('\n').map((line) => line.trim()).find(Boolean) ?? 'no message';
}
