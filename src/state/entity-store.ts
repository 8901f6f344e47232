import type { AnyEntity, HistoryMode } from '../schema/define-entity.js';
import { EntityTable } from './entity-table.js';

/** Every entity of a run, one table per entity type, created on first use. */
export class EntityStore {
  private readonly tables = new Map<AnyEntity, EntityTable>();
  constructor(private readonly defaultHistory: HistoryMode) {}

  table(entity: AnyEntity): EntityTable {
    let table = this.tables.get(entity);
    if (table === undefined) {
      table = new EntityTable(entity.name, (entity.history ?? this.defaultHistory) === 'full');
      this.tables.set(entity, table);
    }
    return table;
  }

  find(entity: AnyEntity): EntityTable | undefined {
    return this.tables.get(entity);
  }

  entries(): IterableIterator<[AnyEntity, EntityTable]> {
    return this.tables.entries();
  }
}
