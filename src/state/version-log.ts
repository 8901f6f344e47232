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
 *
 * Columns are kept in chunks of CHUNK rows that never move: columns a million rows long grew
 * by copying themselves whole (with the pages of each new copy faulted in once more), and
 * each holder or old value, often a young object, was stored into an old array.
 */
export class VersionLog {
  private readonly versions: VersionChunk[] = [];
  private readonly entries: UndoChunk[] = [];
  private count = 0;
  private entryCount = 0;

  /** Appends a version that follows `previous` (-1 for an entity's first); returns its number. */
  append(previous: number, from: number, holder: string | null): number {
    const version = this.count++;
    const row = version & CHUNK_MASK;
    if (row === 0) this.versions.push(new VersionChunk());
    const chunk = this.versions[version >> CHUNK_BITS]!;
    chunk.froms[row] = from;
    chunk.previous[row] = previous;
    chunk.firstUndo[row] = -1;
    chunk.holders[row] = holder;
    return version;
  }

  /** Gives `version` another holder (a bind or a release at the instant it began). */
  replaceHolder(version: number, holder: string | null): void {
    this.versions[version >> CHUNK_BITS]!.holders[version & CHUNK_MASK] = holder;
  }

  /**
   * Records that `version` changes `field`, which had `value` before it. The first change of
   * a field in a version is the one kept: later writes at the same instant are the same
   * version. An entity's first version undoes nothing: its state at creation is its first.
   */
  keepOldValue(version: number, field: string, value: unknown): void {
    const chunk = this.versions[version >> CHUNK_BITS]!;
    const row = version & CHUNK_MASK;
    if (chunk.previous[row]! < 0) return;
    const first = chunk.firstUndo[row]!;
    for (let e = first; e >= 0; e = this.entryNext(e)) if (this.entryField(e) === field) return;
    const entry = this.entryCount++;
    const at = entry & CHUNK_MASK;
    if (at === 0) this.entries.push(new UndoChunk());
    const entries = this.entries[entry >> CHUNK_BITS]!;
    entries.fields[at] = field;
    entries.values[at] = value;
    entries.next[at] = first;
    chunk.firstUndo[row] = entry;
  }

  /** Turns `state`, that of `version`, into the state of the version before it (in place). */
  undo(version: number, state: Record<string, unknown>): void {
    for (let e = this.versions[version >> CHUNK_BITS]!.firstUndo[version & CHUNK_MASK]!; e >= 0; e = this.entryNext(e)) {
      state[this.entryField(e)] = this.entries[e >> CHUNK_BITS]!.values[e & CHUNK_MASK];
    }
  }

  fromOf(version: number): number {
    return this.versions[version >> CHUNK_BITS]!.froms[version & CHUNK_MASK]!;
  }

  holderOf(version: number): string | null {
    return this.versions[version >> CHUNK_BITS]!.holders[version & CHUNK_MASK]!;
  }

  /** The entity's version before `version`, or -1. */
  previousOf(version: number): number {
    return this.versions[version >> CHUNK_BITS]!.previous[version & CHUNK_MASK]!;
  }

  /**
   * The entity's version current at `at`, or -1 before its first: a walk back from its latest,
   * as long as the versions since `at` (queries of past instants are rare; writes are not).
   */
  versionAt(latest: number, at: number): number {
    let version = latest;
    while (version >= 0 && this.fromOf(version) > at) version = this.previousOf(version);
    return version;
  }

  private entryField(entry: number): string {
    return this.entries[entry >> CHUNK_BITS]!.fields[entry & CHUNK_MASK]!;
  }

  private entryNext(entry: number): number {
    return this.entries[entry >> CHUNK_BITS]!.next[entry & CHUNK_MASK]!;
  }
}

/** Rows per chunk: 4,096 (a chunk's arrays are 16-32 KB, made young like any small array). */
const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK - 1;

/** CHUNK versions: when each began, the one before it, its first undo entry, its holder. */
class VersionChunk {
  readonly froms = new Float64Array(CHUNK);
  readonly previous = new Int32Array(CHUNK);
  readonly firstUndo = new Int32Array(CHUNK);
  readonly holders = new Array<string | null>(CHUNK);
}

/** CHUNK undo entries: the field, its value before the version, the version's next entry. */
class UndoChunk {
  readonly fields = new Array<string>(CHUNK);
  readonly values = new Array<unknown>(CHUNK);
  readonly next = new Int32Array(CHUNK);
}
