import { ROW, type EntityRecord } from './entity-record.js';
import type { RowColumns } from './row-columns.js';

/**
 * A set of entities with O(1) add, remove and uniform random pick. Each entity's position is
 * kept in a column of its table's rows (`column`); an entity is in at most one set per
 * column (one value per index). The backing array never shrinks: sets of a million entities
 * that grow and shrink by a few would otherwise reallocate megabytes again and again.
 */
export class IndexedSet {
  private readonly items: (EntityRecord | undefined)[] = [];
  private count = 0;
  constructor(private readonly rows: RowColumns, private readonly column: number) {}

  get size(): number {
    return this.count;
  }

  /** The record at `position` (0 ≤ position < size). */
  at(position: number): EntityRecord {
    return this.items[position]!;
  }

  // `row`: the record's row, which its caller has read already (see EntityTable).
  has(record: EntityRecord, row: number): boolean {
    const position = this.rows.get(row, this.column);
    return position < this.count && this.items[position] === record;
  }

  add(record: EntityRecord, row: number): void {
    this.rows.set(row, this.column, this.count);
    this.items[this.count++] = record;
  }

  remove(record: EntityRecord, row: number): void {
    const position = this.rows.get(row, this.column);
    const last = this.items[--this.count]!;
    this.items[this.count] = undefined;
    if (last !== record) {
      this.items[position] = last;
      this.rows.set(last[ROW], this.column, position);
    }
  }

  /** The members, in no particular order (a copy). */
  toArray(): EntityRecord[] {
    return this.items.slice(0, this.count) as EntityRecord[];
  }
}
