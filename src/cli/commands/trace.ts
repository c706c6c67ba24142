import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { VerbatimError } from '../../errors.ts';
import { toClaimReview } from '../../trace/claimreview.ts';
import { trace, type TraceInput } from '../../trace/index.ts';
import { renderTraceHtml } from '../../trace/report-html.ts';
import { renderTraceText } from '../../trace/report-text.ts';
import { globalOptions, emit, withStore } from '../context.ts';

/** The first bytes that say an input is HTML rather than text. */
const HTML_SNIFF = /^\s*(?:<!doctype html|<html|<head|<body|<article|<div|<p[\s>])/i;

export function registerTrace(program: Command): void {
  program
    .command('trace')
    .description('trace an article (HTML or text) against the archive: documents, quotation verdicts, claims')
    .argument('<file>', 'the article: a file, or - for standard input')
    .option('--html', 'print a standalone HTML report')
    .option('--claimreview', 'print schema.org ClaimReview JSON-LD')
    .option('--url <url>', 'the page the article was copied from')
    .action(async (file: string, options: { html?: boolean; claimreview?: boolean; url?: string }, command: Command) => {
      const content = await readInput(file);
      const input: TraceInput = HTML_SNIFF.test(content) || /\.html?$/i.test(file)
        ? { html: content, url: options.url, origin: file }
        : { text: content, url: options.url, origin: file };
      const result = await withStore(command, (store) => trace(store, input));
      if (options.claimreview) process.stdout.write(JSON.stringify(toClaimReview(result), null, 2) + '\n');
      else if (options.html && !globalOptions(command).json) process.stdout.write(renderTraceHtml(result));
      else emit(command, result, renderTraceText);
    });
}

async function readInput(file: string): Promise<string> {
  try {
    if (file !== '-') return await readFile(file, 'utf8');
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  } catch (error) {
    throw new VerbatimError('VBT_ERR_FILE_UNREADABLE', [file, (error as Error).message], { cause: error });
  }
}
