import { describe, expect, it } from 'vitest';
import { mergeSources } from '../../../src/engine/merge-sources.js';
import { PartitionChannel } from '../../../src/engine/partition-channel.js';
import type { EventSink } from '../../../src/engine/event-sink.js';
import { TypeCounts } from '../../../src/engine/type-counts.js';
import type { EventRecord } from '../../../src/outputs/output.js';
import type { LineBatch } from '../../../src/engine/worker-protocol.js';

const event = (partition: number, ts: number, n: number): EventRecord =>
  ({ event_type: 'E', sys__eid: `${partition}-${n}`, sys__ets: ts, sys__sid: 's' });

/** A sink that keeps what it is given (lines read back as records), flushing every `batch` events. */
function collectingSink(batch: number) {
  const got: EventRecord[] = [];
  let pending = 0;
  const text = new TextDecoder();
  const sink = {
    typeCounts: new TypeCounts(),
    pushLines(lines: LineBatch, from: number, to: number) {
      for (let i = from; i < to; i++) {
        const start = i === 0 ? 0 : lines.ends[i - 1]! + 1;
        got.push(JSON.parse(text.decode(lines.bytes.subarray(start, lines.ends[i]))) as EventRecord);
        pending++;
      }
    },
    get room() { return Math.max(1, batch - pending); },
    get needsFlush() { return pending >= batch; },
    async flush() { pending = 0; },
    failure: undefined,
  };
  return { sink: sink as unknown as EventSink, got };
}

function channel(index: number, times: number[]): PartitionChannel {
  const c = new PartitionChannel(index, 3, 100, () => undefined);
  times.forEach((ts, n) => c.push(event(index, ts, n)));
  c.finish();
  return c;
}

describe('mergeSources', () => {
  // Ties across partitions, and runs that must stop at a lower partition's equal time (p1 at 3, 4 before p0 at 4).
  const times = [[1, 2, 2, 4, 5, 9, 9, 10], [2, 2, 3, 4, 9], [0, 9, 11]];
  const expected = times
    .flatMap((list, p) => list.map((ts, n) => ({ ts, p, id: `${p}-${n}` })))
    .sort((a, b) => a.ts - b.ts || a.p - b.p)
    .map((e) => e.id);

  it('orders by time, then partition, moving runs of one source in one go', async () => {
    for (const batch of [1, 2, 4, 1000]) {
      const { sink, got } = collectingSink(batch);
      await mergeSources(times.map((t, i) => channel(i, t)), sink, Infinity);
      expect(got.map((e) => e.sys__eid)).toEqual(expected);
    }
  });

  it('stops at maxEvents exactly, even inside a run', async () => {
    for (const max of [1, 4, 7, 16]) {
      const { sink, got } = collectingSink(1000);
      await mergeSources(times.map((t, i) => channel(i, t)), sink, max);
      expect(got.map((e) => e.sys__eid)).toEqual(expected.slice(0, max));
    }
  });
});
