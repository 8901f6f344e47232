import { describe, expect, it } from 'vitest';
import { createFaker, resolveFaker, type FakeContext, type FakerParams } from '../../../src/fakers/index.js';
import { SeededRandom } from '../../../src/util/seeded-random.js';

const NOW = Date.UTC(2025, 6, 15, 8, 0, 0);

function context(now = NOW): FakeContext {
  const random = new SeededRandom('more');
  return { random, faker: createFaker(random, 'en'), now };
}

function draw(spec: string, params: FakerParams = {}, count = 1000, ctx = context()): unknown[] {
  const generate = resolveFaker(spec, params, 'x');
  return Array.from({ length: count }, () => generate(ctx));
}

const dayOf = (iso: string): number => Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);

describe('pattern fakers', () => {
  it('numerify fills # with digits and % with 1-9', () => {
    for (const v of draw('numerify', { text: 'ORD-%###' }) as string[]) expect(v).toMatch(/^ORD-[1-9]\d{3}$/);
    for (const v of draw('numerify', { text: 'A!B@' }) as string[]) expect(v).toMatch(/^A\d?B[1-9]?$/);
  });

  it('bothify, hexify and pystr', () => {
    for (const v of draw('bothify', { text: '??-##' }) as string[]) expect(v).toMatch(/^[A-Za-z]{2}-\d{2}$/);
    for (const v of draw('hexify', { text: '0x^^^^', upper: true }) as string[]) expect(v).toMatch(/^0x[0-9A-F]{4}$/);
    for (const v of draw('pystr', { min_chars: 3, max_chars: 5, prefix: 'p_' }) as string[]) expect(v).toMatch(/^p_[A-Za-z]{3,5}$/);
    for (const v of draw('pystr') as string[]) expect(v).toMatch(/^[A-Za-z]{20}$/);
  });
});

