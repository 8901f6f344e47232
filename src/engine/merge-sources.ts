import type { EventSink } from './event-sink.js';

/** A stream of one partition's events, in its time order, as the merger reads it. */
export interface MergeSource {
  /** The partition's index: the tie-break between equal timestamps. */
  readonly index: number;
  /** true when an event is buffered. */
  hasHead(): boolean;
  /** sys__ets of the next buffered event (only when hasHead()). */
  headTs(): number;
  /**
   * Moves the next events into the sink: at least one, then on while they still come before
   * the head of `limit` (the runner-up source; none: no limit), and at most `max`.
   */
  moveRunTo(sink: EventSink, limit: MergeSource | undefined, max: number): number;
  /** No more events will come. */
  readonly done: boolean;
  /** Resolves when an event is buffered or the source is done. */
  waitForData(): Promise<void>;
}

/** Whether an event of partition `index` at `ts` comes before the head of `limit` (none: yes). */
export function comesBeforeHead(ts: number, index: number, limit: MergeSource | undefined): boolean {
  return limit === undefined || comesBefore(ts, index, limit.headTs(), limit.index);
}

/** Merge order: by time, then by partition index. */
function comesBefore(ts: number, index: number, otherTs: number, otherIndex: number): boolean {
  return ts < otherTs || (ts === otherTs && index < otherIndex);
}

/**
 * Merges partition streams into one, ordered by (sys__ets, partition index). The order
 * depends only on the events, never on which thread produced them or when, so the output is
 * the same for any number of workers. A stop (SIGINT) ends the partitions, not the merge:
 * whatever they generated is still delivered.
 */
export async function mergeSources(
  sources: readonly MergeSource[],
  sink: EventSink,
  maxEvents: number,
): Promise<void> {
  const merge = new Merge(sources, sink, maxEvents);
  for (;;) {
    const stop = merge.run();
    if (stop === DONE) return;
    if (stop === FLUSH) {
      await sink.flush();
      if (sink.failure) throw sink.failure;
    } else {
      await stop.waitForData();
    }
  }
}

const DONE = 'done';
const FLUSH = 'flush';

/**
 * The merge's synchronous part. Runs are short (partitions interleave millisecond by
 * millisecond), so its loop runs about once per event: it allocates nothing, and timestamps
 * stay unboxed here, which they would not across an async function's awaits.
 */
class Merge {
  private merged = 0;

  constructor(
    private readonly sources: readonly MergeSource[],
    private readonly sink: EventSink,
    private readonly maxEvents: number,
  ) {}

  /** Moves runs until a source has to be waited for, the sink is full, or all is merged. */
  run(): MergeSource | typeof DONE | typeof FLUSH {
    const { sources, sink } = this;
    for (;;) {
      // The earliest head and the runner-up: the earliest source moves events until the
      // runner-up's head would come first, so a run of one source is moved in one go.
      let best: MergeSource | undefined;
      let bestTs = Infinity;
      let next: MergeSource | undefined;
      let nextTs = Infinity;
      for (let s = 0; s < sources.length; s++) {
        const source = sources[s]!;
        if (!source.hasHead()) {
          if (source.done) continue;
          return source;
        }
        const ts = source.headTs();
        // Sources are in partition order, so an equal timestamp keeps the lower partition first.
        if (ts < bestTs) {
          next = best;
          nextTs = bestTs;
          best = source;
          bestTs = ts;
        } else if (ts < nextTs) {
          next = source;
          nextTs = ts;
        }
      }
      if (best === undefined) return DONE;
      this.merged += best.moveRunTo(sink, next, Math.min(this.maxEvents - this.merged, sink.room));
      if (this.merged >= this.maxEvents) return DONE;
      if (sink.needsFlush) return FLUSH;
    }
  }
}
