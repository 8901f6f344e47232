import type { RunProgress } from '../index.js';
import { groupDigits } from '../util/group-digits.js';

/** A one-line progress display on stderr, redrawn at most five times a second. */
export function createProgressReporter(stream: NodeJS.WriteStream): { update(p: RunProgress): void; clear(): void } {
  let last = 0;
  let shown = false;
  return {
    update(p) {
      if (p.wallMs - last < 200) return;
      last = p.wallMs;
      const percent = Number.isFinite(p.windowMs) && p.windowMs > 0 ? `${((100 * p.simulatedMs) / p.windowMs).toFixed(1)}%` : `${(p.simulatedMs / 1000).toFixed(0)} s simulated`;
      const rate = p.wallMs > 0 ? Math.round((p.events * 1000) / p.wallMs) : 0;
      stream.write(`\r\x1b[K${percent}  ${groupDigits(p.events)} events  ${groupDigits(rate)} events/s`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
