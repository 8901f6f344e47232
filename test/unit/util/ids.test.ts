import { describe, expect, it } from 'vitest';
import { ALPHANUMERIC, alphanumericId, codesOf, randomString, uuid4 } from '../../../src/util/ids.js';
import { SeededRandom } from '../../../src/util/seeded-random.js';

describe('alphanumericId', () => {
  it('has the requested length and alphabet', () => {
    const random = new SeededRandom(1);
    for (const length of [1, 5, 8, 12, 13, 40]) {
      const id = alphanumericId(random, length);
      expect(id).toHaveLength(length);
      expect(id).toMatch(/^[0-9A-Za-z]+$/);
    }
    expect(alphanumericId(random, 0)).toBe('');
  });

  it('is reproducible per seed and practically unique', () => {
    const a = new SeededRandom(5);
    const b = new SeededRandom(5);
    const ids = Array.from({ length: 5000 }, () => alphanumericId(a, 12));
    expect(ids).toEqual(Array.from({ length: 5000 }, () => alphanumericId(b, 12)));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps fixed values for seed 42', () => {
    const random = new SeededRandom(42);
    expect(alphanumericId(random, 12)).toBe('vmPqS8vLGsLW');
    expect(uuid4(random)).toBe('dd371682-6e4f-434a-b921-b7a875b3e80c');
  });

  it('draws what randomString draws with its alphabet, at every length, long ones included', () => {
    for (const length of [1, 7, 8, 9, 10, 11, 12, 13, 22, 64, 65, 200]) {
      const id = alphanumericId(new SeededRandom(length), length);
      expect(id).toHaveLength(length);
      expect(id).toBe(randomString(new SeededRandom(length), length, codesOf(ALPHANUMERIC)));
    }
  });

  it('uses the whole alphabet', () => {
    const random = new SeededRandom(2);
    const chars = new Set(Array.from({ length: 500 }, () => alphanumericId(random, 12)).join(''));
    expect(chars.size).toBe(62);
  });
});

describe('uuid4', () => {
  it('is a canonical version-4 UUID with the RFC 4122 variant', () => {
    const random = new SeededRandom(9);
    for (let i = 0; i < 500; i++) {
      expect(uuid4(random)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('is reproducible per seed and unique', () => {
    const a = Array.from({ length: 1000 }, ((r) => () => uuid4(r))(new SeededRandom(3)));
    const b = Array.from({ length: 1000 }, ((r) => () => uuid4(r))(new SeededRandom(3)));
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(1000);
  });
});
