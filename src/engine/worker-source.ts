import type { EventSink } from './event-sink.js';
import { comesBeforeHead, type MergeSource } from './partition-channel.js';
import type { LineBatch } from './worker-protocol.js';
import { Wakeup } from './wakeup.js';

/**
 * A partition that runs in a worker thread, as the merger reads it: batches of UTF-8 JSON lines
 * arrive by message; each batch read returns a credit so the worker may send another.
 */
export class WorkerSource implements MergeSource {
  private readonly queue: LineBatch[] = [];
  private position = 0;
  private readonly data = new Wakeup();
  done = false;

  constructor(readonly index: number, private readonly credit: (spare: ArrayBuffer) => void) {}

  receive(batch: LineBatch): void {
    this.queue.push(batch);
    this.data.wake();
  }

  finish(): void {
    this.done = true;
    this.data.wake();
  }

  hasHead(): boolean {
    return this.queue.length > 0;
  }

  headTs(): number {
    return this.queue[0]!.ts[this.position]!;
  }

  moveRunTo(sink: EventSink, limit: MergeSource | undefined, max: number): number {
    const batch = this.queue[0]!;
    const first = this.position;
    const n = batch.ends.length;
    let i = first + 1;
    while (i < n && i - first < max && comesBeforeHead(batch.ts[i]!, this.index, limit)) i++;
    // One copy for the whole run: consecutive lines of a batch are one byte range.
    sink.pushLines(batch, first, i);
    this.position = i;
    if (i === n) {
      this.queue.shift();
      this.position = 0;
      // Every line was copied out: the buffer can go back to be filled again.
      this.credit(batch.bytes.buffer as ArrayBuffer);
    }
    return i - first;
  }

  waitForData(): Promise<void> {
    if (this.done || this.queue.length > 0) return Promise.resolve();
    return this.data.wait();
  }
}
