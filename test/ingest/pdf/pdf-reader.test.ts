/**
 * PDF releases: generated from real FRUS memcons (text layer and a noisy scan), and hostile
 * files (encrypted, truncated, zero-byte, not a PDF, thousands of pages, tools missing).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { isVerbatimError, type ErrorCode } from '../../../src/errors.ts';
import type { Document } from '../../../src/model/index.ts';
import { createPdfReader, pdfReader } from '../../../src/ingest/pdf/index.ts';
import { ingestPaths } from '../../../src/ingest/pipeline.ts';
import type { ReadContext } from '../../../src/ingest/reader.ts';
import { openStore } from '../../../src/store/index.ts';
import { characterErrorRate } from '../../helpers/cer.ts';
import { readFrusRecords } from '../../helpers/frus-record.ts';
import { layOutMemcon } from '../../helpers/memcon-layout.ts';
import { writeScannedPdf, writeTextPdf } from '../../helpers/memcon-pdf.ts';
import { writePdf } from '../../helpers/pdf-writer.ts';
import { FRUS_VE13, sharedSkip, tempDir } from '../../helpers/shared.ts';

const dir = tempDir('verbatim-pdf-');

async function readDocument(path: string, context: ReadContext = {}, reader = pdfReader): Promise<Document> {
  const items = [];
  for await (const item of reader.read(path, context)) items.push(item);
  assert.equal(items.length, 1);
  assert.equal(items[0]!.kind, 'document');
  return (items[0] as { document: Document }).document;
}

async function rejects(path: string, code: ErrorCode, reason?: RegExp, reader = pdfReader): Promise<void> {
  await assert.rejects(readDocument(path, {}, reader), (error) => {
    assert.ok(isVerbatimError(error, code), `${path}: expected ${code}, got ${String(error)}`);
    if (reason) assert.match((error as Error).message, reason);
    assert.ok((error as Error).message.includes(path), 'the message names the file');
    return true;
  });
}

/** A short real dialogue memcon (one page), typed and then scanned. */
function frusPdfs() {
  const record = readFrusRecords(FRUS_VE13).find((r) => r.id === 'd17')!;
  const laidOut = layOutMemcon(record, 6);
  const text = writeTextPdf(laidOut.pages, join(dir, 'd17.pdf'));
  const scan = writeScannedPdf(text, dir, join(dir, 'd17-scan.pdf'));
  return { ...laidOut, text, scan };
}

test('shared: a FRUS memcon typed into a PDF is read from its text layer with its structure', { skip: sharedSkip }, async () => {
  const { text, expected } = frusPdfs();
  const document = await readDocument(text);
  assert.equal(document.source.format, 'pdf');
  assert.equal(document.type, 'memcon');
  assert.equal(document.date?.start, expected.date);
  assert.equal(document.place, expected.place);
  assert.equal(document.participants.length, expected.participants);
  assert.equal(document.classification?.marked, expected.classification);
  assert.equal(document.declassification?.case_number, expected.case_number);
  assert.equal(document.declassification?.date, expected.declassified);
  assert.deepEqual(document.redactions.map((r) => r.exemptions), [['(b)(1)']]);
  assert.equal(document.style, 'dialogue');
  assert.equal(document.turns.length, expected.labelledParagraphs);
  assert.ok(document.pages.every((page) => page.ocr_confidence === undefined));
  const body = document.passages.filter((p) => p.kind === 'paragraph').map((p) => p.text).join('\n\n');
  assert.ok(characterErrorRate(expected.bodyText, body) < 0.02, 'the text layer is the typed text');
});

test('shared: the same memcon scanned with noise is OCRed with confidence, progress and structure', { skip: sharedSkip }, async () => {
  const { scan, expected } = frusPdfs();
  const progress: [number, number, string][] = [];
  const stages: string[] = [];
  const document = await readDocument(scan, { progress: (...args) => progress.push(args), stage: (name) => stages.push(name) });
  assert.equal(document.source.format, 'pdf-ocr');
  assert.ok(stages.some((stage) => stage.startsWith('ocr page 1')));
  assert.deepEqual(progress.at(-1), [1, 1, 'pages']);
  for (const page of document.pages) assert.ok((page.ocr_confidence ?? 0) > 60, `page ${page.page} confidence ${page.ocr_confidence}`);
  assert.equal(document.type, 'memcon');
  assert.equal(document.date?.start, expected.date);
  assert.equal(document.classification?.marked, expected.classification);
  assert.equal(document.declassification?.case_number, expected.case_number);
  assert.ok(document.redactions.some((r) => r.exemptions.includes('(b)(1)')), 'the black box and its exemption');
  assert.ok(document.turns.length >= expected.labelledParagraphs - 1);
  const body = document.passages.filter((p) => p.kind === 'paragraph').map((p) => p.text).join('\n\n');
  const cer = characterErrorRate(expected.bodyText.replace(/\u2588+/g, '[redacted]'), body);
  assert.ok(cer < 0.1, `character error rate ${cer.toFixed(3)}`);
});

