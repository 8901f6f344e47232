/**
 * faker-js locale data, loaded one locale at a time. Importing '@faker-js/faker' itself loads
 * all 77 locales (~40 MB); each '@faker-js/faker/locale/<code>' module holds one, merged with
 * its fallbacks, and require(esm) loads it synchronously when a simulation first asks for it.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Faker, LocaleDefinition } from '@faker-js/faker';

const require = createRequire(import.meta.url);
const loaded = new Map<string, Faker>();
let codes: string[] | undefined;

function localeFaker(code: string): Faker {
  let faker = loaded.get(code);
  if (faker === undefined) {
    faker = (require(`@faker-js/faker/locale/${code}`) as { faker: Faker }).faker;
    loaded.set(code, faker);
  }
  return faker;
}

/** The faker-js Faker class, without loading every locale. */
export function fakerClass(): typeof Faker {
  return localeFaker('en').constructor as typeof Faker;
}

/** The merged definitions of a locale (e.g. de → en → base). */
export function localeDefinition(code: string): LocaleDefinition {
  return localeFaker(code).rawDefinitions as LocaleDefinition;
}

/** Every locale code faker-js ships, from its locale folder. */
export function localeCodeList(): readonly string[] {
  if (codes === undefined) {
    const folder = dirname(require.resolve('@faker-js/faker/locale/en'));
    codes = readdirSync(folder).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3)).sort();
  }
  return codes;
}
