/**
 * What an article asserts about the record, as checkable claims: dates (normalised to ISO),
 * places, people (with the role the article gives them), organisations, the kind of document
 * it says it read, and the sources it declares. English, Russian and German forms.
 *
 * ```ts
 * extractClaims('In 1994, at the Novo-Ogarevo residence, US President Bill Clinton …');
 * // [{ field: 'date', stated: '1994', value: '1994', offset: 3 },
 * //  { field: 'place', stated: 'Novo-Ogarevo', value: 'Novo-Ogarevo', offset: 16 },
 * //  { field: 'person', stated: 'US President Bill Clinton', value: 'Bill Clinton', offset: 44 }]
 * ```
 */
import type { Claim, DeclaredSource } from '../model/index.ts';

/** A person as the article introduces them: the name, and the role it gives them if any. */
export interface PersonMention {
  name: string;
  /** The whole mention as written ("US President Bill Clinton"). */
  stated: string;
  role?: string;
  offset: number;
}

const MONTHS_EN = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTHS_RU = ['январ', 'феврал', 'март', 'апрел', 'ма', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];
const MONTHS_DE = ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'];

const MONTH = String.raw`(?<month>(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?|(?:январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)[яеа]|Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember)`;
const DAY = String.raw`(?<day>[0-3]?\d)(?:st|nd|rd|th)?(?:\s*[–—-]\s*(?<dayEnd>[0-3]?\d))?(?:\s+(?:or|или|oder)\s+(?<dayAlt>[0-3]?\d))?`;
const YEAR = String.raw`(?<year>(?:1[89]|20)\d\d)`;
/** "Mr." and initials keep their period; other words stop before punctuation. */
const NAME_WORD = String.raw`(?:(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Amb|Adm)\.|\p{Lu}\.|\p{Lu}[\p{L}’']*(?:-\p{L}[\p{L}’']*)*)`;
/** Space within a line: names never run across a line break. */
const SP = String.raw`[^\S\n]+`;
const NAME_SEQ = String.raw`${NAME_WORD}(?:${SP}(?:(?:de|van|von|der|al|bin)${SP})?${NAME_WORD}){0,3}`;
const ORG_HEAD = String.raw`(?:Archive|Archives|University|Institute|Agency|Ministry|Council|Committee|Party|Organi[sz]ation|Office|Department|Service|Bank|Foundation|Library|Center|Centre|Commission|Times|Post|News|Journal|Magazine|Press|Review|Herald|Tribune|Gazette|Assembly|Congress|Parliament|Senate|Duma|Kremlin)`;
const TITLE = String.raw`(?:President|Prime Minister|Premier|Chancellor|General Secretary|Secretary of State|Secretary General|Foreign Minister|Defense Minister|Minister|Ambassador|Senator|Secretary|Mr\.|Mrs\.|Ms\.|Dr\.|General|Marshal|Admiral|King|Queen|Pope|президент|премьер|канцлер|министр|посол|генсек)`;
const ROLE_QUALIFIER = String.raw`(?:(?:US|U\.S\.|American|Russian|Soviet|Chinese|British|French|German|Ukrainian|former|then|late|first|ex-|Russia's|America's|США|российский|американский|бывший|первый)\s+)*`;

