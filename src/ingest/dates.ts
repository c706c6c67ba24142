/**
 * Dates as records print them ("November 19, 1985", "19 November 1985", "September 24 1971",
 * "1985-11-19", "November 1985") into ISO dates with a precision. Shared by every reader.
 */
import type { DocumentDate } from '../model/index.ts';

export const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9,
  october: 10, november: 11, december: 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8,
  sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const MONTH_NAME = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`;

const DATE_PATTERNS = {
  iso: /\b(\d{4})-(\d{2})-(\d{2})\b/,
  monthDayYear: new RegExp(String.raw`\b${MONTH_NAME}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, 'i'),
  dayMonthYear: new RegExp(String.raw`\b(\d{1,2})\s+${MONTH_NAME},?\s+(\d{4})\b`, 'i'),
  monthYear: new RegExp(String.raw`\b${MONTH_NAME},?\s+(\d{4})\b`, 'i'),
  year: /\b(1[89]\d{2}|20\d{2})\b/,
} as const;

export function isoDate(year: number, month?: number, day?: number): string {
  const parts = [String(year).padStart(4, '0')];
  if (month) parts.push(String(month).padStart(2, '0'));
  if (month && day) parts.push(String(day).padStart(2, '0'));
  return parts.join('-');
}

function validDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The first date in `text`, at the finest precision the text gives. */
export function parseDateText(text: string): DocumentDate | undefined {
  const iso = DATE_PATTERNS.iso.exec(text);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (validDay(year, month, day)) return { start: isoDate(year, month, day), precision: 'day', text: iso[0] };
  }
  const mdy = DATE_PATTERNS.monthDayYear.exec(text);
  const dmy = DATE_PATTERNS.dayMonthYear.exec(text);
  const dayMatch = [mdy, dmy].filter((m): m is RegExpExecArray => m !== null).sort((a, b) => a.index - b.index)[0];
  if (dayMatch) {
    const [monthName, day, year] = dayMatch === mdy ? [mdy[1], mdy[2], mdy[3]] : [dayMatch[2], dayMatch[1], dayMatch[3]];
    const month = MONTHS[String(monthName).toLowerCase()];
    if (month && validDay(Number(year), month, Number(day))) {
      return { start: isoDate(Number(year), month, Number(day)), precision: 'day', text: dayMatch[0] };
    }
  }
  const my = DATE_PATTERNS.monthYear.exec(text);
  if (my) {
    const month = MONTHS[String(my[1]).toLowerCase()];
    if (month) return { start: isoDate(Number(my[2]), month), precision: 'month', text: my[0] };
  }
  const year = DATE_PATTERNS.year.exec(text);
  if (year) return { start: year[1] as string, precision: 'year', text: year[0] };
  return undefined;
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
