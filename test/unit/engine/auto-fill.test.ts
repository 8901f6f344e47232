import { describe, expect, it } from 'vitest';
import { autoFillValue } from '../../../src/engine/auto-fill.js';
import { Field } from '../../../src/schema/field.js';
import { normalizeValue } from '../../../src/schema/field-values.js';
import { SeededRandom } from '../../../src/util/seeded-random.js';

describe('autoFillValue', () => {
  it('gives a valid value for every field kind', () => {
    const random = new SeededRandom(1);
    const at = Date.UTC(2025, 0, 1);
    const fields = [Field.string(), Field.int(), Field.float(), Field.boolean(), Field.datetime(), Field.enum(['a', 'b', 'c']), Field.json()];
    for (const field of fields) {
      for (let i = 0; i < 50; i++) {
        const value = autoFillValue(field, random, at);
        expect(normalizeValue(field, value), `${field.kind}: ${String(value)}`).toEqual({ value });
      }
    }
    expect(autoFillValue(Field.datetime(), random, at)).toBe('2025-01-01T00:00:00.000Z');
  });
});