const REGEXPS = {
  dateMonthDayYear: new RegExp(String.raw`\b${MONTH}\s+${DAY},?\s+${YEAR}\b`, 'gu'),
  dateDayMonthYear: new RegExp(String.raw`\b${DAY}\s+${MONTH}\s+${YEAR}(?:\s+(?:года|г\.))?`, 'gu'),
  dateMonthYear: new RegExp(String.raw`\b${MONTH}\s+(?:of\s+)?${YEAR}\b`, 'gu'),
  dateMonthDay: new RegExp(String.raw`\b${MONTH}\s+${DAY}\b(?!,?\s+\d)`, 'gu'),
  dateDayMonth: new RegExp(String.raw`(?<![\d.])${DAY}\s+${MONTH}(?!\s*,?\s*\d)`, 'gu'),
  dateIso: /\b(?<year>(?:19|20)\d\d)-(?<month>[01]\d)-(?<day>[0-3]\d)\b/gu,
  dateYear: new RegExp(String.raw`(?<![\d.,-])${YEAR}(?![\d.,]\d|-\d)(?:\s+(?:году|года|г\.))?`, 'gu'),
  /** "at the Novo-Ogarevo residence", "в резиденции Ново-Огарево". */
  placeResidence: new RegExp(String.raw`(?:\b(?:at|in|near)\s+(?:the\s+)?(?<name>${NAME_SEQ})\s+(?:residence|dacha|palace|estate|castle|house|summit)|резиденци\p{L}*\s+(?<nameRu>${NAME_SEQ}))`, 'gu'),
  /** "in Geneva", "at Reykjavik": a capitalised name after a place preposition. */
  placeAfterPreposition: new RegExp(String.raw`\b(?:in|at|near|from|to)\s+(?<name>${NAME_SEQ})`, 'gu'),
  /** "US President Bill Clinton", "General Secretary Gorbachev". */
  personWithTitle: new RegExp(String.raw`(?<role>${ROLE_QUALIFIER}${TITLE})\s+(?<name>${NAME_SEQ})`, 'gu'),
  /** "The first President of Russia, Boris Yeltsin," */
  personAfterRolePhrase: new RegExp(String.raw`(?<role>\b(?:[Tt]he\s+)?${ROLE_QUALIFIER}(?:[Pp]resident|[Pp]rime [Mm]inister|[Ll]eader|[Hh]ead|[Mm]inister|[Ss]ecretary)\s+of\s+(?:the\s+)?${NAME_SEQ}),\s+(?<name>${NAME_SEQ})`, 'gu'),
  /** Two to four capitalised words: a full name, unless it is an organisation, place or month. */
  fullName: new RegExp(String.raw`(?<![\p{L}.])(?<name>${NAME_WORD}(?:${SP}${NAME_WORD}){1,3})`, 'gu'),
  organisation: new RegExp(String.raw`(?<name>(?:${NAME_WORD}\s+){0,4}${ORG_HEAD}(?:\s+(?:of|for|on)\s+(?:the\s+)?${NAME_SEQ})?)(?:\s+at\s+(?<host>${NAME_SEQ}))?`, 'gu'),
  /** "in The Atlantic magazine", "the New York Times newspaper". */
  publication: new RegExp(String.raw`(?<name>(?:The|the)\s+${NAME_SEQ})\s+(?:magazine|newspaper|journal|weekly|daily|website|news agency|agency)`, 'gu'),
  acronymOrganisation: /\b(?<name>NATO|UN|EU|KGB|CIA|NSA|NSC|CPSU|OSCE|IAEA|WTO|IMF|TASS|RIA Novosti|НАТО|ООН|ЕС|КГБ|ЦРУ)\b/gu,
  /** The kind of record the article says it read. */
  documentKind: /\b(?:(?:a|an|the)\s+)?(?:(?:newly|recently)\s+)?(?:declassified|secret|classified|released|published|archival|confidential|top[- ]secret)?\s*(?<kind>transcripts?|memorand(?:um|a) of conversation|memcons?|memorand(?:um|a)|telegrams?|cables?|minutes|notes of (?:the )?(?:meeting|conversation)|record of (?:the )?(?:meeting|conversation)|telcons?|letters?)\b|рассекреченн\p{L}*\s+(?<kindRu>стенограмм\p{L}*|документ\p{L}*|запис\p{L}*|меморандум\p{L}*|телеграмм\p{L}*)/giu,
  declaredSource: /(?<cue>(?:^|\n)\s*(?:Source|Sources|Источник|Quelle|Източник)\s*:)\s*(?<name>[^\n]{1,80})/gu,
  /** Words that start a sentence or are common capitalised non-names; never a person on their own. */
  notAName: /^(?:The|A|An|In|On|At|It|This|That|These|However|But|And|Let|Us|We|I|He|She|They|From|According|After|Before|When|While|Source)$/u,
  monthWord: new RegExp(String.raw`^${MONTH}$`, 'u'),
  orgHeadWord: new RegExp(String.raw`\b${ORG_HEAD}\b`, 'u'),
  leadingThe: /^(?:the|The)\s+/u,
  firstWord: /^\S+/u,
  lastWord: /\S+$/u,
  /** A role word standing alone: "US President" names an office, not a person. */
  titleWord: new RegExp(String.raw`^${TITLE}$`, 'iu'),
  whitespace: /\s+/u,
} as const;

/** Capitalised words that are places, not people, however they are placed in a sentence. */
const COMMON_PLACES = new Set([
  'europe', 'asia', 'africa', 'america', 'russia', 'moscow', 'washington', 'ukraine', 'china', 'beijing', 'germany',
  'france', 'britain', 'england', 'japan', 'geneva', 'reykjavik', 'paris', 'london', 'berlin', 'kiev', 'kyiv',
  'united states', 'soviet union', 'russian federation', 'central and eastern europe', 'eastern europe',
  'western europe', 'iceland', 'switzerland', 'poland', 'taiwan', 'vietnam', 'korea', 'cuba', 'india',
]);

