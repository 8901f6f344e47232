import { wallClockMs } from '../util/wall-clock.js';

/**
 * Live mode: when an event may be released. Events up to the moment the run started are the
 * backfill and go at once; later ones wait until the wall clock reaches their time, run
 * `speed` times faster than real time.
 */
export class Pacer {
  private readonly anchor: number;

  constructor(private readonly speed: number) {
    this.anchor = wallClockMs();
  }

  /** The wall-clock instant at which an event of simulated time `ts` is due. */
  dueAt(ts: number): number {
    return ts <= this.anchor ? -Infinity : this.anchor + (ts - this.anchor) / this.speed;
  }

  /** Milliseconds until `ts` is due (≤ 0: due now). */
  waitFor(ts: number): number {
    return this.dueAt(ts) - wallClockMs();
  }
}