describe('number fakers', () => {
  it('pyint, random_number, random_digit and booleans', () => {
    expect(new Set(draw('pyint', { min_value: -2, max_value: 2 }))).toEqual(new Set([-2, -1, 0, 1, 2]));
    for (const v of draw('random_number', { digits: 3, fix_len: true }) as number[]) expect(v).toBeGreaterThanOrEqual(100);
    for (const v of draw('random_number', { digits: 3 }) as number[]) expect(v).toBeLessThan(1000);
    expect(new Set(draw('random_digit'))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    const trues = (draw('boolean', { chance_of_getting_true: 25 }, 10_000) as boolean[]).filter(Boolean).length;
    expect(trues).toBeGreaterThan(2200);
    expect(trues).toBeLessThan(2800);
    expect(new Set(draw('pybool', { truth_probability: 100 }, 100))).toEqual(new Set([true]));
  });

  it('pyfloat with only one bound, or left_digits', () => {
    for (const v of draw('pyfloat', { max_value: 10 }) as number[]) expect(v).toBeLessThanOrEqual(10);
    for (const v of draw('pyfloat', { min_value: 20_000 }) as number[]) expect(v).toBeGreaterThanOrEqual(20_000);
    for (const v of draw('pyfloat', { left_digits: 1, right_digits: 0, positive: true }) as number[]) expect(v).toBeGreaterThanOrEqual(1);
    for (const v of draw('pyfloat', { left_digits: 1, right_digits: 0, positive: true }) as number[]) expect(v).toBeLessThanOrEqual(9);
  });
});

describe('codes', () => {
  it('hashes, ipv4', () => {
    for (const v of draw('md5', {}, 100) as string[]) expect(v).toMatch(/^[0-9a-f]{32}$/);
    for (const v of draw('sha256', {}, 100) as string[]) expect(v).toMatch(/^[0-9a-f]{64}$/);
    for (const v of draw('ipv4') as string[]) {
      const octets = v.split('.').map(Number);
      expect(octets).toHaveLength(4);
      expect(octets[0]).toBeGreaterThanOrEqual(1);
      for (const octet of octets) expect(octet).toBeLessThanOrEqual(255);
    }
  });
});

describe('date fakers against the flow clock', () => {
  it('date_time_this_year/month and date_this_* stay in their period, before the clock', () => {
    for (const v of draw('date_time_this_year') as string[]) expect(v >= '2025-01-01' && dayOf(v) <= NOW).toBe(true);
    for (const v of draw('date_time_this_month') as string[]) expect(v >= '2025-07-01' && dayOf(v) <= NOW).toBe(true);
    for (const v of draw('date_this_century') as string[]) expect(v >= '2000-01-01' && v <= '2025-07-15').toBe(true);
    for (const v of draw('date_this_month', { before_now: true, after_now: true }) as string[]) expect(v.slice(0, 7)).toBe('2025-07');
    expect(new Set(draw('date_time_this_year', { before_now: false, after_now: false }, 10))).toEqual(new Set(['2025-07-15T08:00:00.000Z']));
  });

  it('a period follows the clock across its boundary', () => {
    const generate = resolveFaker('date_time_this_decade', {}, 'x');
    const ctx = context(Date.UTC(2029, 11, 31));
    expect((generate(ctx) as string) >= '2020').toBe(true);
    ctx.now = Date.UTC(2030, 0, 1, 0, 0, 5);
    for (let i = 0; i < 50; i++) expect((generate(ctx) as string).startsWith('2030-01-01T00:00:0')).toBe(true);
  });

  it('date_time_between and past/future ranges, relative to the clock or fixed', () => {
    for (const v of draw('date_time_between', { start_date: '-1y', end_date: 'now' }) as string[]) {
      expect(dayOf(v)).toBeGreaterThanOrEqual(NOW - 366 * 86_400_000);
      expect(dayOf(v)).toBeLessThanOrEqual(NOW);
    }
    for (const v of draw('date_between', { start_date: '2020-01-01', end_date: '2020-01-03' }) as string[]) {
      expect(['2020-01-01', '2020-01-02', '2020-01-03']).toContain(v);
    }
    for (const v of draw('past_datetime') as string[]) expect(dayOf(v)).toBeLessThanOrEqual(NOW);
    for (const v of draw('future_datetime', { end_date: '+2h' }) as string[]) {
      expect(dayOf(v)).toBeGreaterThanOrEqual(NOW);
      expect(dayOf(v)).toBeLessThanOrEqual(NOW + 7_200_000);
    }
    for (const v of draw('future_date') as string[]) expect(v >= '2025-07-15').toBe(true);
    for (const v of draw('date_time_between', { start_date: new Date(Date.UTC(2024, 0, 1)), end_date: Date.UTC(2024, 0, 2) }) as string[]) {
      expect(v.startsWith('2024-01-01') || v === '2024-01-02T00:00:00.000Z').toBe(true);
    }
  });

  it('reads an ISO time without a zone as UTC, whatever the machine\'s zone', () => {
    const values = new Set(draw('date_time_between', { start_date: '2024-01-01 10:00', end_date: '2024-01-01T10:00:01' }, 200));
    expect(values).toEqual(new Set(['2024-01-01T10:00:00.000Z', '2024-01-01T10:00:01.000Z']));
    expect(() => resolveFaker('date_between', { start_date: 'June 1, 2024' }, 'x')).toThrow(/an ISO date such as/);
  });

  it('time, unix_time and iso8601', () => {
    for (const v of draw('time') as string[]) expect(v).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    for (const v of draw('unix_time') as number[]) {
      expect(Number.isInteger(v)).toBe(true);
      expect(v).toBeLessThanOrEqual(NOW / 1000);
    }
    for (const v of draw('iso8601') as string[]) expect(dayOf(v)).toBeLessThanOrEqual(NOW);
  });
});

describe('locale text fakers', () => {
  it('sentence, paragraph and text shapes', () => {
    for (const v of draw('sentence', { nb_words: 4, variable_nb_words: false }) as string[]) {
      expect(v).toMatch(/^[A-Z]\S*( \S+){3}\.$/);
    }
    for (const v of draw('text', { max_nb_chars: 40 }) as string[]) expect(v.length).toBeLessThanOrEqual(40);
    for (const v of draw('text', { max_nb_chars: 5 }) as string[]) expect(v.length).toBeLessThanOrEqual(5);
    for (const v of draw('paragraph', { nb_sentences: 2, variable_nb_sentences: false }) as string[]) expect(v.split('. ').length).toBe(2);
  });

  it('building numbers have no leading zero; addresses read as one line', () => {
    for (const v of draw('building_number') as string[]) expect(v).toMatch(/^[1-9]\d*$/);
    for (const v of draw('address', {}, 200) as string[]) expect(v).not.toContain('\n');
    for (const v of draw('phone_number', {}, 200) as string[]) expect(v).toMatch(/^[\d()+.\- x]+$/);
    for (const v of draw('url', {}, 100) as string[]) expect(v).toMatch(/^https:\/\/www\.[a-z0-9]+\.[a-z]+\/$/);
  });
});
