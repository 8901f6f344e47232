/**
 * Repeated measurements for a noisy machine, where one run can be off by a third: a
 * benchmark measures its pair (or trio) `--rounds N` times and reports the median.
 */

/** The --rounds value as a whole number of 1 or more; anything else ends the process with one line. */
export function parseRounds(benchmark: string, text: string | undefined): number {
  const rounds = Number(text);
  if (!Number.isInteger(rounds) || rounds < 1) {
    console.error(`${benchmark}: --rounds must be a whole number of 1 or more, got "${text}".`);
    process.exit(1);
  }
  return rounds;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
