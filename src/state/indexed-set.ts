import type { EntityRecord } from './entity-record.js';

/**
 * A set of entities with O(1) add, remove and uniform random pick. Each record remembers
 * its position in `slot`; a record is in at most one set per slot (one value per index).
 * The backing array never shrinks: sets of a million entities that grow and shrink by a few
 * would otherwise reallocate megabytes again and again.
 */
export class IndexedSet {
  private readonly items: (EntityRecord | undefined)[] = [];
  private count = 0;
  constructor(private readonly slot: number) {}

  get size(): number {
    return this.count;
  }

  /** The record at `position` (0 ≤ position < size). */
  at(position: number): EntityRecord {
    return this.items[position]!;
  }

  add(record: EntityRecord): void {
    record.slots[this.slot] = this.count;
    this.items[this.count++] = record;
  }

  remove(record: EntityRecord): void {
    const position = record.slots[this.slot]!;
    const last = this.items[--this.count]!;
    this.items[this.count] = undefined;
    if (last !== record) {
      this.items[position] = last;
      last.slots[this.slot] = position;
    }
    record.slots[this.slot] = -1;
  }

  /** The members, in no particular order (a copy). */
  toArray(): EntityRecord[] {
    return this.items.slice(0, this.count) as EntityRecord[];
  }
}
