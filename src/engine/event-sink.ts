/**
 * Hands events to every output in batches, in emission (= time) order, and holds the engine
 * back when an output falls behind: at most `maxInFlight` batches wait on each output.
 */
import { DeepFakerError, isDeepFakerError } from '../errors.js';
import { createEventBatch } from '../outputs/event-batch.js';
import type { EventRecord, Output } from '../outputs/output.js';

interface OutputLane {
  readonly output: Output;
  readonly limit: number;
  readonly pending: Promise<void>[];
}

export class EventSink {
  private batch: EventRecord[] = [];
  private readonly lanes: OutputLane[];
  /** The first delivery failure; the run stops when it is set. */
  failure: Error | undefined;

  constructor(outputs: readonly Output[], readonly batchSize: number) {
    this.lanes = outputs.map((output) => ({ output, limit: Math.max(1, output.maxInFlight ?? 1), pending: [] }));
  }

  /** Adds an event; true when a batch is full and `flush` should be awaited. */
  push(event: EventRecord): boolean {
    this.batch.push(event);
    return this.batch.length >= this.batchSize;
  }

  get buffered(): number {
    return this.batch.length;
  }

  /** Sends the current batch; waits only for outputs that have too many batches in flight. */
  async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const batch = createEventBatch(this.batch);
    this.batch = [];
    for (const lane of this.lanes) {
      // Waiting here is the backpressure: generation pauses while this output catches up.
      while (lane.pending.length >= lane.limit) await lane.pending.shift();
      const delivery = lane.output.write(batch).catch((error: unknown) => {
        this.failure ??= asError(error, lane.output);
      });
      lane.pending.push(delivery);
    }
  }

  /** Sends what is buffered and waits until every output has delivered or failed. */
  async drain(): Promise<void> {
    await this.flush();
    for (const lane of this.lanes) {
      while (lane.pending.length > 0) await lane.pending.shift();
    }
    await Promise.all(
      this.lanes.map((lane) => lane.output.flush().catch((error: unknown) => {
        this.failure ??= asError(error, lane.output);
      })),
    );
  }
}

function asError(error: unknown, output: Output): Error {
  if (isDeepFakerError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new DeepFakerError('E_OUTPUT_FAILED', `${output.name}: delivery failed: ${message}`);
}
