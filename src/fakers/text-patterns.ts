import type { SeededRandom } from '../util/seeded-random.js';
import type { FastFakerBuilder } from './fast-faker.js';
import type { ParamReader } from './param-reader.js';
import { compileSlots, type Slot } from './template.js';

/** Python faker's pattern fakers: lexify ('?'), numerify ('#', '%', '!', '@'), bothify, hexify, pystr. */

const ASCII_LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';

const digit: Slot = (random) => DIGITS[random.index(10)]!;
const NUMERIFY_SLOTS: Readonly<Record<string, Slot>> = {
  '#': digit,
  '%': (random) => DIGITS[1 + random.index(9)]!,
  '!': (random) => (random.index(2) === 0 ? '' : digit(random)),
  '@': (random) => (random.index(2) === 0 ? '' : DIGITS[1 + random.index(9)]!),
};

function letterSlot(p: ParamReader): Slot {
  const letters = p.string('letters', ASCII_LETTERS);
  if (letters.length === 0) p.fail('letters is empty. Pass the letters to draw from, e.g. letters: \'ABCDEF\'.');
  const chars = [...letters];
  return (random) => chars[random.index(chars.length)]!;
}

function patternFaker(fallbackText: string, slots: (p: ParamReader) => Record<string, Slot>): FastFakerBuilder {
  return (p) => {
    const fill = compileSlots(p.string('text', fallbackText), slots(p));
    return ({ random }) => fill(random);
  };
}

function pystr(p: ParamReader): (random: SeededRandom) => string {
  const maxChars = p.integer('max_chars', 20, 0, 100_000);
  const minChars = p.raw('min_chars') === undefined ? maxChars : p.integer('min_chars', 0, 0, 100_000);
  const prefix = p.string('prefix', '');
  const suffix = p.string('suffix', '');
  if (minChars > maxChars) p.fail(`min_chars ${minChars} is greater than max_chars ${maxChars}. Swap them.`);
  return (random) => {
    const length = minChars + random.index(maxChars - minChars + 1);
    let out = prefix;
    for (let i = 0; i < length; i++) out += ASCII_LETTERS[random.index(52)];
    return out + suffix;
  };
}

export const TEXT_PATTERN_FAKERS: Readonly<Record<string, FastFakerBuilder>> = {
  lexify: patternFaker('????', (p) => ({ '?': letterSlot(p) })),
  numerify: patternFaker('###', () => NUMERIFY_SLOTS),
  bothify: patternFaker('## ??', (p) => ({ ...NUMERIFY_SLOTS, '?': letterSlot(p) })),
  hexify: patternFaker('^^^^', (p) => {
    const hex = p.boolean('upper', false) ? '0123456789ABCDEF' : '0123456789abcdef';
    return { '^': (random) => hex[random.index(16)]! };
  }),
  pystr: (p) => {
    const make = pystr(p);
    return ({ random }) => make(random);
  },
  random_letter: () => ({ random }) => ASCII_LETTERS[random.index(52)],
};
