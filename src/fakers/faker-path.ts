import type { Faker } from '@faker-js/faker';
import { DeepFakerError, describeValue } from '../errors.js';
import { SeededRandom } from '../util/seeded-random.js';
import { clockOf, createFaker, setFakerClock } from './create-faker.js';
import { closestName } from '../util/suggest.js';
import type { FakerParams, ValueGenerator } from './types.js';

/** Not modules a faker: path should reach. */
const HIDDEN = new Set(['fakerCore', 'definitions', 'rawDefinitions']);

let reference: Faker | undefined;
let referencePaths: string[] | undefined;

/** A faker for checking paths and trying calls at definition time; it never feeds a run. */
function referenceFaker(): Faker {
  if (reference === undefined) {
    reference = createFaker(new SeededRandom('deep-faker/definition-check'), 'en');
    setFakerClock(reference, Date.UTC(2025, 0, 1));
  }
  return reference;
}

/** Every 'module.function' path of faker-js, for suggestions. */
export function fakerJsPaths(): string[] {
  if (referencePaths !== undefined) return referencePaths;
  const faker = referenceFaker() as unknown as Record<string, unknown>;
  const paths: string[] = [];
  for (const module of Object.keys(faker)) {
    const value = faker[module];
    if (HIDDEN.has(module) || value === null || typeof value !== 'object') continue;
    for (const name of Object.keys(value)) {
      if (typeof (value as Record<string, unknown>)[name] === 'function') paths.push(`${module}.${name}`);
    }
  }
  referencePaths = paths;
  return paths;
}

interface Target {
  owner: object;
  fn: (...args: unknown[]) => unknown;
}

/** Walks `keys` on a faker instance; a string describing the problem when it leads nowhere. */
function lookup(faker: Faker, keys: readonly string[]): Target | string {
  let owner: unknown = faker;
  let node: unknown = faker;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const known = node !== null && typeof node === 'object' && Object.hasOwn(node, key) && !(i === 0 && HIDDEN.has(key));
    if (!known) {
      return i === 0 ? `faker-js has no module "${key}"` : `faker-js "${keys.slice(0, i).join('.')}" has no function "${key}"`;
    }
    owner = node;
    node = (node as Record<string, unknown>)[key];
  }
  if (typeof node !== 'function') return `faker-js "${keys.join('.')}" is not a function, got ${describeValue(node)}`;
  return { owner: owner as object, fn: node as Target['fn'] };
}

/** params → call arguments: none, `args: [...]` spread, or the params object itself. */
function callArguments(params: FakerParams): unknown[] {
  const names = Object.keys(params).filter((name) => params[name] !== undefined);
  if (names.length === 0) return [];
  if (names.length === 1 && names[0] === 'args' && Array.isArray(params.args)) return params.args.slice();
  const options: FakerParams = {};
  for (const name of names) options[name] = params[name];
  return [options];
}

/**
 * Resolves 'internet.email', 'commerce.productName', 'number.int' ... to a generator that
 * calls the function on the run's seeded faker, with faker's "now" at the flow clock. The
 * path is checked and the function tried once with the params at definition time, so a
 * typo or a parameter faker-js rejects fails then, not mid-run.
 */
export function resolveFakerPath(spec: string, params: FakerParams, where: string): ValueGenerator {
  const prefix = where === '' ? '' : `${where}: `;
  const path = spec.startsWith('faker.') ? spec.slice('faker.'.length) : spec;
  const keys = path.split('.');
  const target = lookup(referenceFaker(), keys);
  if (typeof target === 'string') {
    const best = closestName(path, fakerJsPaths());
    const hint = best === undefined ? '' : ` Did you mean "${best}"?`;
    throw new DeepFakerError(
      'E_UNKNOWN_FAKER',
      `${prefix}unknown faker ${JSON.stringify(spec)}: ${target}.${hint} Use a faker-js path such as "internet.email" (see fakerjs.dev/api), a built-in name such as "email", or a function (f, ctx) => value.`,
    );
  }
  const args = callArguments(params);
  try {
    target.fn.apply(target.owner, args);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Data that English lacks may exist in the run's locale: only the run can tell.
    if (!/locale/i.test(message)) {
      throw new DeepFakerError(
        'E_BAD_FAKER_PARAM',
        `${prefix}faker "${path}" rejects parameters ${describeValue(params)}: ${message.replace(/\s+/g, ' ').trim()} Fix the parameters (they are passed as the function's single options argument; use args: [...] for positional arguments).`,
      );
    }
  }

  let faker: Faker | undefined;
  let bound: Target | undefined;
  let clock = { now: 0 };
  return (ctx) => {
    if (bound === undefined || ctx.faker !== faker) {
      faker = ctx.faker;
      const found = lookup(faker, keys);
      if (typeof found === 'string') throw new DeepFakerError('E_UNKNOWN_FAKER', `${prefix}${found}.`);
      bound = found;
      clock = clockOf(faker);
    }
    clock.now = ctx.now;
    return bound.fn.apply(bound.owner, args);
  };
}
