import type { AnyEntity, HistoryMode } from '../schema/define-entity.js';
import { EntityTable } from './entity-table.js';
import { stateLayoutOf } from './state-layout.js';

/** Entities per type: how many exist, and how many are available (held by no flow). */
export type EntityCounts = Record<string, { total: number; available: number }>;

/** Adds `from` into `into`, type by type. */
export function addEntityCounts(into: EntityCounts, from: EntityCounts): EntityCounts {
  for (const [name, n] of Object.entries(from)) {
    const e = (into[name] ??= { total: 0, available: 0 });
    e.total += n.total;
    e.available += n.available;
  }
  return into;
}

/** Every entity of a run, one table per entity type, created on first use. */
export class EntityStore {
  private readonly tables = new Map<AnyEntity, EntityTable>();
  constructor(private readonly defaultHistory: HistoryMode) {}

  table(entity: AnyEntity): EntityTable {
    let table = this.tables.get(entity);
    if (table === undefined) {
      table = new EntityTable(entity.name, entity.primaryKey, (entity.history ?? this.defaultHistory) === 'full', stateLayoutOf(entity).copy);
      this.tables.set(entity, table);
    }
    return table;
  }

  find(entity: AnyEntity): EntityTable | undefined {
    return this.tables.get(entity);
  }

  counts(): EntityCounts {
    const counts: EntityCounts = {};
    for (const [entity, table] of this.tables) counts[entity.name] = { total: table.size, available: table.availableCount };
    return counts;
  }
}
