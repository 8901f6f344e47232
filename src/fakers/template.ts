import type { Faker } from '@faker-js/faker';
import type { SeededRandom } from '../util/seeded-random.js';

/**
 * Compiled pickers over faker-js locale data. A faker-js pattern such as
 * '{{person.lastName}}, {{person.lastName}} and {{person.lastName}}' is parsed once into
 * literal text and pickers; a call then costs a few draws and one string concatenation.
 */
export type Pick = (random: SeededRandom, faker: Faker) => string;

/** Maps a pattern reference ('person.lastName') to a picker, or undefined if unknown. */
export type RefResolver = (ref: string) => Pick | undefined;

/** A faker-js weighted entry, as in person.name. */
export interface WeightedEntry {
  value: string;
  weight: number;
}

const REF = /\{\{\s*(.+?)\s*\}\}/g;

/** A uniform pick from a list of plain strings. */
export function pickFrom(list: readonly string[]): Pick {
  const items = list.slice();
  if (items.length === 1) {
    const only = items[0]!;
    return () => only;
  }
  return (random) => items[random.index(items.length)]!;
}

/** A pick among alternatives, uniform or by weight (weights need not sum to 1). */
export function choose(picks: readonly Pick[], weights?: readonly number[]): Pick {
  if (picks.length === 1) return picks[0]!;
  const options = picks.slice();
  if (weights === undefined || weights.every((w) => w === weights[0])) {
    return (random, faker) => options[random.index(options.length)]!(random, faker);
  }
  const total = weights.reduce((sum, w) => sum + w, 0);
  const cumulative: number[] = [];
  let sum = 0;
  for (const weight of weights) cumulative.push((sum += weight / total));
  return (random, faker) => {
    const u = random.next();
    let i = 0;
    while (i < cumulative.length - 1 && u >= cumulative[i]!) i++;
    return options[i]!(random, faker);
  };
}

/**
 * Compiles one list of faker-js patterns (plain or weighted) into a picker. With `symbols`,
 * symbol characters in the literal text ('Apt. ###') are filled per call as well.
 */
export function compileChoice(
  list: readonly (string | WeightedEntry)[],
  resolve: RefResolver,
  symbols?: Readonly<Record<string, Slot>>,
): Pick {
  if (symbols === undefined && list.every((entry) => typeof entry === 'string' && !entry.includes('{{'))) {
    return pickFrom(list as string[]);
  }
  const picks = list.map((entry) => compilePattern(typeof entry === 'string' ? entry : entry.value, resolve, symbols));
  const weights = list.map((entry) => (typeof entry === 'string' ? 1 : entry.weight));
  return choose(picks, weights);
}

/** Compiles one pattern; references the resolver does not know go through faker.helpers.fake. */
function compilePattern(pattern: string, resolve: RefResolver, symbols?: Readonly<Record<string, Slot>>): Pick {
  const parts: (string | Pick)[] = [];
  const literal = (text: string): string | Pick => {
    if (symbols === undefined || ![...text].some((char) => char in symbols)) return text;
    const fill = compileSlots(text, symbols);
    return (random) => fill(random);
  };
  let last = 0;
  for (const match of pattern.matchAll(REF)) {
    if (match.index > last) parts.push(literal(pattern.slice(last, match.index)));
    const ref = match[1]!;
    parts.push(resolve(ref) ?? ((_random, faker) => faker.helpers.fake(`{{${ref}}}`)));
    last = match.index + match[0].length;
  }
  if (last < pattern.length) parts.push(literal(pattern.slice(last)));
  if (parts.length === 0) return () => '';
  if (parts.length === 1) {
    const only = parts[0]!;
    return typeof only === 'string' ? () => only : only;
  }
  return (random, faker) => {
    let out = '';
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      out += typeof part === 'string' ? part : part(random, faker);
    }
    return out;
  };
}

/** One slot of a symbol template: '#' → a digit, and so on. */
export type Slot = (random: SeededRandom) => string;

/** Compiles text whose symbol characters (keys of `slots`) are replaced per call. */
export function compileSlots(text: string, slots: Readonly<Record<string, Slot>>): (random: SeededRandom) => string {
  const parts: (string | Slot)[] = [];
  let literal = '';
  for (const char of text) {
    const slot = slots[char];
    if (slot === undefined) {
      literal += char;
      continue;
    }
    if (literal !== '') parts.push(literal);
    literal = '';
    parts.push(slot);
  }
  if (literal !== '') parts.push(literal);
  if (parts.every((part) => typeof part === 'string')) return () => text;
  return (random) => {
    let out = '';
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      out += typeof part === 'string' ? part : part(random);
    }
    return out;
  };
}

const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALNUM = DIGITS + UPPER;

/** faker-js symbols in locale data: '#' digit, '!' digit 2-9, '?' letter, '*' either. */
const FAKER_SYMBOLS: Readonly<Record<string, Slot>> = {
  '#': (random) => DIGITS[random.index(10)]!,
  '!': (random) => DIGITS[2 + random.index(8)]!,
  '?': (random) => UPPER[random.index(26)]!,
  '*': (random) => ALNUM[random.index(36)]!,
};

/** Marks the first '#' of a run that must not be 0 (house numbers: '#####' is never '00042'). */
const NONZERO_DIGIT = '\u0000';
const SYMBOLS_NO_LEADING_ZERO: Readonly<Record<string, Slot>> = {
  ...FAKER_SYMBOLS,
  [NONZERO_DIGIT]: (random) => DIGITS[1 + random.index(9)]!,
};

/**
 * A uniform pick from patterns such as '#####-####' or '{{person.lastName}}###号室', symbols
 * filled per call. Without leading zeros, a run of '#' never starts with 0, as faker-js's
 * building numbers.
 */
export function symbolChoice(list: readonly string[], resolve: RefResolver, leadingZeros = true): Pick {
  if (leadingZeros) return compileChoice(list, resolve, FAKER_SYMBOLS);
  const marked = list.map((text) => text.replace(/#+/g, (run) => NONZERO_DIGIT + run.slice(1)));
  return compileChoice(marked, resolve, SYMBOLS_NO_LEADING_ZERO);
}
