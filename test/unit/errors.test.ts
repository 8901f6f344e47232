import { describe, expect, it } from 'vitest';
import { DeepFakerError, describeValue, isDeepFakerError, ProblemList } from '../../src/errors.js';

describe('DeepFakerError', () => {
  it('carries a code and a one-line message', () => {
    const error = new DeepFakerError('E_X', 'event A, field b: wrong. Fix it.');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DeepFakerError');
    expect(error.code).toBe('E_X');
    expect(isDeepFakerError(error)).toBe(true);
  });

  it('is recognized across copies of the package by name and code', () => {
    const foreign = Object.assign(new Error('m'), { name: 'DeepFakerError', code: 'E_Y' });
    expect(isDeepFakerError(foreign)).toBe(true);
    expect(isDeepFakerError(new Error('m'))).toBe(false);
    expect(isDeepFakerError('DeepFakerError')).toBe(false);
  });
});

describe('ProblemList', () => {
  it('throws nothing when empty and every problem at once otherwise', () => {
    const list = new ProblemList('E_BAD_DEFINITION');
    expect(() => list.throwIfAny()).not.toThrow();
    list.add('first');
    list.add('second');
    expect(() => list.throwIfAny()).toThrow('first\nsecond');
  });
});

describe('describeValue', () => {
  it('renders values short and never as [object Object]', () => {
    expect(describeValue('x')).toBe('"x"');
    expect(describeValue(5)).toBe('5');
    expect(describeValue(null)).toBe('null');
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue(() => 1)).toBe('a function');
    expect(describeValue({ a: 1 })).toBe('{"a":1}');
    expect(describeValue({ long: 'x'.repeat(100) })).toMatch(/^.{57}\.\.\.$/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(describeValue(cyclic)).toBe('[object Object]');
  });
});
