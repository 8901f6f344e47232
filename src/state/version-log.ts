/**
 * Every version of every entity of one table with full history, in columns: when each began,
 * who held the entity (its flow_name), the entity's version before it, and what the version
 * changed. An entity's record holds its current state and knows its latest version; an older
 * version's state is the current one with the changes since undone, newest first.
 *
 * A version keeps the value each field it changed had before it (an undo entry), not a copy
 * of the state: the state is written in place, as without history. Copies, one per change of
 * a field, were a third of what examples/ecommerce.ts kept and cost it 8% of its speed
 * (pinned side-by-side pairs); before them, one per bind and release, and three arrays per
 * entity that grew by 16 slots at their first push, most of them empty. A version costs 20
 * bytes here, and an undo entry 12.
 */
export class VersionLog {
  private froms = new Float64Array(INITIAL_CAPACITY);
  private previous = new Int32Array(INITIAL_CAPACITY);
  /** Each version's first undo entry, or -1 (a bind or a release changes no field). */
  private firstUndo = new Int32Array(INITIAL_CAPACITY);
  private readonly holders: (string | null)[] = [];
  private count = 0;
  /** Undo entries: a field, the value it had before the version, the version's next entry. */
  private readonly undoFields: string[] = [];
  private readonly undoValues: unknown[] = [];
  private undoNext = new Int32Array(INITIAL_CAPACITY);

  /** Appends a version that follows `previous` (-1 for an entity's first); returns its number. */
  append(previous: number, from: number, holder: string | null): number {
    if (this.count === this.froms.length) this.grow();
    const version = this.count++;
    this.froms[version] = from;
    this.previous[version] = previous;
    this.firstUndo[version] = -1;
    this.holders.push(holder);
    return version;
  }

  /** Gives `version` another holder (a bind or a release at the instant it began). */
  replaceHolder(version: number, holder: string | null): void {
    this.holders[version] = holder;
  }

  /**
   * Records that `version` changes `field`, which had `value` before it. The first change of
   * a field in a version is the one kept: later writes at the same instant are the same
   * version. An entity's first version undoes nothing: its state at creation is its first.
   */
  keepOldValue(version: number, field: string, value: unknown): void {
    if (this.previous[version]! < 0) return;
    const entry = this.firstUndo[version]!;
    for (let e = entry; e >= 0; e = this.undoNext[e]!) if (this.undoFields[e] === field) return;
    const added = this.undoFields.length;
    if (added === this.undoNext.length) this.undoNext = grown(this.undoNext);
    this.undoFields.push(field);
    this.undoValues.push(value);
    this.undoNext[added] = entry;
    this.firstUndo[version] = added;
  }

  /** Turns `state`, that of `version`, into the state of the version before it (in place). */
  undo(version: number, state: Record<string, unknown>): void {
    for (let e = this.firstUndo[version]!; e >= 0; e = this.undoNext[e]!) state[this.undoFields[e]!] = this.undoValues[e];
  }

  fromOf(version: number): number {
    return this.froms[version]!;
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

  private grow(): void {
    this.froms = grown(this.froms);
    this.previous = grown(this.previous);
    this.firstUndo = grown(this.firstUndo);
  }
}

const INITIAL_CAPACITY = 1024;

/** A copy of `array` twice as long. */
function grown<A extends Float64Array | Int32Array>(array: A): A {
  const copy = new (array.constructor as new (length: number) => A)(array.length * 2);
  copy.set(array);
  return copy;
}
