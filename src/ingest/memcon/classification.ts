/**
 * Classification and declassification from the furniture taken off the pages: the banner the
 * record carries most often is its marking; the stamp gives the authority (an Executive
 * Order), the reviewer's case number and the date of declassification.
 */
import type { Classification, ClassificationLevel, Declassification } from '../../model/index.ts';
import { findDate, usNumericDate } from '../common/dates.ts';
import { MEMCON } from './patterns.ts';

const LEVELS: Record<string, ClassificationLevel> = {
  'TOP SECRET': 'top-secret',
  SECRET: 'secret',
  CONFIDENTIAL: 'confidential',
  'LIMITED OFFICIAL USE': 'limited-official-use',
  UNCLASSIFIED: 'unclassified',
};

/** The most frequent banner (the first seen on a tie) as the record's marking. */
export function classificationOf(banners: readonly string[]): Classification | undefined {
  const counts = new Map<string, number>();
  for (const banner of banners) {
    const key = banner.replace(MEMCON.spaces, ' ').trim();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let marked: string | undefined;
  for (const [banner, count] of counts) if (!marked || count > counts.get(marked)!) marked = banner;
  if (!marked) return undefined;
  const level = MEMCON.level.exec(marked)?.[0].replace(MEMCON.spaces, ' ');
  const normalised = level ? LEVELS[level] : undefined;
  return normalised ? { marked, level: normalised } : undefined;
}

export function declassificationOf(stamps: readonly string[]): Declassification | undefined {
  if (stamps.length === 0) return undefined;
  const text = stamps.join('\n');
  const result: Declassification = { text };
  const order = MEMCON.executiveOrder.exec(text);
  if (order) result.authority = `E.O. ${order[1]}`;
  const caseNumber = MEMCON.caseNumber.exec(text);
  if (caseNumber) result.case_number = caseNumber[1]!.replace(MEMCON.spaces, ' ');
  const numeric = MEMCON.stampDate.exec(text);
  const date = (numeric ? usNumericDate(numeric[1]!) : undefined) ?? findDate(text)?.start;
  if (date) result.date = date;
  return result;
}
