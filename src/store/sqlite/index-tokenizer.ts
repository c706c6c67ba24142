/**
 * The full-text index's own tokenizer (porter stemming, unicode61 folding), usable from
 * JavaScript: text goes through an in-memory FTS5 table declared with the same tokenize
 * option, and its index terms are read back. Whitespace always separates tokens there, so each
 * whitespace-separated chunk tokenizes on its own and is cached: an archive's text repeats its
 * chunks, so after a while nearly every chunk is known and tokenizing costs a map lookup.
 * Terms are also numbered (`termIds`), so bulk indexing works on integers rather than strings.
 * Each chunk's fingerprint stems (trace/fingerprint.ts) are cached beside its terms, so that
 * indexing a passage finds both in one pass over its text.
 */
import Database from 'better-sqlite3';
import { ChunkCache, IntSink } from '../../search/chunk-cache.ts';
import { chunkStemHashes } from '../../trace/fingerprint.ts';
import { Interner } from './interner.ts';

/** Integers per text: text i's are `values[starts[i] .. starts[i] + counts[i])`. */
export interface TextRuns {
  readonly values: Int32Array;
  readonly starts: Int32Array;
  readonly counts: Int32Array;
}

/** What IndexTokenizer.termIds finds in a batch of texts: each one's term ids and its fingerprint stem hashes. */
export interface TermIds {
  readonly ids: TextRuns;
  readonly stems: TextRuns;
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
  /** Each known chunk's term ids then its stem hashes, after how many term ids it has (ChunkCache.appendSplit). */
  private readonly chunks: ChunkCache;
  private readonly interned = new Interner();
  /** What termIds returns, reused from call to call. */
  private readonly ids = new IntSink();
  private readonly stems = new IntSink();

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
    const { values, counts } = this.termIds([text]).ids;
    return Array.from(values.subarray(0, counts[0]), (id) => this.terms[id] as string);
  }

  /**
   * The term ids and fingerprint stem hashes of each text. Texts whose chunks are all known are
   * read in one pass; the others' unknown chunks are tokenized in one batch, and their runs
   * follow. What is returned is valid until the next call.
   */
  termIds(texts: readonly string[]): TermIds {
    const ids = { starts: new Int32Array(texts.length), counts: new Int32Array(texts.length) };
    const stems = { starts: new Int32Array(texts.length), counts: new Int32Array(texts.length) };
    this.ids.size = 0;
    this.stems.size = 0;
    const append = (index: number): boolean => {
      const [idsFrom, stemsFrom] = [this.ids.size, this.stems.size];
      if (!this.chunks.appendSplit(texts[index] as string, this.ids, this.stems)) return false;
      ids.starts[index] = idsFrom;
      ids.counts[index] = this.ids.size - idsFrom;
      stems.starts[index] = stemsFrom;
      stems.counts[index] = this.stems.size - stemsFrom;
      return true;
    };
    const missing = texts.map((_, index) => index).filter((index) => !append(index));
    if (missing.length > 0) {
      this.chunks.prepare(missing.map((index) => texts[index] as string), (chunks) => this.learn(chunks));
      for (const index of missing) append(index);
    }
    return {
      ids: { values: this.ids.values.subarray(0, this.ids.size), ...ids },
      stems: { values: this.stems.values.subarray(0, this.stems.size), ...stems },
    };
  }

  /** Each chunk's run (see `chunks`): its terms asked of the probe table, in one transaction. */
  private learn(chunks: readonly string[]): number[][] {
    const tokens: string[][] = chunks.map(() => []);
    this.probe.transaction(() => {
      chunks.forEach((chunk, index) => this.insert.run(index + 1, chunk));
      for (const [term, doc, offset] of this.instances.iterate() as Iterable<[string, number, number]>) {
        (tokens[doc - 1] as string[])[offset] = term;
      }
      this.clear.run();
    })();
    return tokens.map((terms, index) => [terms.length, ...terms.map((term) => this.interned.numberOf(term)), ...chunkStemHashes(chunks[index] as string)]);
  }
}

/** The tokenize declaration of passages_fts, read from the schema so the probe never drifts from it. */
export function indexTokenizer(db: Database.Database): IndexTokenizer {
  const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'passages_fts'").pluck().get() as string | undefined;
  const declared = sql ? REGEXPS.tokenize.exec(sql)?.[1] : undefined;
  if (!declared) throw new Error('passages_fts has no tokenize declaration');
  return new IndexTokenizer(declared);
}
