/**
 * Owns every entity of one type: current state, versions over simulated time, and the
 * availability indexes that let filters sample free entities without scanning.
 */
import type { SeededRandom } from '../util/seeded-random.js';
import { matches, type Condition } from './conditions.js';
import { copyAnyState, ROW, stateWithOwner, type EntityRecord, type EntityVersion } from './entity-record.js';
import { FilterSets, type FilterSet } from './filter-sets.js';
import { IndexedSet } from './indexed-set.js';
import { KeyIndex } from './key-index.js';
import { OwnerSlots } from './owner-slots.js';
import { RowColumns } from './row-columns.js';
import { VersionLog } from './version-log.js';
import { touchString } from '../util/touch.js';

/** Picks tried at random before a filter falls back to scanning its candidate set. */
const RANDOM_TRIES = 16;

/** Versions a bounded history (history { keep }) holds before it first drops those it no longer keeps. */
const FIRST_TRIM = 1 << 16;

interface FieldIndex {
  readonly field: string;
  /** The column of the table's rows that holds each entity's position in its set of this index. */
  readonly column: number;
  readonly sets: Map<unknown, IndexedSet>;
}

export class EntityTable {
  /** Every entity by row (creation order), and each one's row by key. */
  private readonly records: EntityRecord[] = [];
  private readonly rowsByKey = new KeyIndex((row) => this.records[row]![this.keyField] as string | number);
  /** Per-entity numbers, by row: when its state began, its positions in the sets below. */
  private readonly rows = new RowColumns();
  /** Without history: when each entity's current state began (with history, its versions say). */
  private readonly changedAt = this.rows.addColumn();
  /** With history: each entity's latest version in `versions`; -1 without. */
  private readonly latestVersion: number;
  /** Who holds each held entity (its state's flow_name stays null); an entity held by none is available. */
  private readonly owners = new OwnerSlots(this.rows, this.rows.addColumn());
  /**
   * Every available entity, made at the first pick among all of them (see allAvailable):
   * undefined while every pick has an index or a filter set to draw from. Kept from the
   * start, it cost each bind a read and a write at a random place in an array as long as
   * the table, and a million entities' binds waited about 250 ns for them.
   */
  private available: IndexedSet | undefined;
  private readonly indexes = new Map<string, FieldIndex>();
  private readonly indexList: FieldIndex[] = [];
  /** Sets of the entities that meet all of a filter's conditions (see FilterSets). */
  private readonly filterSets = new FilterSets(this.rows, () => this.availableRecords());
  /** Every version of every entity, with history; undefined without. */
  private versions: VersionLog | undefined;
  /**
   * Versions the log may hold before the ones no longer kept are dropped (see trim): Infinity
   * with full history. After a trim, twice what was kept, so that trims cost O(1) a version.
   */
  private trimAt: number;
  /**
   * `keyField`: the state field holding each entity's key. `keptMs`: how long a version is
   * kept after it ended (history 'full': Infinity; 'current', no versions: undefined; see
   * keptMs in history-mode.ts). `copyState`: a copy of a state's named fields, for a snapshot
   * or a version read back. The state layout's own copier: code shared by every entity type
   * turns polymorphic.
   */
  constructor(
    readonly name: string,
    private readonly keyField: string,
    readonly keptMs: number | undefined,
    private readonly copyState: (state: Record<string, unknown>) => Record<string, unknown> = copyAnyState,
    /** Versions a bounded history holds before its first trim (tests make it small). */
    private readonly firstTrim = FIRST_TRIM,
  ) {
    this.versions = keptMs === undefined ? undefined : new VersionLog();
    this.latestVersion = keptMs === undefined ? -1 : this.rows.addColumn();
    this.trimAt = keptMs === Infinity ? Infinity : firstTrim;
  }

  /** Versions the table holds (with history): bounded with history { keep }. */
  get versionCount(): number {
    return this.versions?.size ?? 0;
  }

