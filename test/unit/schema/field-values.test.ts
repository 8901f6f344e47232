import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Field } from '../../../src/schema/field.js';
import { InvalidValue, isInvalid, isNumericField, normalizeValue, toStoredValue } from '../../../src/schema/field-values.js';

describe('normalizeValue', () => {
  it('accepts values of the field kind', () => {
    expect(normalizeValue(Field.string(), 'a')).toEqual({ value: 'a' });
    expect(normalizeValue(Field.int(), 3)).toEqual({ value: 3 });
    expect(normalizeValue(Field.float(), 3.5)).toEqual({ value: 3.5 });
    expect(normalizeValue(Field.boolean(), false)).toEqual({ value: false });
    expect(normalizeValue(Field.enum(['a', 'b']), 'b')).toEqual({ value: 'b' });
    expect(normalizeValue(Field.json(), { a: [1, 'x', null] })).toEqual({ value: { a: [1, 'x', null] } });
  });

  it('stores datetimes as ISO strings from a Date, epoch ms or ISO text', () => {
    const iso = '2025-01-01T10:00:00.000Z';
    expect(normalizeValue(Field.datetime(), new Date(iso))).toEqual({ value: iso });
    expect(normalizeValue(Field.datetime(), Date.parse(iso))).toEqual({ value: iso });
    expect(normalizeValue(Field.datetime(), '2025-01-01T12:00:00+02:00')).toEqual({ value: iso });
    expect(normalizeValue(Field.datetime(), 'yesterday')).toEqual({ error: 'expected a valid date, got "yesterday"' });
    expect(normalizeValue(Field.datetime(), true)).toHaveProperty('error');
  });

  it('explains a wrong value type', () => {
    expect(normalizeValue(Field.string(), 5)).toEqual({ error: 'expected a string, got 5' });
    expect(normalizeValue(Field.int(), 1.5)).toEqual({ error: 'expected an integer, got 1.5' });
    expect(normalizeValue(Field.int(), '1')).toEqual({ error: 'expected an integer, got "1"' });
    expect(normalizeValue(Field.float(), Infinity)).toHaveProperty('error');
    expect(normalizeValue(Field.float(), Number.NaN)).toHaveProperty('error');
    expect(normalizeValue(Field.boolean(), 'true')).toEqual({ error: 'expected true or false, got "true"' });
    expect(normalizeValue(Field.enum(['a', 'b']), 'c')).toEqual({ error: 'expected one of "a", "b", got "c"' });
    expect(normalizeValue(Field.json(), { f: () => 1 })).toHaveProperty('error');
  });

  it('accepts null only on fields that may be null', () => {
    expect(normalizeValue(Field.string(), null)).toEqual({ error: 'got null but the field is required' });
    expect(normalizeValue(Field.string(), undefined)).toHaveProperty('error');
    expect(normalizeValue(Field.string({ nullable: true }), null)).toEqual({ value: null });
    expect(normalizeValue(Field.int({ default: null }), undefined)).toEqual({ value: null });
  });

  it('tells a refused value from any stored one, objects of JSON fields included', () => {
    expect(isInvalid(toStoredValue(Field.int(), 'three'))).toBe(true);
    expect(isInvalid(toStoredValue(Field.string(), null))).toBe(true);
    expect(isInvalid(new InvalidValue('x'))).toBe(true);
    for (const stored of [toStoredValue(Field.json(), { reason: 'x' }), toStoredValue(Field.json(), []), null, 0, '', false, 'x']) {
      expect(isInvalid(stored)).toBe(false);
    }
  });

  it('knows which kinds are numeric', () => {
    expect(isNumericField(Field.int())).toBe(true);
    expect(isNumericField(Field.float())).toBe(true);
    expect(isNumericField(Field.string())).toBe(false);
    expect(isNumericField(Field.boolean())).toBe(false);
  });
});

describe('datetime text', () => {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  // The slow path every datetime took before: parse, then print in canonical form.
  const reference = (text: string) => {
    const ms = Date.parse(text);
    return Number.isFinite(ms) ? new Date(ms).toISOString() : 'invalid';
  };

  it('stores ISO-looking text exactly as parsing and printing it would, impossible days included', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }),
      fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 999 }),
      (y, mo, d, h, mi, s, ms) => {
        const text = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}.${pad(ms, 3)}Z`;
        const stored = toStoredValue(Field.datetime(), text);
        expect(stored instanceof InvalidValue ? 'invalid' : stored).toBe(reference(text));
      },
    ), { numRuns: 3000 });
  });

  it('keeps leap days of leap years only', () => {
    expect(toStoredValue(Field.datetime(), '2024-02-29T00:00:00.000Z')).toBe('2024-02-29T00:00:00.000Z');
    expect(toStoredValue(Field.datetime(), '2025-02-29T00:00:00.000Z')).toBe('2025-03-01T00:00:00.000Z');
    expect(toStoredValue(Field.datetime(), '1900-02-29T00:00:00.000Z')).toBe('1900-03-01T00:00:00.000Z');
    expect(toStoredValue(Field.datetime(), '2000-02-29T00:00:00.000Z')).toBe('2000-02-29T00:00:00.000Z');
  });
});
