import type { LocaleTables } from './locale-tables.js';
import { flattenStrings } from './locale-tables.js';
import { choose, compileChoice, pickFrom, type Pick, type RefResolver, type WeightedEntry } from './template.js';

/**
 * Person names, following faker-js person.fullName: a sex is drawn first, so first name,
 * last name (Russian, Polish, ... inflect it) and prefix agree; the locale's weighted
 * name patterns give the order ('Smith John' in Hungarian) and occasional prefix or suffix.
 */
export interface NameTables {
  name: Pick;
  firstName: Pick;
  lastName: Pick;
  middleName: Pick;
  prefix: Pick;
  suffix: Pick;
}

type Sex = 'female' | 'male';
interface SexedEntry<T> {
  generic?: T[] | null;
  female?: T[] | null;
  male?: T[] | null;
}
/** null in faker-js data means "this locale has none" (no English fallback). */
type Entry<T> = T[] | SexedEntry<T> | null | undefined;

const EMPTY: Pick = () => '';

export function buildNameTables(tables: LocaleTables): NameTables {
  const person = (tables.defs.person ?? {}) as Record<string, unknown>;
  const resolve = tables.resolve;
  const firstNames = person.first_name as Entry<string>;
  const sexed = ['first_name', 'last_name', 'last_name_pattern', 'middle_name', 'prefix']
    .some((key) => isSexed(person[key] as Entry<unknown>));
  const sexes: (Sex | undefined)[] = sexed ? ['female', 'male'] : [undefined];
  const suffixes = flattenStrings(person.suffix);
  const suffix = suffixes.length > 0 ? pickFrom(suffixes) : EMPTY;

  const groups = sexes.map((sex) => {
    const first = sexedPick(firstNames, sex, pickFrom) ?? pickFrom(tables.strings('person.first_name'));
    const lastPattern = person.last_name_pattern as Entry<WeightedEntry>;
    const last = (lastPattern != null
      ? sexedPick(lastPattern, sex, (list) => compileChoice(list, resolve))
      : sexedPick(person.last_name as Entry<string>, sex, pickFrom)) ?? pickFrom(tables.strings('person.last_name'));
    const middle = sexedPick(person.middle_name as Entry<string>, sex, pickFrom) ?? first;
    const prefix = sexedPick(person.prefix as Entry<string>, sex, pickFrom) ?? EMPTY;
    const own: Record<string, Pick> = {
      'person.firstName': first, 'person.lastName': last, 'person.middleName': middle,
      'person.prefix': prefix, 'person.suffix': suffix,
    };
    const groupResolve: RefResolver = (ref) => own[ref] ?? resolve(ref);
    const patterns = person.name as (string | WeightedEntry)[] | undefined;
    const name = patterns != null && patterns.length > 0
      ? compileChoice(patterns, groupResolve)
      : compileChoice(['{{person.firstName}} {{person.lastName}}'], groupResolve);
    return { first, last, middle, prefix, name };
  });

  return {
    name: choose(groups.map((g) => g.name)),
    firstName: choose(groups.map((g) => g.first)),
    lastName: choose(groups.map((g) => g.last)),
    middleName: choose(groups.map((g) => g.middle)),
    prefix: choose(groups.map((g) => g.prefix)),
    suffix,
  };
}

function isSexed(entry: Entry<unknown>): boolean {
  return entry != null && !Array.isArray(entry) && (entry.female != null || entry.male != null);
}

/** faker-js's rule for a sexed entry: the sex's own list, mixed 3√n : √n with the generic one. */
function sexedPick<T>(entry: Entry<T>, sex: Sex | undefined, toPick: (list: T[]) => Pick): Pick | undefined {
  if (entry == null) return undefined;
  if (Array.isArray(entry)) return entry.length > 0 ? toPick(entry) : undefined;
  const generic = entry.generic != null && entry.generic.length > 0 ? entry.generic : undefined;
  const own = sex === undefined ? undefined : entry[sex];
  if (own == null || own.length === 0) return generic === undefined ? undefined : toPick(generic);
  if (generic === undefined) return toPick(own);
  return choose([toPick(own), toPick(generic)], [3 * Math.sqrt(own.length), Math.sqrt(generic.length)]);
}
