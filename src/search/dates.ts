/**
 * Date values of the query language: `1986`, `1986-10`, `1986-10-12`, and ranges of them
 * written `a..b` (either side may be left open). A value stands for every day it covers, so
 * `date:1986-10` is October 1–31 and a range runs from the first day of `a` to the last of `b`.
 */

export interface DayRange {
  /** First day, YYYY-MM-DD; absent for an open start. */
  from?: string;
  /** Last day, YYYY-MM-DD; absent for an open end. */
  to?: string;
}

export type DateParse = { ok: true; range: DayRange } | { ok: false; reason: string; offset: number };

const RANGE_SEPARATOR = '..';

const REGEXPS = {
  date: /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/,
  year: /^\d{4}$/,
};

/** Parses `value` (a date or a range); `offset` in a failure is relative to the value. */
export function parseDateRange(value: string, yearsOnly: boolean): DateParse {
  const split = value.indexOf(RANGE_SEPARATOR);
  const parts =
    split < 0
      ? [{ text: value, offset: 0, bound: 'both' as const }]
      : [
          { text: value.slice(0, split), offset: 0, bound: 'from' as const },
          { text: value.slice(split + RANGE_SEPARATOR.length), offset: split + RANGE_SEPARATOR.length, bound: 'to' as const },
        ];
  if (parts.every((part) => part.text === '')) return { ok: false, reason: 'a date range needs at least one end', offset: 0 };
  const range: DayRange = {};
  for (const part of parts) {
    if (part.text === '') continue;
    const what = yearsOnly ? 'a year (1986)' : 'a date (1986, 1986-10 or 1986-10-12)';
    if (yearsOnly && !REGEXPS.year.test(part.text)) return fail(`'${part.text}' is not ${what}`, part.offset);
    const days = daysOf(part.text);
    if (!days) return fail(`'${part.text}' is not ${what}`, part.offset);
    if (part.bound !== 'to') range.from = days.first;
    if (part.bound !== 'from') range.to = days.last;
  }
  if (range.from && range.to && range.from > range.to) return fail('the date range ends before it starts', 0);
  return { ok: true, range };
}

function fail(reason: string, offset: number): DateParse {
  return { ok: false, reason, offset };
}

/** The first and last day a date of any precision covers, or undefined if it is no date. */
export function daysOf(text: string): { first: string; last: string } | undefined {
  const match = REGEXPS.date.exec(text);
  if (!match) return undefined;
  const [, year = '', month, day] = match;
  if (month === undefined) return { first: `${year}-01-01`, last: `${year}-12-31` };
  const monthNumber = Number(month);
  if (monthNumber < 1 || monthNumber > 12) return undefined;
  const lastDay = daysInMonth(Number(year), monthNumber);
  if (day === undefined) return { first: `${year}-${month}-01`, last: `${year}-${month}-${String(lastDay)}` };
  const dayNumber = Number(day);
  if (dayNumber < 1 || dayNumber > lastDay) return undefined;
  return { first: text, last: text };
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one (months are 0-based in Date.UTC).
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
