import { describe, expect, it } from 'vitest';
import { DeadlineError, settleWithin, withDeadline } from '../../../src/util/time-bounds.js';

const after = <T>(ms: number, value: T, fail = false) =>
  new Promise<T>((resolve, reject) => setTimeout(() => (fail ? reject(new Error('boom')) : resolve(value)), ms));

describe('withDeadline', () => {
  it('gives the result of a task that finishes in time', async () => {
    await expect(withDeadline(200, () => after(5, 'ok'))).resolves.toBe('ok');
  });

  it("passes on a task's own failure", async () => {
    await expect(withDeadline(200, () => after(5, 'x', true))).rejects.toThrow('boom');
  });

  it('rejects with a DeadlineError at the deadline and hands a late result to `late`', async () => {
    const lateValues: string[] = [];
    const error = await withDeadline(10, () => after(60, 'session'), (v) => lateValues.push(v)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeadlineError);
    expect((error as DeadlineError).ms).toBe(10);
    expect(lateValues).toEqual([]);
    await after(80, null);
    expect(lateValues).toEqual(['session']);
  });

  it('does not call `late` for a result that came in time', async () => {
    const lateValues: string[] = [];
    await withDeadline(100, () => after(1, 'early'), (v) => lateValues.push(v));
    await after(20, null);
    expect(lateValues).toEqual([]);
  });
});

describe('settleWithin', () => {
  it('never rejects, and stops waiting at the bound', async () => {
    await expect(settleWithin(50, after(1, 'x', true))).resolves.toBeUndefined();
    // A task that never settles: the bound ends the wait (else the test times out).
    await expect(settleWithin(20, new Promise(() => undefined))).resolves.toBeUndefined();
  });
});
