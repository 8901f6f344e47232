import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../../src/util/seeded-random.js';

const draws = (random: SeededRandom, n: number) => Array.from({ length: n }, () => random.nextUint32());

describe('SeededRandom', () => {
  it('gives the same sequence for the same seed', () => {
    expect(draws(new SeededRandom(42), 100)).toEqual(draws(new SeededRandom(42), 100));
    expect(draws(new SeededRandom('abc'), 20)).toEqual(draws(new SeededRandom('abc'), 20));
  });

  it('gives different sequences for different seeds', () => {
    expect(draws(new SeededRandom(42), 10)).not.toEqual(draws(new SeededRandom(43), 10));
    expect(draws(new SeededRandom(1), 10)).not.toEqual(draws(new SeededRandom('1x'), 10));
  });

  it('treats a number and its text as one seed (the CLI passes --seed 42 as a number)', () => {
    expect(draws(new SeededRandom(42), 10)).toEqual(draws(new SeededRandom('42'), 10));
  });

  it('keeps a fixed sequence for seed 42 (output must not change silently)', () => {
    // If the generator ever changes on purpose, every golden file changes with it.
    expect(draws(new SeededRandom(42), 5)).toEqual([2258495261, 801819658, 1739561921, 3711374978, 1850704714]);
  });

  it('next() is in [0, 1) and roughly uniform', () => {
    const random = new SeededRandom(7);
    const buckets = new Array<number>(10).fill(0);
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const x = random.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      buckets[Math.floor(x * 10)]!++;
    }
    // each bucket ~ 2000 ± 3 sigma (sigma ≈ 42)
    for (const count of buckets) expect(Math.abs(count - n / 10)).toBeLessThan(150);
  });

  it('int(min, max) covers both ends and nothing outside', () => {
    const random = new SeededRandom(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = random.int(1, 6);
      expect(v).toBeGreaterThanOrEqual(1);
      expect(v).toBeLessThanOrEqual(6);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('int(min, max) reaches every part of a span wider than 2^32 (epoch-ms ranges)', () => {
    const random = new SeededRandom(5);
    const lo = Date.UTC(2000, 0, 1);
    const hi = Date.UTC(2030, 0, 1);
    let low32 = 0;
    for (let i = 0; i < 2000; i++) {
      const v = random.int(lo, hi);
      expect(v >= lo && v <= hi && Number.isInteger(v)).toBe(true);
      if ((v - lo) % 2 === 1) low32++;
    }
    // With 32 bits of resolution over a span of ~2^39 only every 128th value could come out.
    expect(low32).toBeGreaterThan(800);
  });

  it('index(n) is in [0, n) and chance(p) has frequency ≈ p', () => {
    const random = new SeededRandom(11);
    let hits = 0;
    const n = 10_000;
    for (let i = 0; i < n; i++) {
      const index = random.index(5);
      expect(index).toBeGreaterThanOrEqual(0);
      expect(index).toBeLessThan(5);
      if (random.chance(0.3)) hits++;
    }
    // sigma = sqrt(n p (1-p)) ≈ 46
    expect(Math.abs(hits - 3000)).toBeLessThan(4 * 46);
    expect(new SeededRandom(1).chance(0)).toBe(false);
    expect(new SeededRandom(1).chance(1)).toBe(true);
  });

  it('derive() gives independent, reproducible streams per label', () => {
    const a = draws(SeededRandom.derive(42, 'a'), 5);
    expect(a).toEqual(draws(SeededRandom.derive(42, 'a'), 5));
    expect(a).not.toEqual(draws(SeededRandom.derive(42, 'b'), 5));
    expect(a).not.toEqual(draws(new SeededRandom(42), 5));
  });
});
