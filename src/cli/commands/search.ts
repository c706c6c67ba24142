import type { Command } from 'commander';
import { VerbatimError } from '../../errors.ts';
import { markSnippet } from '../../search/snippet.ts';
import { DEFAULT_LIMIT, MAX_LIMIT, SORTS, type SearchResult, type SearchSort } from '../../search/types.ts';
import { emit, withStore } from '../context.ts';

/** How the human rendering marks matched words: bold on a terminal, guillemets elsewhere. */
const MARKS = process.stdout.isTTY ? { open: '\u001b[1m', close: '\u001b[22m' } : { open: '»', close: '«' };
const WHOLE_NUMBER = /^\d+$/;
/** Facet values shown per facet in the human rendering. */
const HUMAN_FACET_VALUES = 6;

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('search passages: words, "phrases", AND/OR/NOT, -word, prefix*, speaker:, person:, place:, type:, collection:, classification:, date:, year:')
    .argument('<query>', 'the query (quote it for the shell)')
    .option('--limit <n>', `documents per page (1–${MAX_LIMIT})`, String(DEFAULT_LIMIT))
    .option('--offset <n>', 'documents to skip', '0')
    .option('--sort <order>', `${SORTS.join(' | ')}`, 'relevance')
    .option('--no-facets', 'leave out facet counts')
    .action(async (query: string, options: { limit: string; offset: string; sort: string; facets: boolean }, command: Command) => {
      const request = {
        query,
        limit: wholeNumber('--limit', options.limit),
        offset: wholeNumber('--offset', options.offset),
        sort: sortOption(options.sort),
        facets: options.facets,
      };
      const result = await withStore(command, (store) => store.search(request));
      emit(command, result, human);
    });
}

function wholeNumber(option: string, value: string): number {
  if (!WHOLE_NUMBER.test(value)) throw new VerbatimError('VBT_ERR_BAD_ARGUMENT', [`${option} must be a whole number, not '${value}'`]);
  return Number(value);
}

function sortOption(value: string): SearchSort {
  const sort = SORTS.find((candidate) => candidate === value);
  if (!sort) throw new VerbatimError('VBT_ERR_BAD_ARGUMENT', [`--sort must be one of ${SORTS.join(', ')}`]);
  return sort;
}

function human(result: SearchResult): string {
  const lines: string[] = [];
  const shown = result.hits.length === 0 ? 'none shown' : `${result.offset + 1}–${result.offset + result.hits.length} shown`;
  lines.push(`${result.total} documents, ${result.total_passages} passages (${shown})`);
  for (const resolution of result.resolved) {
    const to = resolution.person_ids.length > 0 ? resolution.person_ids.join(', ') : 'no person on record: matched as text';
    lines.push(`  ${resolution.field}:${resolution.name} → ${to}`);
  }
  for (const hit of result.hits) {
    const meta = [hit.date, hit.type, hit.speaker ? `speaker: ${hit.speaker}` : undefined, hit.page ? `p. ${hit.page}` : undefined]
      .filter(Boolean)
      .join(' · ');
    const more = hit.other_passages > 0 ? ` (+${hit.other_passages} more passages)` : '';
    lines.push('', `${hit.doc_id}  ${hit.title}`, `  ${meta}  [${hit.passage_id}, score ${hit.score}]${more}`);
    lines.push(`  ${markSnippet({ text: hit.snippet, highlights: hit.highlights }, MARKS.open, MARKS.close)}`);
  }
  const facetLines = Object.entries(result.facets)
    .filter(([, counts]) => Object.keys(counts).length > 0)
    .map(([facet, counts]) => {
      const values = Object.entries(counts)
        .slice(0, HUMAN_FACET_VALUES)
        .map(([key, n]) => `${facet === 'person' ? (result.persons[key] ?? key) : key} ${n}`);
      return `  ${facet}: ${values.join(', ')}`;
    });
  if (facetLines.length > 0) lines.push('', 'facets:', ...facetLines);
  return lines.join('\n');
}