  /**
   * The earliest instant whose states the table still knows: -Infinity with full history,
   * undefined without any. With a bounded one, `keptMs` before the latest instant a version
   * began: every version current at that instant or after it is kept.
   */
  earliestInstant(): number | undefined {
    const versions = this.versions;
    if (versions === undefined) return undefined;
    if (this.keptMs === Infinity) return -Infinity;
    // Kept as versions are appended: read from every row, it cost a pass over a million
    // entities per query.
    return versions.latestFrom - this.keptMs!;
  }

  /**
   * The version log, before a version is opened at `at`: with a bounded history whose log has
   * grown to trimAt, first a new log that holds what is kept (see trim).
   */
  private logAt(at: number): VersionLog {
    const versions = this.versions!;
    return versions.size < this.trimAt ? versions : this.trim(at);
  }

  /**
   * Drops the versions that ended `keptMs` or longer before `at`: each entity keeps the ones
   * since, and the one current then. Copied into a new log (entity by entity: a version's
   * number is its place in the log), whose numbers the rows' latest versions then hold.
   */
  private trim(at: number): VersionLog {
    const horizon = at - this.keptMs!;
    const old = this.versions!;
    const kept = new VersionLog();
    for (let row = 0; row < this.records.length; row++) {
      this.rows.set(row, this.latestVersion, kept.copyChain(old, this.rows.get(row, this.latestVersion), horizon));
    }
    this.versions = kept;
    this.trimAt = Math.max(this.firstTrim, 2 * kept.size);
    return kept;
  }

  get size(): number {
    return this.records.length;
  }

  get availableCount(): number {
    return this.records.length - this.owners.held;
  }

  get(key: string | number): EntityRecord | undefined {
    const row = this.rowsByKey.rowOf(key);
    return row < 0 ? undefined : this.records[row];
  }

  /**
   * Room for `more` entities beyond those there are, when their number is known ahead
   * (initial entities): their rows and keys then go in without the tables growing. Grown
   * step by step to a million, the tables left 40 MB of garbage outside the heap, which made
   * V8 collect the whole heap early in the flows that followed.
   */
  reserve(more: number): void {
    const size = this.records.length + more;
    this.rows.reserveRows(size);
    this.rowsByKey.reserve(size);
  }

  /**
   * Adds a new, available entity; the caller has checked that the key is free, and `state`
   * holds it under the key field. `state` becomes the record: made with a ROW slot
   * (the entity's stateLayout), the row is stored in the object itself; a state made without one gets
   * it as an added property.
   */
  create(key: string | number, state: Record<string, unknown>, at: number): EntityRecord {
    const row = this.records.length;
    this.rows.ensureRows(row + 1);
    const owner = state.flow_name as string | null;
    state.flow_name = null;
    const record = state as { [ROW]: number } & Record<string, unknown>;
    record[ROW] = row;
    if (this.versions !== undefined) this.rows.set(row, this.latestVersion, this.logAt(at).first(at, owner));
    this.rows.set(row, this.changedAt, at);
    this.records.push(record);
    this.rowsByKey.add(key);
    if (owner === null) this.makeAvailable(record, row);
    else this.owners.hold(row, owner);
    return record;
  }

  // Each operation reads the record's row once and passes it on: records of different
  // entity types have different shapes, and every read of ROW at a site shared by the
  // types is a polymorphic one.

  /** Marks the entity as held by a flow instance from `at` on. */
  bind(record: EntityRecord, owner: string, at: number): void {
    // The events the flow emits next carry the key; among many entities it is cold (made when
    // the entity was, anywhere in the heap). Read now, its misses overlap the bind's own (row,
    // state, sets); read first by the serializer, a batch later, they stalled it one by one.
    touchString(record[this.keyField]);
    const row = record[ROW];
    this.makeUnavailable(record, row);
    this.setOwner(row, owner, at);
  }

  /** Frees the entity at `at`: filters see it again. */
  release(record: EntityRecord, at: number): void {
    const row = record[ROW];
    this.setOwner(row, null, at);
    this.makeAvailable(record, row);
  }

  /** The entity's current state as a snapshot, its flow_name `owner` (see stateWithOwner). */
  snapshot(record: EntityRecord, owner: string | null): Record<string, unknown> {
    return stateWithOwner(record, owner, this.copyState);
  }

