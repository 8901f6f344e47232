import type { Faker, Randomizer } from '@faker-js/faker';
import { DeepFakerError } from '../errors.js';
import type { SeededRandom } from '../util/seeded-random.js';
import { didYouMean } from '../util/suggest.js';
import { fakerClass, localeCodeList, localeDefinition } from './locale-data.js';

/** The instant faker-js treats as "now"; a holder so moving the clock costs one assignment. */
interface FakerClock {
  now: number;
}

const clocks = new WeakMap<Faker, FakerClock>();
const localeCodes = new WeakMap<Faker, string>();

/**
 * A faker-js instance for `locale` (default 'en') that draws from `random`, so one seed
 * fixes faker's values too. Its reference date is the simulated clock (see setFakerClock),
 * never the wall clock. Locales are faker-js names ('de', 'en_US', 'pt_BR'); Python-style
 * 'de_DE' or 'en-US' fall back to the nearest faker-js locale.
 *
 * @example
 * const faker = createFaker(new SeededRandom(42), 'de');
 * faker.person.fullName(); // the same name for seed 42, every run
 */
export function createFaker(random: SeededRandom, locale = 'en'): Faker {
  const code = resolveLocaleCode(locale);
  const FakerClass = fakerClass();
  // A locale module merges its own fallbacks; 'en' last covers those without ('base').
  const definitions = code === 'en' ? [localeDefinition('en')] : [localeDefinition(code), localeDefinition('en')];
  const faker = new FakerClass({ locale: definitions, randomizer: seededRandomizer(random) });
  const clock: FakerClock = { now: 0 };
  faker.setDefaultRefDate(() => new Date(clock.now));
  clocks.set(faker, clock);
  localeCodes.set(faker, code);
  return faker;
}

/**
 * Points faker's "now" (date.recent, date.past, date.soon, ...) at the simulated clock.
 * Call it before faker-js date functions inside a flow; generators from resolveFaker do it
 * themselves.
 *
 * @example
 * setFakerClock(ctx.faker, flowClockMs);
 * ctx.faker.date.recent(); // within a day before the flow clock
 */
export function setFakerClock(faker: Faker, now: number): void {
  clockOf(faker).now = now;
}

/** The clock holder of `faker`; a faker made elsewhere gets one on first use. */
export function clockOf(faker: Faker): FakerClock {
  let clock = clocks.get(faker);
  if (clock === undefined) {
    const created: FakerClock = { now: 0 };
    faker.setDefaultRefDate(() => new Date(created.now));
    clocks.set(faker, created);
    clock = created;
  }
  return clock;
}

/** The faker-js locale code createFaker used, or undefined for a faker made elsewhere. */
export function localeCodeOf(faker: Faker): string | undefined {
  return localeCodes.get(faker);
}

/** 'de_DE' → 'de', 'en-US' → 'en_US'; throws E_UNKNOWN_LOCALE with a suggestion. */
export function resolveLocaleCode(locale: string): string {
  const locales = localeCodeList();
  const wanted = String(locale).trim().replace(/-/g, '_');
  const exact = locales.find((code) => code.toLowerCase() === wanted.toLowerCase());
  if (exact !== undefined) return exact;
  const language = wanted.split('_')[0]!.toLowerCase();
  if (locales.includes(language)) return language;
  throw new DeepFakerError(
    'E_UNKNOWN_LOCALE',
    `simulation option locale: faker-js has no locale ${JSON.stringify(locale)}.${didYouMean(wanted, [...locales])} Use a faker-js locale code such as "en", "de", "fr", "pt_BR" or "ja".`,
  );
}

/** faker-js Randomizer over the run's stream; 53-bit floats, as faker's own default gives. */
function seededRandomizer(random: SeededRandom): Randomizer {
  return {
    next: () => (random.nextUint32() * 2097152 + (random.nextUint32() >>> 11)) / 9007199254740992,
    seed: () => {
      throw new DeepFakerError(
        'E_FAKER_SEED',
        'faker.seed(): faker is seeded by the simulation, so reseeding it would break reproducibility. Set the simulation\'s randomSeed instead.',
      );
    },
  };
}
