/**
 * The full-text index's own tokenizer (porter stemming, unicode61 folding), usable from
 * JavaScript: text goes through an in-memory FTS5 table declared with the same tokenize
 * option, and its index terms are read back. Whitespace always separates tokens there, so each
 * whitespace-separated chunk tokenizes on its own and is cached: an archive's text repeats its
 * chunks, so after a while nearly every chunk is known and tokenizing costs a map lookup.
 * Terms are also numbered (`termIds`), so bulk indexing works on integers rather than strings.
 */
import Database from 'better-sqlite3';
import { Interner } from './interner.ts';

/** Chunks remembered at most; past that the cache starts again (memory stays bounded). */
const MAX_CACHED_CHUNKS = 400_000;

const REGEXPS = {
  whitespace: /\s+/,
  /** The tokenize option of the index's declaration. */
  tokenize: /tokenize\s*=\s*('(?:[^']|'')*')/i,
};

export class IndexTokenizer {
  private readonly probe: Database.Database;
  private readonly insert: Database.Statement;
  private readonly instances: Database.Statement;
  private readonly clear: Database.Statement;
  /** Term ids of each known chunk. */
  private readonly chunks = new Map<string, readonly number[]>();
  private readonly interned = new Interner();

  /** `tokenize` is the index's tokenize option as declared (a quoted SQL string). */
  constructor(
    tokenize: string,
    private readonly maxChunks = MAX_CACHED_CHUNKS,
  ) {
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
    let unknown = this.unknownChunks(missingTexts);
    if (this.chunks.size + unknown.size > this.maxChunks) {
      // Texts already resolved hold their ids, not the cache's arrays: clearing loses nothing.
      this.chunks.clear();
      unknown = this.unknownChunks(missingTexts);
    }
    this.learn([...unknown]);
    missing.forEach((index, at) => (ids[index] = this.knownIds(missingTexts[at] as string) as number[]));
    return ids;
  }

  private unknownChunks(texts: readonly string[]): Set<string> {
    const unknown = new Set<string>();
    for (const text of texts) for (const chunk of text.split(REGEXPS.whitespace)) if (chunk && !this.chunks.has(chunk)) unknown.add(chunk);
    return unknown;
  }

  /** The ids of a text whose chunks are all cached, else undefined. */
  private knownIds(text: string): number[] | undefined {
    const ids: number[] = [];
    for (const chunk of text.split(REGEXPS.whitespace)) {
      if (!chunk) continue;
      const known = this.chunks.get(chunk);
      if (!known) return undefined;
      for (let i = 0; i < known.length; i++) ids.push(known[i] as number);
    }
    return ids;
  }

  private learn(chunks: readonly string[]): void {
    const tokens: string[][] = chunks.map(() => []);
    this.probe.transaction(() => {
      chunks.forEach((chunk, index) => this.insert.run(index + 1, chunk));
      for (const [term, doc, offset] of this.instances.iterate() as Iterable<[string, number, number]>) {
        (tokens[doc - 1] as string[])[offset] = term;
      }
      this.clear.run();
    })();
    chunks.forEach((chunk, index) => this.chunks.set(chunk, (tokens[index] as string[]).map((term) => this.interned.numberOf(term))));
  }
}

/** The tokenize declaration of passages_fts, read from the schema so the probe never drifts from it. */
export function indexTokenizer(db: Database.Database): IndexTokenizer {
  const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'passages_fts'").pluck().get() as string | undefined;
  const declared = sql ? REGEXPS.tokenize.exec(sql)?.[1] : undefined;
  if (!declared) throw new Error('passages_fts has no tokenize declaration');
  return new IndexTokenizer(declared);
}
