import type { EventRecord } from '../outputs/output.js';
import type { EventConsumer } from './event-consumer.js';
import type { EventSink } from './event-sink.js';
import { Wakeup } from './wakeup.js';

/** A stream of one partition's events, in its time order, as the merger reads it. */
export interface MergeSource {
  /** The partition's index: the tie-break between equal timestamps. */
  readonly index: number;
  /** true when an event is buffered. */
  hasHead(): boolean;
  /** sys__ets of the next buffered event (only when hasHead()). */
  headTs(): number;
  /**
   * Moves the next events into the sink: at least one, then on while they still come before
   * the head of `limit` (the runner-up source; none: no limit), and at most `max`.
   */
  moveRunTo(sink: EventSink, limit: MergeSource | undefined, max: number): number;
  /** No more events will come. */
  readonly done: boolean;
  /** Resolves when an event is buffered or the source is done. */
  waitForData(): Promise<void>;
}

/**
 * The bounded buffer between an in-process partition and the merger: the partition waits in
 * flush() while `maxBatches` full batches are unread, so memory stays flat.
 */
export class PartitionChannel implements EventConsumer, MergeSource {
  private current: EventRecord[] = [];
  private readonly queue: EventRecord[][] = [];
  private position = 0;
  private readonly data = new Wakeup();
  private readonly space = new Wakeup();
  private aborted = false;
  done = false;

  constructor(
    readonly index: number,
    private readonly batchSize: number,
    private readonly maxBatches: number,
    private readonly failureOf: () => Error | undefined,
  ) {}

  push(event: EventRecord): void {
    this.current.push(event);
  }

  get needsFlush(): boolean {
    return this.current.length >= this.batchSize;
  }

  get failure(): Error | undefined {
    return this.failureOf();
  }

  async flush(): Promise<void> {
    this.publish();
    while (this.queue.length > this.maxBatches && !this.aborted) {
      await this.space.wait();
    }
  }

  /** The partition has ended: what it buffered is readable, and nothing more comes. */
  finish(): void {
    this.publish();
    this.done = true;
    this.data.wake();
  }

  /** Stops waiting for space (the run is stopping). */
  abort(): void {
    this.aborted = true;
    this.space.wake();
  }

  hasHead(): boolean {
    return this.queue.length > 0;
  }

  headTs(): number {
    return this.queue[0]![this.position]!.sys__ets;
  }

  moveRunTo(sink: EventSink, limit: MergeSource | undefined, max: number): number {
    const batch = this.queue[0]!;
    const first = this.position;
    let i = first;
    do sink.push(batch[i++]!);
    while (i < batch.length && i - first < max && comesBeforeHead(batch[i]!.sys__ets, this.index, limit));
    this.position = i;
    if (i === batch.length) {
      this.queue.shift();
      this.position = 0;
      this.space.wake();
    }
    return i - first;
  }

  waitForData(): Promise<void> {
    if (this.done || this.queue.length > 0) return Promise.resolve();
    return this.data.wait();
  }

  private publish(): void {
    if (this.current.length === 0) return;
    this.queue.push(this.current);
    this.current = [];
    this.data.wake();
  }
}

/** Whether an event of partition `index` at `ts` comes before the head of `limit` (none: yes). */
export function comesBeforeHead(ts: number, index: number, limit: MergeSource | undefined): boolean {
  return limit === undefined || comesBefore(ts, index, limit.headTs(), limit.index);
}

/** Merge order: by time, then by partition index. */
function comesBefore(ts: number, index: number, otherTs: number, otherIndex: number): boolean {
  return ts < otherTs || (ts === otherTs && index < otherIndex);
}
