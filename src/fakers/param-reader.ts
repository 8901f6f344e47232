import { DeepFakerError, describeValue } from '../errors.js';
import { didYouMean } from '../util/suggest.js';
import type { FakerParams } from './types.js';

/**
 * Reads and checks the parameters of one built-in faker at definition time. Every read
 * marks the name as known, so `finish()` can reject parameters the faker does not take.
 * `undefined` and `null` mean "not given", as None does in Python faker.
 */
export class ParamReader {
  private readonly known = new Set<string>();

  constructor(
    readonly faker: string,
    private readonly params: FakerParams,
    private readonly where: string,
  ) {}

  /** Throws E_BAD_FAKER_PARAM: `<where>: <faker> <problem>`. */
  fail(problem: string): never {
    throw this.error(problem);
  }

  /** The error `fail` throws, for problems found later, at generation time. */
  error(problem: string): DeepFakerError {
    const prefix = this.where === '' ? '' : `${this.where}: `;
    return new DeepFakerError('E_BAD_FAKER_PARAM', `${prefix}${this.faker} ${problem}`);
  }

  /** The raw value, or undefined when not given. */
  raw(name: string): unknown {
    this.known.add(name);
    const value = this.params[name];
    return value === null ? undefined : value;
  }

  number(name: string, fallback: number): number;
  number(name: string): number | undefined;
  number(name: string, fallback?: number): number | undefined {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.fail(`${name} must be a finite number, got ${describeValue(value)}. Pass a number such as ${name}: 10.`);
    }
    return value;
  }

  integer(name: string, fallback: number, min = -Number.MAX_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      this.fail(`${name} must be a whole number, got ${describeValue(value)}. Pass an integer such as ${name}: ${fallback}.`);
    }
    if (value < min || value > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `between ${min} and ${max}`;
      this.fail(`${name} must be ${range}, got ${value}. Pass a value in that range.`);
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean') this.fail(`${name} must be true or false, got ${describeValue(value)}.`);
    return value;
  }

  string(name: string, fallback: string): string {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (typeof value !== 'string') this.fail(`${name} must be a string, got ${describeValue(value)}. Pass text such as ${name}: ${JSON.stringify(fallback)}.`);
    return value;
  }

  /** Rejects parameters this faker never read: a typo is an error, not a silent default. */
  finish(): void {
    for (const name of Object.keys(this.params)) {
      if (this.known.has(name) || this.params[name] === undefined) continue;
      const takes = this.known.size === 0 ? 'takes no parameters' : `takes ${[...this.known].join(', ')}`;
      this.fail(`has no parameter "${name}" (it ${takes}).${didYouMean(name, this.known)} Remove or rename it.`);
    }
  }
}
