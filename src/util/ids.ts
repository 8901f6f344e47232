import type { SeededRandom } from './seeded-random.js';

/** The 62 characters of ids, in order: also the digits of partition tags. */
export const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const HEX = '0123456789abcdef';

const ALPHANUMERIC_CODES = Array.from(ALPHANUMERIC, (c) => c.charCodeAt(0));
// Reused between calls: ids are made one at a time on one thread.
const scratch: number[] = [];

/** `length` characters of [0-9A-Za-z]; five characters come from each 32-bit draw. */
export function alphanumericId(random: SeededRandom, length: number): string {
  scratch.length = length;
  let i = 0;
  while (i < length) {
    let word = random.nextUint32();
    for (let k = 0; k < 5 && i < length; k++) {
      scratch[i++] = ALPHANUMERIC_CODES[word % 62]!;
      word = (word / 62) >>> 0;
    }
  }
  // One fromCharCode call builds a flat string; appending char by char makes a rope.
  return String.fromCharCode.apply(null, scratch);
}

/** A version-4 UUID in canonical form, from four 32-bit draws. */
export function uuid4(random: SeededRandom): string {
  const a = random.nextUint32();
  const b = random.nextUint32();
  const c = (random.nextUint32() & 0x3fffffff) | 0x80000000; // variant 10xx
  const d = random.nextUint32();
  const bHex = hex8(b);
  return `${hex8(a)}-${bHex.slice(0, 4)}-4${bHex.slice(5, 8)}-${hex8(c).slice(0, 4)}-${hex8(c).slice(4)}${hex8(d)}`;
}

function hex8(word: number): string {
  let out = '';
  for (let shift = 28; shift >= 0; shift -= 4) out += HEX[(word >>> shift) & 15];
  return out;
}
