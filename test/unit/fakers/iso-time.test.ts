import { describe, expect, it } from 'vitest';
import { formatDate, formatIso, formatTime } from '../../../src/fakers/iso-time.js';
import { SeededRandom } from '../../../src/util/seeded-random.js';

describe('ISO formatting without Date objects', () => {
  it('agrees with Date#toISOString over years 0000..9999 and edge instants', () => {
    const random = new SeededRandom('iso');
    const instants = [0, -1, 951_782_400_000, 4_107_542_400_000, Date.UTC(2000, 1, 29, 23, 59, 59, 999), Date.UTC(1900, 2, 1),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999), -62_167_219_200_000];
    const [first, last] = [-62_167_219_200_000, 253_402_300_799_999]; // 0000-01-01 .. 9999-12-31
    for (let i = 0; i < 20_000; i++) instants.push(Math.floor(first + random.next() * (last - first)));
    for (const ms of instants) {
      const iso = new Date(ms).toISOString();
      expect(formatIso(ms)).toBe(iso);
      expect(formatDate(ms)).toBe(iso.slice(0, 10));
      expect(formatTime(ms)).toBe(iso.slice(11, 19));
    }
  });

  it('falls back to Date for years beyond 9999', () => {
    const ms = Date.UTC(12_000, 0, 1);
    expect(formatIso(ms)).toBe('+012000-01-01T00:00:00.000Z');
    expect(formatDate(ms)).toBe('+012000-01-01');
  });

  it('drops fractions of a millisecond, as Date does', () => {
    expect(formatIso(1.9)).toBe('1970-01-01T00:00:00.001Z');
  });
});
