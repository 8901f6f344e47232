import type { Faker } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { DeepFakerError } from '../../../src/errors.js';
import { createFaker, FAST_FAKER_NAMES, resolveFaker, setFakerClock, type FakeContext } from '../../../src/fakers/index.js';
import { SeededRandom } from '../../../src/util/seeded-random.js';

const WHERE = 'event AccountCreated, field email';
const NOW = Date.UTC(2025, 0, 15, 12);

function context(seed: number | string = 42, now = NOW): FakeContext {
  const random = new SeededRandom(seed);
  return { random, faker: createFaker(random, 'en'), now };
}

function failure(run: () => unknown): DeepFakerError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DeepFakerError);
    return error as DeepFakerError;
  }
  throw new Error('no error');
}

describe('unknown fakers', () => {
  it('name where, the bad name and the closest built-in', () => {
    const error = failure(() => resolveFaker('emial', {}, WHERE));
    expect(error.code).toBe('E_UNKNOWN_FAKER');
    expect(error.message).toBe(
      `${WHERE}: unknown faker "emial". Did you mean "email"? Use a built-in name such as "email" or "uuid4", a faker-js path such as "internet.email", or a function (f, ctx) => value.`,
    );
  });

  it.each([
    ['uuid_4', 'uuid4'],
    ['randint', 'random_int'],
    ['productName', 'commerce.productName'],
    ['credit_card_number', 'finance.creditCardNumber'],
    ['date_time_this_decad', 'date_time_this_decade'],
  ])('"%s" suggests "%s"', (wrong, right) => {
    expect(failure(() => resolveFaker(wrong, {}, WHERE)).message).toContain(`Did you mean "${right}"?`);
  });

  it('a faker-js path with a typo in the function or module suggests the real path', () => {
    const method = failure(() => resolveFaker('internet.emial', {}, WHERE));
    expect(method.code).toBe('E_UNKNOWN_FAKER');
    expect(method.message).toMatch(/^event AccountCreated, field email: unknown faker "internet.emial": faker-js "internet" has no function "emial"\. Did you mean "internet\.email"\?/);
    const module = failure(() => resolveFaker('comerce.productName', {}, WHERE));
    expect(module.message).toMatch(/faker-js has no module "comerce"\. Did you mean "commerce\.productName"\?/);
    expect(failure(() => resolveFaker('definitions.person', {}, WHERE)).message).toMatch(/has no module "definitions"/);
    expect(failure(() => resolveFaker('internet.faker', {}, WHERE)).message).toMatch(/is not a function/);
  });

  it('a spec that is neither a string nor a function is an error', () => {
    expect(failure(() => resolveFaker(42 as never, {}, WHERE)).message).toMatch(/faker must be a name, a faker-js path or a function, got 42/);
    expect(failure(() => resolveFaker('  ', {}, WHERE)).code).toBe('E_UNKNOWN_FAKER');
  });
});

describe('faker-js paths', () => {
  it('resolve to the function and draw from the run\'s seeded stream', () => {
    const generate = resolveFaker('commerce.productName', {}, WHERE);
    const a = context(7);
    const b = context(7);
    const first = Array.from({ length: 20 }, () => generate(a));
    expect(Array.from({ length: 20 }, () => generate(b))).toEqual(first);
    expect(Array.from({ length: 20 }, () => generate(context(8)))).not.toEqual(first);
    expect(resolveFaker('faker.internet.email', {}, WHERE)(context())).toMatch(/@/);
  });

  it('pass params as the single options argument, or args as positional arguments', () => {
    const ints = resolveFaker('number.int', { min: 10, max: 12 }, WHERE);
    const ctx = context();
    const values = new Set(Array.from({ length: 300 }, () => ints(ctx)));
    expect(values).toEqual(new Set([10, 11, 12]));
    const picks = resolveFaker('helpers.arrayElement', { args: [['x', 'y']] }, WHERE);
    expect(new Set(Array.from({ length: 100 }, () => picks(ctx)))).toEqual(new Set(['x', 'y']));
  });

  it('reject parameters faker-js rejects, at definition time', () => {
    const error = failure(() => resolveFaker('number.int', { min: 5, max: 3 }, WHERE));
    expect(error.code).toBe('E_BAD_FAKER_PARAM');
    expect(error.message).toMatch(/^event AccountCreated, field email: faker "number\.int" rejects parameters \{"min":5,"max":3\}: Max 3 should be greater than min 5\./);
  });

  it('date.* functions take the flow clock as "now"', () => {
    const recent = resolveFaker('date.recent', {}, WHERE);
    const soon = resolveFaker('date.soon', { days: 2 }, WHERE);
    for (const now of [Date.UTC(2001, 8, 9), Date.UTC(2042, 1, 3)]) {
      const ctx = context(1, now);
      for (let i = 0; i < 50; i++) {
        const past = (recent(ctx) as Date).getTime();
        expect(past).toBeLessThanOrEqual(now);
        expect(past).toBeGreaterThanOrEqual(now - 86_400_000);
        const future = (soon(ctx) as Date).getTime();
        expect(future).toBeGreaterThanOrEqual(now);
        expect(future).toBeLessThanOrEqual(now + 2 * 86_400_000);
      }
    }
  });

  it('setFakerClock moves "now" for a faker used directly in a flow', () => {
    const faker = createFaker(new SeededRandom(3));
    setFakerClock(faker, Date.UTC(1999, 11, 31));
    expect(faker.date.recent().getUTCFullYear()).toBe(1999);
    setFakerClock(faker, Date.UTC(2077, 0, 2));
    expect(faker.date.recent().getUTCFullYear()).toBe(2077);
  });
});

describe('function fakers', () => {
  it('receive the run\'s faker and { now, random } at the flow clock', () => {
    const seen: { f: Faker; now: Date; random: number }[] = [];
    const generate = resolveFaker((f, ctx) => {
      seen.push({ f, now: ctx.now, random: ctx.random() });
      return `SKU-${f.string.alphanumeric(4)}`;
    }, {}, WHERE);
    const ctx = context();
    expect(generate(ctx)).toMatch(/^SKU-\w{4}$/);
    expect(seen[0]!.f).toBe(ctx.faker);
    expect(seen[0]!.now.getTime()).toBe(NOW);
    expect(seen[0]!.random).toBeGreaterThanOrEqual(0);
    expect(seen[0]!.random).toBeLessThan(1);
    expect(generate(context())).toBe(generate(context()));
  });

  it('see faker\'s date functions at the flow clock', () => {
    const generate = resolveFaker((f) => f.date.recent().getUTCFullYear(), {}, WHERE);
    expect(generate(context(1, Date.UTC(1990, 5, 5)))).toBe(1990);
  });

  it('take no parameters', () => {
    expect(failure(() => resolveFaker(() => 1, { min: 1 }, WHERE)).message).toMatch(/a function faker takes no parameters, got min/);
  });
});

describe('FAST_FAKER_NAMES', () => {
  it('lists every built-in and each resolves', () => {
    for (const name of ['uuid4', 'shortuuid', 'name', 'email', 'random_element', 'random_int', 'pyfloat', 'date_time', 'now', 'lexify',
      'date', 'date_time_this_decade', 'user_name', 'company', 'country', 'catch_phrase', 'ean']) {
      expect(FAST_FAKER_NAMES).toContain(name);
    }
    for (const name of FAST_FAKER_NAMES) {
      const params = name === 'random_element' ? { elements: [1] } : {};
      expect(resolveFaker(name, params, WHERE)(context())).not.toBeUndefined();
    }
  });
});
