/**
 * Every version of every entity of one table with full history, in columns: when each began,
 * its state, who held the entity (its flow_name), and the entity's version before it. An
 * entity's record knows its latest version; older ones are reached backwards.
 *
 * One log per table, not arrays per entity: three small arrays per entity grew by 16 slots at
 * their first push (a JS array's growth step), about 340 bytes for an entity with 2 to 17
 * versions, most of them empty; here a version costs 20 bytes and a state object when a field
 * changed. A bind or a release shares the state object of the version before it.
 */
export class VersionLog {
  private froms = new Float64Array(INITIAL_CAPACITY);
  private previous = new Int32Array(INITIAL_CAPACITY);
  private readonly states: Record<string, unknown>[] = [];
  private readonly holders: (string | null)[] = [];
  private count = 0;

  /** Appends a version that follows `previous` (-1 for an entity's first); returns its number. */
  append(previous: number, from: number, state: Record<string, unknown>, holder: string | null): number {
    if (this.count === this.froms.length) this.grow();
    const version = this.count++;
    this.froms[version] = from;
    this.previous[version] = previous;
    this.states.push(state);
    this.holders.push(holder);
    return version;
  }

  /** Gives `version` another state and holder (a later write at the instant it began). */
  replace(version: number, state: Record<string, unknown>, holder: string | null): void {
    this.states[version] = state;
    this.holders[version] = holder;
  }

  fromOf(version: number): number {
    return this.froms[version]!;
  }

  /** The state of `version`; its flow_name is null (see holderOf). */
  stateOf(version: number): Record<string, unknown> {
    return this.states[version]!;
  }

  holderOf(version: number): string | null {
    return this.holders[version]!;
  }

  /** The entity's version before `version`, or -1. */
  previousOf(version: number): number {
    return this.previous[version]!;
  }

  /**
   * The entity's version current at `at`, or -1 before its first: a walk back from its latest,
   * as long as the versions since `at` (queries of past instants are rare; writes are not).
   */
  versionAt(latest: number, at: number): number {
    let version = latest;
    while (version >= 0 && this.froms[version]! > at) version = this.previous[version]!;
    return version;
  }

  /** The entity's versions up to `latest`, oldest first. */
  versionsUpTo(latest: number): number[] {
    const versions: number[] = [];
    for (let version = latest; version >= 0; version = this.previous[version]!) versions.push(version);
    return versions.reverse();
  }

  private grow(): void {
    const froms = new Float64Array(this.froms.length * 2);
    froms.set(this.froms);
    this.froms = froms;
    const previous = new Int32Array(this.previous.length * 2);
    previous.set(this.previous);
    this.previous = previous;
  }
}

const INITIAL_CAPACITY = 1024;
