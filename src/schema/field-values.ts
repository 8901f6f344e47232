import { describeValue } from '../errors.js';
import type { FieldDef } from './field.js';

/**
 * Checks a value a user supplied for a field (an explicit event field, a default, a SetState
 * value) and returns it in its stored form (datetimes as ISO strings). Returns an error text
 * instead of throwing so the caller can say where it happened.
 */
export function normalizeValue(field: FieldDef, value: unknown): { value: unknown } | { error: string } {
  if (value === null || value === undefined) {
    return field.required ? { error: `got ${describeValue(value)} but the field is required` } : { value: null };
  }
  switch (field.kind) {
    case 'string':
      return typeof value === 'string' ? { value } : expected('a string', value);
    case 'int':
      return Number.isSafeInteger(value) ? { value } : expected('an integer', value);
    case 'float':
      return typeof value === 'number' && Number.isFinite(value) ? { value } : expected('a finite number', value);
    case 'boolean':
      return typeof value === 'boolean' ? { value } : expected('true or false', value);
    case 'datetime':
      return normalizeDateTime(value);
    case 'enum':
      return field.values!.includes(value as string)
        ? { value }
        : expected(`one of ${field.values!.map((v) => JSON.stringify(v)).join(', ')}`, value);
    case 'json':
      return isJsonValue(value) ? { value } : expected('a JSON value (no functions, undefined or cycles)', value);
  }
}

function expected(what: string, value: unknown): { error: string } {
  return { error: `expected ${what}, got ${describeValue(value)}` };
}

function normalizeDateTime(value: unknown): { value: unknown } | { error: string } {
  let ms: number;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'number') ms = value;
  else if (typeof value === 'string') ms = Date.parse(value);
  else return expected('a Date, an ISO-8601 string or epoch milliseconds', value);
  if (!Number.isFinite(ms)) return expected('a valid date', value);
  return { value: new Date(ms).toISOString() };
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
