import { flattenStrings, type LocaleTables, type PickBuilder } from './locale-tables.js';
import { compileChoice, pickFrom, symbolChoice } from './template.js';

/** Pickers for places, following faker-js location patterns of the locale. */
export const countryPick: PickBuilder = (t) => pickFrom(t.strings('location.country'));
export const countryCodePick: PickBuilder = (t) => {
  const codes = (t.raw('location.country_code') as { alpha2?: string }[] | undefined ?? [])
    .map((entry) => entry.alpha2)
    .filter((code): code is string => typeof code === 'string');
  return codes.length > 0 ? pickFrom(codes) : t.fallback!.get(countryCodePick);
};
export const statePick: PickBuilder = (t) => pickFrom(t.strings('location.state'));
export const stateAbbrPick: PickBuilder = (t) => pickFrom(t.strings('location.state_abbr'));
export const cityPick: PickBuilder = (t) => t.choice('location.city_pattern');
export const streetPick: PickBuilder = (t) => t.choice('location.street_pattern');
export const buildingNumberPick: PickBuilder = (t) => symbolChoice(t.strings('location.building_number'), t.resolve, false);
export const secondaryAddressPick: PickBuilder = (t) => symbolChoice(t.strings('location.secondary_address'), t.resolve, false);
export const postcodePick: PickBuilder = (t) => symbolChoice(t.strings('location.postcode'), t.resolve);
export const streetAddressPick: PickBuilder = (t) => t.choice('location.street_address.normal');

/** One line: faker-js postal_address with its line breaks as ', ' ('12 Oak St, Springfield, Ohio, 12345'). */
export const addressPick: PickBuilder = (t) => {
  const lines = t.strings('location.postal_address').map((pattern) => pattern.replace(/\n/g, ', '));
  return compileChoice(lines, t.resolve);
};

/** faker-js phone.number() in its default 'human' style: '(555) 123-4567 x890'. */
export const phoneNumberPick: PickBuilder = (t) => symbolChoice(phoneFormats(t), t.resolve);

function phoneFormats(t: LocaleTables): string[] {
  const format = t.raw('phone_number.format');
  const list = flattenStrings(Array.isArray(format) ? format : (format as { human?: unknown } | undefined)?.human);
  return list.length > 0 || t.fallback === undefined ? list : phoneFormats(t.fallback);
}

/** Every pattern reference the pickers above answer, for compiling other patterns. */
export const LOCATION_REFS: Readonly<Record<string, PickBuilder>> = {
  'location.country': countryPick,
  'location.state': statePick,
  'location.city': cityPick,
  'location.street': streetPick,
  'location.streetAddress': streetAddressPick,
  'location.buildingNumber': buildingNumberPick,
  'location.secondaryAddress': secondaryAddressPick,
  'location.zipCode': postcodePick,
};
