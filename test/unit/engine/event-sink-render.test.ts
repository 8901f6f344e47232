import { describe, expect, it } from 'vitest';
import { EventSink } from '../../../src/engine/event-sink.js';
import type { EventBatch, EventRecord, Output, OutputStats } from '../../../src/outputs/output.js';
import { RENDER_CHUNK } from '../../../src/outputs/rendered-records.js';

const BATCH = 300;

/** Events whose `probe` counts how often JSON.stringify rendered them. */
function counted(): { event: (n: number) => EventRecord; renders: () => number } {
  let renders = 0;
  const probe = { toJSON: () => (renders++, 'p') };
  return {
    event: (n) => ({ event_type: 'Tick', n, probe, sys__eid: `e${n}`, sys__ets: 1_700_000_000_000 + n, sys__sid: 's' }),
    renders: () => renders,
  };
}

/** Reads each batch as `read` says: its bytes (a file), or only its objects (a SQL table). */
class ReadingOutput implements Output {
  readonly name = 'reading';
  readonly doneWithBatchOnSettle = true;
  text = '';
  events = 0;

  constructor(private readonly read: 'bytes' | 'objects') {}

  async open(): Promise<void> {}
  async write(batch: EventBatch): Promise<void> {
    if (this.read === 'bytes') this.text += Buffer.from(batch.jsonBytes()).toString('utf8');
    else this.events += batch.events.length;
  }
  async flush(): Promise<void> {}
  async close(): Promise<void> {}
  stats(): OutputStats {
    return { delivered: 0, failed: 0, inFlight: 0 };
  }
}

describe('EventSink rendering', () => {
  it('renders records as they come once an output has read a batch as JSON, each once', async () => {
    const { event, renders } = counted();
    const output = new ReadingOutput('bytes');
    const sink = new EventSink([output], { batchSize: BATCH });
    for (let n = 0; n < BATCH; n++) sink.push(event(n));
    // The first batch is rendered when the output reads it.
    expect(renders()).toBe(0);
    await sink.flush();
    expect(renders()).toBe(BATCH);
    // From then on, a chunk at a time as records come, before the batch is handed on.
    for (let n = BATCH; n < BATCH + RENDER_CHUNK - 1; n++) sink.push(event(n));
    expect(renders()).toBe(BATCH);
    sink.push(event(BATCH + RENDER_CHUNK - 1));
    expect(renders()).toBe(BATCH + RENDER_CHUNK);
    for (let n = BATCH + RENDER_CHUNK; n < 2 * BATCH + 50; n++) {
      sink.push(event(n));
      if (sink.needsFlush) await sink.flush();
    }
    await sink.drain();
    expect(renders()).toBe(2 * BATCH + 50);
    const expected = Array.from({ length: 2 * BATCH + 50 }, (_, n) => `${JSON.stringify(event(n))}\n`).join('');
    expect(output.text).toBe(expected);
  });

  it('renders nothing for outputs that read only objects', async () => {
    const { event, renders } = counted();
    const output = new ReadingOutput('objects');
    const sink = new EventSink([output], { batchSize: BATCH });
    for (let n = 0; n < 3 * BATCH; n++) {
      sink.push(event(n));
      if (sink.needsFlush) await sink.flush();
    }
    await sink.drain();
    expect(output.events).toBe(3 * BATCH);
    expect(renders()).toBe(0);
  });
});
