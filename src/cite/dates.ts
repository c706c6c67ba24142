/**
 * Dates as people read them ("November 19, 1985", "October 9–10, 1986"), from the ISO
 * start/end and precision the model keeps. Citations and pages share these.
 */
import type { DocumentDate } from '../model/index.ts';

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

interface Parts {
  year: number;
  month?: number;
  day?: number;
}

/** Splits an ISO date (YYYY, YYYY-MM or YYYY-MM-DD); undefined when it is not one. */
export function dateParts(iso: string): Parts | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!match) return undefined;
  const [, year, month, day] = match;
  return {
    year: Number(year),
    month: month ? Number(month) : undefined,
    day: day ? Number(day) : undefined,
  };
}

function one(parts: Parts): string {
  const month = parts.month ? MONTHS[parts.month - 1] : undefined;
  if (!month) return String(parts.year);
  return parts.day ? `${month} ${parts.day}, ${parts.year}` : `${month} ${parts.year}`;
}

export function formatDate(date: DocumentDate | undefined): string {
  if (!date) return '';
  const start = dateParts(date.start);
  if (!start) return date.text ?? date.start;
  const end = date.end && date.end !== date.start ? dateParts(date.end) : undefined;
  if (!end) return one(start);
  // Collapse what the two ends share: "November 19–20, 1985", "October 30–November 2, 1986".
  if (start.year === end.year && start.month === end.month && start.day && end.day) {
    return `${MONTHS[(start.month ?? 1) - 1]} ${start.day}–${end.day}, ${start.year}`;
  }
  if (start.year === end.year && start.month && end.month && start.day && end.day) {
    return `${MONTHS[start.month - 1]} ${start.day}–${MONTHS[end.month - 1]} ${end.day}, ${start.year}`;
  }
  return `${one(start)}–${one(end)}`;
}

/** An ISO date as people read it, at the precision it is written in ("1985-11" → "November 1985"). */
export function formatIsoDate(iso: string | undefined): string {
  if (!iso) return '';
  const parts = dateParts(iso);
  return parts ? one(parts) : iso;
}

/** Year of an ISO date, for timelines and histograms. */
export function yearOf(iso: string | undefined): number | undefined {
  return iso ? dateParts(iso)?.year : undefined;
}
