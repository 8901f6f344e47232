import { allLocales } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { DeepFakerError } from '../../../src/errors.js';
import { createFaker } from '../../../src/fakers/index.js';
import { SeededRandom } from '../../../src/util/seeded-random.js';

describe('createFaker', () => {
  it('is seeded by the SeededRandom: same seed, same values; another seed, others', () => {
    const values = (seed: number): unknown[] => {
      const f = createFaker(new SeededRandom(seed));
      return [f.person.fullName(), f.internet.email(), f.string.uuid(), f.number.float(), f.commerce.productName()];
    };
    expect(values(42)).toEqual(values(42));
    expect(values(43)).not.toEqual(values(42));
  });

  it('draws from the same stream as the fast path', () => {
    const a = new SeededRandom(5);
    const b = new SeededRandom(5);
    createFaker(a).number.int();
    b.nextUint32();
    b.nextUint32();
    expect(a.nextUint32()).toBe(b.nextUint32());
  });

  it('uses the locale and falls back to English for data the locale lacks', () => {
    const german = createFaker(new SeededRandom(1), 'de');
    expect(german.rawDefinitions.internet?.free_email).toContain('gmail.com');
    expect(german.location.country()).toBeTypeOf('string');
    const austrian = createFaker(new SeededRandom(1), 'de_AT');
    expect(austrian.rawDefinitions.location?.state).toContain('Tirol');
  });

  it('accepts Python-style and BCP 47 locale names', () => {
    for (const name of ['de_DE', 'fr_FR', 'en-US', 'pt-BR', 'ja_JP', 'EN']) {
      expect(() => createFaker(new SeededRandom(1), name)).not.toThrow();
    }
  });

  it('creates every faker-js locale', () => {
    for (const code of Object.keys(allLocales)) {
      expect(createFaker(new SeededRandom(1), code).lorem.word()).toBeTypeOf('string');
    }
  });

  it('rejects an unknown locale with a suggestion', () => {
    try {
      createFaker(new SeededRandom(1), 'xx_YY');
      expect.fail('no error');
    } catch (error) {
      expect(error).toBeInstanceOf(DeepFakerError);
      expect((error as DeepFakerError).code).toBe('E_UNKNOWN_LOCALE');
      expect((error as DeepFakerError).message).toMatch(/^simulation option locale: faker-js has no locale "xx_YY"\./);
    }
    expect(() => createFaker(new SeededRandom(1), 'dee')).toThrow(/Did you mean "de"\?/);
  });

  it('refuses faker.seed(): the simulation seed rules', () => {
    const faker = createFaker(new SeededRandom(1));
    expect(() => faker.seed(3)).toThrow(/Set the simulation's randomSeed instead/);
  });

  it('never reads the wall clock: "now" is the epoch until the engine sets the flow clock', () => {
    expect(createFaker(new SeededRandom(1)).date.recent().getUTCFullYear()).toBeLessThanOrEqual(1970);
  });
});
