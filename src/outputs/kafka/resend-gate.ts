/**
 * Stops kafkajs from resending a failed produce request on its own. An idempotent kafkajs
 * producer insists on at least one retry, and a retry after a lost acknowledgement writes
 * the records twice on a broker without duplicate detection. KafkaDelivery resends instead,
 * after checking what arrived.
 */
import type { ICustomPartitioner } from 'kafkajs';

/** Thrown inside kafkajs on its second pass over a message; never retried by kafkajs. */
export class ResendBlockedError extends Error {
  readonly retriable = false;
  constructor() {
    super('kafkajs resend blocked (KafkaDelivery checks and resends)');
    this.name = 'ResendBlockedError';
  }
}

// Marks a message as handed to kafkajs once; a property, not a WeakSet: it is on the hot path.
const PASSED = Symbol('passedToKafkajs');
type Marked = { [PASSED]?: boolean };

export class ResendGate {
  /**
   * A partitioner for kafka.producer({ createPartitioner }). kafkajs calls it once per message
   * per attempt, before any byte is sent, so a second call means a resend is starting.
   * Every message carries its partition already (chosen in partition-chunks.ts).
   */
  readonly createPartitioner: ICustomPartitioner = () => ({ message }) => {
    const marked = message as Marked;
    if (marked[PASSED]) throw new ResendBlockedError();
    marked[PASSED] = true;
    return message.partition!;
  };

  /** Lets these messages through once more: called before each send of ours. */
  open(messages: readonly object[]): void {
    for (const m of messages) (m as Marked)[PASSED] = false;
  }
}
