import type { Faker } from '@faker-js/faker';
import type { LocaleTables, PickBuilder } from './locale-tables.js';
import type { ParamReader } from './param-reader.js';
import { tablesFor } from './tables-for.js';
import type { Pick } from './template.js';
import type { ValueGenerator } from './types.js';

/** Builds a built-in faker's generator from its parameters, read and checked by `params`. */
export type FastFakerBuilder = (params: ParamReader) => ValueGenerator;

/**
 * A generator over locale data. The tables are looked up when the faker instance changes
 * (once per run), so a call costs one identity check plus the picker itself.
 */
export function localeGenerator(build: (tables: LocaleTables) => Pick): ValueGenerator {
  let faker: Faker | undefined;
  let pick: Pick | undefined;
  return (ctx) => {
    if (pick === undefined || ctx.faker !== faker) {
      faker = ctx.faker;
      pick = build(tablesFor(faker));
    }
    return pick(ctx.random, faker);
  };
}

/** A built-in faker without parameters, answered by a memoized locale picker. */
export function localeFaker(builder: PickBuilder): FastFakerBuilder {
  return () => localeGenerator((tables) => tables.get(builder));
}
