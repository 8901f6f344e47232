import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupDigits } from '../../../src/util/group-digits.js';

describe('groupDigits', () => {
  it('writes whole numbers as en-US does', () => {
    for (const n of [0, -0, 7, 12, 999, 1000, 1001, 12_345, 999_999, 1_000_000, 1_737_479, -1, -1000, -123_456_789, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER]) {
      expect(groupDigits(n)).toBe(n.toLocaleString('en-US'));
    }
  });

  it('agrees with toLocaleString on any safe integer', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => groupDigits(n) === n.toLocaleString('en-US')));
  });

  it('leaves anything else to Intl', () => {
    for (const n of [1234.5678, -0.5, Number.NaN, Infinity, 2 ** 60]) expect(groupDigits(n)).toBe(n.toLocaleString('en-US'));
  });
});
