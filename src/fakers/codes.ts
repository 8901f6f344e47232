import type { SeededRandom } from '../util/seeded-random.js';
import { codesOf, randomString, uuid4 } from '../util/ids.js';
import type { FastFakerBuilder } from './fast-faker.js';

/** Identifiers and codes: uuid4, shortuuid, ean, hashes, ipv4. */

const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hexWord(word: number): string {
  return HEX2[word >>> 24]! + HEX2[(word >>> 16) & 255]! + HEX2[(word >>> 8) & 255]! + HEX2[word & 255]!;
}

/** Python shortuuid's alphabet: no 0, 1, I, O, l. */
export const SHORTUUID_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const SHORTUUID_CODES = codesOf(SHORTUUID_ALPHABET);


/** An EAN-8 or EAN-13 whose last digit is the GS1 check digit of the others. */
function ean(random: SeededRandom, length: number, prefix: string): string {
  let body = prefix;
  while (body.length < length - 1) body += random.index(10);
  return body + eanCheckDigit(body);
}

/** GS1 check digit: weights 3, 1, 3, ... from the rightmost data digit. */
export function eanCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = digits.length - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
    sum += (digits.charCodeAt(i) - 48) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

function hexDigest(chars: number): FastFakerBuilder {
  return () => ({ random }) => {
    let out = '';
    for (let i = 0; i < chars; i += 8) out += hexWord(random.nextUint32());
    return out;
  };
}

const eanFaker = (fixedLength?: 8 | 13): FastFakerBuilder => (p) => {
  const length = fixedLength ?? p.integer('length', 13);
  if (length !== 8 && length !== 13) p.fail(`length must be 8 or 13, got ${length}. Use length: 13 (EAN-13) or length: 8 (EAN-8).`);
  const prefixes = p.raw('prefixes');
  let choices = [''];
  if (prefixes !== undefined) {
    if (!Array.isArray(prefixes) || prefixes.length === 0
      || !prefixes.every((x) => typeof x === 'string' && /^\d*$/.test(x) && x.length < length)) {
      p.fail(`prefixes must be a non-empty list of digit strings shorter than ${length}, got ${JSON.stringify(prefixes)}. Use prefixes: ['40', '41'].`);
    }
    choices = prefixes as string[];
  }
  return ({ random }) => ean(random, length, choices.length === 1 ? choices[0]! : choices[random.index(choices.length)]!);
};

export const CODE_FAKERS: Readonly<Record<string, FastFakerBuilder>> = {
  uuid4: () => ({ random }) => uuid4(random),
  uuid: () => ({ random }) => uuid4(random),
  shortuuid: (p) => {
    const length = p.integer('length', 22, 1, 1024);
    return ({ random }) => randomString(random, length, SHORTUUID_CODES);
  },
  ean: eanFaker(),
  ean13: eanFaker(13),
  ean8: eanFaker(8),
  md5: hexDigest(32),
  sha1: hexDigest(40),
  sha256: hexDigest(64),
  ipv4: () => ({ random }) => {
    const word = random.nextUint32();
    return `${1 + random.index(223)}.${(word >>> 16) & 255}.${(word >>> 8) & 255}.${word & 255}`;
  },
};
