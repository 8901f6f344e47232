/**
 * Events per type, listed in the order each type was first counted. Types are counted by
 * slot, a small integer per name: merged lines carry their type as an index into their
 * partition's names, and counting those by name cost a string-keyed Map lookup per event
 * (strings copied between threads are never the same object, so each lookup compared them).
 */
export class TypeCounts {
  private readonly slotByName = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly counts: number[] = [];
  /** Slots in the order of their first count. */
  private readonly order: number[] = [];

  /** The slot of an event type's name. */
  slotOf(name: string): number {
    let slot = this.slotByName.get(name);
    if (slot === undefined) {
      slot = this.names.push(name) - 1;
      this.counts.push(0);
      this.slotByName.set(name, slot);
    }
    return slot;
  }

  /**
   * The slot of each of a partition's type names. A partition's names only grow (a new type is
   * added at the end), so `known`, made for an earlier batch of the same partition, is returned
   * as it is while the names are as many.
   */
  slotsOf(typeNames: readonly string[], known?: Int32Array): Int32Array {
    if (known !== undefined && known.length === typeNames.length) return known;
    return Int32Array.from(typeNames, (name) => this.slotOf(name));
  }

  add(slot: number): void {
    if (this.counts[slot]++ === 0) this.order.push(slot);
  }

  /** Counts by name, in the order the types were first counted. */
  toMap(): Map<string, number> {
    return new Map(this.order.map((slot) => [this.names[slot]!, this.counts[slot]!]));
  }
}
