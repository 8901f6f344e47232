import type { EventSink } from './event-sink.js';
import type { MergeSource } from './partition-channel.js';

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
