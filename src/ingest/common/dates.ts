/**
 * Dates as documents and articles print them, in English and Russian, turned into ISO
 * dates with their precision. Pure: every function takes text and returns a value.
 */
import type { DocumentDate } from '../../model/index.ts';

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  // Russian genitive (dates) and nominative (month-year) forms.
  января: 1, февраля: 2, марта: 3, апреля: 4, мая: 5, июня: 6, июля: 7, августа: 8,
  сентября: 9, октября: 10, ноября: 11, декабря: 12,
  январь: 1, февраль: 2, март: 3, апрель: 4, май: 5, июнь: 6, июль: 7, август: 8,
  сентябрь: 9, октябрь: 10, ноябрь: 11, декабрь: 12,
};

const MONTH = `(${Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|')})\\.?`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';

const ISO_DATE_TIME = '(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?))?';

/** Every date shape we read (global: used with matchAll); the earliest match in the text wins. */
const DATE_PATTERNS = {
  /** 2024-01-14, optionally with a time (kept whole as an ISO date-time). */
  iso: new RegExp(`\\b${ISO_DATE_TIME}`, 'g'),
  /** A machine-readable value that is an ISO date from its first character. */
  isoValue: new RegExp(`^${ISO_DATE_TIME}`),
  /** January 13–14, 1994 (a range within one month). */
  monthDayRange: new RegExp(`(?<!\\p{L})${MONTH}\\s+${DAY}\\s*[-–—]\\s*${DAY},?\\s+${YEAR}`, 'giu'),
  /** January 14, 1994 / Jan. 14 1994 */
  monthDayYear: new RegExp(`(?<!\\p{L})${MONTH}\\s+${DAY},?\\s+${YEAR}`, 'giu'),
  /** 14 January 1994 / 14 января 1994 г. */
  dayMonthYear: new RegExp(`(?<![\\d.])${DAY}\\s+${MONTH},?\\s+${YEAR}`, 'giu'),
  /** 14.01.2024 (European numeric order). */
  dotted: /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})\b/g,
  /** 8/20/2015 or 08/20/15, the whole value (declassification stamps). */
  usNumeric: /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/,
  /** The dot of an abbreviated month ("Jan."). */
  abbreviationDot: /\.$/,
  /** January 1994 */
  monthYear: new RegExp(`(?<!\\p{L})${MONTH}\\s+${YEAR}\\b`, 'giu'),
} as const;

/** Years outside this span are misreads, not dates of a record or an article. */
const PLAUSIBLE_YEARS = { min: 1900, max: 2100 } as const;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validDay(year: number, month: number, day: number): boolean {
  if (year < PLAUSIBLE_YEARS.min || year > PLAUSIBLE_YEARS.max || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase().replace(DATE_PATTERNS.abbreviationDot, '')];
}

interface Found {
  index: number;
  date: DocumentDate;
}

type Matcher = (match: RegExpExecArray) => DocumentDate | undefined;

const MATCHERS: [RegExp, Matcher][] = [
  [
    DATE_PATTERNS.iso,
    (m) => {
      const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (!validDay(year, month, day)) return undefined;
      return { start: `${m[1]}-${m[2]}-${m[3]}`, precision: 'day', text: m[0] };
    },
  ],
  [
    DATE_PATTERNS.monthDayRange,
    (m) => {
      const month = monthNumber(m[1]!);
      const [from, to, year] = [Number(m[2]), Number(m[3]), Number(m[4])];
      if (!month || !validDay(year, month, from) || !validDay(year, month, to) || to <= from) return undefined;
      const prefix = `${year}-${pad(month)}`;
      return { start: `${prefix}-${pad(from)}`, end: `${prefix}-${pad(to)}`, precision: 'range', text: m[0] };
    },
  ],
  [
    DATE_PATTERNS.monthDayYear,
    (m) => dayDate(Number(m[3]), monthNumber(m[1]!), Number(m[2]), m[0]),
  ],
  [
    DATE_PATTERNS.dayMonthYear,
    (m) => dayDate(Number(m[3]), monthNumber(m[2]!), Number(m[1]), m[0]),
  ],
  [DATE_PATTERNS.dotted, (m) => dayDate(Number(m[3]), Number(m[2]), Number(m[1]), m[0])],
  [
    DATE_PATTERNS.monthYear,
    (m) => {
      const month = monthNumber(m[1]!);
      const year = Number(m[2]);
      if (!month || !validDay(year, month, 1)) return undefined;
      return { start: `${year}-${pad(month)}`, precision: 'month', text: m[0] };
    },
  ],
];

