/**
 * A best guess at a text's language when its source does not declare one: the script first,
 * then the commonest function words. Covers the languages the archive's news comes in; any
 * other text is 'und' (undetermined), which is honest rather than wrong.
 */

/** Letters we look at: enough for a stable guess, cheap on long texts. */
const SAMPLE_CHARS = 20_000;
/** Below this share of Cyrillic letters a text is treated as Latin-script. */
const CYRILLIC_SHARE = 0.5;
/** A Latin-script language needs this many of its function words per 100 words to be named. */
const MIN_FUNCTION_WORDS_PER_100 = 4;

const SCRIPT = {
  letter: /\p{L}/gu,
  cyrillic: /\p{Script=Cyrillic}/gu,
  word: /\p{L}+/gu,
  /** Letters only Ukrainian uses among Cyrillic news languages. */
  ukrainian: /[іїєґ]/giu,
  /** Letters Russian uses and Bulgarian does not. */
  russianOnly: /[ыэё]/giu,
  /** ъ inside a word (Bulgarian writes it as a vowel). */
  innerHardSign: /ъ(?=\p{L})/giu,
  /** BCP 47 ("en-US") and POSIX ("ru_RU") tags alike. */
  subtagSeparator: /[-_]/,
  primarySubtag: /^[a-z]{2,3}$/,
} as const;

/** Only Bulgarian writes ъ often in the middle of words; Russian almost never does. */
const BULGARIAN_HARD_SIGN_PER_1000 = 5;

const FUNCTION_WORDS: Record<string, ReadonlySet<string>> = {
  en: new Set(['the', 'and', 'of', 'to', 'in', 'that', 'is', 'was', 'with', 'for', 'on', 'it']),
  de: new Set(['der', 'die', 'das', 'und', 'nicht', 'ist', 'mit', 'den', 'von', 'zu', 'ein', 'dass']),
  fr: new Set(['le', 'la', 'les', 'et', 'des', 'est', 'une', 'que', 'dans', 'pour', 'du', 'pas']),
  es: new Set(['el', 'los', 'las', 'y', 'que', 'del', 'una', 'por', 'con', 'para', 'es', 'se']),
};

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

export function detectLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = count(sample, SCRIPT.letter);
  if (letters === 0) return 'und';
  if (count(sample, SCRIPT.cyrillic) / letters >= CYRILLIC_SHARE) return cyrillicLanguage(sample);
  const words = sample.toLowerCase().match(SCRIPT.word) ?? [];
  let best = { lang: 'und', hits: 0 };
  for (const [lang, vocabulary] of Object.entries(FUNCTION_WORDS)) {
    const hits = words.filter((word) => vocabulary.has(word)).length;
    if (hits > best.hits) best = { lang, hits };
  }
  return (best.hits * 100) / Math.max(words.length, 1) >= MIN_FUNCTION_WORDS_PER_100 ? best.lang : 'und';
}

function cyrillicLanguage(sample: string): string {
  if (count(sample, SCRIPT.ukrainian) > 0 && count(sample, SCRIPT.russianOnly) === 0) return 'uk';
  const hardSigns = count(sample, SCRIPT.innerHardSign);
  const letters = count(sample, SCRIPT.letter);
  if (count(sample, SCRIPT.russianOnly) === 0 && (hardSigns * 1000) / letters >= BULGARIAN_HARD_SIGN_PER_1000) return 'bg';
  return 'ru';
}

/** "en-US" → "en", "ru_RU" → "ru": the primary subtag, lower case; undefined when empty. */
export function primaryLanguage(tag: string | null | undefined): string | undefined {
  const primary = tag?.trim().split(SCRIPT.subtagSeparator)[0]?.toLowerCase();
  return primary && SCRIPT.primarySubtag.test(primary) ? primary : undefined;
}
