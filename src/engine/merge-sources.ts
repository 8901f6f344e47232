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
    let best: MergeSource | undefined;
    let bestTs = Infinity;
    for (const source of sources) {
      let ts = source.headTs();
      while (ts === undefined && !source.done) {
        await source.waitForData();
        ts = source.headTs();
      }
      // Sources are in partition order, so an equal timestamp keeps the lower partition first.
      if (ts !== undefined && ts < bestTs) {
        best = source;
        bestTs = ts;
      }
    }
    if (best === undefined) return;
    best.moveHeadTo(sink);
    if (++merged >= maxEvents) return;
    if (sink.needsFlush) {
      await sink.flush();
      if (sink.failure) throw sink.failure;
    }
  }
}
