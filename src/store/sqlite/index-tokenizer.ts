/**
 * The full-text index's own tokenizer (porter stemming, unicode61 folding), usable from
 * JavaScript: text goes through an in-memory FTS5 table declared with the same tokenize
 * option, and its index terms are read back. Whitespace always separates tokens there, so each
 * whitespace-separated chunk tokenizes on its own and is cached: an archive's text repeats its
 * chunks, so after a while nearly every chunk is known and tokenizing costs a map lookup.
 * Terms are also numbered (`termIds`), so bulk indexing works on integers rather than strings.
 */
import Database from 'better-sqlite3';
import { ChunkCache } from '../../search/chunk-cache.ts';
import { Interner } from './interner.ts';

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
  private readonly chunks: ChunkCache<readonly number[]>;
  private readonly interned = new Interner();

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
    return (this.termIds([text])[0] as number[]).map((id) => this.terms[id] as string);
  }

  /** The term ids of each text, in order; unknown chunks are tokenized in one batch. */
  termIds(texts: readonly string[]): number[][] {
    const ids: number[][] = [];
    const missing: number[] = [];
    texts.forEach((text, index) => {
      const known = this.knownIds(text);
      if (known) ids[index] = known;
      else missing.push(index);
    });
    if (missing.length === 0) return ids;
    const missingTexts = missing.map((index) => texts[index] as string);
    this.chunks.prepare(missingTexts, (chunks) => this.learn(chunks));
    missing.forEach((index, at) => (ids[index] = this.knownIds(missingTexts[at] as string) as number[]));
    return ids;
  }

  /** The ids of a text whose chunks are all cached, else undefined. */
  private knownIds(text: string): number[] | undefined {
    const ids: number[] = [];
    const known = this.chunks.forEachChunk(text, (chunkIds) => {
      for (let i = 0; i < chunkIds.length; i++) ids.push(chunkIds[i] as number);
    });
    return known ? ids : undefined;
  }

  /** The term ids of each chunk, asked of the probe table in one transaction. */
  private learn(chunks: readonly string[]): number[][] {
    const tokens: string[][] = chunks.map(() => []);
    this.probe.transaction(() => {
      chunks.forEach((chunk, index) => this.insert.run(index + 1, chunk));
      for (const [term, doc, offset] of this.instances.iterate() as Iterable<[string, number, number]>) {
        (tokens[doc - 1] as string[])[offset] = term;
      }
      this.clear.run();
    })();
    return tokens.map((terms) => terms.map((term) => this.interned.numberOf(term)));
  }
}

/** The tokenize declaration of passages_fts, read from the schema so the probe never drifts from it. */
export function indexTokenizer(db: Database.Database): IndexTokenizer {
  const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'passages_fts'").pluck().get() as string | undefined;
  const declared = sql ? REGEXPS.tokenize.exec(sql)?.[1] : undefined;
  if (!declared) throw new Error('passages_fts has no tokenize declaration');
  return new IndexTokenizer(declared);
}
