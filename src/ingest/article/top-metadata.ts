/**
 * Byline and dateline blocks just under an article's title ("By Jane Example",
 * "14 January 2024"): lifted into metadata and kept in boilerplate for audit, so the text
 * holds only the story.
 */
import type { BoilerplateBlock } from '../../model/index.ts';
import { findDate } from '../common/dates.ts';

/** Byline and dateline sit within the first blocks under the title. */
const TOP_BLOCKS = 3;
/** A dateline is a short block: a date, maybe a place or "Published". */
const DATELINE_MAX_WORDS = 8;

const TOP_PATTERNS = {
  byline: /^(?:by|автор:?|von|par)\s+(\p{Lu}[\p{L}\p{M}.'’ -]+?)(?:,.*)?$/iu,
  word: /\S+/g,
} as const;

export interface TopMetadata {
  body: string[];
  removed: BoilerplateBlock[];
  byline?: string;
  published?: string;
}

/** Byline and dateline blocks among the first few: lifted into metadata, kept for audit. */
export function takeTopMetadata(blocks: string[]): TopMetadata {
  const result: TopMetadata = { body: [], removed: [] };
  for (const [index, block] of blocks.entries()) {
    if (index < TOP_BLOCKS) {
      const byline = TOP_PATTERNS.byline.exec(block);
      if (byline && !result.byline) {
        result.byline = byline[1]!.trim();
        result.removed.push({ reason: 'byline', text: block });
        continue;
      }
      const words = block.match(TOP_PATTERNS.word)?.length ?? 0;
      const date = words <= DATELINE_MAX_WORDS ? findDate(block) : undefined;
      if (date && !result.published && date.precision === 'day') {
        result.published = date.start;
        result.removed.push({ reason: 'dateline', text: block });
        continue;
      }
    }
    result.body.push(block);
  }
  return result;
}
