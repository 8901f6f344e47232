/**
 * The engine's one source of randomness: sfc32, a small fast PRNG with 128 bits of state.
 * faker-js draws from it too (see createFaker), so one seed fixes every value of a run.
 */
const TWO_32 = 4294967296;
const TWO_53 = 9007199254740992;

export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number | string) {
    const [a, b, c, d] = seedWords(seed);
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    // The first outputs of sfc32 still echo the seed; discard them.
    for (let i = 0; i < 15; i++) this.nextUint32();
  }

  /** A uniform unsigned 32-bit integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform float in [0, 1) with 32 bits of resolution. */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /**
   * A uniform integer in [min, max], both inclusive. Spans up to 2^32 cost one draw; wider
   * spans (epoch-millisecond ranges, big ids) take 53 bits from two draws so that every
   * value stays reachable.
   */
  int(min: number, max: number): number {
    const span = max - min + 1;
    if (span <= TWO_32) return min + Math.floor(this.nextUint32() * span / TWO_32);
    const bits53 = this.nextUint32() * 2097152 + (this.nextUint32() >>> 11);
    return min + Math.floor((bits53 / TWO_53) * span);
  }

  /** A uniform index into an array of `length` items. */
  index(length: number): number {
    return Math.floor(this.next() * length);
  }

  /** true with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** An independent generator whose seed is derived from this one's seed and `label`. */
  static derive(seed: number | string, label: string): SeededRandom {
    return new SeededRandom(`${seed}/${label}`);
  }
}

/** cyrb128: spreads any seed (number or text) over four 32-bit words. */
function seedWords(seed: number | string): [number, number, number, number] {
  const text = String(seed);
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
