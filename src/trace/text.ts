/**
 * Words as trace compares them: every token keeps its offsets in the source text, a
 * normalised form (case, diacritics, apostrophes and number spellings folded) and a stem, so
 * quotation lookup and alignment agree on what "the same word" means.
 *
 * ```ts
 * tokenize('Gorbachev didn’t say “ten” missiles').map((t) => t.norm);
 * // ['gorbachev', 'did', 'not', 'say', '10', 'missiles']
 * ```
 */
import { stemmer } from 'stemmer';

export interface Token {
  /** As written. */
  raw: string;
  /** Lower case, no diacritics, number words as digits. */
  norm: string;
  /** Porter stem of `norm` (irregular English verbs folded to their base first). */
  stem: string;
  /** Offsets of `raw` in the text (end exclusive); expanded contractions share them. */
  start: number;
  end: number;
}

const REGEXPS = {
  /** A word: letters or digits with inner apostrophes, or a digit group (1,000 · 3.5). Hyphens split. */
  word: /\d+(?:[.,]\d+)*|[\p{L}\p{N}]+(?:['’ʼ][\p{L}]+)*/gu,
  apostrophes: /[’ʼ`]/g,
  marks: /\p{M}+/gu,
  /** Negative contractions: "didn't", "can't", "won't". */
  negativeContraction: /^(\p{L}+)n't$/u,
  /** Clitics dropped from the word they hang on: possessive and auxiliary contractions. */
  clitic: /'(s|re|ve|ll|d|m)$/,
  digitGroups: /(?<=\d)[,](?=\d{3}\b)/g,
  digits: /^\d/,
  cyrillic: /\p{Script=Cyrillic}/u,
  latin: /\p{Script=Latin}/u,
  letter: /\p{L}/u,
} as const;

/** Bases whose "n't" form is not base + n't. */
const NEGATIVE_BASES: Record<string, string> = { ca: 'can', wo: 'will', sha: 'shall' };

/** Number words written as digits, so "ten" and "10" are one word to the comparison. */
const NUMBER_WORDS: Record<string, string> = {
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8',
  nine: '9', ten: '10', eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15',
  sixteen: '16', seventeen: '17', eighteen: '18', nineteen: '19', twenty: '20', thirty: '30',
  forty: '40', fifty: '50', sixty: '60', seventy: '70', eighty: '80', ninety: '90', hundred: '100',
  thousand: '1000', million: '1000000', billion: '1000000000',
};

/** Irregular past forms the Porter stemmer leaves apart from their base. */
const IRREGULAR_BASES: Record<string, string> = {
  said: 'say', says: 'say', told: 'tell', went: 'go', gone: 'go', thought: 'think', made: 'make',
  gave: 'give', given: 'give', took: 'take', taken: 'take', knew: 'know', known: 'know', saw: 'see',
  seen: 'see', came: 'come', got: 'get', felt: 'feel', left: 'leave', meant: 'mean', began: 'begin',
  begun: 'begin', spoke: 'speak', spoken: 'speak', wrote: 'write', written: 'write', brought: 'bring',
  sought: 'seek', held: 'hold', kept: 'keep', built: 'build', sent: 'send', spent: 'spend',
  stood: 'stand', understood: 'understand', became: 'become', chose: 'choose', chosen: 'choose',
  fought: 'fight', found: 'find', lost: 'lose', paid: 'pay', sold: 'sell', taught: 'teach', won: 'win',
  was: 'be', were: 'be', is: 'be', are: 'be', am: 'be', been: 'be', being: 'be', has: 'have',
  had: 'have', did: 'do', does: 'do', done: 'do', men: 'man', women: 'woman', children: 'child',
};

/**
 * Grammatical glue: adding, dropping or swapping one of these changes the wording, not the
 * meaning, so the verdict stays "minor". Modals, pronouns and intensifiers are not here:
 * "should" for "has to" or "he" for "we" shifts what was said.
 */
export const LIGHT_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'that', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'has', 'have',
  'had', 'do', 'does', 'did', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as', 'and',
  'it', 'its', 'there', 'then', 'so', 'which', 'who', 'this', 'these', 'those', 'into', 'onto', 'upon',
]);

/** Words that flip a statement: any difference in them makes a quotation "altered". */
export const NEGATIONS: ReadonlySet<string> = new Set([
  'not', 'no', 'never', 'neither', 'nor', 'none', 'nothing', 'nobody', 'nowhere', 'without', 'cannot',
]);

/** Words repeat across passages: what each written word compares as is cached, up to this many words. */
const WORD_CACHE_LIMIT = 100_000;

function memoised<T>(compute: (word: string) => T): (word: string) => T {
  const cache = new Map<string, T>();
  return (word) => {
    let value = cache.get(word);
    if (value === undefined) {
      if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
      value = compute(word);
      cache.set(word, value);
    }
    return value;
  };
}

function normalizeWord(raw: string): string {
  const folded = raw.normalize('NFKD').replace(REGEXPS.marks, '').toLowerCase().replace(REGEXPS.apostrophes, "'");
  if (REGEXPS.digits.test(folded)) return folded.replace(REGEXPS.digitGroups, '');
  return NUMBER_WORDS[folded] ?? folded;
}

function stemOf(norm: string): string {
  if (REGEXPS.digits.test(norm)) return norm;
  return stemmer(IRREGULAR_BASES[norm] ?? norm);
}

/** A word as compared: its normal form and stem. */
export type WordForm = Pick<Token, 'norm' | 'stem'>;

/** What a written word compares as: one form, or two for a negative contraction ("didn't": did, not). */
const formsOf = memoised((raw: string): readonly WordForm[] => {
  const norm = normalizeWord(raw);
  const negative = REGEXPS.negativeContraction.exec(norm);
  const norms = negative?.[1] ? [NEGATIVE_BASES[negative[1]] ?? negative[1], 'not'] : [withoutClitic(norm)];
  return norms.map((form) => ({ norm: form, stem: stemOf(form) }));
});

function withoutClitic(norm: string): string {
  const clitic = REGEXPS.clitic.exec(norm);
  return (clitic ? norm.slice(0, clitic.index) : norm) || norm;
}

/** Splits text into comparable words; contractions expand ("didn't" → did + not). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(REGEXPS.word)) {
    const raw = match[0];
    const start = match.index;
    const end = start + raw.length;
    for (const { norm, stem } of formsOf(raw)) tokens.push({ raw, norm, stem, start, end });
  }
  return tokens;
}

/** The words of a text as tokenize compares them, without what locating them costs. */
export function wordForms(text: string): WordForm[] {
  const forms: WordForm[] = [];
  for (const [raw] of text.matchAll(REGEXPS.word)) forms.push(...formsOf(raw));
  return forms;
}

export function isLight(token: WordForm): boolean {
  return LIGHT_WORDS.has(token.norm);
}

export function isNegation(token: Token): boolean {
  return NEGATIONS.has(token.norm);
}

export function isNumber(token: Token): boolean {
  return REGEXPS.digits.test(token.norm);
}

/** A name as written: capitalised in the source (sentence-initial words are not told apart). */
export function isCapitalised(token: Token): boolean {
  const first = token.raw.charAt(0);
  return first !== first.toLowerCase();
}

/** The script most of the letters are in: tells an English record from a Russian quotation. */
export function dominantScript(text: string): 'latin' | 'cyrillic' | 'other' | 'none' {
  let latin = 0;
  let cyrillic = 0;
  let other = 0;
  for (const char of text) {
    if (REGEXPS.cyrillic.test(char)) cyrillic++;
    else if (REGEXPS.latin.test(char)) latin++;
    else if (REGEXPS.letter.test(char)) other++;
  }
  const max = Math.max(latin, cyrillic, other);
  if (max === 0) return 'none';
  return max === latin ? 'latin' : max === cyrillic ? 'cyrillic' : 'other';
}
