import { describeValue } from '../errors.js';
import type { ParamReader } from './param-reader.js';

/**
 * A bound of a date range as Python faker writes it: 'now', 'today', '-30d', '+1y2M',
 * an ISO date, epoch milliseconds or a Date. Relative bounds move with the flow clock.
 */
export interface DateBound {
  /** The bound's instant (epoch ms) when the flow clock reads `now`. */
  at(now: number): number;
  /** Whether the bound moves with the clock ('-30d', 'today') or is a fixed instant. */
  relative: boolean;
}

const DAY_MS = 86_400_000;
const UNIT_MS: Readonly<Record<string, number>> = {
  y: 365.25 * DAY_MS, M: 30.4375 * DAY_MS, w: 7 * DAY_MS, d: DAY_MS, h: 3_600_000, m: 60_000, s: 1000,
};
const RELATIVE = /^([+-])((?:\d+[yMwdhms])+)$/;
const PART = /(\d+)([yMwdhms])/g;
/** ISO dates only: other formats Date.parse reads in the machine's time zone, which would break reproducibility. */
const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Reads parameter `name` as a bound; `fallback` is used when it is not given. */
export function readDateBound(p: ParamReader, name: string, fallback: string): DateBound {
  const value = p.raw(name) ?? fallback;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return constant(value.getTime());
  if (typeof value === 'number' && Number.isFinite(value)) return constant(value);
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === 'now') return { at: (now) => now, relative: true };
    if (text === 'today') return { at: (now) => Math.floor(now / DAY_MS) * DAY_MS, relative: true };
    const relative = RELATIVE.exec(text);
    if (relative !== null) {
      let offset = 0;
      for (const [, amount, unit] of relative[2]!.matchAll(PART)) offset += Number(amount) * UNIT_MS[unit!]!;
      const signed = Math.round(relative[1] === '-' ? -offset : offset);
      return { at: (now) => now + signed, relative: true };
    }
    const iso = ISO_DATE.exec(text);
    if (iso !== null) {
      // A time without a zone is UTC, as every instant in a simulation.
      const parsed = Date.parse(iso[2] === undefined ? iso[1]! : `${iso[1]}T${iso[2]}${iso[3] ?? 'Z'}`);
      if (!Number.isNaN(parsed)) return constant(parsed);
    }
  }
  p.fail(`${name} must be 'now', 'today', a relative time such as '-30d' or '+1y', an ISO date such as '2025-01-31' or '2025-01-31T08:00:00Z', epoch milliseconds or a Date, got ${describeValue(value)}.`);
}

function constant(ms: number): DateBound {
  return { at: () => ms, relative: false };
}