test('an encrypted PDF is refused as encrypted', async () => {
  const plain = join(dir, 'plain.pdf');
  writeFileSync(plain, writePdf([{ kind: 'text', lines: ['MEMORANDUM OF CONVERSATION', 'The President: This text is locked away.'] }]));
  const locked = join(dir, 'locked.pdf');
  execFileSync('gs', ['-q', '-dSAFER', '-dBATCH', '-dNOPAUSE', '-sDEVICE=pdfwrite', '-sOwnerPassword=owner', '-sUserPassword=user', `-sOutputFile=${locked}`, plain]);
  await rejects(locked, 'VBT_ERR_PDF_ENCRYPTED', /encrypted/);
});

test('truncated, zero-byte and not-a-PDF files are clear per-file errors', async () => {
  const whole = writePdf([{ kind: 'text', lines: ['SECRET', 'MEMORANDUM OF CONVERSATION', 'The President: Hello.'] }]);
  const truncated = join(dir, 'truncated.pdf');
  writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
  await rejects(truncated, 'VBT_ERR_PDF_BROKEN', /truncated/);
  const empty = join(dir, 'empty.pdf');
  writeFileSync(empty, '');
  await rejects(empty, 'VBT_ERR_EMPTY_FILE');
  const html = join(dir, 'page.pdf');
  writeFileSync(html, '<html><body>Not a PDF at all</body></html>');
  await rejects(html, 'VBT_ERR_PDF_BROKEN', /not a PDF/);
  const garbage = join(dir, 'garbage.pdf');
  writeFileSync(garbage, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(4096, 0x41), Buffer.from('\n%%EOF\n')]));
  await rejects(garbage, 'VBT_ERR_PDF_BROKEN');
});

test('a PDF of thousands of pages is read within its page limit and refused over it', async () => {
  const pages = Array.from({ length: 3000 }, (_, n) => ({ kind: 'text' as const, lines: [`Page ${n + 1} of a long release of routine cables.`] }));
  const long = join(dir, 'long.pdf');
  writeFileSync(long, writePdf(pages));
  const document = await readDocument(long);
  assert.equal(document.pages.length, 3000);
  assert.equal(document.pages.at(-1)!.page, '3000');
  await rejects(long, 'VBT_ERR_PDF_TOO_MANY_PAGES', /3000 pages/, createPdfReader({ maxPages: 1000 }));
});

test('a PDF whose pages hold no text at all, even after OCR, is refused', async () => {
  const blank = join(dir, 'blank.pdf');
  writeFileSync(blank, writePdf([{ kind: 'text', lines: [''] }]));
  await rejects(blank, 'VBT_ERR_PDF_NO_TEXT');
});

test('missing poppler-utils is reported with the Debian package to install', async () => {
  const path = join(dir, 'plain-missing.pdf');
  writeFileSync(path, writePdf([{ kind: 'text', lines: ['Some text on a page that is long enough.'] }]));
  const saved = process.env.PATH;
  process.env.PATH = tempDir('verbatim-empty-path-');
  try {
    await assert.rejects(readDocument(path), (error) => {
      assert.ok(isVerbatimError(error, 'VBT_ERR_TOOL_MISSING'));
      assert.match((error as Error).message, /pdfinfo .*apt-get install poppler-utils/);
      return true;
    });
  } finally {
    process.env.PATH = saved;
  }
});

test('ingest: bad PDFs fail one by one, the good one is stored, nothing half-written', async () => {
  const folder = tempDir('verbatim-pdf-batch-');
  writeFileSync(join(folder, 'a-good.pdf'), writePdf([{ kind: 'text', lines: ['CONFIDENTIAL', '', 'SUBJECT: A test', '', 'The President: This is a record.'] }]));
  writeFileSync(join(folder, 'b-empty.pdf'), '');
  writeFileSync(join(folder, 'c-broken.pdf'), readFileSync(join(folder, 'a-good.pdf')).subarray(0, 100));
  const store = openStore(tempDir('verbatim-pdf-db-'));
  try {
    const summary = await ingestPaths(store, [folder]);
    assert.equal(summary.ingested, 1);
    assert.deepEqual(summary.failed.map((f) => f.code), ['VBT_ERR_EMPTY_FILE', 'VBT_ERR_PDF_BROKEN']);
    assert.equal(summary.documents, 1);
  } finally {
    await store.close();
  }
});
