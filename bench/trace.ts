/**
 * The trace benchmark: verdict accuracy, candidate-score calibration and speed.
 *
 *   node --import tsx bench/trace.ts [--samples 300] [--passages 100000] [--seed 1]
 *
 * 1. Quote variants. From real passages of ../shared/corpus/frus, a deterministic generator
 *    writes article-like texts that quote them verbatim, with minor variation (article swap,
 *    marked elision, bracketed insertion), altered (negation added or removed, number changed,
 *    name changed, content word substituted, dropped or added), attributed to the wrong
 *    participant, or quoting text that is not in the archive (a Markov sentence over the
 *    corpus). Each is traced; accuracy per verdict and the confusion matrix are printed.
 * 2. Calibration. The top candidate's score against whether it is the source document, over
 *    the variant articles and over quotation-free articles (people, date, place only).
 * 3. Speed. Generated passages (Markov text over the corpus vocabulary) are added to the real
 *    corpus up to --passages; an article with 10 quotations is traced repeatedly; p50/p95 of
 *    the whole trace is printed next to the time of its fingerprint lookups.
 */
import { FRUS_V05, FRUS_VE13 } from '../test/helpers/shared.ts';
import { ingestPaths } from '../src/ingest/pipeline.ts';
import type { Document, Passage } from '../src/model/index.ts';
import { SqliteStore } from '../src/store/index.ts';
import { trace, type TraceResult } from '../src/trace/index.ts';
import { tokenize, isLight } from '../src/trace/text.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { random as seededRandom } from './noisy-quotes.ts';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i]?.replace(/^--/, '') ?? '', process.argv[i + 1] ?? '');
const SAMPLES = Number(args.get('samples') ?? 300);
const PASSAGES = Number(args.get('passages') ?? 100_000);
const SEED = Number(args.get('seed') ?? 1);
/** Quotations per speed article, as the product brief's target says. */
const QUOTES_PER_ARTICLE = 10;
const SPEED_RUNS = 40;
/** Generated documents hold this many passages each. */
const PASSAGES_PER_GENERATED_DOCUMENT = 20;
const GENERATED_DOCUMENTS_PER_TRANSACTION = 250;

type Expected = 'verbatim' | 'minor' | 'altered' | 'misattributed' | 'unsupported';
const EXPECTED: Expected[] = ['verbatim', 'minor', 'altered', 'misattributed', 'unsupported'];

