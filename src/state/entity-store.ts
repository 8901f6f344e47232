import type { AnyEntity, HistoryMode } from '../schema/define-entity.js';
import { DeepFakerError } from '../errors.js';
import { EntityTable } from './entity-table.js';
import { keptMs } from './history-mode.js';

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
  /**
   * The table asked for last: a flow binds, writes and releases entities of one type or two,
   * several times an event, and a Map lookup each time was a quarter of the run's lookups.
   */
  private lastEntity: AnyEntity | undefined = undefined;
  private lastTable: EntityTable | undefined = undefined;
  constructor(private readonly defaultHistory: HistoryMode) {}

  table(entity: AnyEntity): EntityTable {
    if (entity === this.lastEntity) return this.lastTable!;
    let table = this.tables.get(entity);
    if (table === undefined) {
      for (const used of this.tables.keys()) if (used.name === entity.name) throw nameClash(used, entity);
      table = new EntityTable(entity.name, entity.primaryKey, keptMs(entity.history ?? this.defaultHistory), entity.stateLayout.copy);
      this.tables.set(entity, table);
    }
    this.lastEntity = entity;
    this.lastTable = table;
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

/** A second entity type of a name a run already uses: the summary counts entities by name. */
function nameClash(used: AnyEntity, entity: AnyEntity): DeepFakerError {
  const state = (e: AnyEntity) => Object.keys(e.state).join(', ') || 'none';
  return new DeepFakerError('E_DUPLICATE_NAME', `entity ${entity.name}: defined twice (state ${state(used)}, and ${state(entity)}), both used in this run. The summary counts entities by name: give each entity type its own name, or define it once and import it.`);
}
