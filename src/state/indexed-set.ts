import type { EntityRecord } from './entity-record.js';

/**
 * A set of entities with O(1) add, remove and uniform random pick. Each record remembers
 * its position in `slot`; a record is in at most one set per slot (one value per index).
 */
export class IndexedSet {
  readonly items: EntityRecord[] = [];
  constructor(private readonly slot: number) {}

  get size(): number {
    return this.items.length;
  }

  add(record: EntityRecord): void {
    record.slots[this.slot] = this.items.length;
    this.items.push(record);
  }

  remove(record: EntityRecord): void {
    const position = record.slots[this.slot]!;
    const last = this.items.pop()!;
    if (last !== record) {
      this.items[position] = last;
      last.slots[this.slot] = position;
    }
    record.slots[this.slot] = -1;
  }
}