// ---------------------------------------------------------------- deterministic randomness
const random = seededRandom(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

// ---------------------------------------------------------------- corpus
function tempDirectory(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function corpusStore(): Promise<{ store: SqliteStore; documents: Document[] }> {
  const store = new SqliteStore(tempDirectory('verbatim-bench-trace-'));
  await ingestPaths(store, [FRUS_V05, FRUS_VE13]);
  const ids = (store.db.prepare('SELECT id FROM documents ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  const documents = (await Promise.all(ids.map((id) => store.getDocument(id)))).filter((d): d is Document => !!d);
  return { store, documents };
}

/** The passage text without its speaker label ("Dr. Kissinger: …"). */
function spoken(passage: Passage): string {
  return passage.text.replace(/^[^:]{1,40}:\s+/u, '');
}

interface Source {
  document: Document;
  passage: Passage;
  words: string[];
}

function sources(documents: Document[]): Source[] {
  const found: Source[] = [];
  for (const document of documents) {
    for (const passage of document.passages) {
      if (passage.kind !== 'paragraph') continue;
      const words = spoken(passage).split(/\s+/u).filter(Boolean);
      if (words.length >= 14 && !/[“”"«»]/u.test(passage.text)) found.push({ document, passage, words });
    }
  }
  return found;
}

/** A run of 9–18 words from the passage, ending at a word boundary. */
function span(source: Source): string[] {
  const length = 9 + Math.floor(random() * 10);
  const start = Math.floor(random() * Math.max(1, source.words.length - length));
  return source.words.slice(start, start + length).map((w, i, all) => (i === all.length - 1 ? w.replace(/[,;:]$/u, '') : w));
}

function surname(name: string): string {
  return name.replace(/,.*$/u, '').trim().split(/\s+/u).at(-1) ?? name;
}

// ---------------------------------------------------------------- variant generators
const MARKS: [string, string][] = [['“', '”'], ['"', '"'], ['«', '»'], ['„', '“']];
const ADDED_WORDS = ['secret', 'nuclear', 'entire', 'final', 'serious', 'military'];

function contentIndexes(words: string[]): number[] {
  // Content words: not grammatical glue, and long enough not to be a pronoun or a modal.
  return words.map((w, i) => ({ t: tokenize(w)[0], i })).filter((x) => x.t && !isLight(x.t) && x.t.norm.length > 4 && x.i > 0).map((x) => x.i);
}

function minorVariant(words: string[]): string[] | undefined {
  const out = [...words];
  const kind = pick(['article', 'elision', 'bracket']);
  if (kind === 'article') {
    const i = out.findIndex((w) => /^(the|a|an)$/iu.test(w));
    if (i < 0) return undefined;
    out[i] = /^the$/iu.test(out[i] as string) ? 'a' : 'the';
    return out;
  }
  if (kind === 'bracket') {
    const i = out.findIndex((w, k) => k > 0 && /^(he|it|they|we|this)$/iu.test(w));
    if (i < 0) return undefined;
    out[i] = '[the Soviet side]';
    return out;
  }
  if (out.length < 10) return undefined;
  const start = 3 + Math.floor(random() * (out.length - 8));
  out.splice(start, 2 + Math.floor(random() * 2), '…');
  return out;
}

function alteredVariant(words: string[], names: string[], vocabulary: string[]): string[] | undefined {
  const out = [...words];
  const kind = pick(['negation', 'number', 'name', 'substitute', 'drop', 'add']);
  const content = contentIndexes(out);
  switch (kind) {
    case 'negation': {
      const not = out.findIndex((w) => /^(not|never|no)$/iu.test(w));
      if (not >= 0) {
        out.splice(not, 1);
        return out;
      }
      const aux = out.findIndex((w) => /^(is|was|are|were|will|would|could|should|can|must|did|does|had|has|have)$/iu.test(w));
      if (aux < 0) return undefined;
      out.splice(aux + 1, 0, 'not');
      return out;
    }
    case 'number': {
      const i = out.findIndex((w) => /^\d+/u.test(w) || /^(one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand)$/iu.test(w));
      if (i < 0) return undefined;
      out[i] = /^\d+/u.test(out[i] as string) ? String(Number.parseInt(out[i] as string, 10) + 3) : 'twelve';
      return out;
    }
    case 'name': {
      const i = out.findIndex((w, k) => k > 0 && names.some((n) => w.replace(/\W+$/u, '') === n));
      if (i < 0) return undefined;
      const current = (out[i] as string).replace(/\W+$/u, '');
      const other = names.find((n) => n !== current);
      if (!other) return undefined;
      out[i] = (out[i] as string).replace(current, other);
      return out;
    }
    case 'substitute': {
      if (content.length === 0) return undefined;
      const i = pick(content);
      const replacement = pick(vocabulary);
      if (tokenize(replacement)[0]?.stem === tokenize(out[i] as string)[0]?.stem) return undefined;
      out[i] = replacement;
      return out;
    }
    case 'drop': {
      const inner = content.filter((i) => i < out.length - 1);
      if (inner.length === 0) return undefined;
      out.splice(pick(inner), 1);
      return out;
    }
    default: {
      if (content.length === 0) return undefined;
      out.splice(pick(content), 0, pick(ADDED_WORDS));
      return out;
    }
  }
}

// ---------------------------------------------------------------- Markov text
class Markov {
  private readonly next = new Map<string, string[]>();
  readonly starts: string[] = [];

  constructor(texts: string[]) {
    for (const text of texts) {
      const words = text.split(/\s+/u).filter(Boolean);
      if (words[0]) this.starts.push(words[0]);
      for (let i = 0; i + 1 < words.length; i++) {
        const key = (words[i] as string).toLowerCase();
        let list = this.next.get(key);
        if (!list) this.next.set(key, (list = []));
        list.push(words[i + 1] as string);
      }
    }
  }

  sentence(length: number): string[] {
    const out = [pick(this.starts)];
    while (out.length < length) {
      const options = this.next.get((out.at(-1) as string).toLowerCase());
      out.push(options ? pick(options) : pick(this.starts));
    }
    return out;
  }
}

// ---------------------------------------------------------------- cases
interface Case {
  expected: Expected;
  text: string;
  doc_id?: string;
}

function article(speaker: string | undefined, words: string[], mark: [string, string]): string {
  const quote = `${mark[0]}${words.join(' ')}${mark[1]}`;
  return speaker
    ? `A newly declassified record shows the exchange.\n\n${speaker} said: ${quote}\n\nThe record was released this year.`
    : `A newly declassified record shows the exchange.\n\nAccording to the record, ${quote}\n\nThe record was released this year.`;
}

function speakerOf(source: Source): { name: string; id: string } | undefined {
  const speaker = source.passage.speaker;
  return speaker?.person_id ? { name: surname(speaker.name), id: speaker.person_id } : undefined;
}

function buildCases(all: Source[], markov: Markov, normalisedCorpus: string): Case[] {
  const vocabulary = [...new Set(all.flatMap((s) => s.words).filter((w) => /^[a-z]{5,}$/u.test(w)))];
  const cases: Case[] = [];
  const perVerdict = Math.ceil(SAMPLES / EXPECTED.length);
  const counts = new Map<Expected, number>(EXPECTED.map((e) => [e, 0]));
  let guard = 0;
  while ([...counts.values()].some((n) => n < perVerdict) && guard++ < SAMPLES * 200) {
    const expected = pick(EXPECTED);
    if ((counts.get(expected) ?? 0) >= perVerdict) continue;
    const source = pick(all);
    const mark = pick(MARKS);
    const speaker = speakerOf(source);
    const names = source.document.participants.map((p) => surname(p.name));
    let words: string[] | undefined = span(source);
    let said = speaker?.name;
    if (expected === 'minor') words = minorVariant(words);
    else if (expected === 'altered') words = alteredVariant(words, names, vocabulary);
    else if (expected === 'misattributed') {
      const other = source.document.participants.find((p) => p.person_id && p.person_id !== speaker?.id);
      if (!speaker || !other) continue;
      said = surname(other.name);
    } else if (expected === 'unsupported') {
      words = markov.sentence(10 + Math.floor(random() * 8));
      if (normalisedCorpus.includes(normalise(words.join(' ')))) continue;
    }
    if (!words) continue;
    cases.push({ expected, text: article(said, words, mark), doc_id: expected === 'unsupported' ? undefined : source.document.id });
    counts.set(expected, (counts.get(expected) ?? 0) + 1);
  }
  return cases;
}

/** Quotation-free articles: the people, date and place of a document (how a foreign-language article is found). */
function metadataCases(documents: Document[]): Case[] {
  const cases: Case[] = [];
  const dated = documents.filter((d) => d.date && d.participants.length >= 2);
  for (let i = 0; i < Math.ceil(SAMPLES / 3); i++) {
    const document = pick(dated);
    const people = [pick(document.participants), pick(document.participants)].map((p) => p.name);
    const date = new Date(`${document.date?.start}T12:00:00Z`);
    const when = pick([
      date.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' }),
      date.toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
      String(date.getUTCFullYear()),
    ]);
    const where = random() < 0.5 && document.place ? ` in ${document.place}` : '';
    cases.push({ expected: 'unsupported', text: `${people[0]} met ${people[1]}${where} in ${when}, a declassified memorandum shows.`, doc_id: document.id });
  }
  return cases;
}

function normalise(text: string): string {
  return tokenize(text).map((t) => t.norm).join(' ');
}

// ---------------------------------------------------------------- tables
function table(headers: string[], rows: (string | number)[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: (string | number)[]) => cells.map((c, i) => String(c).padStart(widths[i] as number)).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const percent = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};

// ---------------------------------------------------------------- accuracy
interface Outcome {
  expected: Expected;
  got: string;
  topScore: number;
  topCorrect: boolean;
}

async function runCases(store: SqliteStore, cases: Case[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const item of cases) {
    const result: TraceResult = await trace(store, { text: item.text });
    const top = result.documents[0];
    outcomes.push({
      expected: item.expected,
      got: result.quotes[0]?.verdict ?? 'none',
      topScore: top?.score ?? 0,
      topCorrect: !!top && top.doc_id === item.doc_id,
    });
  }
  return outcomes;
}

function printAccuracy(outcomes: Outcome[]): void {
  const got = ['verbatim', 'minor', 'altered', 'misattributed', 'unsupported', 'other-language', 'none'];
  const rows = EXPECTED.map((expected) => {
    const mine = outcomes.filter((o) => o.expected === expected);
    return [expected, mine.length, percent(mine.filter((o) => o.got === expected).length, mine.length),
      ...got.map((g) => mine.filter((o) => o.got === g).length)];
  });
  const correct = outcomes.filter((o) => o.got === o.expected).length;
  console.log(table(['expected', 'n', 'accuracy', ...got], rows));
  console.log(`overall accuracy ${percent(correct, outcomes.length)} (target ≥95%); altered→verbatim: ${outcomes.filter((o) => o.expected === 'altered' && o.got === 'verbatim').length} (target 0); misattribution caught ${percent(outcomes.filter((o) => o.expected === 'misattributed' && o.got === 'misattributed').length, outcomes.filter((o) => o.expected === 'misattributed').length)} (target ≥90%)`);
}

function printCalibration(points: { score: number; correct: boolean }[]): void {
  const bins = Array.from({ length: 10 }, (_, i) => ({ lo: i / 10, hi: (i + 1) / 10, n: 0, sum: 0, correct: 0 }));
  for (const point of points) {
    const bin = bins[Math.min(9, Math.floor(point.score * 10))] as (typeof bins)[number];
    bin.n++;
    bin.sum += point.score;
    if (point.correct) bin.correct++;
  }
  const rows = bins.filter((b) => b.n > 0).map((b) => [`${b.lo.toFixed(1)}–${b.hi.toFixed(1)}`, b.n, (b.sum / b.n).toFixed(3), (b.correct / b.n).toFixed(3)]);
  console.log(table(['score bin', 'n', 'mean score', 'observed correct'], rows));
  const brier = points.reduce((s, p) => s + (p.score - (p.correct ? 1 : 0)) ** 2, 0) / points.length;
  const ece = bins.reduce((s, b) => s + (b.n === 0 ? 0 : (b.n / points.length) * Math.abs(b.sum / b.n - b.correct / b.n)), 0);
  console.log(`Brier score ${brier.toFixed(4)}, expected calibration error ${ece.toFixed(4)} over ${points.length} articles`);
}

// ---------------------------------------------------------------- speed
async function fillGenerated(store: SqliteStore, markov: Markov, target: number): Promise<number> {
  const existing = (store.db.prepare('SELECT count(*) AS n FROM passages').get() as { n: number }).n;
  let n = existing;
  let docNumber = 0;
  const started = performance.now();
  // Generated documents are written in batches inside one outer transaction (each writeDocument
  // nests as a savepoint), so the benchmark measures lookups, not one fsync per document.
  const batch = store.db.transaction((count: number) => {
    for (let i = 0; i < count && n < target; i++) writeOne();
  });
  const writeOne = () => {
    const passages: Passage[] = [];
    let text = '';
    for (let p = 0; p < PASSAGES_PER_GENERATED_DOCUMENT && n < target; p++, n++) {
      const body = markov.sentence(40 + Math.floor(random() * 40)).join(' ');
      const start = text.length;
      text += body + '\n\n';
      passages.push({ id: `gen-${docNumber}-p${p + 1}`, n: p + 1, kind: 'paragraph', text: body, start, end: start + body.length });
    }
    store.writeDocument({
      id: `gen-${docNumber}`, collection: { id: 'generated', title: 'Generated' }, type: 'memo', title: `Generated ${docNumber}`,
      participants: [], mentions: [], language: 'en', style: 'none', text, passages, turns: [], footnotes: [], pages: [],
      redactions: [], citation: { text: `Generated ${docNumber}` }, source: { origin: 'bench', format: 'generated' },
    });
    docNumber++;
  };
  while (n < target) {
    batch(GENERATED_DOCUMENTS_PER_TRANSACTION);
    process.stderr.write(`\r  generated ${n} passages`);
  }
  // The derived indexes catch up with new passages at the next lookup: timed with them.
  await store.findPassagesByFingerprint([], 1);
  process.stderr.write('\n');
  return (performance.now() - started) / 1000;
}

async function speed(markov: Markov, all: Source[]): Promise<void> {
  const { store } = await corpusStore();
  const seconds = await fillGenerated(store, markov, PASSAGES);
  const passages = (store.db.prepare('SELECT count(*) AS n FROM passages').get() as { n: number }).n;
  const entries = (store.db.prepare('SELECT coalesce(sum(postings), 0) AS n FROM quotation_postings').get() as { n: number }).n;
  console.log(`\n## Speed at ${passages.toLocaleString('en')} passages (generated in ${seconds.toFixed(1)} s; ${entries.toLocaleString('en')} fingerprint entries)`);
  const totals: number[] = [];
  const lookups: number[] = [];
  let found = 0;
  let asked = 0;
  for (let run = 0; run < SPEED_RUNS; run++) {
    const chosen = Array.from({ length: QUOTES_PER_ARTICLE }, () => pick(all));
    const paragraphs = chosen.map((source, i) => {
      const words = i % 3 === 1 ? (minorVariant(span(source)) ?? span(source)) : span(source);
      return `${speakerOf(source)?.name ?? 'The official'} said: “${words.join(' ')}”`;
    });
    const result = await trace(store, { text: `Title of the article\n\n${paragraphs.join('\n\n')}` });
    if (run > 0) {
      totals.push(result.timings.total_ms);
      lookups.push(result.timings.lookup_ms);
    }
    result.quotes.forEach((quote, i) => {
      asked++;
      if (quote.match?.passage_id === chosen[i]?.passage.id) found++;
    });
  }
  console.log(table(['measure', 'p50 ms', 'p95 ms'], [
    [`trace, article with ${QUOTES_PER_ARTICLE} quotations`, quantile(totals, 0.5).toFixed(1), quantile(totals, 0.95).toFixed(1)],
    [`  of which fingerprint lookups (${QUOTES_PER_ARTICLE})`, quantile(lookups, 0.5).toFixed(1), quantile(lookups, 0.95).toFixed(1)],
  ]));
  console.log(`source passage found for ${percent(found, asked)} of ${asked} quotations (target for the product: < 300 ms p50 at 1,000,000 passages)`);
  await store.close();
}

// ---------------------------------------------------------------- main
async function main(): Promise<void> {
  const { store, documents } = await corpusStore();
  const all = sources(documents);
  const markov = new Markov(all.map((s) => spoken(s.passage)));
  const corpusText = normalise(documents.map((d) => d.text).join(' '));
  const cases = buildCases(all, markov, corpusText);
  console.log(`# Trace benchmark (seed ${SEED}; ${all.length} source passages from ${documents.length} documents)\n`);
  console.log(`## Verdicts on ${cases.length} quote variants`);
  const outcomes = await runCases(store, cases);
  printAccuracy(outcomes);

  console.log('\n## Calibration of the top candidate score (is it the source document?)');
  const metadata = metadataCases(documents);
  const metaOutcomes = await runCases(store, metadata);
  printCalibration([...outcomes, ...metaOutcomes].map((o) => ({ score: o.topScore, correct: o.topCorrect })));
  const inArchive = (o: Outcome) => o.topScore >= 0.5;
  console.log(`not-in-archive quotations judged in archive: ${outcomes.filter((o) => o.expected === 'unsupported' && inArchive(o)).length} of ${outcomes.filter((o) => o.expected === 'unsupported').length}`);
  await store.close();

  await speed(markov, all);
}

await main();
