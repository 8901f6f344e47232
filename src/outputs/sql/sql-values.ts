/** Value conversions both dialects share: datetimes to UTC ISO-8601, JSON to text. */
import { describeValue } from '../../errors.js';

const UTC_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/**
 * A datetime value (ISO-8601 string, Date or epoch milliseconds) as a UTC ISO-8601 string.
 *
 * @example utcIso('2025-01-01T02:00:00+02:00') // '2025-01-01T00:00:00.000Z'
 */
export function utcIso(value: unknown): string {
  // The engine emits UTC strings already: pass them through without a Date round trip.
  if (typeof value === 'string' && UTC_ISO.test(value)) return value;
  const date = value instanceof Date ? value
    : typeof value === 'string' || typeof value === 'number' ? new Date(value)
    : undefined;
  if (date === undefined || Number.isNaN(date.getTime())) {
    throw new TypeError(`not a datetime, got ${describeValue(value)}. Emit an ISO-8601 string such as '2025-01-01T00:00:00.000Z'`);
  }
  return date.toISOString();
}

/** A json field's value as JSON text. */
export function jsonText(value: unknown): string {
  const text = JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? inner.toString() : inner));
  if (text === undefined) throw new TypeError(`cannot be written as JSON, got ${describeValue(value)}`);
  return text;
}

/** A string or enum field's value as text; objects become JSON rather than [object Object]. */
export function plainText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return jsonText(value);
  return String(value);
}
