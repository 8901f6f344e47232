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
  let merged = 0;
  for (;;) {
    // The earliest head and the runner-up: the earliest source moves events until the
    // runner-up's head would come first, so a run of one source is moved in one go.
    let best: MergeSource | undefined;
    let bestTs = Infinity;
    let nextTs = Infinity;
    let nextIndex = Infinity;
    for (const source of sources) {
      let ts = source.headTs();
      while (ts === undefined && !source.done) {
        await source.waitForData();
        ts = source.headTs();
      }
      if (ts === undefined) continue;
      // Sources are in partition order, so an equal timestamp keeps the lower partition first.
      if (ts < bestTs) {
        if (best !== undefined) [nextTs, nextIndex] = [bestTs, best.index];
        best = source;
        bestTs = ts;
      } else if (ts < nextTs) {
        nextTs = ts;
        nextIndex = source.index;
      }
    }
    if (best === undefined) return;
    merged += best.moveRunTo(sink, nextTs, nextIndex, Math.min(maxEvents - merged, sink.room));
    if (merged >= maxEvents) return;
    if (sink.needsFlush) {
      await sink.flush();
      if (sink.failure) throw sink.failure;
    }
  }
}
