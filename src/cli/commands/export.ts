import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { VerbatimError } from '../../errors.ts';
import { EXPORT_FORMATS, exportDocuments, type ExportFormat } from '../../export/index.ts';
import type { Document } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { emit, globalOptions, withStore } from '../context.ts';

interface ExportOptions {
  format: string;
  collection?: string;
  query?: string;
  out?: string;
}

/** Page size when walking search results for --query. */
const QUERY_PAGE = 100;

export function registerExport(program: Command): void {
  program
    .command('export')
    .description(`export documents as ${EXPORT_FORMATS.join(', ')} (all, one collection, or a search's results)`)
    .option('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`, 'jsonl')
    .option('--collection <id>', 'only this collection')
    .option('--query <query>', 'only the documents a search finds (the query language of `verbatim search`)')
    .option('--out <file>', 'write to a file rather than stdout')
    .action(async (options: ExportOptions, command: Command) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) {
        throw new VerbatimError('VBT_ERR_BAD_ARGUMENT', [`--format must be one of ${EXPORT_FORMATS.join(', ')}`]);
      }
      const format = options.format as ExportFormat;
      const json = globalOptions(command).json;
      await withStore(command, async (store) => {
        let count = 0;
        const chunks = exportDocuments(selectDocuments(store, options), format, (n) => (count = n));
        if (options.out) {
          await pipeline(Readable.from(chunks), createWriteStream(options.out));
          emit(command, { format, documents: count, out: options.out }, (r) => `${r.documents} documents written to ${r.out}`);
        } else if (json) {
          // With --json the export travels inside the one JSON document stdout may hold.
          let data = '';
          for await (const chunk of chunks) data += chunk;
          emit(command, { format, documents: count, data }, () => data);
        } else {
          await pipeline(Readable.from(chunks), process.stdout, { end: false });
        }
      });
    });
}

async function* selectDocuments(store: Store, options: ExportOptions): AsyncGenerator<Document> {
  if (!options.query) {
    yield* store.listDocuments({ collection: options.collection });
    return;
  }
  for (let offset = 0; ; offset += QUERY_PAGE) {
    const page = await store.search({ query: options.query, offset, limit: QUERY_PAGE, sort: 'date', facets: false });
    for (const hit of page.hits) {
      const document = await store.getDocument(hit.doc_id);
      if (document && (!options.collection || document.collection.id === options.collection)) yield document;
    }
    if (page.hits.length < QUERY_PAGE) return;
  }
}
