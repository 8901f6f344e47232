import {
  addressPick, buildingNumberPick, cityPick, countryCodePick, countryPick, phoneNumberPick, postcodePick,
  secondaryAddressPick, stateAbbrPick, statePick, streetAddressPick, streetPick,
} from './address.js';
import { buzzPhrasePick, catchPhrasePick, companyPick, companySuffixPick } from './company.js';
import { localeFaker, localeGenerator, type FastFakerBuilder } from './fast-faker.js';
import { domainNamePick, domainWordPick, emailPick, safeEmailPick, urlPick, userNamePick } from './internet.js';
import { colorNamePick, currencyCodePick, paragraphPick, sentencePick, textPick, wordPick } from './lorem.js';
import { firstNamePick, jobTitlePick, lastNamePick, namePick, prefixPick, suffixPick } from './person.js';

/** Built-in fakers over the locale's data, by their Python faker names. */
export const LOCALE_FAKERS: Readonly<Record<string, FastFakerBuilder>> = {
  name: localeFaker(namePick),
  first_name: localeFaker(firstNamePick),
  last_name: localeFaker(lastNamePick),
  prefix: localeFaker(prefixPick),
  suffix: localeFaker(suffixPick),
  job: localeFaker(jobTitlePick),
  email: localeFaker(emailPick),
  free_email: localeFaker(emailPick),
  safe_email: localeFaker(safeEmailPick),
  user_name: localeFaker(userNamePick),
  domain_word: localeFaker(domainWordPick),
  domain_name: localeFaker(domainNamePick),
  url: localeFaker(urlPick),
  company: localeFaker(companyPick),
  company_suffix: localeFaker(companySuffixPick),
  catch_phrase: localeFaker(catchPhrasePick),
  bs: localeFaker(buzzPhrasePick),
  country: localeFaker(countryPick),
  country_code: localeFaker(countryCodePick),
  state: localeFaker(statePick),
  state_abbr: localeFaker(stateAbbrPick),
  city: localeFaker(cityPick),
  street_name: localeFaker(streetPick),
  street_address: localeFaker(streetAddressPick),
  building_number: localeFaker(buildingNumberPick),
  secondary_address: localeFaker(secondaryAddressPick),
  postcode: localeFaker(postcodePick),
  zipcode: localeFaker(postcodePick),
  address: localeFaker(addressPick),
  phone_number: localeFaker(phoneNumberPick),
  color_name: localeFaker(colorNamePick),
  currency_code: localeFaker(currencyCodePick),
  word: localeFaker(wordPick),
  sentence: (p) => {
    const words = p.integer('nb_words', 6, 1, 1000);
    const variable = p.boolean('variable_nb_words', true);
    return localeGenerator((t) => sentencePick(t.get(wordPick), words, variable));
  },
  paragraph: (p) => {
    const sentences = p.integer('nb_sentences', 3, 1, 1000);
    const variable = p.boolean('variable_nb_sentences', true);
    return localeGenerator((t) => paragraphPick(sentencePick(t.get(wordPick), 6, true), sentences, variable));
  },
  text: (p) => {
    const maxChars = p.integer('max_nb_chars', 200, 5, 1_000_000);
    return localeGenerator((t) => textPick(t.get(wordPick), sentencePick(t.get(wordPick), 6, true), maxChars));
  },
};
