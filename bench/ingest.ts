/**
 * Ingest throughput: Verbatim's whole pipeline (validate, parse, structure, store with FTS5)
 * against raw SQLite FTS5 inserts of the same passage texts, measured in the same run.
 *
 *   node --import tsx bench/ingest.ts [--volume-mb 8] [--runs 3]
 *
 * Reads ../shared/corpus/frus at run time. Besides the corpus as it is, it builds a synthetic
 * volume of about --volume-mb megabytes by repeating the excerpt's documents under new ids, to
 * measure the brief's "whole FRUS volume (8 MB of TEI) in under 3 s" target.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { ingestPaths } from '../src/ingest/pipeline.ts';
import { openStore } from '../src/store/index.ts';
import { DATABASE_FILE } from '../src/store/sqlite/sqlite-store.ts';
import { FRUS_DIR, FRUS_V05 } from '../test/helpers/shared.ts';

const { values: options } = parseArgs({
  options: { 'volume-mb': { type: 'string', default: '8' }, runs: { type: 'string', default: '3' } },
});
const runs = Number(options.runs);

interface Measure {
  label: string;
  files: string[];
}

function synthesiseVolume(megabytes: number, dir: string): string {
  const source = readFileSync(FRUS_V05, 'utf8');
  const documents = source.match(/<div [^>]*type="document"[\s\S]*?\n\s{20}<\/div>/g) ?? [];
  const body: string[] = [];
  let size = source.length;
  for (let copy = 0; size < megabytes * 1024 * 1024; copy++) {
    for (const document of documents) {
      const renamed = document.replace(/xml:id="d(\d+)"/, (_, n: string) => `xml:id="d${n}c${copy}"`);
      body.push(renamed);
      size += renamed.length;
    }
  }
  const volume = source.replace(/<body>[\s\S]*<\/body>/, `<body>\n${body.join('\n')}\n</body>`);
  const path = join(dir, 'synthetic-volume.xml');
  writeFileSync(path, volume);
  return path;
}

function bytesOf(files: string[]): number {
  return files.reduce((total, file) => total + statSync(file).size, 0);
}

async function verbatimIngest(files: string[]): Promise<{ seconds: number; documents: number; texts: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
  const store = openStore(dir);
  const started = performance.now();
  const summary = await ingestPaths(store, files);
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true });
  const texts = (db.prepare('SELECT text FROM passages ORDER BY rowid').all() as { text: string }[]).map((r) => r.text);
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return { seconds, documents: summary.documents, texts };
}

/** The baseline: the same passage texts into a bare FTS5 table, one transaction, same tokenizer. */
function rawFts5(texts: string[]): number {
  const dir = mkdtempSync(join(tmpdir(), 'bench-raw-'));
  const db = new Database(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'porter unicode61 remove_diacritics 2')");
  const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
  const started = performance.now();
  db.transaction(() => {
    for (const text of texts) insert.run(text);
  })();
  const seconds = (performance.now() - started) / 1000;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return seconds;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const scratch = mkdtempSync(join(tmpdir(), 'bench-volume-'));
const corpusFiles = readdirSync(FRUS_DIR).filter((f) => f.endsWith('.xml')).map((f) => join(FRUS_DIR, f));
const measures: Measure[] = [
  { label: 'shared corpus (2 excerpts)', files: corpusFiles },
  { label: `synthetic volume (~${options['volume-mb']} MB)`, files: [synthesiseVolume(Number(options['volume-mb']), scratch)] },
];

const rows: string[][] = [];
for (const measure of measures) {
  const mb = bytesOf(measure.files) / 1024 / 1024;
  const ours: number[] = [];
  const raw: number[] = [];
  let documents = 0;
  let passages = 0;
  for (let run = 0; run < runs; run++) {
    const result = await verbatimIngest(measure.files);
    ours.push(result.seconds);
    documents = result.documents;
    passages = result.texts.length;
    raw.push(rawFts5(result.texts));
  }
  const oursSeconds = median(ours);
  const rawSeconds = median(raw);
  rows.push([
    measure.label,
    mb.toFixed(2),
    String(documents),
    String(passages),
    oursSeconds.toFixed(3),
    (documents / oursSeconds).toFixed(0),
    (mb / oursSeconds).toFixed(2),
    rawSeconds.toFixed(3),
    (mb / rawSeconds).toFixed(2),
    `${((rawSeconds / oursSeconds) * 100).toFixed(0)}%`,
  ]);
}
rmSync(scratch, { recursive: true, force: true });

const header = ['input', 'MB', 'docs', 'passages', 'verbatim s', 'docs/s', 'MB/s', 'raw FTS5 s', 'raw MB/s', 'verbatim/raw'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ') + ' |';
console.log(`Ingest throughput, median of ${runs} runs (node ${process.version}, one process)`);
console.log(line(header));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const row of rows) console.log(line(row));
console.log('verbatim/raw = throughput of the whole Verbatim pipeline as a share of raw FTS5 inserts of the same passage texts (target ≥ 70%).');
