/**
 * How much of an entity's past a run keeps, as given in options and as the entity table uses
 * it: how long a version is kept after it ended.
 */
import { describeValue } from '../errors.js';
import { parseDuration, type Duration } from '../util/duration.js';

/**
 * Every version ('full'), the current state only ('current'), or the versions current at some
 * instant of the last `keep` of simulated time (`{ keep: '2h' }`): memory bounded by the
 * entities and the changes of that window, and `query` at any instant of it.
 */
export type HistoryMode = 'full' | 'current' | { readonly keep: Duration };

/**
 * How long a version is kept after it ended, in milliseconds: Infinity for 'full', undefined
 * for 'current' (no versions at all). `mode` is valid (historyProblem).
 */
export function keptMs(mode: HistoryMode): number | undefined {
  if (mode === 'full') return Infinity;
  if (mode === 'current') return undefined;
  return parseDuration(mode.keep, 'history.keep');
}

/**
 * What is wrong with `value` as a history mode, or undefined when nothing is. `subject` names
 * the option, as in 'Simulation history' or 'entity User, history'.
 */
export function historyProblem(value: unknown, subject: string): string | undefined {
  if (value === 'full' || value === 'current') return undefined;
  const expected = `${subject}: must be 'full', 'current' or { keep: '2h' } (the versions of the last 2 simulated hours)`;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return `${expected}, got ${describeValue(value)}.`;
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== 'keep') return `${expected}, got an object with ${keys.length === 0 ? 'no keys' : `keys ${keys.join(', ')}`}.`;
  const keep = (value as { keep: unknown }).keep;
  let ms: number;
  try {
    ms = parseDuration(keep as Duration, `${subject}: keep`);
  } catch (error) {
    return (error as Error).message;
  }
  if (!(ms > 0)) return `${subject}: keep must be longer than 0, got ${describeValue(keep)}. For the current state only, use history: 'current'.`;
  return undefined;
}
