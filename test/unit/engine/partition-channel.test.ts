import { describe, expect, it } from 'vitest';
import { PartitionChannel } from '../../../src/engine/partition-channel.js';
import type { EventSink } from '../../../src/engine/event-sink.js';
import { TypeCounts } from '../../../src/engine/type-counts.js';
import type { LineBatch } from '../../../src/engine/worker-protocol.js';
import type { EventRecord } from '../../../src/outputs/output.js';

const event = (ts: number, type = 'E'): EventRecord => ({ event_type: type, note: `é ${ts}`, sys__eid: `e${ts}`, sys__ets: ts, sys__sid: 's' });

/** A sink that records the lines, times and types it is handed. */
function lineSink() {
  const lines: string[] = [];
  const types: string[] = [];
  const times: number[] = [];
  const text = new TextDecoder();
  const sink = {
    typeCounts: new TypeCounts(),
    pushLines(batch: LineBatch, from: number, to: number) {
      for (let i = from; i < to; i++) {
        lines.push(text.decode(batch.bytes.subarray(i === 0 ? 0 : batch.ends[i - 1]! + 1, batch.ends[i])));
        types.push(batch.typeNames[batch.types[i]!]!);
        times.push(batch.ts[i]!);
      }
    },
  };
  return { sink: sink as unknown as EventSink, lines, types, times };
}

/**
 * Fills `maxBatches` one-event batches (each flush returns), then flushes one more and checks
 * that this flush is still waiting a moment later; `done` resolves when it returns.
 */
async function flushBeyond(channel: PartitionChannel, maxBatches: number): Promise<{ done: Promise<unknown> }> {
  for (let ts = 1; ts <= maxBatches; ts++) {
    channel.push(event(ts));
    await channel.flush();
  }
  channel.push(event(maxBatches + 1));
  let released = false;
  const done = channel.flush().then(() => (released = true));
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(released).toBe(false);
  return { done };
}

describe('PartitionChannel', () => {
  it('renders each batch as the JSON lines of its events, with their times and types', () => {
    const channel = new PartitionChannel(0, 2, 10, () => undefined);
    const events = [event(1, 'A'), event(2, 'B'), event(3, 'A')];
    for (const e of events) channel.push(e);
    channel.finish();
    const { sink, lines, types, times } = lineSink();
    while (channel.hasHead()) channel.moveRunTo(sink, undefined, 100);
    expect(lines).toEqual(events.map((e) => JSON.stringify(e)));
    expect(types).toEqual(['A', 'B', 'A']);
    expect(times).toEqual([1, 2, 3]);
  });

  it('holds its partition in flush() while more than maxBatches batches are unread, until the merger reads one', async () => {
    const channel = new PartitionChannel(0, 1, 2, () => undefined);
    const { sink, times } = lineSink();
    const held = await flushBeyond(channel, 2);
    channel.moveRunTo(sink, undefined, 1);
    await held.done;
    expect(times).toEqual([1]);
  });

  it('lets a stopping run leave flush() at once', async () => {
    const channel = new PartitionChannel(0, 1, 1, () => undefined);
    const held = await flushBeyond(channel, 1);
    channel.abort();
    await held.done;
  });
});
