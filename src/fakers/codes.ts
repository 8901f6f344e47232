import type { SeededRandom } from '../util/seeded-random.js';
import type { FastFakerBuilder } from './fast-faker.js';

/** Identifiers and codes: uuid4, shortuuid, ean, hashes, ipv4. */

const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hexWord(word: number): string {
  return HEX2[word >>> 24]! + HEX2[(word >>> 16) & 255]! + HEX2[(word >>> 8) & 255]! + HEX2[word & 255]!;
}

const HEX_CODES = Array.from('0123456789abcdef', (char) => char.charCodeAt(0));
const DASH = 45;

/**
 * A version-4 UUID from four draws. One String.fromCharCode call builds a flat string:
 * about 4x faster than joining hex pieces, which also leaves a rope for JSON.stringify
 * to flatten.
 */
export function fastUuid4(random: SeededRandom): string {
  const h = HEX_CODES;
  const a = random.nextUint32();
  const b = (random.nextUint32() & 0xffff0fff) | 0x4000; // version 4
  const c = ((random.nextUint32() & 0x3fffffff) | 0x80000000) >>> 0; // variant 10xx
  const d = random.nextUint32();
  return String.fromCharCode(
    h[a >>> 28]!, h[(a >>> 24) & 15]!, h[(a >>> 20) & 15]!, h[(a >>> 16) & 15]!,
    h[(a >>> 12) & 15]!, h[(a >>> 8) & 15]!, h[(a >>> 4) & 15]!, h[a & 15]!, DASH,
    h[b >>> 28]!, h[(b >>> 24) & 15]!, h[(b >>> 20) & 15]!, h[(b >>> 16) & 15]!, DASH,
    h[(b >>> 12) & 15]!, h[(b >>> 8) & 15]!, h[(b >>> 4) & 15]!, h[b & 15]!, DASH,
    h[c >>> 28]!, h[(c >>> 24) & 15]!, h[(c >>> 20) & 15]!, h[(c >>> 16) & 15]!, DASH,
    h[(c >>> 12) & 15]!, h[(c >>> 8) & 15]!, h[(c >>> 4) & 15]!, h[c & 15]!,
    h[d >>> 28]!, h[(d >>> 24) & 15]!, h[(d >>> 20) & 15]!, h[(d >>> 16) & 15]!,
    h[(d >>> 12) & 15]!, h[(d >>> 8) & 15]!, h[(d >>> 4) & 15]!, h[d & 15]!,
  );
}

/** Python shortuuid's alphabet: no 0, 1, I, O, l. */
export const SHORTUUID_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** `length` characters of the shortuuid alphabet; five come from each 32-bit draw (57^5 < 2^32). */
function shortUuid(random: SeededRandom, length: number): string {
  let out = '';
  while (out.length < length) {
    let word = random.nextUint32();
    for (let i = 0; i < 5 && out.length < length; i++) {
      out += SHORTUUID_ALPHABET[word % 57];
      word = Math.floor(word / 57);
    }
  }
  return out;
}

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
  uuid4: () => ({ random }) => fastUuid4(random),
  uuid: () => ({ random }) => fastUuid4(random),
  shortuuid: (p) => {
    const length = p.integer('length', 22, 1, 1024);
    return ({ random }) => shortUuid(random, length);
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
