import type { AnyEntity } from '../schema/define-entity.js';
import type { EntityRecord } from '../state/entity-record.js';

/**
 * The entities a flow instance holds, at most one per type. Two parallel arrays: a flow holds
 * one or two, and walking them by index allocates nothing on the per-event path.
 */
export class BoundEntities {
  readonly entities: AnyEntity[] = [];
  readonly records: EntityRecord[] = [];

  get size(): number {
    return this.entities.length;
  }

  get(entity: AnyEntity): EntityRecord | undefined {
    const i = this.entities.indexOf(entity);
    return i < 0 ? undefined : this.records[i];
  }

  has(entity: AnyEntity): boolean {
    return this.entities.indexOf(entity) >= 0;
  }

  set(entity: AnyEntity, record: EntityRecord): void {
    this.entities.push(entity);
    this.records.push(record);
  }

  /** The key of a held entity whose primary key is named `field`, or undefined. */
  keyNamed(field: string): string | number | undefined {
    for (let i = 0; i < this.entities.length; i++) {
      if (this.entities[i]!.primaryKey === field) return this.records[i]!.key;
    }
    return undefined;
  }

  clear(): void {
    this.entities.length = 0;
    this.records.length = 0;
  }
}

export const NO_BOUND_ENTITIES = new BoundEntities();
