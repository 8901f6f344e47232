import type { AnyEntity } from '../schema/define-entity.js';
import type { EntityRecord } from '../state/entity-record.js';

/**
 * The entities a flow instance holds, at most one per type. Two parallel arrays: a flow holds
 * one or two, and walking them by index allocates nothing on the per-event path.
 */
export class BoundEntities {
  // Made at the first set as one-slot literals: a flow holds one entity or two, and an
  // empty array's first push reserves 17 slots, the largest allocation of a flow instance.
  private entities: AnyEntity[] | undefined = undefined;
  private records: EntityRecord[] | undefined = undefined;

  get size(): number {
    return this.entities === undefined ? 0 : this.entities.length;
  }

  entityAt(index: number): AnyEntity {
    return this.entities![index]!;
  }

  recordAt(index: number): EntityRecord {
    return this.records![index]!;
  }

  get(entity: AnyEntity): EntityRecord | undefined {
    const i = this.indexOf(entity);
    return i < 0 ? undefined : this.records![i];
  }

  has(entity: AnyEntity): boolean {
    return this.indexOf(entity) >= 0;
  }

  /** A loop of its own, which the compiler inlines, where `indexOf` was a call per lookup. */
  private indexOf(entity: AnyEntity): number {
    const entities = this.entities;
    if (entities === undefined) return -1;
    for (let i = 0; i < entities.length; i++) if (entities[i] === entity) return i;
    return -1;
  }

  set(entity: AnyEntity, record: EntityRecord): void {
    if (this.entities === undefined) {
      this.entities = [entity];
      this.records = [record];
      return;
    }
    this.entities.push(entity);
    this.records!.push(record);
  }

  /** The key of a held entity whose primary key is named `field`, or undefined. */
  keyNamed(field: string): string | number | undefined {
    const entities = this.entities;
    if (entities === undefined) return undefined;
    for (let i = 0; i < entities.length; i++) {
      if (entities[i]!.primaryKey === field) return this.records![i]![field] as string | number;
    }
    return undefined;
  }

  clear(): void {
    this.entities = undefined;
    this.records = undefined;
  }
}

export const NO_BOUND_ENTITIES = new BoundEntities();
