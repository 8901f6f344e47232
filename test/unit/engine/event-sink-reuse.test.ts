import { describe, expect, it } from 'vitest';
import { EventSink } from '../../../src/engine/event-sink.js';
import type { EventBatch, EventRecord, Output, OutputStats } from '../../../src/outputs/output.js';
import type { LineBatch } from '../../../src/engine/worker-protocol.js';
import { LineBuffer } from '../../../src/outputs/line-buffer.js';

const BATCH = 50;

const record = (n: number): EventRecord => ({ event_type: 'Tick', n, text: `event ${n} ${'x'.repeat(n % 40)}`, sys__eid: `e${n}`, sys__ets: 1_700_000_000_000 + n, sys__sid: 's' });

/**
 * Reads each batch's bytes when write() is called and again just before its promise
 * resolves, `delayMs` later: the two must be equal, whatever other outputs do meanwhile.
 */
class CheckingOutput implements Output {
  readonly maxInFlight = 4;
  readonly doneWithBatchOnSettle: boolean;
  readonly buffers = new Set<ArrayBufferLike>();
  readonly changed: number[] = [];
  text = '';
  private batches = 0;

  /** Bytes of every batch as written, and the batches themselves, to read them again later. */
  readonly kept: { copy: Buffer; bytes: Uint8Array }[] = [];

  constructor(readonly name: string, private readonly delayMs: number, done = true) {
    this.doneWithBatchOnSettle = done;
  }

  async open(): Promise<void> {}

  async write(batch: EventBatch): Promise<void> {
    const bytes = batch.jsonBytes();
    const copy = Buffer.from(bytes);
    const index = this.batches++;
    this.buffers.add(bytes.buffer);
    this.kept.push({ copy, bytes });
    this.text += copy.toString('utf8');
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    if (!copy.equals(bytes)) this.changed.push(index);
  }

  async flush(): Promise<void> {}
  async close(): Promise<void> {}
  stats(): OutputStats {
    return { delivered: 0, failed: 0, inFlight: 0 };
  }
}

async function pushAll(sink: EventSink, count: number, push: (n: number) => void): Promise<void> {
  for (let n = 0; n < count; n++) {
    push(n);
    if (sink.needsFlush) await sink.flush();
  }
  await sink.drain();
}

describe('EventSink buffer reuse', () => {
  it('reuses nothing when an output does not say it is done with a batch once its write settles', async () => {
    const keeper = new CheckingOutput('keeper', 0, false);
    const sink = new EventSink([keeper, new CheckingOutput('fast', 0)], { batchSize: BATCH });
    await pushAll(sink, 20 * BATCH, (n) => sink.push(record(n)));
    // Every batch it was given still holds what it held when it was written.
    expect(keeper.kept.filter(({ copy, bytes }) => !copy.equals(bytes))).toEqual([]);
    expect(keeper.buffers.size).toBe(20);
  });

  const expected = Array.from({ length: 20 * BATCH }, (_, n) => JSON.stringify(record(n)) + '\n').join('');

  it('reuses a batch buffer for records only after every output has settled its write', async () => {
    const fast = new CheckingOutput('fast', 0);
    const slow = new CheckingOutput('slow', 15);
    const sink = new EventSink([fast, slow], { batchSize: BATCH });
    await pushAll(sink, 20 * BATCH, (n) => sink.push(record(n)));
    expect(slow.changed).toEqual([]);
    expect(fast.changed).toEqual([]);
    expect(slow.text).toBe(expected);
    // Reused, not one buffer per batch (20 batches, at most 4 in flight per output).
    expect(slow.buffers.size).toBeLessThan(10);
  });

  it('reuses merged worker bytes the same way', async () => {
    const fast = new CheckingOutput('fast', 0);
    const slow = new CheckingOutput('slow', 15);
    const sink = new EventSink([fast, slow], { batchSize: BATCH });
    const lines = new LineBuffer(64);
    for (let n = 0; n < 20 * BATCH; n++) lines.pushText(JSON.stringify(record(n)));
    const { bytes, ends } = lines.take();
    const batch: LineBatch = {
      bytes, ends, ts: Float64Array.from({ length: ends.length }, (_, n) => record(n).sys__ets),
      types: new Uint16Array(ends.length), typeNames: ['Tick'],
    };
    const slots = sink.typeCounts.slotsOf(batch.typeNames);
    await pushAll(sink, 20 * BATCH, (n) => sink.pushLines(batch, n, n + 1, slots));
    expect(sink.eventsByType).toEqual(new Map([['Tick', 20 * BATCH]]));
    expect(slow.changed).toEqual([]);
    expect(slow.text).toBe(expected);
    expect(slow.buffers.size).toBeLessThan(10);
  });
});
