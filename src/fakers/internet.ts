import type { LocaleTables, PickBuilder } from './locale-tables.js';
import { slugify } from './slug.js';
import { pickFrom, type Pick } from './template.js';

/**
 * User names, emails and domains from the locale's own name data: 'maria.garcia42',
 * 'jsmith@gmail.com'. Names are lower-cased and de-accented once, when the tables are built.
 */
interface EmailNames {
  first: string[];
  last: string[];
}

/** Below this many usable names (Cyrillic, CJK locales) user names come from English. */
const MIN_NAMES = 20;

function emailNames(tables: LocaleTables): EmailNames {
  const first = slugs(tables.strings('person.first_name'));
  const last = slugs(tables.strings('person.last_name'));
  if ((first.length < MIN_NAMES || last.length < MIN_NAMES) && tables.fallback !== undefined) {
    return tables.fallback.get(emailNames);
  }
  return { first, last };
}

function slugs(names: readonly string[]): string[] {
  return [...new Set(names.map(slugify).filter((slug) => slug.length >= 2))];
}

/** Shapes Python faker and faker-js use: first.last, firstlast, first_last, first.last42, ... */
export const userNamePick: PickBuilder = (t) => {
  const { first, last } = t.get(emailNames);
  return (random) => {
    const f = first[random.index(first.length)]!;
    const l = last[random.index(last.length)]!;
    const shape = random.next();
    if (shape < 0.3) return `${f}.${l}`;
    if (shape < 0.45) return f + l;
    if (shape < 0.55) return `${f}_${l}`;
    if (shape < 0.75) return `${f}.${l}${10 + random.index(90)}`;
    if (shape < 0.9) return f + (1 + random.index(999));
    return f[0] + l;
  };
};

function withDomain(t: LocaleTables, domains: readonly string[]): Pick {
  const userName = t.get(userNamePick);
  const domain = pickFrom(domains);
  return (random, faker) => `${userName(random, faker)}@${domain(random, faker)}`;
}

export const emailPick: PickBuilder = (t) => withDomain(t, t.strings('internet.free_email'));
export const safeEmailPick: PickBuilder = (t) => withDomain(t, t.strings('internet.example_email'));

/** A domain word from a last name, as Python faker's domain_word. */
export const domainWordPick: PickBuilder = (t) => pickFrom(t.get(emailNames).last);

export const domainNamePick: PickBuilder = (t) => {
  const word = t.get(domainWordPick);
  const suffix = pickFrom(t.strings('internet.domain_suffix'));
  return (random, faker) => `${word(random, faker)}.${suffix(random, faker)}`;
};

export const urlPick: PickBuilder = (t) => {
  const domain = t.get(domainNamePick);
  return (random, faker) => `https://www.${domain(random, faker)}/`;
};
