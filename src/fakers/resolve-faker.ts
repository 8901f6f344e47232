import { DeepFakerError, describeValue } from '../errors.js';
import { FAST_FAKER_NAMES, FAST_FAKERS } from './fast-fakers.js';
import { fakerJsPaths, resolveFakerPath } from './faker-path.js';
import { functionFaker } from './function-faker.js';
import { ParamReader } from './param-reader.js';
import { closestName } from '../util/suggest.js';
import type { FakerFunction, FakerParams, ValueGenerator } from './types.js';

/**
 * Resolves a field's `faker:` at definition time into a generator the engine calls per
 * event. A spec is a built-in name ('uuid4', 'email', 'random_int', ... see
 * FAST_FAKER_NAMES), a faker-js path ('commerce.productName') or a function
 * `(f, ctx) => value`. `params` holds only the faker's parameters; `where` names the spot
 * for error messages ('event AccountCreated, field email'). Errors are DeepFakerError with
 * code E_UNKNOWN_FAKER or E_BAD_FAKER_PARAM.
 *
 * @example
 * const quantity = resolveFaker('random_int', { min: 1, max: 3 }, 'event ProductAdded, field quantity');
 * quantity({ random, faker, now }); // 1, 2 or 3
 */
export function resolveFaker(spec: string | FakerFunction, params: FakerParams, where: string): ValueGenerator {
  const given = params ?? {};
  if (typeof spec === 'function') return functionFaker(spec, given, where);
  const prefix = where === '' ? '' : `${where}: `;
  if (typeof spec !== 'string' || spec.trim() === '') {
    throw new DeepFakerError(
      'E_UNKNOWN_FAKER',
      `${prefix}faker must be a name, a faker-js path or a function, got ${describeValue(spec)}. Use e.g. faker: 'email', faker: 'internet.email' or faker: (f) => f.internet.email().`,
    );
  }
  const name = spec.trim();
  if (Object.hasOwn(FAST_FAKERS, name)) {
    const reader = new ParamReader(name, given, where);
    const generator = FAST_FAKERS[name]!(reader);
    reader.finish();
    return generator;
  }
  if (name.includes('.')) return resolveFakerPath(name, given, where);
  const best = closestName(name, [...FAST_FAKER_NAMES, ...fakerJsPaths()]);
  const hint = best === undefined ? '' : ` Did you mean "${best}"?`;
  throw new DeepFakerError(
    'E_UNKNOWN_FAKER',
    `${prefix}unknown faker ${JSON.stringify(name)}.${hint} Use a built-in name such as "email" or "uuid4", a faker-js path such as "internet.email", or a function (f, ctx) => value.`,
  );
}
