import type { Faker } from '@faker-js/faker';
import type { SeededRandom } from '../util/seeded-random.js';

/** What every generator receives at generation time. */
export interface FakeContext {
  /** The run's one seeded stream. */
  random: SeededRandom;
  /** A faker-js instance made by createFaker(), drawing from the same stream. */
  faker: Faker;
  /** The flow clock (simulated time), epoch milliseconds. */
  now: number;
}

/** Produces one value for a field; resolved once at definition time, called per event. */
export type ValueGenerator = (ctx: FakeContext) => unknown;

/** What a function faker receives besides the faker-js instance. */
export interface FakerFunctionContext {
  /** The flow clock. */
  now: Date;
  /** A float in [0, 1) from the run's seeded stream. */
  random(): number;
}

/**
 * A user function faker.
 *
 * @example
 * const sku: FakerFunction = (f, ctx) => `SKU-${f.string.alphanumeric(6)}-${ctx.now.getUTCFullYear()}`;
 */
export type FakerFunction = (f: Faker, ctx: FakerFunctionContext) => unknown;

/** Parameters of a faker: min, max, elements, length, text, min_value, max_value, positive, right_digits, ... */
export interface FakerParams {
  [name: string]: unknown;
}
