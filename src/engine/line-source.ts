import type { EventSink } from './event-sink.js';
import { comesBeforeHead, type MergeSource } from './merge-sources.js';
import type { LineBatch } from './worker-protocol.js';
import { Wakeup } from './wakeup.js';

/**
 * A partition's events as the merger reads them: batches of UTF-8 JSON lines, from a worker
 * thread (by message) or from a partition in this thread (PartitionChannel). Runs of lines
 * are copied into the sink by byte range; `read` gets each batch's buffer once every line of
 * it has been copied out, to fill again.
 */
export class LineSource implements MergeSource {
  private readonly queue: LineBatch[] = [];
  private position = 0;
  /** The sink's slot of each of this partition's type names, as far as they are known. */
  private typeSlots: Int32Array | undefined;
  private readonly data = new Wakeup();
  done = false;

  constructor(readonly index: number, private readonly read: (spare: ArrayBuffer) => void) {}

  /** Batches received and not yet read to the end. */
  get queued(): number {
    return this.queue.length;
  }

  receive(batch: LineBatch): void {
    this.queue.push(batch);
    this.data.wake();
  }

  /** No more batches will come. */
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
    // Once per batch, at its first run: a batch's names are those of every run in it.
    if (first === 0) this.typeSlots = sink.typeCounts.slotsOf(batch.typeNames, this.typeSlots);
    sink.pushLines(batch, first, i, this.typeSlots!);
    this.position = i;
    if (i === n) {
      this.queue.shift();
      this.position = 0;
      this.read(batch.bytes.buffer as ArrayBuffer);
    }
    return i - first;
  }

  waitForData(): Promise<void> {
    if (this.done || this.queue.length > 0) return Promise.resolve();
    return this.data.wait();
  }
}
