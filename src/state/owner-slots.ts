import type { RowColumns } from './row-columns.js';

/**
 * Who holds each held entity of a table without history (its flow_name), kept apart from the
 * entity's state. Owners are flow instance ids: strings made when a flow starts, still in the
 * young generation when it binds an entity. Written into the entity's state (an old object
 * anywhere in a large heap) each such write was an old-to-young pointer that every scavenge
 * had to visit at that entity: with a million entities a scavenge took 3.2 instead of 1.5 ms
 * and the flows ran about 10% slower. Here the strings go into one small array whose slots
 * are reused, and the entity's row says which slot is its owner's.
 */
export class OwnerSlots {
  private readonly owners: (string | null)[] = [];
  private readonly free: number[] = [];

  /** `column`: the rows' column holding each entity's slot + 1 (0: held by no flow). */
  constructor(private readonly rows: RowColumns, private readonly column: number) {}

  /** `owner` holds the entity from now on; one held already keeps its slot, with the new owner. */
  hold(row: number, owner: string): void {
    const held = this.rows.get(row, this.column);
    if (held !== 0) {
      this.owners[held - 1] = owner;
      return;
    }
    const slot = this.free.length > 0 ? this.free.pop()! : this.owners.length;
    this.owners[slot] = owner;
    this.rows.set(row, this.column, slot + 1);
  }

  release(row: number): void {
    const slot = this.rows.get(row, this.column) - 1;
    if (slot < 0) return;
    this.owners[slot] = null;
    this.free.push(slot);
    this.rows.set(row, this.column, 0);
  }

  /** Entities held now: slots in use. */
  get held(): number {
    return this.owners.length - this.free.length;
  }

  isHeld(row: number): boolean {
    return this.rows.get(row, this.column) !== 0;
  }

  ownerOf(row: number): string | null {
    const slot = this.rows.get(row, this.column) - 1;
    return slot < 0 ? null : this.owners[slot]!;
  }
}
