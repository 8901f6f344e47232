import type { EventRecord } from '../outputs/output.js';
import type { EventConsumer } from './event-consumer.js';
import { LineBatcher } from './line-batcher.js';
import { LineSource } from './line-source.js';
import { Wakeup } from './wakeup.js';

/**
 * The bounded buffer between a partition run in this thread and the merger. Each batch is
 * rendered as JSON lines when the partition flushes, as a worker thread renders it, so the
 * merger reads every partition alike; the partition waits in flush() while `maxBatches`
 * rendered batches are unread, so memory stays flat.
 */
export class PartitionChannel extends LineSource implements EventConsumer {
  private readonly batcher: LineBatcher;
  private readonly space = new Wakeup();
  private aborted = false;

  constructor(
    index: number,
    private readonly batchSize: number,
    private readonly maxBatches: number,
    private readonly failureOf: () => Error | undefined,
  ) {
    super(index, (spare) => {
      this.batcher.recycle(spare);
      this.space.wake();
    });
    this.batcher = new LineBatcher(batchSize);
  }

  push(event: EventRecord): void {
    this.batcher.push(event);
  }

  get needsFlush(): boolean {
    return this.batcher.size >= this.batchSize;
  }

  get failure(): Error | undefined {
    return this.failureOf();
  }

  async flush(): Promise<void> {
    this.publish();
    while (this.queued > this.maxBatches && !this.aborted) {
      await this.space.wait();
    }
  }

  /** The partition has ended: what it buffered is readable, and nothing more comes. */
  override finish(): void {
    this.publish();
    super.finish();
  }

  /** Stops waiting for space (the run is stopping). */
  abort(): void {
    this.aborted = true;
    this.space.wake();
  }

  private publish(): void {
    const batch = this.batcher.take();
    if (batch !== undefined) this.receive(batch);
  }
}
