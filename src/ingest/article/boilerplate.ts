/**
 * What in an article's blocks is not the article: a doubled title, share buttons, ad slots,
 * and the "You may also like" tail with whatever follows it. Everything removed is returned
 * with its reason so an auditor can see exactly what was dropped.
 */
import type { BoilerplateBlock } from '../../model/index.ts';

/** Teasers in a related-links tail are headlines; shorter fragments there are sponsor slots. */
const TEASER_MIN_WORDS = 5;

const BLOCK_PATTERNS = {
  /** Opens the tail of related links; it and everything after it are not the article. */
  relatedMarker:
    /^(you may also like|you might also like|read also|read more|see also|related( articles| stories| news)?|more from [\p{L} ]+|recommended( for you)?|most (read|popular)|читайте также|смотрите также|по теме|вам также может понравиться|lesen sie auch|à lire aussi)[\s:.…]*$/iu,
  /** An ad slot announced as such. */
  advertisement: /^(advertisement|advertising|sponsored( content)?|promoted|paid content|реклама|anzeige|publicité)[\s:.]*$/iu,
  /** Share and follow buttons rendered as text. */
  share:
    /^((share|tweet|pin|email|print)( (this|on|via|article))?( \p{L}+)?|follow us( on \p{L}+)?|subscribe( to (our|the) [\p{L} ]+)?|поделиться|подписывайтесь[\p{L} ]*)[\s:.!]*$/iu,
  word: /\S+/g,
  /** Runs of anything but letters and digits, folded away when comparing blocks. */
  nonWord: /[^\p{L}\p{N}]+/gu,
} as const;

export interface CleanBlocks {
  kept: string[];
  removed: BoilerplateBlock[];
}

function wordCount(text: string): number {
  return text.match(BLOCK_PATTERNS.word)?.length ?? 0;
}

/** Same words, ignoring case, punctuation and spacing: how doubled titles are recognised. */
export function sameText(a: string, b: string): boolean {
  const norm = (text: string) => text.toLowerCase().replace(BLOCK_PATTERNS.nonWord, ' ').trim();
  return norm(a) !== '' && norm(a) === norm(b);
}

/**
 * Splits body blocks into the article and its boilerplate. `title` is the article's title:
 * a block repeating it is a doubled title.
 */
export function cleanBlocks(blocks: readonly string[], title: string): CleanBlocks {
  const kept: string[] = [];
  const removed: BoilerplateBlock[] = [];
  let inTail = false;
  for (const block of blocks) {
    const reason = inTail ? tailReason(block) : blockReason(block, title);
    if (!reason) {
      kept.push(block);
      continue;
    }
    if (reason === 'related-links' && BLOCK_PATTERNS.relatedMarker.test(block)) inTail = true;
    removed.push({ reason, text: block });
  }
  return { kept, removed };
}

function blockReason(block: string, title: string): string | undefined {
  if (sameText(block, title)) return 'doubled-title';
  if (BLOCK_PATTERNS.relatedMarker.test(block)) return 'related-links';
  if (BLOCK_PATTERNS.advertisement.test(block)) return 'advertisement';
  if (BLOCK_PATTERNS.share.test(block)) return 'share-buttons';
  return undefined;
}

function tailReason(block: string): string {
  if (BLOCK_PATTERNS.advertisement.test(block)) return 'advertisement';
  if (BLOCK_PATTERNS.share.test(block)) return 'share-buttons';
  return wordCount(block) >= TEASER_MIN_WORDS || BLOCK_PATTERNS.relatedMarker.test(block)
    ? 'related-links'
    : 'advertisement';
}
