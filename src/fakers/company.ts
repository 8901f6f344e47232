import type { LocaleTables, PickBuilder } from './locale-tables.js';
import { pickFrom, type Pick } from './template.js';

/** Pickers for company data: names ('Smith, Jones and Brown', 'Acme LLC'), slogans. */
export const companyPick: PickBuilder = (t) => t.choice('company.name_pattern');
export const companySuffixPick: PickBuilder = (t) => pickFrom(t.strings('company.legal_entity_type'));

/** faker-js company.catchPhrase: 'Adaptive zero-defect framework'. */
export const catchPhrasePick: PickBuilder = (t) => words(t, 'company.adjective', 'company.descriptor', 'company.noun');

/** faker-js company.buzzPhrase (Python faker's bs): 'synthesize scalable schemas'. */
export const buzzPhrasePick: PickBuilder = (t) => words(t, 'company.buzz_verb', 'company.buzz_adjective', 'company.buzz_noun');

function words(t: LocaleTables, a: string, b: string, c: string): Pick {
  const [x, y, z] = [a, b, c].map((path) => pickFrom(t.strings(path))) as [Pick, Pick, Pick];
  return (random, faker) => `${x(random, faker)} ${y(random, faker)} ${z(random, faker)}`;
}
