import type { Command } from 'commander';
import type { ArchiveStats } from '../../store/index.ts';
import { emit, withStore } from '../context.ts';

export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('counts by collection, type and year; passages, persons and the archive size')
    .action(async (_options: unknown, command: Command) => {
      const stats = await withStore(command, (store) => store.stats());
      emit(command, stats, renderStats);
    });
}

function renderStats(stats: ArchiveStats): string {
  const tally = (counts: Record<string, number>) =>
    Object.entries(counts).map(([key, n]) => `  ${key.padEnd(28)}${n}`);
  return [
    `documents ${stats.documents}   passages ${stats.passages}   persons ${stats.persons}   articles ${stats.articles}`,
    `size ${(stats.size_bytes / 1024 / 1024).toFixed(1)} MB`,
    'collections',
    ...stats.collections.map((c) => `  ${c.id.padEnd(28)}${c.documents}  ${c.title}`),
    'types',
    ...tally(stats.by_type),
    'years',
    ...tally(stats.by_year),
  ].join('\n');
}
