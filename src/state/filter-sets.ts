import { matches, type Condition } from './conditions.js';
import { ROW, type EntityRecord } from './entity-record.js';
import { IndexedSet } from './indexed-set.js';
import type { RowColumns } from './row-columns.js';

/** The available entities that meet all of a filter's conditions. */
export interface FilterSet {
  readonly conditions: readonly Condition[];
  readonly set: IndexedSet;
}

/** In-flow Selects' conditions that get a set of their own, at most, per entity type. */
const MAX_SELECT_SETS = 8;
/** Scans of equal in-flow conditions after which they get a set. */
const SCANS_BEFORE_SET = 2;
/** Distinct in-flow conditions whose scans are counted before the counts start over. */
const MAX_COUNTED = 1024;

/**
 * Sets of an entity type's available entities that meet all the conditions of a filter,
 * kept as entities become available and unavailable (bound, released, created): state
 * changes only while an entity is held, so a set is right whenever it is read, and a pick
 * from it is one draw. Random picks with a scan to fall back on cost a pass over every
 * candidate each time few of many match.
 *
 * A flow's filter (the same conditions at every initiation) gets a set when it has a
 * condition other than 'is' (those of 'is' alone are answered by the value indexes). An
 * in-flow Select's conditions are made at every call and their values may change, so they
 * get one only once equal conditions have ended in a scan twice, and at most a few per
 * entity type: a set per value of a changing one would grow without end.
 */
export class FilterSets {
  private readonly byKey = new Map<string, FilterSet>();
  private readonly list: FilterSet[] = [];
  /** A flow's filter is the same array at every initiation: its set, found once (null: none). */
  private readonly byArray = new WeakMap<readonly Condition[], FilterSet | null>();
  private selectSets = 0;
  private readonly scans = new Map<string, number>();

  /** `availableRecords`: the table's available entities, which a new set starts with. */
  constructor(private readonly rows: RowColumns, private readonly availableRecords: () => Iterable<EntityRecord>) {}

  /** The set of a flow's filter, made the first time; null when it is not to have one. */
  forFilter(conditions: readonly Condition[]): FilterSet | null {
    // Filters of 'is' alone (the common ones) skip the lookup: they never have a set.
    if (onlyIs(conditions)) return null;
    let filter = this.byArray.get(conditions);
    if (filter === undefined) {
      if (hasSet(conditions)) {
        const key = filterKey(conditions);
        filter = this.byKey.get(key) ?? this.make(conditions, key);
      } else filter = null;
      this.byArray.set(conditions, filter);
    }
    return filter;
  }

  /** The set made for conditions equal to an in-flow Select's, if there is one. */
  forSelect(conditions: readonly Condition[]): FilterSet | undefined {
    if (this.list.length === 0 || !hasSet(conditions)) return undefined;
    return this.byKey.get(filterKey(conditions));
  }

  /** An in-flow Select's conditions ended in a scan: counted, and given a set once it repeats. */
  scanned(conditions: readonly Condition[]): void {
    if (this.selectSets >= MAX_SELECT_SETS || !hasSet(conditions)) return;
    const key = filterKey(conditions);
    const count = (this.scans.get(key) ?? 0) + 1;
    if (count < SCANS_BEFORE_SET) {
      if (this.scans.size >= MAX_COUNTED) this.scans.clear();
      this.scans.set(key, count);
      return;
    }
    this.scans.delete(key);
    this.selectSets++;
    this.make(conditions, key);
  }

  /** An entity became available: it joins the sets whose conditions it meets. */
  added(record: EntityRecord, row: number): void {
    for (const filter of this.list) {
      if (matches(record, filter.conditions)) filter.set.add(record, row);
    }
  }

  /** An entity stopped being available. */
  removed(record: EntityRecord, row: number): void {
    for (const filter of this.list) {
      if (filter.set.has(record, row)) filter.set.remove(record, row);
    }
  }

  /** `conditions` as compiled (never changed after), `key` their filterKey. */
  private make(conditions: readonly Condition[], key: string): FilterSet {
    const filter: FilterSet = { conditions, set: new IndexedSet(this.rows, this.rows.addColumn()) };
    this.byKey.set(key, filter);
    this.list.push(filter);
    for (const record of this.availableRecords()) {
      if (matches(record, filter.conditions)) filter.set.add(record, record[ROW]);
    }
    return filter;
  }
}

/**
 * Whether conditions are to have a set: some condition is not 'is', and no value is an
 * object (a JSON field's object is compared by reference, which no key by content can
 * stand for).
 */
function hasSet(conditions: readonly Condition[]): boolean {
  return !onlyIs(conditions) && conditions.every((c) => typeof c.value !== 'object' || c.value === null);
}

function onlyIs(conditions: readonly Condition[]): boolean {
  for (let i = 0; i < conditions.length; i++) if (conditions[i]!.op !== 'is') return false;
  return true;
}

/** Conditions' identity by content: each field, op and value (a primitive: see hasSet). */
function filterKey(conditions: readonly Condition[]): string {
  return conditions.map((c) => `${c.field}\u0000${c.op}\u0000${typeof c.value}:${String(c.value)}`).join('\u0001');
}
