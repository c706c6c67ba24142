/**
 * The full-text index's own tokenizer (porter stemming, unicode61 folding), usable from
 * JavaScript: text goes through an in-memory FTS5 table declared with the same tokenize
 * option, and its index terms are read back. Whitespace always separates tokens there, so each
 * whitespace-separated chunk tokenizes on its own and is cached: an archive's text repeats its
 * chunks, so after a while nearly every chunk is known and tokenizing costs a map lookup.
 */
import Database from 'better-sqlite3';

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
  private readonly chunks = new Map<string, readonly string[]>();

  /** `tokenize` is the index's tokenize option as declared (a quoted SQL string). */
  constructor(tokenize: string) {
    this.probe = new Database(':memory:');
    this.probe.exec(`CREATE VIRTUAL TABLE probe USING fts5(w, tokenize = ${tokenize});
      CREATE VIRTUAL TABLE probe_instances USING fts5vocab(probe, 'instance');`);
    this.insert = this.probe.prepare('INSERT INTO probe (rowid, w) VALUES (?, ?)');
    this.instances = this.probe.prepare('SELECT term, doc, offset FROM probe_instances').raw();
    this.clear = this.probe.prepare('DELETE FROM probe');
  }

  /** The index terms of `text`, in order. */
  tokens(text: string): string[] {
    return this.tokensOfAll([text])[0] as string[];
  }

  /** The index terms of each text, in order; unknown chunks are tokenized in one batch. */
  tokensOfAll(texts: readonly string[]): string[][] {
    const split = texts.map((text) => text.split(REGEXPS.whitespace));
    let unknown = this.unknownChunks(split);
    if (this.chunks.size + unknown.size > MAX_CACHED_CHUNKS) {
      this.chunks.clear();
      unknown = this.unknownChunks(split);
    }
    if (unknown.size > 0) this.learn([...unknown]);
    return split.map((chunks) => {
      const tokens: string[] = [];
      for (const chunk of chunks) if (chunk) for (const token of this.chunks.get(chunk) as readonly string[]) tokens.push(token);
      return tokens;
    });
  }

  private unknownChunks(split: readonly string[][]): Set<string> {
    const unknown = new Set<string>();
    for (const chunks of split) for (const chunk of chunks) if (chunk && !this.chunks.has(chunk)) unknown.add(chunk);
    return unknown;
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
    chunks.forEach((chunk, index) => this.chunks.set(chunk, tokens[index] as string[]));
  }
}

/** The tokenize declaration of passages_fts, read from the schema so the probe never drifts from it. */
export function indexTokenizer(db: Database.Database): IndexTokenizer {
  const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'passages_fts'").pluck().get() as string | undefined;
  const declared = sql ? REGEXPS.tokenize.exec(sql)?.[1] : undefined;
  if (!declared) throw new Error('passages_fts has no tokenize declaration');
  return new IndexTokenizer(declared);
}
