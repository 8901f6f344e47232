/**
 * The only wall-clock reads of a run: resolving startTime 'now', pacing live mode and
 * measuring throughput. None of them changes what a run with a fixed startTime emits.
 */
export function wallClockMs(): number {
  return Date.now();
}

export function monotonicMs(): number {
  return performance.now();
}
