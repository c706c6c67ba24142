/**
 * From the speaker as the article writes it to the person it means: a surname to the full
 * name the article gave earlier ("Yeltsin" → "Boris Yeltsin"), a description to the person
 * the article introduced with that role ("the American president" → "Bill Clinton", who was
 * introduced as "US President Bill Clinton"), a pronoun to the last person named.
 */
import type { Attribution } from './attribution.ts';
import type { PersonMention } from './claims.ts';

const REGEXPS = {
  word: /[\p{L}.]+/gu,
  pronoun: /^(?:he|she|they|он|она|они)$/iu,
  whitespace: /\s+/u,
} as const;

/** Words that say the same nationality or office differently, folded to one key. */
const EQUIVALENT_WORDS: Record<string, string> = {
  'u.s.': 'us', american: 'us', america: 'us', 'america’s': 'us', "america's": 'us', сша: 'us', американский: 'us',
  russian: 'ru', russia: 'ru', 'russia’s': 'ru', "russia's": 'ru', российский: 'ru', россии: 'ru',
  soviet: 'su', ussr: 'su', chinese: 'cn', china: 'cn', prc: 'cn', british: 'uk', britain: 'uk',
  president: 'president', президент: 'president', 'head': 'president',
};

/** Words in a description that say nothing about who is meant. */
const EMPTY_WORDS = new Set(['the', 'a', 'an', 'of', 'his', 'her', 'their', 'this', 'then', 'state', 'former', 'ex-']);

function descriptionKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const word of text.toLowerCase().match(REGEXPS.word) ?? []) {
    if (!EMPTY_WORDS.has(word)) keys.add(EQUIVALENT_WORDS[word] ?? word);
  }
  return keys;
}

function surname(name: string): string {
  return name.trim().split(REGEXPS.whitespace).at(-1)?.toLowerCase() ?? '';
}

/**
 * The name the article means by a speaker, or undefined when it cannot tell. `mentions` are
 * the article's person mentions; `offset` is where the quotation stands; `previousName` is the
 * resolved speaker of the quotation before.
 */
export function resolveSpeaker(
  attribution: Pick<Attribution, 'speaker' | 'form'>,
  offset: number,
  mentions: readonly PersonMention[],
  previousName?: string,
): string | undefined {
  const before = mentions.filter((mention) => mention.offset < offset);
  if (attribution.form === 'pronoun' || REGEXPS.pronoun.test(attribution.speaker)) {
    return previousName ?? before.at(-1)?.name;
  }
  if (attribution.form === 'name') {
    const last = surname(attribution.speaker);
    const full = mentions.find((mention) => surname(mention.name) === last && mention.name.length > attribution.speaker.length);
    return full?.name ?? attribution.speaker;
  }
  const wanted = descriptionKeys(attribution.speaker);
  let best: { mention: PersonMention; shared: number } | undefined;
  for (const mention of before.length > 0 ? before : mentions) {
    if (!mention.role) continue;
    const keys = descriptionKeys(mention.role);
    const shared = [...wanted].filter((key) => keys.has(key)).length;
    // Ties go to the later mention: the nearer antecedent.
    if (shared > 0 && (!best || shared >= best.shared)) best = { mention, shared };
  }
  return best?.mention.name;
}
