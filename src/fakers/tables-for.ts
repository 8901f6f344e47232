import type { Faker } from '@faker-js/faker';
import { LOCATION_REFS } from './address.js';
import { buzzPhrasePick, catchPhrasePick, companyPick } from './company.js';
import { localeCodeOf } from './create-faker.js';
import { LocaleTables, type PickBuilder } from './locale-tables.js';
import { localeDefinition } from './locale-data.js';
import { firstNamePick, jobTitlePick, lastNamePick, middleNamePick, namePick, prefixPick, suffixPick } from './person.js';

/** Pattern references answered by fast pickers instead of faker.helpers.fake. */
const REFS: Readonly<Record<string, PickBuilder>> = {
  'person.firstName': firstNamePick,
  'person.lastName': lastNamePick,
  'person.middleName': middleNamePick,
  'person.prefix': prefixPick,
  'person.suffix': suffixPick,
  'person.fullName': namePick,
  'person.jobTitle': jobTitlePick,
  'company.name': companyPick,
  'company.catchPhrase': catchPhrasePick,
  'company.buzzPhrase': buzzPhrasePick,
  ...LOCATION_REFS,
};

let english: LocaleTables | undefined;
const byLocale = new Map<string, LocaleTables>();
const byFaker = new WeakMap<Faker, LocaleTables>();

/**
 * The flattened tables for a faker instance's locale. Fakers from createFaker share one
 * set per locale code; others get their own, built from their definitions.
 */
export function tablesFor(faker: Faker | undefined): LocaleTables {
  if (faker === undefined) return englishTables();
  let tables = byFaker.get(faker);
  if (tables !== undefined) return tables;
  const code = localeCodeOf(faker);
  if (code === 'en') tables = englishTables();
  else if (code !== undefined) tables = byLocale.get(code);
  if (tables === undefined) {
    tables = new LocaleTables(faker.rawDefinitions, REFS, englishTables());
    if (code !== undefined) byLocale.set(code, tables);
  }
  byFaker.set(faker, tables);
  return tables;
}

function englishTables(): LocaleTables {
  english ??= new LocaleTables(localeDefinition('en'), REFS);
  return english;
}
