import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyIndex } from '../../../src/state/key-index.js';

/** Adds each key the model does not hold yet, as a table does; checks every lookup on the way. */
function agreesWithMap(keys: readonly (string | number)[]): void {
  const held: (string | number)[] = [];
  const index = new KeyIndex((row) => held[row]!);
  const model = new Map<string | number, number>();
  for (const key of keys) {
    expect(index.rowOf(key)).toBe(model.get(key) ?? -1);
    if (model.has(key)) continue;
    held.push(key);
    expect(index.add(key)).toBe(model.size);
    model.set(key, model.size);
    expect(index.rowOf(key)).toBe(model.get(key));
  }
  expect(index.size).toBe(model.size);
  for (const [key, row] of model) expect(index.rowOf(key)).toBe(row);
}

describe('KeyIndex', () => {
  it('finds every key it holds by its row, and no other, as a Map does', () => {
    const key = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -5, max: 5 }), fc.double(), fc.constantFrom(0, -0, NaN, '0', 'NaN', 2 ** 31, -(2 ** 31) - 1));
    fc.assert(fc.property(fc.array(key, { maxLength: 200 }), agreesWithMap), { numRuns: 300 });
  });

  it('keeps every row through many doublings, keys that differ in one character included', () => {
    const keys: string[] = [];
    for (let i = 0; i < 20_000; i++) keys.push(`user-${String(i).padStart(6, '0')}-tail`, `user-${String(i).padStart(6, '0')}-tail`);
    agreesWithMap(keys);
    agreesWithMap(Array.from({ length: 5_000 }, (_, i) => i * 1024));
  });

  it('keeps every row when room is reserved ahead, before or after keys are in', () => {
    const held: string[] = [];
    const index = new KeyIndex((row) => held[row]!);
    const add = (key: string) => {
      held.push(key);
      return index.add(key);
    };
    for (let i = 0; i < 700; i++) add(`k${i}`);
    index.reserve(50_000);
    index.reserve(10);
    for (let i = 700; i < 50_000; i++) expect(add(`k${i}`)).toBe(i);
    for (let i = 0; i < 50_000; i++) expect(index.rowOf(`k${i}`)).toBe(i);
    expect(index.rowOf('k50000')).toBe(-1);
  });

  it("tells '1' from 1, and holds -0 as 0", () => {
    const held: (string | number)[] = [1, '1', -0, NaN];
    const index = new KeyIndex((row) => held[row]!);
    index.add(1);
    expect(index.rowOf('1')).toBe(-1);
    expect(index.add('1')).toBe(1);
    index.add(-0);
    expect(index.rowOf(0)).toBe(2);
    expect(index.rowOf(-0)).toBe(2);
    index.add(NaN);
    expect(index.rowOf(NaN)).toBe(3);
  });
});
