import type { Faker } from '@faker-js/faker';
import { DeepFakerError } from '../errors.js';
import type { SeededRandom } from '../util/seeded-random.js';
import { clockOf } from './create-faker.js';
import type { FakerFunction, FakerParams, ValueGenerator } from './types.js';

/**
 * Wraps a user function `(f, ctx) => value`: f is the run's seeded faker with its "now"
 * at the flow clock; ctx.now is that clock as a Date and ctx.random() draws from the run's
 * stream.
 */
export function functionFaker(fn: FakerFunction, params: FakerParams, where: string): ValueGenerator {
  const extra = Object.keys(params).filter((name) => params[name] !== undefined);
  if (extra.length > 0) {
    const prefix = where === '' ? '' : `${where}: `;
    throw new DeepFakerError(
      'E_BAD_FAKER_PARAM',
      `${prefix}a function faker takes no parameters, got ${extra.join(', ')}. Use the values inside the function instead.`,
    );
  }
  let faker: Faker | undefined;
  let clock = { now: 0 };
  let random: SeededRandom | undefined;
  let draw = (): number => 0;
  return (ctx) => {
    if (ctx.faker !== faker) {
      faker = ctx.faker;
      clock = clockOf(faker);
    }
    if (ctx.random !== random) {
      const stream = ctx.random;
      random = stream;
      draw = () => stream.next();
    }
    clock.now = ctx.now;
    return fn(faker, { now: new Date(ctx.now), random: draw });
  };
}
