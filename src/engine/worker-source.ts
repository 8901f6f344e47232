import type { EventSink } from './event-sink.js';
import type { MergeSource } from './partition-channel.js';
import type { LineBatch } from './worker-protocol.js';
import { Wakeup } from './wakeup.js';

/** A received batch, its bytes seen as a Buffer to copy lines out of. */
interface ReceivedBatch extends Omit<LineBatch, 'bytes'> {
  readonly bytes: Buffer;
}

/**
 * A partition that runs in a worker thread, as the merger reads it: batches of UTF-8 JSON lines
 * arrive by message; each batch read returns a credit so the worker may send another.
 */
export class WorkerSource implements MergeSource {
  private readonly queue: ReceivedBatch[] = [];
  private position = 0;
  private readonly data = new Wakeup();
  done = false;

  constructor(readonly index: number, private readonly credit: () => void) {}

  receive(batch: LineBatch): void {
    this.queue.push({ ...batch, bytes: Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength) });
    this.data.wake();
  }

  finish(): void {
    this.done = true;
    this.data.wake();
  }

  headTs(): number | undefined {
    const batch = this.queue[0];
    return batch === undefined ? undefined : batch.ts[this.position];
  }

  moveHeadTo(sink: EventSink): void {
    const batch = this.queue[0]!;
    const i = this.position;
    const start = i === 0 ? 0 : batch.ends[i - 1]! + 1;
    sink.pushBytes(batch.bytes, start, batch.ends[i]! + 1, batch.ts[i]!, batch.typeNames[batch.types[i]!]!);
    if (++this.position === batch.ends.length) {
      this.queue.shift();
      this.position = 0;
      this.credit();
    }
  }

  waitForData(): Promise<void> {
    if (this.done || this.queue.length > 0) return Promise.resolve();
    return this.data.wait();
  }
}
