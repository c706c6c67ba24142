/**
 * Redactions in a record's running text: the marks every reader recognises (shared
 * ../redactions.ts: "[REDACTED]", "[less than 1 line not declassified]", "(b)(1)") plus the
 * black boxes a scan shows (turned into BOX_MARK by the OCR and line stages). Marks that
 * touch ("[redacted] (b)(1)", "(b)(1), (b)(3)") are one redaction carrying every exemption
 * code among them, as a reviewer meant them.
 */
import type { Redaction } from '../../model/index.ts';
import { exemptionsIn, findRedactions as findMarkedRedactions } from '../redactions.ts';
import { BOX_MARK } from './patterns.ts';

/** Marks closer than this (spaces, a comma) belong to one redaction. */
const MERGE_GAP_MAX_CHARS = 3;
const GAP_FILLER = /^[\s,;:/&–—-]*$/;

export function findRedactions(text: string): Redaction[] {
  const spans = findMarkedRedactions(text).map((redaction) => ({ start: redaction.offset, end: redaction.offset + redaction.length }));
  for (let index = text.indexOf(BOX_MARK); index >= 0; index = text.indexOf(BOX_MARK, index + BOX_MARK.length)) {
    spans.push({ start: index, end: index + BOX_MARK.length });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: { start: number; end: number }[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    const gap = last ? text.slice(last.end, span.start) : '';
    if (last && (span.start <= last.end || (gap.length <= MERGE_GAP_MAX_CHARS && GAP_FILLER.test(gap)))) {
      last.end = Math.max(last.end, span.end);
    } else {
      merged.push({ ...span });
    }
  }
  return merged.map(({ start, end }) => {
    const marked = text.slice(start, end);
    return { offset: start, length: end - start, marked, exemptions: exemptionsIn(marked) };
  });
}
