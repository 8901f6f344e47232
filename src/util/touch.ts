/** Where touchString puts what it reads, so that the reads are not optimized away. */
let touched = 0;

/**
 * Reads a string's length and last character (a 36-character key can end on a second cache
 * line), to bring a cold string into cache now: where the read overlaps other misses, or
 * other work, instead of stalling a later reader one string at a time.
 */
export function touchString(value: unknown): void {
  if (typeof value === 'string' && value.length > 0) touched = (touched + value.charCodeAt(value.length - 1)) | 0;
}
