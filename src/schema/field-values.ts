import { describeValue } from '../errors.js';
import type { FieldDef } from './field.js';

/** Why a value does not fit its field; returned, not thrown, so the caller can say where. */
export class InvalidValue {
  constructor(readonly reason: string) {}
}

/**
 * Whether toStoredValue refused the value. Valid values are nearly always primitives, which
 * the typeof test settles: an `instanceof` of this class in another module's optimized code
 * ran V8's generic path (a lookup of Symbol.hasInstance and a call, about 40 ns), because V8
 * does not treat an imported binding as a constant. It ran for every explicit field.
 */
export function isInvalid(value: unknown): value is InvalidValue {
  return typeof value === 'object' && value !== null && value instanceof InvalidValue;
}

/**
 * Checks a value a user supplied for a field (an explicit event field, a default, a SetState
 * value) and returns it in its stored form (datetimes as ISO strings), or an InvalidValue.
 * A valid value allocates nothing: this runs for every explicit field of every event.
 */
export function toStoredValue(field: FieldDef, value: unknown): unknown {
  if (value === null || value === undefined) {
    return field.required ? new InvalidValue(`got ${describeValue(value)} but the field is required`) : null;
  }
  switch (field.kind) {
    case 'string':
      return typeof value === 'string' ? value : expected('a string', value);
    case 'int':
      return Number.isSafeInteger(value) ? value : expected('an integer', value);
    case 'float':
      return typeof value === 'number' && Number.isFinite(value) ? value : expected('a finite number', value);
    case 'boolean':
      return typeof value === 'boolean' ? value : expected('true or false', value);
    case 'datetime':
      return toIsoDateTime(value);
    case 'enum':
      return field.values!.includes(value as string)
        ? value
        : expected(`one of ${field.values!.map((v) => JSON.stringify(v)).join(', ')}`, value);
    case 'json':
      return isJsonValue(value) ? value : expected('a JSON value (no functions, undefined or cycles)', value);
  }
}

/** toStoredValue as a result object, for definition-time checks and tests. */
export function normalizeValue(field: FieldDef, value: unknown): { value: unknown } | { error: string } {
  const stored = toStoredValue(field, value);
  return isInvalid(stored) ? { error: stored.reason } : { value: stored };
}

function expected(what: string, value: unknown): InvalidValue {
  return new InvalidValue(`expected ${what}, got ${describeValue(value)}`);
}

function toIsoDateTime(value: unknown): unknown {
  // Already in stored form (a value read back from an event or a faker): kept as it is.
  if (typeof value === 'string' && isCanonicalIso(value)) return value;
  let ms: number;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'number') ms = value;
  else if (typeof value === 'string') ms = Date.parse(value);
  else return expected('a Date, an ISO-8601 string or epoch milliseconds', value);
  if (!Number.isFinite(ms)) return expected('a valid date', value);
  return new Date(ms).toISOString();
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** 'YYYY-MM-DDTHH:MM:SS.sssZ' naming a real instant: exactly what toISOString would give. */
function isCanonicalIso(text: string): boolean {
  if (text.length !== 24 || text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':' || text[19] !== '.' || text[23] !== 'Z') return false;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0)) return false;
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  return hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && digits(text, 20, 3) >= 0;
}

/** The decimal number in text[from, from + count), or -1 if a character is not a digit. */
function digits(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function isJsonValue(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      if (Array.isArray(value)) return value.every((v) => isJsonValue(v, depth + 1));
      return Object.values(value as object).every((v) => isJsonValue(v, depth + 1));
    default:
      return false;
  }
}

/** Whether SetState's 'add' / 'subtract' and numeric filters apply to the field. */
export function isNumericField(field: FieldDef): boolean {
  return field.kind === 'int' || field.kind === 'float';
}
