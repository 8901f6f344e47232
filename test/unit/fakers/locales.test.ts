import { allLocales } from '@faker-js/faker';
import { describe, expect, it } from 'vitest';
import { createFaker, resolveFaker, type FakeContext } from '../../../src/fakers/index.js';
import { SeededRandom } from '../../../src/util/seeded-random.js';

const LOCALE_NAMES = ['name', 'first_name', 'last_name', 'email', 'safe_email', 'user_name', 'url', 'domain_name', 'company',
  'company_suffix', 'catch_phrase', 'bs', 'job', 'country', 'country_code', 'city', 'street_name', 'street_address',
  'address', 'postcode', 'phone_number', 'state', 'color_name', 'currency_code', 'word', 'sentence', 'text'];
const LOCALES = Object.keys(allLocales).filter((code) => code !== 'base');

function context(locale: string): FakeContext {
  const random = new SeededRandom(`locale-${locale}`);
  return { random, faker: createFaker(random, locale), now: Date.UTC(2025, 0, 1) };
}

describe('fast fakers in every faker-js locale', () => {
  it.each(LOCALES.map((code) => [code]))('%s: text without leftovers, emails that are addresses', (locale) => {
    const ctx = context(locale);
    for (const name of LOCALE_NAMES) {
      const generate = resolveFaker(name, {}, name);
      for (let i = 0; i < 30; i++) {
        const value = generate(ctx);
        expect(typeof value, `${locale} ${name}`).toBe('string');
        expect((value as string).trim(), `${locale} ${name}`).not.toBe('');
        expect(value, `${locale} ${name}`).not.toMatch(/\{\{|\bundefined\b|\bnull\b|NaN/);
      }
    }
    const email = resolveFaker('email', {}, 'email');
    for (let i = 0; i < 100; i++) expect(email(ctx)).toMatch(/^[a-z0-9._]+@[^\s@]+\.[^\s@]+$/);
  });

  it('de-accents user names: no accents or apostrophes in emails', () => {
    const email = resolveFaker('email', {}, 'email');
    for (const locale of ['fr', 'de', 'es', 'hu', 'pl', 'vi', 'tr', 'sv', 'nb_NO']) {
      const ctx = context(locale);
      for (let i = 0; i < 300; i++) expect(email(ctx)).toMatch(/^[a-z0-9._]+@/);
    }
  });

  it('names follow the locale: family name first in Japanese, agreeing in sex in Russian', () => {
    const ja = context('ja');
    const name = resolveFaker('name', {}, 'name');
    const lastNames = new Set(ja.faker.rawDefinitions.person!.last_name!.generic!);
    for (let i = 0; i < 50; i++) expect(lastNames.has((name(ja) as string).split(' ')[0]!)).toBe(true);

    const ru = context('ru');
    const person = ru.faker.rawDefinitions.person!;
    const femaleFirst = new Set(person.first_name!.female!);
    const femaleLast = new Set(person.last_name!.female!);
    const maleLast = new Set(person.last_name!.male!);
    let checked = 0;
    for (let i = 0; i < 300; i++) {
      const words = (name(ru) as string).split(' ');
      const first = words.find((w) => femaleFirst.has(w));
      const last = words.find((w) => femaleLast.has(w) || maleLast.has(w));
      if (first === undefined || last === undefined) continue;
      expect(femaleLast.has(last), `${words.join(' ')}`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(30);
  });
});
