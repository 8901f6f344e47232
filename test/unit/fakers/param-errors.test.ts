import { describe, expect, it } from 'vitest';
import { DeepFakerError } from '../../../src/errors.js';
import { resolveFaker, type FakerParams } from '../../../src/fakers/index.js';

const WHERE = 'event ProductAdded, field quantity';

function failure(spec: string, params: FakerParams): DeepFakerError {
  try {
    resolveFaker(spec, params, WHERE);
  } catch (error) {
    expect(error).toBeInstanceOf(DeepFakerError);
    return error as DeepFakerError;
  }
  throw new Error(`${spec} ${JSON.stringify(params)} resolved without error`);
}

describe('faker parameters are checked at definition time', () => {
  it('min greater than max is an error that says to swap them', () => {
    const error = failure('random_int', { min: 5, max: 3 });
    expect(error.code).toBe('E_BAD_FAKER_PARAM');
    expect(error.message).toBe('event ProductAdded, field quantity: random_int min 5 is greater than max 3. Swap them.');
    expect(failure('pyfloat', { min_value: 10, max_value: 1 }).message).toMatch(/min_value 10 is greater than max_value 1\. Swap them\.$/);
  });

  it.each([
    ['random_element', {}, /random_element needs elements, a non-empty list, got undefined/],
    ['random_element', { elements: [] }, /elements is empty/],
    ['random_element', { elements: 'abc' }, /needs elements, a non-empty list, got "abc"/],
    ['random_element', { elements: ['a', 'b'], weights: [1] }, /2 elements but 1 weights/],
    ['random_element', { elements: ['a', 'b'], weights: [1, -1] }, /weights must be finite numbers of at least 0/],
    ['random_element', { elements: ['a'], weights: [0] }, /weights add up to 0/],
    ['shortuuid', { length: -3 }, /length must be between 1 and 1024, got -3/],
    ['shortuuid', { length: 2.5 }, /length must be a whole number, got 2\.5/],
    ['random_int', { min: '1' }, /min must be a whole number, got "1"/],
    ['random_int', { step: 0 }, /step must be at least 1, got 0/],
    ['pyfloat', { right_digits: 20 }, /right_digits must be between 0 and 15/],
    ['pyfloat', { max_value: -5, positive: true }, /has no positive number with 2 decimals/],
    ['pyfloat', { min_value: 0.001, max_value: 0.002 }, /has no number with 2 decimals in \[0\.001, 0\.002\]/],
    ['pyfloat', { positive: 'yes' }, /positive must be true or false, got "yes"/],
    ['ean', { length: 12 }, /length must be 8 or 13, got 12/],
    ['lexify', { text: 42 }, /text must be a string, got 42/],
    ['lexify', { letters: '' }, /letters is empty/],
    ['boolean', { chance_of_getting_true: 150 }, /between 0 and 100, got 150/],
    ['date_time_between', { start_date: 'yesterday' }, /start_date must be 'now', 'today', a relative time/],
    ['date_time_between', { start_date: '+1d', end_date: '-1d' }, /start_date is after end_date\. Swap them\./],
    ['date_between', { start_date: '2025-02-01', end_date: '2025-01-01' }, /start_date is after end_date/],
    ['text', { max_nb_chars: 2 }, /max_nb_chars must be between 5 and/],
  ] as [string, FakerParams, RegExp][])('%s %j is rejected', (spec, params, message) => {
    const error = failure(spec, params);
    expect(error.code).toBe('E_BAD_FAKER_PARAM');
    expect(error.message.startsWith(`${WHERE}: ${spec} `)).toBe(true);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
  });

  it('an unknown parameter is an error naming what the faker takes, with a suggestion', () => {
    const error = failure('random_int', { min: 1, maximum: 3 });
    expect(error.message).toBe(
      `${WHERE}: random_int has no parameter "maximum" (it takes min, max, step). Did you mean "max"? Remove or rename it.`,
    );
    expect(failure('uuid4', { length: 8 }).message).toMatch(/uuid4 has no parameter "length" \(it takes no parameters\)/);
    expect(failure('pyfloat', { min: 1 }).message).toMatch(/Did you mean "min_value"\?/);
  });

  it('null and undefined mean "not given", as None does in Python', () => {
    expect(() => resolveFaker('random_int', { min: null, max: undefined }, WHERE)).not.toThrow();
    expect(() => resolveFaker('uuid4', { length: undefined }, WHERE)).not.toThrow();
  });

  it('a range that only fails at a point of the simulation fails there, naming the field', () => {
    const generate = resolveFaker('date_time_between', { start_date: '2025-06-01', end_date: 'now' }, WHERE);
    const ctx = { now: Date.UTC(2025, 0, 1) } as never;
    expect(() => generate(ctx)).toThrow(/^event ProductAdded, field quantity: date_time_between start_date 2025-06-01T00:00:00\.000Z is after end_date/);
  });
});
