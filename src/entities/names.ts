/**
 * Name normalisation for the persons authority: the same person written in Latin or Cyrillic
 * script, with or without diacritics, in any common transliteration, gets the same key.
 */

// Scholarly/BGN-neutral base mapping; the phonetic key below absorbs the variants
// (ye/e, ts/tz/c, kh/h, y/j) so one table serves every transliteration system.
const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u',
};

export function transliterate(text: string): string {
  let out = '';
  for (const char of text) {
    const lower = char.toLowerCase();
    const mapped = CYRILLIC_TO_LATIN[lower];
    if (mapped === undefined) out += char;
    else out += lower === char ? mapped : mapped.charAt(0).toUpperCase() + mapped.slice(1);
  }
  return out;
}

/** Lower case, Latin script, no diacritics, apostrophes dropped, words joined by one space. */
export function normalizeName(name: string): string {
  return transliterate(name)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’ʼ`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Ordered rewrites that fold transliteration variants onto one spelling.
const PHONETIC_RULES: [RegExp, string][] = [
  [/shch/g, 'sc'],
  [/(^|\s)ye/g, '$1e'],
  [/([aeiou])ye/g, '$1e'],
  [/yo/g, 'e'],
  [/tz|ts|tc/g, 'c'],
  [/kh/g, 'h'],
  [/[jy]/g, 'i'],
  [/ii\b/g, 'i'],
  [/ff\b|w\b/g, 'v'],
  [/(.)\1/g, '$1'],
];

/** Names repeat by the thousand in a volume; keys are cached, up to a bound. */
const NAME_KEY_CACHE_LIMIT = 50_000;
const nameKeyCache = new Map<string, string>();

/** A key equal for "Yeltsin", "El'tsin", "Eltsin" and "Ельцин". */
export function nameKey(name: string): string {
  const cached = nameKeyCache.get(name);
  if (cached !== undefined) return cached;
  let key = normalizeName(name);
  for (const [pattern, replacement] of PHONETIC_RULES) key = key.replace(pattern, replacement);
  if (nameKeyCache.size >= NAME_KEY_CACHE_LIMIT) nameKeyCache.clear();
  nameKeyCache.set(name, key);
  return key;
}

/** Ranks and titles that persons lists put before given names ("Walters, Lieutenant General Vernon A."). */
const RANKS = new Set([
  'general', 'lieutenant', 'major', 'colonel', 'captain', 'admiral', 'vice', 'rear', 'commander', 'brigadier',
  'marshal', 'sergeant', 'ambassador', 'dr', 'sir', 'lord', 'lady', 'reverend', 'father', 'senator', 'judge',
  'president', 'prince', 'princess', 'king', 'queen', 'sheikh', 'mr', 'mrs', 'ms', 'miss',
]);

/** Stable authority id from a sorted name: "Gorbachev, Mikhail S." → "gorbachev-mikhail". */
export function personIdFromSortName(sortName: string): string {
  const [surname = '', given = ''] = sortName.replace(/\(.*?\)/g, '').split(',').map((part) => normalizeName(part));
  const firstGiven = given.split(' ').find((word) => word.length > 1 && !RANKS.has(word)) ?? '';
  return [surname.replace(/ /g, '-'), firstGiven].filter(Boolean).join('-');
}

/**
 * Every ordinary way to write a person from the persons-list form "Surname, Given M. (Nick)":
 * the full name both ways round, surname alone, first name and surname, the nickname form.
 */
export function aliasesFromSortName(sortName: string): string[] {
  const nick = /\(([^)]+)\)/.exec(sortName)?.[1]?.trim();
  const clean = sortName.replace(/\([^)]*\)/g, '').replace(/\s+/g, ' ').trim();
  const [surname = '', ...rest] = clean.split(',').map((part) => part.trim());
  const given = rest.join(', ');
  // Suffixes like "Jr." sit after a second comma: keep them on the full forms only.
  const givenNames = given.replace(/,?\s*(Jr\.|Sr\.|II|III)$/, '').trim();
  const firstName = givenNames.split(' ').find((word) => word.replace('.', '').length > 1);
  const aliases = new Set<string>([clean, surname]);
  if (given) aliases.add(`${given} ${surname}`.trim());
  if (givenNames) aliases.add(`${givenNames} ${surname}`);
  if (firstName) aliases.add(`${firstName} ${surname}`);
  if (nick) aliases.add(`${nick} ${surname}`);
  return [...aliases].filter((alias) => alias.length > 1);
}

/** "Gorbachev, Mikhail S." → "Mikhail S. Gorbachev" (suffixes kept at the end). */
export function displayName(sortName: string): string {
  const clean = sortName.replace(/\([^)]*\)/g, '').replace(/\s+/g, ' ').trim();
  const parts = clean.split(',').map((part) => part.trim());
  if (parts.length < 2) return clean;
  const [surname, given, ...suffix] = parts;
  return [`${given} ${surname}`, ...suffix].join(', ');
}
