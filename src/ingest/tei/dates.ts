/**
 * A FRUS document's date and time. Volumes that carry `frus:doc-dateTime-min/max` give exact
 * instants; those are read in the dateline's own time zone where the dateline gives one, so a
 * Geneva meeting at 11:27 local is dated and timed as Geneva saw it. Volumes without the
 * attributes are dated from the dateline's `<date>` attributes, then from its text.
 */
import type { DocumentDate, DocumentTime } from '../../model/index.ts';
import { findDateOrYear, parseTimeText } from '../common/dates.ts';

export interface DateSources {
  /** frus:doc-dateTime-min / -max of the document div. */
  min?: string;
  max?: string;
  /** Attributes of the dateline's <date>: when, from, to, notBefore, notAfter. */
  dateAttrs?: Record<string, string>;
  /** Attributes of a <time> in the dateline (from, to). */
  timeAttrs?: Record<string, string>;
  /** The dateline's date text ("November 19, 1985, 11:27–12:15 p.m."). */
  dateText?: string;
}

interface Instant {
  date: string;
  time: string;
  zone?: string;
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function parseInstant(value: string | undefined): Instant | undefined {
  const match = value ? INSTANT.exec(value.trim()) : null;
  if (!match?.[1]) return undefined;
  return { date: match[1], time: match[2] ?? '', zone: match[3] };
}

function offsetMinutes(zone: string): number {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const [hours, minutes] = zone.slice(1).split(':').map(Number);
  return sign * ((hours ?? 0) * 60 + (minutes ?? 0));
}

/** The same instant as seen in another UTC offset. */
function inZone(instant: Instant, zone: string | undefined): Instant {
  if (!zone || !instant.zone || !instant.time || instant.zone === zone) return instant;
  const utc = Date.parse(`${instant.date}T${instant.time}:00${instant.zone === 'Z' ? 'Z' : instant.zone}`);
  const shifted = new Date(utc + offsetMinutes(zone) * 60_000).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16), zone };
}

const START_OF_DAY = '00:00';
const END_OF_DAY = '23:59';

function isoMonth(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Dates from an instant pair, at the precision the span implies. */
function fromSpan(start: Instant, end: Instant): { date: DocumentDate; time?: DocumentTime } {
  const allDay = (start.time === '' || start.time === START_OF_DAY) && (end.time === '' || end.time === END_OF_DAY);
  const [y1, m1, d1] = start.date.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = end.date.split('-').map(Number) as [number, number, number];
  if (start.date === end.date) {
    const time = allDay ? undefined : { start: start.time, end: end.time !== start.time ? end.time : undefined, zone: start.zone };
    return { date: { start: start.date, precision: 'day' }, time };
  }
  if (allDay && d1 === 1 && y1 === y2 && m1 === m2 && d2 === lastDayOfMonth(y2, m2)) {
    return { date: { start: isoMonth(y1, m1), precision: 'month' } };
  }
  if (allDay && d1 === 1 && m1 === 1 && y1 === y2 && m2 === 12 && d2 === 31) {
    return { date: { start: String(y1), precision: 'year' } };
  }
  return { date: { start: start.date, end: end.date, precision: 'range' } };
}

export function documentDate(sources: DateSources): { date?: DocumentDate; time?: DocumentTime } {
  const attrs = sources.dateAttrs ?? {};
  const localZone = [attrs.from, attrs.when, attrs.notBefore].map(parseInstant).find((i) => i?.zone)?.zone;
  const text = sources.dateText;
  // The printed clock is the record; attributes are an encoder's reading of it and now and
  // then disagree with it (a meeting printed "3:40–4:45 p.m." encoded as from 15:30).
  const printed = text ? parseTimeText(text) : undefined;
  const withText = (result: { date?: DocumentDate; time?: DocumentTime }) => {
    if (result.date && text) result.date.text = text;
    if (printed && result.date?.precision === 'day') result.time = { zone: result.time?.zone, ...printed };
    if (result.time && text) result.time.text = text;
    if (result.time && result.time.zone === undefined) delete result.time.zone;
    return result;
  };

  const min = parseInstant(sources.min);
  const max = parseInstant(sources.max);
  if (min && max) {
    return withText(fromSpan(inZone(min, localZone), inZone(max, localZone)));
  }
  const fromDateline = datelineSpan(attrs, sources.timeAttrs);
  if (fromDateline) return withText(fromDateline);
  const parsed = text ? findDateOrYear(text) : undefined;
  return parsed ? withText({ date: parsed }) : {};
}

function datelineSpan(
  attrs: Record<string, string>,
  timeAttrs: Record<string, string> | undefined,
): { date: DocumentDate; time?: DocumentTime } | undefined {
  const start = parseInstant(attrs.when ?? attrs.from ?? attrs.notBefore);
  const end = parseInstant(attrs.to ?? attrs.notAfter) ?? start;
  if (!start || !end) return undefined;
  const result = fromSpan(start, end);
  if (!result.time && timeAttrs?.from) {
    result.time = { start: timeAttrs.from.slice(0, 5), ...(timeAttrs.to ? { end: timeAttrs.to.slice(0, 5) } : {}) };
  }
  return result;
}