  /** The flow instance holding the entity now (its flow_name), or null. */
  ownerOf(record: EntityRecord): string | null {
    return this.owners.ownerOf(record[ROW]);
  }

  /**
   * mutate() for the one field every bind and release changes, without a changes object. With
   * history the new version records only its holder: the state is unchanged.
   */
  private setOwner(row: number, owner: string | null, at: number): void {
    if (owner === null) this.owners.release(row);
    else this.owners.hold(row, owner);
    if (this.versions === undefined) this.rows.set(row, this.changedAt, at);
    else this.rows.set(row, this.latestVersion, this.logAt(at).openAt(this.rows.get(row, this.latestVersion), at, owner));
  }

  /** Closes the current version at `at` and opens one with `changes` applied. */
  mutate(record: EntityRecord, changes: Record<string, unknown>, at: number): void {
    const version = this.beginWrite(record, at);
    for (const field in changes) this.write(record, version, field, changes[field]);
  }

  /**
   * Before the state is changed at `at`, field by field with write(): the state is changed in
   * place (readers get copies, see stateWithOwner, so a replaced state never becomes
   * old-generation garbage). With history, opens the entity's version at `at`, or goes on
   * with the one that began at `at` (see VersionLog.openAt), and returns it for write();
   * without, returns -1.
   */
  beginWrite(record: EntityRecord, at: number): number {
    const row = record[ROW];
    if (this.versions === undefined) {
      this.rows.set(row, this.changedAt, at);
      return -1;
    }
    const versions = this.logAt(at);
    const latest = this.rows.get(row, this.latestVersion);
    const version = versions.openAt(latest, at, versions.holderOf(latest));
    this.rows.set(row, this.latestVersion, version);
    return version;
  }

  /** Sets a field of the state; `version`: beginWrite's, where the old value is kept with history. */
  write(record: EntityRecord, version: number, field: string, value: unknown): void {
    this.versions?.keepOldValue(version, field, record[field]);
    record[field] = value;
  }

  /** With history: the entity's latest version. */
  private latestOf(record: EntityRecord): number {
    return this.rows.get(record[ROW], this.latestVersion);
  }

  /**
   * As sample, for a flow's filter: the same conditions at every initiation. A filter with a
   * condition other than 'is' is answered by a set of its own (FilterSets): one draw. Such
   * filters were answered by random picks and a scan: with a million users and a filter that
   * 1% met, 25 ms each time the filter was tried.
   */
  sampleForFilter(conditions: readonly Condition[], random: SeededRandom): EntityRecord | undefined {
    const filter = this.filterSets.forFilter(conditions);
    // No set of its own: no set of equal conditions either (FilterSets' rule is the same).
    return filter === null ? this.sampleByIndexes(conditions, random) : pick(filter, random);
  }

  /**
   * A uniformly chosen available entity that matches every condition, or undefined (an
   * in-flow Select): from a filter set made for equal conditions, or sampleByIndexes.
   */
  sample(conditions: readonly Condition[], random: SeededRandom): EntityRecord | undefined {
    const filter = this.filterSets.forSelect(conditions);
    return filter === undefined ? this.sampleByIndexes(conditions, random) : pick(filter, random);
  }

  /**
   * From the smallest value index of the 'is' conditions (every available entity without
   * one), then random picks; a scan when 16 picks miss.
   */
  private sampleByIndexes(conditions: readonly Condition[], random: SeededRandom): EntityRecord | undefined {
    let candidates: IndexedSet | undefined;
    for (const c of conditions) {
      if (c.op !== 'is') continue;
      const set = this.indexFor(c.field).sets.get(c.value);
      if (set === undefined || set.size === 0) return undefined;
      if (candidates === undefined || set.size < candidates.size) candidates = set;
    }
    candidates ??= this.allAvailable();
    const size = candidates.size;
    if (size === 0) return undefined;
    // One condition answered by its index: any member matches.
    if (conditions.length === 0 || (conditions.length === 1 && conditions[0]!.op === 'is')) {
      return candidates.at(random.index(size));
    }
    for (let i = 0; i < RANDOM_TRIES; i++) {
      const pick = candidates.at(random.index(size));
      if (matches(pick, conditions)) return pick;
    }
    this.filterSets.scanned(conditions);
    const matching = candidates.toArray().filter((r) => matches(r, conditions));
    return matching.length === 0 ? undefined : matching[random.index(matching.length)];
  }

