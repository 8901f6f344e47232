import type { EntityRecord } from './entity-record.js';
import type { Int32Column } from './row-columns.js';

/**
 * A set of entities with O(1) add, remove and uniform random pick. Each entity's position is
 * kept in `positions` (a column of its table, by row); an entity is in at most one set per
 * column (one value per index). The backing array never shrinks: sets of a million entities
 * that grow and shrink by a few would otherwise reallocate megabytes again and again.
 */
export class IndexedSet {
  private readonly items: (EntityRecord | undefined)[] = [];
  private count = 0;
  constructor(private readonly positions: Int32Column) {}

  get size(): number {
    return this.count;
  }

  /** The record at `position` (0 ≤ position < size). */
  at(position: number): EntityRecord {
    return this.items[position]!;
  }

  has(record: EntityRecord): boolean {
    const position = this.positions.values[record.row]!;
    return position < this.count && this.items[position] === record;
  }

  add(record: EntityRecord): void {
    this.positions.values[record.row] = this.count;
    this.items[this.count++] = record;
  }

  remove(record: EntityRecord): void {
    const positions = this.positions.values;
    const position = positions[record.row]!;
    const last = this.items[--this.count]!;
    this.items[this.count] = undefined;
    if (last !== record) {
      this.items[position] = last;
      positions[last.row] = position;
    }
  }

  /** The members, in no particular order (a copy). */
  toArray(): EntityRecord[] {
    return this.items.slice(0, this.count) as EntityRecord[];
  }
}
