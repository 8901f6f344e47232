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
  /** The latest instant a version here began (-Infinity while empty); see latestFrom. */
  private latestBegun = -Infinity;

  /** Appends an entity's first version, begun at `from`; returns its number. */
  first(from: number, holder: string | null): number {
    return this.append(-1, from, holder);
  }

  /**
   * The entity's version at `at`, after `latest`: a new one, or `latest` itself when it began
   * at `at` (several writes at one instant make one version, not zero-length ones). Either
   * way its holder is `holder`.
   */
  openAt(latest: number, at: number, holder: string | null): number {
    if (this.fromOf(latest) !== at) return this.append(latest, at, holder);
    chunkOf(this.versions, latest).holders[rowOf(latest)] = holder;
    return latest;
  }

  /**
   * Records that `version` changes `field`, which had `value` before it. The first change of
   * a field in a version is the one kept: later writes at the same instant are the same
   * version. An entity's first version undoes nothing: its state at creation is its first.
   */
  keepOldValue(version: number, field: string, value: unknown): void {
    const chunk = chunkOf(this.versions, version);
    const row = rowOf(version);
    if (chunk.previous[row]! < 0) return;
    const first = chunk.firstUndo[row]!;
    for (let e = first; e >= 0; e = this.entryNext(e)) if (chunkOf(this.entries, e).fields[rowOf(e)] === field) return;
    const entry = this.entryCount++;
    const entries = rowChunk(this.entries, entry, UndoChunk);
    entries.fields[rowOf(entry)] = field;
    entries.values[rowOf(entry)] = value;
    entries.next[rowOf(entry)] = first;
    chunk.firstUndo[row] = entry;
  }

  /** Turns `state`, that of `version`, into the state of the version before it (in place). */
  undo(version: number, state: Record<string, unknown>): void {
    for (let e = chunkOf(this.versions, version).firstUndo[rowOf(version)]!; e >= 0; e = this.entryNext(e)) {
      const entries = chunkOf(this.entries, e);
      state[entries.fields[rowOf(e)]!] = entries.values[rowOf(e)];
    }
  }

  /**
   * Turns `state`, that of `latest`, into the state at `at` (in place) and returns the version
   * current then, or -1 before the entity's first: a walk back from its latest, as long as the
   * versions since `at` (queries of past instants are rare; writes are not).
   */
  rewind(latest: number, at: number, state: Record<string, unknown>): number {
    let version = latest;
    while (version >= 0 && this.fromOf(version) > at) {
      this.undo(version, state);
      version = this.previousOf(version);
    }
    return version;
  }

  /** Versions appended so far. */
  get size(): number {
    return this.count;
  }

  /**
   * The latest instant a version here began, -Infinity while there is none: each entity's
   * versions begin in time order, so it is the latest of the entities' latest versions.
   */
  get latestFrom(): number {
    return this.latestBegun;
  }

  /**
   * Appends to this log the versions of one entity from `source`, the log it was kept in
   * until now: from `latest` back to the one current at `horizon` (or its first), which
   * becomes its first here (nothing before it can be rewound to). Returns its latest here.
   * What a bounded history keeps when it drops the rest (EntityTable, history { keep }).
   */
  copyChain(source: VersionLog, latest: number, horizon: number): number {
    const chain = CHAIN;
    chain.length = 0;
    let version = latest;
    for (;;) {
      chain.push(version);
      if (source.fromOf(version) <= horizon) break;
      version = source.previousOf(version);
      if (version < 0) break;
    }
    let copied = -1;
    for (let i = chain.length - 1; i >= 0; i--) {
      const from = chain[i]!;
      copied = this.append(copied, source.fromOf(from), source.holderOf(from));
      if (i === chain.length - 1) continue;
      for (let e = chunkOf(source.versions, from).firstUndo[rowOf(from)]!; e >= 0; e = source.entryNext(e)) {
        const entries = chunkOf(source.entries, e);
        this.keepOldValue(copied, entries.fields[rowOf(e)]!, entries.values[rowOf(e)]);
      }
    }
    return copied;
  }

  fromOf(version: number): number {
    return chunkOf(this.versions, version).froms[rowOf(version)]!;
  }

  holderOf(version: number): string | null {
    return chunkOf(this.versions, version).holders[rowOf(version)]!;
  }

  /** The entity's version before `version`, or -1. */
  previousOf(version: number): number {
    return chunkOf(this.versions, version).previous[rowOf(version)]!;
  }

  private append(previous: number, from: number, holder: string | null): number {
    const version = this.count++;
    const chunk = rowChunk(this.versions, version, VersionChunk);
    const row = rowOf(version);
    chunk.froms[row] = from;
    chunk.previous[row] = previous;
    chunk.firstUndo[row] = -1;
    chunk.holders[row] = holder;
    if (from > this.latestBegun) this.latestBegun = from;
    return version;
  }

  private entryNext(entry: number): number {
    return chunkOf(this.entries, entry).next[rowOf(entry)]!;
  }
}

/** The versions of one entity being copied (copyChain), newest first: reused. */
const CHAIN: number[] = [];

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

/** The chunk that row `n` is in. */
function chunkOf<C>(chunks: readonly C[], n: number): C {
  return chunks[n >> CHUNK_BITS]!;
}

/** Row `n`'s place in its chunk. */
function rowOf(n: number): number {
  return n & CHUNK_MASK;
}

/** The chunk for `n`, a new row: made when `n` is the first row of one. */
function rowChunk<C>(chunks: C[], n: number, Chunk: new () => C): C {
  if (rowOf(n) === 0) chunks.push(new Chunk());
  return chunkOf(chunks, n);
}