  /** Entities whose state at `at` matches; `at` undefined means now. */
  query(conditions: readonly Condition[], at: number | undefined): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    const versions = this.versions;
    for (const record of this.records) {
      // Without history only the current state is known (Simulation.query refuses past instants).
      if (at === undefined || versions === undefined) {
        if (matches(record, conditions)) out.push(this.snapshot(record, this.ownerOf(record)));
        continue;
      }
      const state = this.copyState(record);
      const version = versions.rewind(this.latestOf(record), at, state);
      if (version < 0) continue;
      state.flow_name = versions.holderOf(version);
      if (matches(state, conditions)) out.push(state);
    }
    return out;
  }

  history(key: string | number): EntityVersion[] | undefined {
    const record = this.get(key);
    if (record === undefined) return undefined;
    const versions = this.versions;
    if (versions === undefined) return [{ validFrom: this.rows.get(record[ROW], this.changedAt), validTo: null, state: this.snapshot(record, this.ownerOf(record)) }];
    // Newest first: each version's state is the next one's with that one's changes undone.
    // A bounded history gives the versions current at its earliest instant or after it: what
    // it keeps whenever it last dropped some.
    const earliest = this.earliestInstant()!;
    const newestFirst: EntityVersion[] = [];
    const state = this.copyState(record);
    let validTo: number | null = null;
    for (let version = this.latestOf(record); version >= 0; version = versions.previousOf(version)) {
      const validFrom = versions.fromOf(version);
      newestFirst.push({ validFrom, validTo, state: stateWithOwner(state, versions.holderOf(version), this.copyState) });
      if (validFrom <= earliest) break;
      validTo = validFrom;
      versions.undo(version, state);
    }
    return newestFirst.reverse();
  }

  private indexFor(field: string): FieldIndex {
    let index = this.indexes.get(field);
    if (index === undefined) {
      index = { field, column: this.rows.addColumn(), sets: new Map() };
      this.indexes.set(field, index);
      this.indexList.push(index);
      for (const record of this.availableRecords()) addToIndex(this.rows, index, record, record[ROW]);
    }
    return index;
  }

  /** The set of every available entity, made the first time from availableRecords(). */
  private allAvailable(): IndexedSet {
    if (this.available === undefined) {
      const set = new IndexedSet(this.rows, this.rows.addColumn());
      for (const record of this.availableRecords()) set.add(record, record[ROW]);
      this.available = set;
    }
    return this.available;
  }

  /** The available entities in the order they were created: what a new set starts with. */
  private *availableRecords(): Generator<EntityRecord> {
    for (const record of this.records) {
      if (!this.owners.isHeld(record[ROW])) yield record;
    }
  }

  private makeAvailable(record: EntityRecord, row: number): void {
    this.available?.add(record, row);
    for (const index of this.indexList) addToIndex(this.rows, index, record, row);
    this.filterSets.added(record, row);
  }

  /** Before its owner is set: an entity a flow holds already is not available. */
  private makeUnavailable(record: EntityRecord, row: number): void {
    if (this.owners.isHeld(row)) return;
    this.available?.remove(record, row);
    for (const index of this.indexList) index.sets.get(record[index.field])!.remove(record, row);
    this.filterSets.removed(record, row);
  }
}

/** A uniformly chosen member of a filter's set, or undefined when it is empty. */
function pick(filter: FilterSet, random: SeededRandom): EntityRecord | undefined {
  const size = filter.set.size;
  return size === 0 ? undefined : filter.set.at(random.index(size));
}

function addToIndex(rows: RowColumns, index: FieldIndex, record: EntityRecord, row: number): void {
  const value = record[index.field];
  let set = index.sets.get(value);
  if (set === undefined) {
    set = new IndexedSet(rows, index.column);
    index.sets.set(value, set);
  }
  set.add(record, row);
}
