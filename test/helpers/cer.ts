/** Character error rate: edit distance between OCR output and the truth, over the truth's length. */

const SPACES = /\s+/g;

/** Whitespace is layout, not text: both sides are compared with single spaces. */
export function characterErrorRate(truth: string, read: string): number {
  const a = truth.replace(SPACES, ' ').trim();
  const b = read.replace(SPACES, ' ').trim();
  if (a.length === 0) return b.length === 0 ? 0 : 1;
  let previous = new Uint32Array(b.length + 1).map((_, j) => j);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]! / a.length;
}
