/**
 * Date, time and place from the header fields: "DATE, TIME AND PLACE: January 13, 1994,
 * 7:30 - 9:40 p.m., Novo-Ogaryovo", or DATE / TIME / PLACE apart. The combined value is read
 * part by part (commas, semicolons, lines): the parts that are neither the date, a weekday
 * nor a time make the place.
 */
import type { DocumentDate, DocumentTime } from '../../model/index.ts';
import { findDate, parseTimeText } from '../common/dates.ts';
import type { Header } from './header.ts';
import { MEMCON } from './patterns.ts';

export interface WhenWhere {
  date?: DocumentDate;
  time?: DocumentTime;
  place?: string;
}

export function whenWhere(header: Header): WhenWhere {
  const { fields } = header;
  const combined = [fields['date-time-place'], fields['date-time']].filter(Boolean).join('\n');
  const date = findDate([combined, fields.date, ...header.preamble].filter(Boolean).join('\n'));
  const withoutDate = date?.text ? combined.replace(date.text, '\n') : combined;
  const parts = withoutDate.split(MEMCON.placeSeparator).map((part) => part.replace(MEMCON.spaces, ' ').replace(MEMCON.edgePunctuation, ''));
  const timeText = [...parts, fields.time ?? ''].find((part) => part && parseTimeText(part));
  const result: WhenWhere = {};
  if (date) result.date = date;
  if (timeText) result.time = { ...parseTimeText(timeText), text: timeText };
  const placeParts = fields['date-time-place']
    ? parts.filter((part) => MEMCON.hasLetter.test(part) && !MEMCON.weekday.test(part) && !parseTimeText(part) && !findDate(part))
    : [];
  const place = (fields.place ?? placeParts.join(', ')).replace(MEMCON.spaces, ' ').trim();
  if (place) result.place = place;
  return result;
}
