import type { SeededRandom } from '../util/seeded-random.js';

const TWO_32 = 4294967296;
const TWO_53 = 9007199254740992;

/**
 * A uniform integer in [lo, hi], both inclusive. Spans up to 2^32 cost one draw; wider
 * spans (epoch-millisecond ranges, big ids) take 53 bits from two draws so that every
 * value stays reachable.
 */
export function uniformInt(random: SeededRandom, lo: number, hi: number): number {
  const span = hi - lo + 1;
  if (span <= TWO_32) return lo + Math.floor(random.nextUint32() * span / TWO_32);
  const bits53 = random.nextUint32() * 2097152 + (random.nextUint32() >>> 11);
  return lo + Math.floor((bits53 / TWO_53) * span);
}
