import { describe, expect, it } from 'vitest';
import { createFaker, resolveFaker, type FakeContext, type FakerParams } from '../../../src/fakers/index.js';
import { eanCheckDigit, SHORTUUID_ALPHABET } from '../../../src/fakers/codes.js';
import { SeededRandom } from '../../../src/util/seeded-random.js';

const NOW = Date.UTC(2025, 0, 15, 12, 30, 45, 123);

function context(seed: number | string = 42, now = NOW): FakeContext {
  const random = new SeededRandom(seed);
  return { random, faker: createFaker(random, 'en'), now };
}

function draw(spec: string, params: FakerParams = {}, count = 2000, ctx = context()): unknown[] {
  const generate = resolveFaker(spec, params, 'event Test, field x');
  return Array.from({ length: count }, () => generate(ctx));
}

const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const EMAIL = /^[a-z0-9]+([._][a-z0-9]+)*@[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('the guide\'s faker table', () => {
  it('uuid4 gives version-4 UUIDs, all distinct', () => {
    const values = draw('uuid4') as string[];
    for (const value of values) expect(value).toMatch(UUID4);
    expect(new Set(values).size).toBe(values.length);
  });

  it('shortuuid gives 22 characters of the shortuuid alphabet by default, or `length`', () => {
    for (const value of draw('shortuuid') as string[]) {
      expect(value).toHaveLength(22);
      for (const char of value) expect(SHORTUUID_ALPHABET).toContain(char);
    }
    for (const value of draw('shortuuid', { length: 8 }, 200) as string[]) expect(value).toMatch(/^[2-9A-HJ-NP-Za-km-z]{8}$/);
    const used = new Set((draw('shortuuid', {}, 500) as string[]).join(''));
    expect(used.size).toBe(57);
  });

  it('name gives "First Last", sometimes with a prefix or suffix', () => {
    const values = draw('name') as string[];
    for (const value of values) expect(value).toMatch(/^[A-Z][\w.'-]*( [\w.'-]+){1,3}$/u);
    const plain = values.filter((v) => v.split(' ').length === 2).length;
    expect(plain / values.length).toBeGreaterThan(0.6);
  });

  it('email gives lower-case, de-accented addresses at free mail domains', () => {
    const values = draw('email') as string[];
    for (const value of values) expect(value).toMatch(EMAIL);
    expect(new Set(values.map((v) => v.split('@')[1]))).toEqual(new Set(['gmail.com', 'hotmail.com', 'yahoo.com']));
    expect(values.some((v) => /^[a-z]+\.[a-z]+\d\d@/.test(v))).toBe(true); // john.smith42@...
  });

  it('random_element picks only from elements, and every one of them', () => {
    const values = draw('random_element', { elements: ['free', 'premium', 'enterprise'] });
    expect(new Set(values)).toEqual(new Set(['free', 'premium', 'enterprise']));
  });

  it('random_element follows weights, given as a list or as Python\'s {element: weight}', () => {
    const listed = draw('random_element', { elements: ['a', 'b', 'c'], weights: [8, 2, 0] }, 10_000);
    const mapped = draw('random_element', { elements: { a: 0.8, b: 0.2, c: 0 } }, 10_000);
    for (const values of [listed, mapped]) {
      const share = values.filter((v) => v === 'a').length / values.length;
      expect(share).toBeGreaterThan(0.77);
      expect(share).toBeLessThan(0.83);
      expect(values).not.toContain('c');
    }
  });

  it('random_int stays in [min, max], both ends included; defaults to 0..9999', () => {
    const values = draw('random_int', { min: 1, max: 3 }) as number[];
    expect(new Set(values)).toEqual(new Set([1, 2, 3]));
    for (const value of draw('random_int') as number[]) {
      expect(Number.isInteger(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(9999);
    }
    expect(draw('random_int', { min: 7, max: 7 }, 10)).toEqual(Array(10).fill(7));
    expect(new Set(draw('random_int', { min: 0, max: 10, step: 5 }))).toEqual(new Set([0, 5, 10]));
  });

  it('random_int reaches both ends of ranges wider than 2^32', () => {
    const values = draw('random_int', { min: 0, max: 2 ** 40 }, 5000) as number[];
    expect(Math.max(...values)).toBeGreaterThan(2 ** 39);
    expect(values.every((v) => Number.isSafeInteger(v) && v >= 0 && v <= 2 ** 40)).toBe(true);
  });

  it('pyfloat stays in [min_value, max_value] with at most right_digits decimals (2 by default)', () => {
    const values = draw('pyfloat', { min_value: 0, max_value: 1000, positive: true }) as number[];
    for (const value of values) {
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThanOrEqual(1000);
      expect(Math.round(value * 100) / 100).toBe(value);
    }
    expect(values.some((v) => !Number.isInteger(v))).toBe(true);
    for (const value of draw('pyfloat', { min_value: -1, max_value: 1, right_digits: 4 }) as number[]) {
      expect(Math.abs(value)).toBeLessThanOrEqual(1);
      expect(String(value).split('.')[1]?.length ?? 0).toBeLessThanOrEqual(4);
    }
    expect(new Set(draw('pyfloat', { min_value: 0.1, max_value: 0.3, right_digits: 1 }))).toEqual(new Set([0.1, 0.2, 0.3]));
    for (const value of draw('pyfloat', {}, 500) as number[]) expect(Math.abs(value)).toBeLessThan(10_000);
  });

  it('date_time is an ISO instant between 1970 and the flow clock', () => {
    for (const value of draw('date_time') as string[]) {
      expect(value).toMatch(ISO);
      const ms = Date.parse(value);
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThanOrEqual(NOW);
    }
  });

  it('now is the flow clock as ISO-8601', () => {
    const generate = resolveFaker('now', {}, 'x');
    const ctx = context();
    expect(generate(ctx)).toBe('2025-01-15T12:30:45.123Z');
    ctx.now = Date.UTC(2030, 5, 1);
    expect(generate(ctx)).toBe('2030-06-01T00:00:00.000Z');
  });

  it('lexify replaces each ? with a letter and keeps the rest', () => {
    for (const value of draw('lexify', { text: 'PROD_????' }) as string[]) expect(value).toMatch(/^PROD_[A-Za-z]{4}$/);
    for (const value of draw('lexify', {}, 100) as string[]) expect(value).toMatch(/^[A-Za-z]{4}$/);
    for (const value of draw('lexify', { text: '??-#', letters: 'XY' }, 100) as string[]) expect(value).toMatch(/^[XY]{2}-#$/);
  });
});

describe('names the guide\'s examples use', () => {
  it('date is YYYY-MM-DD, not after the clock', () => {
    for (const value of draw('date') as string[]) {
      expect(value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(value <= '2025-01-15').toBe(true);
    }
  });

  it('date_time_this_decade lies in the clock\'s decade, not after the clock', () => {
    for (const value of draw('date_time_this_decade') as string[]) {
      const ms = Date.parse(value);
      expect(ms).toBeGreaterThanOrEqual(Date.UTC(2020, 0, 1));
      expect(ms).toBeLessThanOrEqual(NOW);
    }
    const after = draw('date_time_this_decade', { before_now: false, after_now: true }) as string[];
    for (const value of after) {
      expect(Date.parse(value)).toBeGreaterThanOrEqual(NOW - 1000);
      expect(Date.parse(value)).toBeLessThan(Date.UTC(2030, 0, 1));
    }
  });

  it('user_name, company, country and catch_phrase give plausible text', () => {
    for (const value of draw('user_name', {}, 500) as string[]) expect(value).toMatch(/^[a-z0-9._]+$/);
    const companies = draw('company', {}, 500) as string[];
    expect(companies.some((c) => / and /.test(c))).toBe(true);
    expect(companies.some((c) => / (Group|Inc|LLC|and Sons)$/.test(c))).toBe(true);
    expect(new Set(draw('country', {}, 500)).size).toBeGreaterThan(100);
    for (const value of draw('catch_phrase', {}, 100) as string[]) expect(value.split(' ').length).toBeGreaterThanOrEqual(3);
  });

  it('ean gives EAN-13 (or EAN-8) with a valid check digit', () => {
    for (const value of draw('ean') as string[]) {
      expect(value).toMatch(/^\d{13}$/);
      expect(eanCheckDigit(value.slice(0, 12))).toBe(Number(value[12]));
    }
    for (const value of draw('ean', { length: 8 }, 500) as string[]) {
      expect(value).toMatch(/^\d{8}$/);
      expect(eanCheckDigit(value.slice(0, 7))).toBe(Number(value[7]));
    }
    for (const value of draw('ean', { prefixes: ['40', '41'] }, 100) as string[]) expect(value).toMatch(/^4[01]\d{11}$/);
  });

  it('eanCheckDigit agrees with published codes', () => {
    expect(eanCheckDigit('400638133393')).toBe(1); // 4006381333931
    expect(eanCheckDigit('590123412345')).toBe(7); // 5901234123457
    expect(eanCheckDigit('9638507')).toBe(4); // EAN-8 96385074
  });
});
