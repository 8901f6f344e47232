import { DeepFakerError } from '../errors.js';

const UNIT_MS: Record<string, number> = {
  ms: 1, s: 1000, sec: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000,
};
const PART = /(\d+(?:\.\d+)?)\s*(ms|sec|min|s|m|h|d|w)/gy;

/** A duration: milliseconds as a number, or text such as '90s', '2m', '1h30m', '1.5h'. */
export type Duration = number | string;

/**
 * Parses a duration into milliseconds. `where` names the option for the error message.
 *
 * @example parseDuration('1h30m', 'duration') // 5_400_000
 */
export function parseDuration(value: Duration, where: string): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value >= 0) return value;
    throw badDuration(value, where);
  }
  if (typeof value !== 'string') throw badDuration(value, where);
  const text = value.trim();
  if (text === '') throw badDuration(value, where);
  let total = 0;
  PART.lastIndex = 0;
  let matched = 0;
  for (let m = PART.exec(text); m !== null; m = PART.exec(text)) {
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
    matched = PART.lastIndex;
    while (text[matched] === ' ') matched++;
    PART.lastIndex = matched;
  }
  if (matched !== text.length) throw badDuration(value, where);
  return Math.round(total);
}

function badDuration(value: unknown, where: string): DeepFakerError {
  return new DeepFakerError(
    'E_BAD_DURATION',
    `${where}: invalid duration ${JSON.stringify(value)}. Use a number of milliseconds or text such as "500ms", "30s", "2m", "1h30m", "1d".`,
  );
}

/** Formats milliseconds as compact text, for summaries and messages. */
export function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0 && ms > 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0 && ms > 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