/** Document words as the model's DocumentType values. */
const DOCUMENT_KINDS: [RegExp, string][] = [
  [/^transcript|^стенограмм|^minutes/iu, 'transcript'],
  [/of conversation|^memcon|^record of|^notes of|^запис/iu, 'memcon'],
  [/^telegram|^cable|^телеграмм/iu, 'telegram'],
  [/^telcon/iu, 'telcon'],
  [/^memorand|^меморандум/iu, 'memo'],
  [/^letter/iu, 'letter'],
  [/^документ/iu, 'other'],
];

function monthNumber(month: string): number | undefined {
  const lower = month.toLowerCase().replace('.', '');
  const en = MONTHS_EN.findIndex((name) => name.startsWith(lower) && lower.length >= 3);
  if (en >= 0) return en + 1;
  const de = MONTHS_DE.indexOf(lower);
  if (de >= 0) return de + 1;
  const stem = lower.slice(0, -1);
  const ru = MONTHS_RU.indexOf(stem);
  return ru >= 0 ? ru + 1 : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

interface Found {
  claim: Claim;
  end: number;
}

function dateClaims(text: string): Found[] {
  const found: Found[] = [];
  const covered: [number, number][] = [];
  const overlaps = (start: number, end: number) => covered.some(([s, e]) => start < e && end > s);
  const add = (match: RegExpMatchArray, value: string | undefined) => {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (overlaps(start, end) || value === undefined) return;
    covered.push([start, end]);
    found.push({ claim: { field: 'date', stated: match[0].trim(), value, offset: start }, end });
  };
  const dayValue = (groups: Record<string, string | undefined>, withYear: boolean) => {
    const month = monthNumber(groups.month ?? '');
    if (!month) return undefined;
    const year = withYear ? groups.year : '-';
    return `${year}-${pad(month)}-${pad(Number(groups.day))}`;
  };
  for (const match of text.matchAll(REGEXPS.dateIso)) add(match, match[0]);
  for (const pattern of [REGEXPS.dateMonthDayYear, REGEXPS.dateDayMonthYear]) {
    for (const match of text.matchAll(pattern)) add(match, dayValue(match.groups ?? {}, true));
  }
  for (const match of text.matchAll(REGEXPS.dateMonthYear)) {
    const month = monthNumber(match.groups?.month ?? '');
    add(match, month ? `${match.groups?.year}-${pad(month)}` : undefined);
  }
  for (const pattern of [REGEXPS.dateMonthDay, REGEXPS.dateDayMonth]) {
    for (const match of text.matchAll(pattern)) add(match, dayValue(match.groups ?? {}, false));
  }
  for (const match of text.matchAll(REGEXPS.dateYear)) add(match, match.groups?.year);
  return found;
}

function isPlaceName(name: string): boolean {
  return COMMON_PLACES.has(name.toLowerCase());
}

function isPlausibleName(name: string): boolean {
  const first = REGEXPS.firstWord.exec(name)?.[0] ?? '';
  const last = REGEXPS.lastWord.exec(name)?.[0] ?? '';
  return !REGEXPS.notAName.test(first) && !REGEXPS.monthWord.test(first) && !REGEXPS.orgHeadWord.test(name)
    && !isPlaceName(name) && !REGEXPS.titleWord.test(last);
}

/** People the article names, with the role it gives them, full names first. */
export function extractPersonMentions(text: string): PersonMention[] {
  const mentions: PersonMention[] = [];
  const seen = new Set<number>();
  const add = (name: string, offset: number, stated: string, role?: string) => {
    if (seen.has(offset) || !isPlausibleName(name)) return;
    seen.add(offset);
    mentions.push(role ? { name, stated, role, offset } : { name, stated, offset });
  };
  for (const pattern of [REGEXPS.personAfterRolePhrase, REGEXPS.personWithTitle]) {
    for (const match of text.matchAll(pattern)) {
      const name = match.groups?.name ?? '';
      add(name, (match.index ?? 0) + match[0].length - name.length, match[0], match.groups?.role?.trim());
    }
  }
  for (const match of text.matchAll(REGEXPS.fullName)) {
    const name = match.groups?.name ?? '';
    const offset = match.index ?? 0;
    const end = offset + name.length;
    const overlaps = mentions.some((m) => offset < m.offset + m.name.length && end > m.offset);
    if (!overlaps) add(name, offset, name);
  }
  return mentions.sort((a, b) => a.offset - b.offset);
}

function organisationClaims(text: string): Found[] {
  const found: Found[] = [];
  const push = (stated: string, value: string, offset: number) => {
    if (found.some((f) => offset >= f.claim.offset && offset < f.end)) return;
    found.push({ claim: { field: 'organisation', stated, value, offset }, end: offset + stated.length });
  };
  for (const match of text.matchAll(REGEXPS.organisation)) {
    const name = (match.groups?.name ?? '').replace(REGEXPS.leadingThe, '');
    const offset = (match.index ?? 0) + match[0].indexOf(name);
    const stated = match.groups?.host ? `${name} at ${match.groups.host}` : name;
    push(stated, name, offset);
  }
  for (const pattern of [REGEXPS.publication, REGEXPS.acronymOrganisation]) {
    for (const match of text.matchAll(pattern)) {
      const name = match.groups?.name ?? '';
      push(name, name, (match.index ?? 0) + match[0].indexOf(name));
    }
  }
  return found;
}

function placeClaims(text: string, exclude: (offset: number, name: string) => boolean): Found[] {
  const found: Found[] = [];
  for (const pattern of [REGEXPS.placeResidence, REGEXPS.placeAfterPreposition]) {
    for (const match of text.matchAll(pattern)) {
      const name = match.groups?.name ?? match.groups?.nameRu ?? '';
      const offset = (match.index ?? 0) + match[0].indexOf(name);
      const first = REGEXPS.firstWord.exec(name)?.[0] ?? '';
      if (REGEXPS.monthWord.test(first) || REGEXPS.notAName.test(first) || exclude(offset, name)) continue;
      if (found.some((f) => offset >= f.claim.offset && offset < f.end)) continue;
      found.push({ claim: { field: 'place', stated: name, value: name, offset }, end: offset + name.length });
    }
  }
  return found;
}

function documentClaims(text: string): Found[] {
  const found: Found[] = [];
  for (const match of text.matchAll(REGEXPS.documentKind)) {
    const kind = match.groups?.kind ?? match.groups?.kindRu ?? '';
    const value = DOCUMENT_KINDS.find(([pattern]) => pattern.test(kind))?.[1];
    const stated = match[0].trim();
    // A bare "letter" or "notes" is too common to be a claim about the record; a qualified one is.
    if (!value || (stated.split(REGEXPS.whitespace).length < 2 && value === 'letter')) continue;
    found.push({ claim: { field: 'document', stated, value, offset: match.index ?? 0 }, end: (match.index ?? 0) + match[0].length });
  }
  return found;
}

/** Sources the article declares ("Source: Rosbalt"), for articles whose reader did not find them. */
export function extractDeclaredSources(text: string): DeclaredSource[] {
  return [...text.matchAll(REGEXPS.declaredSource)].map((match) => {
    const name = (match.groups?.name ?? '').trim();
    return { name, cue: (match.groups?.cue ?? '').trim(), offset: (match.index ?? 0) + match[0].lastIndexOf(name) };
  });
}

/** Every claim in the text, in reading order. Declared sources become 'source' claims. */
export function extractClaims(text: string, declared: readonly DeclaredSource[] = extractDeclaredSources(text)): Claim[] {
  const dates = dateClaims(text);
  const organisations = organisationClaims(text);
  const people = extractPersonMentions(text);
  const inside = (offset: number, items: { claim: Claim; end: number }[]) =>
    items.some((item) => offset >= item.claim.offset && offset < item.end);
  const personNames = new Set(people.map((p) => p.name.toLowerCase()));
  const places = placeClaims(text, (offset, name) => inside(offset, organisations) || personNames.has(name.toLowerCase())
    || people.some((p) => offset >= p.offset && offset < p.offset + p.name.length));
  const sources: Found[] = declared.map((source) => ({
    claim: { field: 'source', stated: source.name, value: source.name, offset: source.offset },
    end: source.offset + source.name.length,
  }));
  const personClaims: Found[] = people
    .filter((p) => !inside(p.offset, organisations) && !inside(p.offset, places) && !inside(p.offset, sources))
    .map((p) => ({ claim: { field: 'person', stated: p.stated, value: p.name, offset: p.offset }, end: p.offset + p.name.length }));
  return firstOfEach([...dates, ...places, ...personClaims, ...organisations, ...documentClaims(text), ...sources]
    .map((found) => found.claim)
    .sort((a, b) => a.offset - b.offset));
}

/** One claim per field and value: the first time the article states it. */
function firstOfEach(claims: Claim[]): Claim[] {
  const seen = new Set<string>();
  return claims.filter((claim) => {
    const key = `${claim.field}\u0000${(claim.value ?? claim.stated).toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
