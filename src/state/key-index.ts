/** Slots a new index starts with (a power of two). */
const FIRST_SLOTS = 1024;

/**
 * The row of each entity by its key, for a table whose rows are numbered 0, 1, 2, ... as
 * entities are made (none is ever removed). Open addressing over one Int32Array of pairs
 * (hash, row + 1), kept at most half full, probed linearly.
 *
 * A Map did the same at 0.7-0.8 µs per new key among 500,000 (its key check, then its set):
 * every entry in a bucket's chain is compared by loading its key string, each a cache miss
 * anywhere in the heap. Here a new key's probes read hashes in one array, usually one
 * cache line, and load a key only when its hash is equal.
 *
 * Keys are compared as a Map compares them (SameValueZero): '1' and 1 differ, -0 is 0, NaN
 * is NaN. The index keeps no keys: `keyAt` reads a row's key from its entity. An array of the
 * keys beside the entities made the garbage collector move each key string away from its
 * entity (it copies what it reaches, in order), and the million-user flows, which read both
 * at every bind, ran about 8% slower.
 */
export class KeyIndex {
  /** Slot i is (slots[2i], slots[2i + 1]): a key's hash and its row + 1; row + 1 = 0 is empty. */
  private slots = new Int32Array(2 * FIRST_SLOTS);
  private mask = FIRST_SLOTS - 1;
  private count = 0;
  /** The last key rowOf hashed, and its hash: add() of a key just checked hashes it once. */
  private lastKey: string | number | undefined = undefined;
  private lastHash = 0;

  constructor(private readonly keyAt: (row: number) => string | number) {}

  get size(): number {
    return this.count;
  }

  /** The row of `key`, or -1. */
  rowOf(key: string | number): number {
    const hash = this.hashOf(key);
    const slots = this.slots;
    const mask = this.mask;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const rowPlusOne = slots[2 * i + 1]!;
      if (rowPlusOne === 0) return -1;
      if (slots[2 * i] === hash && sameKey(this.keyAt(rowPlusOne - 1), key)) return rowPlusOne - 1;
    }
  }

  /**
   * Adds `key`, which the index does not hold, as the next row; returns that row, whose
   * keyAt must give `key` from then on.
   */
  add(key: string | number): number {
    const hash = this.hashOf(key);
    const row = this.count++;
    if (2 * this.count > this.mask + 1) this.grow();
    this.place(this.slots, this.mask, hash, row + 1);
    return row;
  }

  private hashOf(key: string | number): number {
    if (key !== this.lastKey || key !== key) {
      this.lastKey = key;
      this.lastHash = typeof key === 'string' ? stringHash(key) : numberHash(key);
    }
    return this.lastHash;
  }

  private place(slots: Int32Array, mask: number, hash: number, rowPlusOne: number): void {
    let i = hash & mask;
    while (slots[2 * i + 1] !== 0) i = (i + 1) & mask;
    slots[2 * i] = hash;
    slots[2 * i + 1] = rowPlusOne;
  }

  /** Room for `keys` keys in all without growing (the slots stay at most half full). */
  reserve(keys: number): void {
    let count = this.mask + 1;
    while (2 * keys > count) count *= 2;
    if (count > this.mask + 1) this.grow(count);
  }

  /** `count` slots (a power of two), every key placed again (by its kept hash). */
  private grow(count = 2 * (this.mask + 1)): void {
    const old = this.slots;
    const mask = count - 1;
    const slots = new Int32Array(2 * count);
    for (let i = 0; i < old.length; i += 2) {
      if (old[i + 1] !== 0) this.place(slots, mask, old[i]!, old[i + 1]!);
    }
    this.slots = slots;
    this.mask = mask;
  }
}

function sameKey(a: string | number, b: string | number): boolean {
  return a === b || (a !== a && b !== b);
}

/** FNV-1a over the UTF-16 code units, then mixed (murmur3's finalizer) so low bits spread. */
function stringHash(key: string): number {
  let h = 0x811c9dc5 ^ key.length;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return mix(h);
}

const numberBits = new Float64Array(1);
const numberWords = new Int32Array(numberBits.buffer);

function numberHash(key: number): number {
  if ((key | 0) === key) return mix(key ^ 0x5bd1e995);
  // -0 hashes as 0 (it is equal), every NaN as one value.
  numberBits[0] = key === 0 ? 0 : key !== key ? NaN : key;
  return mix(numberWords[0]! ^ mix(numberWords[1]!));
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
