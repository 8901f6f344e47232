import type { EventRecord } from '../outputs/output.js';

/**
 * Where a partition's loop puts its events: the output sink directly (one partition) or a
 * channel to the merger (several). `flush` is where the loop waits when the consumer is full.
 */
export interface EventConsumer {
  push(event: EventRecord): void;
  /** true when `flush` should be awaited before generating more. */
  readonly needsFlush: boolean;
  flush(): Promise<void>;
  /** Set when delivery failed; the loop stops. */
  readonly failure: Error | undefined;
}