function dayDate(year: number, month: number | undefined, day: number, text: string): DocumentDate | undefined {
  if (!month || !validDay(year, month, day)) return undefined;
  return { start: `${year}-${pad(month)}-${pad(day)}`, precision: 'day', text };
}

/**
 * The first date written in `text` (earliest position; at one position the most precise
 * shape), or undefined. "January 13-14, 1994" gives a range; "January 1994" a month.
 */
export function findDate(text: string): DocumentDate | undefined {
  let best: Found | undefined;
  for (const [pattern, matcher] of MATCHERS) {
    for (const match of text.matchAll(pattern)) {
      if (best && match.index >= best.index) break;
      const date = matcher(match as RegExpExecArray);
      if (date) {
        best = { index: match.index, date };
        break;
      }
    }
  }
  return best?.date;
}

/**
 * An ISO date or date-time from a machine-readable value (meta tags, JSON-LD, <time>):
 * ISO strings are kept as written (trimmed); anything else goes through findDate.
 */
export function isoFromValue(value: string): string | undefined {
  const trimmed = value.trim();
  const iso = DATE_PATTERNS.isoValue.exec(trimmed);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (validDay(year, month, day)) return iso[4] ? iso[0].replace(' ', 'T') : iso[0];
  }
  return findDate(trimmed)?.start;
}

/** US numeric dates as declassification stamps print them: 8/20/2015, 08/20/15. */
export function usNumericDate(text: string): string | undefined {
  const match = DATE_PATTERNS.usNumeric.exec(text.trim());
  if (!match) return undefined;
  const shortYear = Number(match[3]);
  // Two-digit years on stamps are declassification dates: 1990s or 2000s.
  const year = match[3]!.length === 4 ? shortYear : shortYear >= 70 ? 1900 + shortYear : 2000 + shortYear;
  return dayDate(year, Number(match[1]), Number(match[2]), text)?.start;
}

/** A year alone ("1985"), for datelines that give no more. */
const YEAR_ONLY = /\b(19\d{2}|20\d{2})\b/;

/** findDate, falling back to a bare year at year precision. */
export function findDateOrYear(text: string): DocumentDate | undefined {
  const date = findDate(text);
  if (date) return date;
  const year = YEAR_ONLY.exec(text);
  return year?.[1] ? { start: year[1], precision: 'year', text: year[0] } : undefined;
}

const TIME_PATTERNS = {
  /** "11:27–12:15 p.m.", "8–10:30 p.m.", "11:30 a.m.–12:40 p.m.", "10 a.m.-1:45 p.m.", "5 p.m." */
  clock: /\b(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?(?:\s*[–—-]\s*(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?))?(?=[\s,.;)]|$)/i,
  /** Military and telegram style: "1530Z", "0800 hours". */
  military: /\b([01]\d|2[0-3])([0-5]\d)\s?(Z|hours|hrs)\b/,
} as const;

function to24(hour: number, minute: number, meridiem: string | undefined): string {
  let h = hour % 12;
  if (meridiem?.toLowerCase().startsWith('p')) h += 12;
  else if (!meridiem) h = hour;
  return `${String(h).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/**
 * A time or time span as printed ("11:27–12:15 p.m." is 11:27 to 12:15: a start without its
 * own a.m./p.m. shares the end's unless that would put it after the end).
 */
export function parseTimeText(text: string): { start: string; end?: string; zone?: string } | undefined {
  const military = TIME_PATTERNS.military.exec(text);
  if (military) return { start: `${military[1]}:${military[2]}`, ...(military[3] === 'Z' ? { zone: 'Z' } : {}) };
  for (const match of text.matchAll(new RegExp(TIME_PATTERNS.clock, 'gi'))) {
    const [, h1, m1, ap1, h2, m2, ap2] = match;
    // A bare number is a time only with a meridiem somewhere in the span (not "1985").
    if (!ap1 && !ap2) continue;
    if (!m1 && !ap1 && !h2) continue;
    if (h2 === undefined) return { start: to24(Number(h1), Number(m1 ?? 0), ap1) };
    const end = to24(Number(h2), Number(m2 ?? 0), ap2);
    let start = to24(Number(h1), Number(m1 ?? 0), ap1 ?? ap2);
    if (!ap1 && start > end) start = to24(Number(h1), Number(m1 ?? 0), ap2?.toLowerCase().startsWith('p') ? 'am' : 'pm');
    return { start, end };
  }
  return undefined;
}
