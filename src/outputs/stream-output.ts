import type { Writable } from 'node:stream';
import { DeepFakerError } from '../errors.js';
import type { EventBatch, Output, OutputOpenContext, OutputStats } from './output.js';

/**
 * The shared core of outputs that write text to a stream: a batch counts as delivered when
 * the stream has taken it (written through to the OS), in order.
 */
export abstract class StreamOutput implements Output {
  abstract readonly name: string;
  readonly maxInFlight = 4;
  /** The stream's callback comes once the bytes are written through to the OS. */
  readonly doneWithBatchOnSettle = true;
  protected stream: Writable | undefined;
  private readonly counts: OutputStats = { delivered: 0, failed: 0, inFlight: 0 };
  private broken: Error | undefined;

  abstract open(context: OutputOpenContext): Promise<void>;
  protected abstract render(batch: EventBatch): string | Uint8Array;

  write(batch: EventBatch): Promise<void> {
    const stream = this.stream;
    const size = batch.size;
    if (!stream || this.broken) {
      this.counts.failed += size;
      return Promise.reject(this.broken ?? new DeepFakerError('E_OUTPUT_CLOSED', `${this.name}: write after close.`));
    }
    this.counts.inFlight += size;
    return new Promise((resolve, reject) => {
      stream.write(this.render(batch), (error) => {
        this.counts.inFlight -= size;
        if (error) {
          this.counts.failed += size;
          this.broken ??= (error as NodeJS.ErrnoException).code === 'EPIPE'
            ? new DeepFakerError('E_OUTPUT_CLOSED', `${this.name}: the reader closed the stream (EPIPE); events after that were not written.`)
            : new DeepFakerError('E_OUTPUT_FAILED', `${this.name}: ${error.message}`);
          reject(this.broken);
        } else {
          this.counts.delivered += size;
          resolve();
        }
      });
    });
  }

  async flush(): Promise<void> {}

  stats(): OutputStats {
    return { ...this.counts };
  }

  abstract close(): Promise<void>;
}
