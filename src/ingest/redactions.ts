/**
 * Redactions as records mark them in running text: FRUS's "[text not declassified]" and
 * "[1 line not declassified]", agencies' "[REDACTED]", and FOIA exemption codes "(b)(1)".
 * Shared by every reader so a redaction is a redaction whatever format it came in.
 */
import type { Redaction } from '../model/index.ts';

const REDACTION_PATTERNS = {
  /** [text not declassified], [less than 1 line not declassified], [name not declassified] */
  notDeclassified: /\[[^\[\]]{0,60}not declassified\]/gi,
  /** [REDACTED], [redacted], [DELETED] */
  redactedWord: /\[(?:REDACTED|DELETED|EXCISED|WITHHELD)[^\[\]]{0,40}\]/gi,
  /** (b)(1), (b)(6), (b)(7)(C), with optional runs "(b)(1), (b)(3)" */
  exemption: /\(b\)\s?\(\d\)(?:\s?\([A-F]\))?/g,
} as const;

export function exemptionsIn(text: string): string[] {
  return [...new Set([...text.matchAll(REDACTION_PATTERNS.exemption)].map((m) => m[0].replace(/\s/g, '')))];
}

/** Every marked redaction in `text`, in order, offsets relative to `base`. */
export function findRedactions(text: string, base = 0): Redaction[] {
  const found: Redaction[] = [];
  for (const pattern of [REDACTION_PATTERNS.notDeclassified, REDACTION_PATTERNS.redactedWord, REDACTION_PATTERNS.exemption]) {
    for (const match of text.matchAll(pattern)) {
      const offset = base + (match.index ?? 0);
      if (found.some((r) => offset >= r.offset && offset < r.offset + r.length)) continue;
      found.push({ offset, length: match[0].length, marked: match[0], exemptions: exemptionsIn(match[0]) });
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}
