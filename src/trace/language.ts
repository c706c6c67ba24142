/**
 * A small language guess for quotations and articles: enough to tell when a quotation cannot
 * be aligned word for word with an English record ("other language: not aligned").
 */
import { dominantScript } from './text.ts';

const REGEXPS = {
  word: /\p{L}+/gu,
  /** Letters only Ukrainian uses among the Cyrillic languages of the news we read. */
  ukrainian: /[іїєґ]/iu,
  /** Bulgarian writes ъ inside words ("българия", "към"), Russian almost never does. */
  bulgarian: /\p{L}ъ\p{L}/iu,
} as const;

/** The commonest function words of each Latin-script language: a profile to score against. */
const LATIN_PROFILES: Record<string, ReadonlySet<string>> = {
  en: new Set(['the', 'and', 'of', 'to', 'is', 'that', 'in', 'it', 'was', 'for', 'with', 'he', 'we', 'not', 'be', 'are', 'have', 'this', 'they', 'would']),
  de: new Set(['der', 'die', 'das', 'und', 'ist', 'nicht', 'ein', 'eine', 'zu', 'den', 'mit', 'sich', 'auf', 'wir', 'dass', 'es', 'sie', 'von', 'für', 'auch']),
  fr: new Set(['le', 'la', 'les', 'et', 'est', 'des', 'une', 'pas', 'que', 'qui', 'dans', 'pour', 'nous', 'sur', 'du', 'il', 'elle', 'avec', 'ce', 'sont']),
  es: new Set(['el', 'los', 'las', 'y', 'es', 'que', 'una', 'por', 'para', 'con', 'del', 'no', 'se', 'su', 'como', 'pero', 'muy', 'al', 'lo', 'nosotros']),
};

/** Below this many profile hits a Latin-script text is taken to be English (the archive's language). */
const MIN_PROFILE_HITS = 1;

/** BCP 47 tag of the language the text is most likely in; English when there is no evidence. */
export function guessLanguage(text: string): string {
  const script = dominantScript(text);
  if (script === 'cyrillic') {
    if (REGEXPS.ukrainian.test(text)) return 'uk';
    if (REGEXPS.bulgarian.test(text)) return 'bg';
    return 'ru';
  }
  if (script !== 'latin') return script === 'none' ? 'en' : 'und';
  const words = (text.toLowerCase().match(REGEXPS.word) ?? []);
  let best = 'en';
  let bestHits = 0;
  for (const [language, profile] of Object.entries(LATIN_PROFILES)) {
    const hits = words.filter((word) => profile.has(word)).length;
    if (hits > bestHits) {
      best = language;
      bestHits = hits;
    }
  }
  return bestHits >= MIN_PROFILE_HITS ? best : 'en';
}

/** Whether two BCP 47 tags name the same language (region and script subtags ignored). */
export function sameLanguage(a: string, b: string): boolean {
  return a.split('-')[0]?.toLowerCase() === b.split('-')[0]?.toLowerCase();
}
