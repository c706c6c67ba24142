/**
 * The full-text index's own tokenizer (porter stemming, unicode61 folding), usable from
 * JavaScript: text goes through an in-memory FTS5 table declared with the same tokenize
 * option, and its index terms are read back. Whitespace always separates tokens there, so each
 * whitespace-separated chunk tokenizes on its own and is cached: an archive's text repeats its
 * chunks, so after a while nearly every chunk is known and tokenizing costs a map lookup.
 * Terms are also numbered (`termIds`), so bulk indexing works on integers rather than strings.
 */
import Database from 'better-sqlite3';
import { ChunkCache, IntSink } from '../../search/chunk-cache.ts';
import { Interner } from './interner.ts';

/** The term ids of a batch of texts (IndexTokenizer.termIds). */
export interface TermIds {
  readonly ids: Int32Array;
  readonly starts: Int32Array;
  readonly counts: Int32Array;
}

/** Chunks remembered at most; past that the cache starts again (memory stays bounded). */
const MAX_CACHED_CHUNKS = 400_000;

const REGEXPS = {
  /** The tokenize option of the index's declaration. */
  tokenize: /tokenize\s*=\s*('(?:[^']|'')*')/i,
};

export class IndexTokenizer {
  private readonly probe: Database.Database;
  private readonly insert: Database.Statement;
  private readonly instances: Database.Statement;
  private readonly clear: Database.Statement;
  /** Term ids of each known chunk. */
  private readonly chunks: ChunkCache;
  private readonly interned = new Interner();
  /** The term ids termIds returns, reused from call to call. */
  private readonly sink = new IntSink();

  /** `tokenize` is the index's tokenize option as declared (a quoted SQL string). */
  constructor(tokenize: string, maxChunks = MAX_CACHED_CHUNKS) {
    this.chunks = new ChunkCache(maxChunks);
    this.probe = new Database(':memory:');
    this.probe.exec(`CREATE VIRTUAL TABLE probe USING fts5(w, tokenize = ${tokenize});
      CREATE VIRTUAL TABLE probe_instances USING fts5vocab(probe, 'instance');`);
    this.insert = this.probe.prepare('INSERT INTO probe (rowid, w) VALUES (?, ?)');
    this.instances = this.probe.prepare('SELECT term, doc, offset FROM probe_instances').raw();
    this.clear = this.probe.prepare('DELETE FROM probe');
  }

  /** Each term by id. */
  get terms(): readonly string[] {
    return this.interned.values;
  }

  /** The index terms of `text`, in order. */
  tokens(text: string): string[] {
    const { ids } = this.termIds([text]);
    return Array.from(ids, (id) => this.terms[id] as string);
  }

  /**
   * The term ids of each text: text i's are `ids[starts[i] .. starts[i] + counts[i])`. Texts
   * whose chunks are all known are read in one pass; the others' unknown chunks are tokenized
   * in one batch, and their ids follow. `ids` is valid until the next call.
   */
  termIds(texts: readonly string[]): TermIds {
    const starts = new Int32Array(texts.length);
    const counts = new Int32Array(texts.length);
    this.sink.size = 0;
    const missing: number[] = [];
    texts.forEach((text, index) => {
      if (!this.append(text, starts, counts, index)) missing.push(index);
    });
    if (missing.length > 0) {
      this.chunks.prepare(missing.map((index) => texts[index] as string), (chunks) => this.learn(chunks));
      for (const index of missing) this.append(texts[index] as string, starts, counts, index);
    }
    return { ids: this.sink.values.subarray(0, this.sink.size), starts, counts };
  }

  /** Appends the ids of `text` if all its chunks are known; false if not. */
  private append(text: string, starts: Int32Array, counts: Int32Array, index: number): boolean {
    const start = this.sink.size;
    if (!this.chunks.append(text, this.sink)) return false;
    starts[index] = start;
    counts[index] = this.sink.size - start;
    return true;
  }

  /** The term ids of each chunk, asked of the probe table in one transaction. */
  private learn(chunks: readonly string[]): Int32Array[] {
    const tokens: string[][] = chunks.map(() => []);
    this.probe.transaction(() => {
      chunks.forEach((chunk, index) => this.insert.run(index + 1, chunk));
      for (const [term, doc, offset] of this.instances.iterate() as Iterable<[string, number, number]>) {
        (tokens[doc - 1] as string[])[offset] = term;
      }
      this.clear.run();
    })();
    return tokens.map((terms) => Int32Array.from(terms, (term) => this.interned.numberOf(term)));
  }
}

/** The tokenize declaration of passages_fts, read from the schema so the probe never drifts from it. */
export function indexTokenizer(db: Database.Database): IndexTokenizer {
  const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'passages_fts'").pluck().get() as string | undefined;
  const declared = sql ? REGEXPS.tokenize.exec(sql)?.[1] : undefined;
  if (!declared) throw new Error('passages_fts has no tokenize declaration');
  return new IndexTokenizer(declared);
}
