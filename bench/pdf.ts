/**
 * PDF reading, measured on real FRUS memcons laid out as typed US records and turned into
 * PDFs twice: with a text layer, and as a noisy scan (rendered, tilted, blurred, speckled).
 * Reports the OCR character error rate on the scanned pages, how many structure fields come
 * back right from each kind of PDF, and pages per second.
 *
 *   node --import tsx bench/pdf.ts [--docs N] [--paragraphs N]
 *
 * Defaults (3 memcons, 8 paragraphs each) run in about a minute on two cores.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Document } from '../src/model/index.ts';
import { pdfReader } from '../src/ingest/pdf/index.ts';
import { characterErrorRate } from '../test/helpers/cer.ts';
import { readFrusRecords, type FrusRecord } from '../test/helpers/frus-record.ts';
import { layOutMemcon, type LaidOutMemcon } from '../test/helpers/memcon-layout.ts';
import { writeScannedPdf, writeTextPdf } from '../test/helpers/memcon-pdf.ts';
import { FRUS_V05, FRUS_VE13 } from '../test/helpers/shared.ts';

const { values } = parseArgs({ options: { docs: { type: 'string', default: '3' }, paragraphs: { type: 'string', default: '8' } } });
const DOCS = Number(values.docs);
const PARAGRAPHS = Number(values.paragraphs);

type Expected = LaidOutMemcon['expected'];

/** Each structure field and whether a document got it right. */
const FIELDS: [string, (d: Document, e: Expected) => boolean][] = [
  ['type', (d, e) => d.type === e.type],
  ['subject/title', (d, e) => d.title === `Memorandum of Conversation: ${e.subject}`],
  ['date', (d, e) => d.date?.start === e.date],
  ['place', (d, e) => d.place === e.place],
  ['participants', (d, e) => d.participants.length === e.participants],
  ['sides', (d, e) => new Set(d.participants.map((p) => p.side).filter(Boolean)).size === e.sides.length],
  ['classification', (d, e) => d.classification?.marked === e.classification],
  ['declass. authority', (d, e) => d.declassification?.authority === e.authority],
  ['declass. case no.', (d, e) => d.declassification?.case_number === e.case_number],
  ['declass. date', (d, e) => d.declassification?.date === e.declassified],
  ['redaction (b)(1)', (d) => d.redactions.length === 1 && d.redactions[0]!.exemptions.includes('(b)(1)')],
  ['speaker turns', (d, e) => (e.labelledParagraphs > 0 ? d.turns.length === e.labelledParagraphs : d.style !== 'dialogue')],
];

async function read(path: string): Promise<{ document: Document; seconds: number }> {
  const started = performance.now();
  for await (const item of pdfReader.read(path, {})) {
    if (item.kind === 'document') return { document: item.document, seconds: (performance.now() - started) / 1000 };
  }
  throw new Error(`${path}: no document`);
}

function bodyOf(document: Document): string {
  return document.passages.filter((p) => p.kind === 'paragraph').map((p) => p.text).join('\n\n');
}

async function main(): Promise<void> {
  const memcons: FrusRecord[] = [FRUS_VE13, FRUS_V05]
    .flatMap((file) => readFrusRecords(file).filter((r) => /Memorandum of Conversation/.test(r.heading) && r.sides.length > 0))
    // Alternate dialogue (E-13) and narrative (V) records.
    .sort((a, b) => Number(a.id.length > 3) - Number(b.id.length > 3));
  const picked = [memcons.filter((r) => r.id.length <= 3), memcons.filter((r) => r.id.length > 3)]
    .flatMap((group, g) => group.map((record, i) => ({ record, order: i * 2 + g })))
    .sort((a, b) => a.order - b.order)
    .slice(0, DOCS)
    .map((entry) => entry.record);
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-bench-pdf-'));
  const rows: { id: string; pages: number; text: Document; scan: Document; cer: number; textSeconds: number; scanSeconds: number; confidence: number; expected: Expected }[] = [];
  try {
    for (const record of picked) {
      const laidOut = layOutMemcon(record, PARAGRAPHS);
      const textPath = writeTextPdf(laidOut.pages, join(dir, `${record.id}.pdf`));
      const scanPath = writeScannedPdf(textPath, dir, join(dir, `${record.id}-scan.pdf`));
      const text = await read(textPath);
      const scan = await read(scanPath);
      const truth = laidOut.expected.bodyText.replace(/\u2588+/g, '[redacted]');
      const confidences = scan.document.pages.map((p) => p.ocr_confidence ?? 0);
      rows.push({
        id: record.id,
        pages: laidOut.pages.length,
        text: text.document,
        scan: scan.document,
        cer: characterErrorRate(truth, bodyOf(scan.document)),
        textSeconds: text.seconds,
        scanSeconds: scan.seconds,
        confidence: confidences.reduce((a, b) => a + b, 0) / confidences.length,
        expected: laidOut.expected,
      });
      process.stderr.write(`${record.id}: ${laidOut.pages.length} pages\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(`\nPDF reading: ${rows.length} FRUS memcons (${rows.map((r) => r.id).join(', ')}), ${PARAGRAPHS} paragraphs each\n`);
  console.log('| document | pages | OCR confidence | OCR CER (body) | text-layer s | scan s |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(`| ${r.id} | ${r.pages} | ${r.confidence.toFixed(1)} | ${pct(r.cer)} | ${r.textSeconds.toFixed(2)} | ${r.scanSeconds.toFixed(1)} |`);
  }
  const pages = rows.reduce((sum, r) => sum + r.pages, 0);
  const textSeconds = rows.reduce((sum, r) => sum + r.textSeconds, 0);
  const scanSeconds = rows.reduce((sum, r) => sum + r.scanSeconds, 0);
  const meanCer = rows.reduce((sum, r) => sum + r.cer, 0) / rows.length;
  console.log(`| **all** | ${pages} | | **${pct(meanCer)}** | ${(pages / textSeconds).toFixed(1)} pages/s | ${(pages / scanSeconds).toFixed(2)} pages/s |`);
  console.log('\n| structure field | text layer | scanned (OCR) |');
  console.log('| --- | ---: | ---: |');
  let textTotal = 0;
  let scanTotal = 0;
  for (const [name, right] of FIELDS) {
    const t = rows.filter((r) => right(r.text, r.expected)).length;
    const s = rows.filter((r) => right(r.scan, r.expected)).length;
    textTotal += t;
    scanTotal += s;
    console.log(`| ${name} | ${t}/${rows.length} | ${s}/${rows.length} |`);
  }
  const all = FIELDS.length * rows.length;
  console.log(`| **accuracy** | **${pct(textTotal / all)}** | **${pct(scanTotal / all)}** |`);
}

await main();
