import { describe, expect, it } from 'vitest';
import { DeepFakerError } from '../../../src/errors.js';
import { formatDuration, parseDuration } from '../../../src/util/duration.js';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['30sec', 30_000],
    ['2m', 120_000],
    ['2min', 120_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['1h 30m', 5_400_000],
    ['1.5h', 5_400_000],
    ['1d', 86_400_000],
    ['1w', 604_800_000],
    ['5m30s', 330_000],
    ['1s500ms', 1500],
    [' 2m ', 120_000],
    ['2 m', 120_000],
  ])('parses %j as %d ms', (text, ms) => {
    expect(parseDuration(text, 'duration')).toBe(ms);
  });

  it('takes milliseconds as numbers', () => {
    expect(parseDuration(0, 'x')).toBe(0);
    expect(parseDuration(1500, 'x')).toBe(1500);
  });

  it.each(['5x', '', '   ', 'm', '5', '-5s', '5s x', 'five minutes', '1h30'])('rejects %j with a message that names the option', (text) => {
    let error: unknown;
    try {
      parseDuration(text, 'Simulation duration');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DeepFakerError);
    expect((error as DeepFakerError).code).toBe('E_BAD_DURATION');
    expect((error as Error).message).toContain('Simulation duration: invalid duration');
    expect((error as Error).message).toContain(JSON.stringify(text));
    expect((error as Error).message).toMatch(/Use .*"30s"/);
    expect((error as Error).message).not.toContain('\n');
  });

  it('rejects negative, infinite and non-numeric values', () => {
    expect(() => parseDuration(-1, 'timeStep')).toThrow('timeStep: invalid duration -1');
    expect(() => parseDuration(Infinity, 'timeStep')).toThrow(DeepFakerError);
    expect(() => parseDuration(Number.NaN, 'timeStep')).toThrow(DeepFakerError);
    expect(() => parseDuration({} as unknown as string, 'timeStep')).toThrow(DeepFakerError);
  });
});

describe('formatDuration', () => {
  it('prints the largest whole unit', () => {
    expect(formatDuration(7_200_000)).toBe('2h');
    expect(formatDuration(120_000)).toBe('2m');
    expect(formatDuration(30_000)).toBe('30s');
    expect(formatDuration(1500)).toBe('1500ms');
    expect(formatDuration(0)).toBe('0s');
  });
});
