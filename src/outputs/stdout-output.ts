import type { EventBatch, OutputOpenContext } from './output.js';
import { StreamOutput } from './stream-output.js';

/**
 * Writes every event as one JSON line to stdout. Logs and progress go to stderr, so stdout
 * is the event stream alone and can be piped.
 *
 * @example sim.addOutput(new StdOutOutput());
 */
export class StdOutOutput extends StreamOutput {
  readonly name = 'stdout';

  async open(_context: OutputOpenContext): Promise<void> {
    this.stream = process.stdout;
    // A reader that goes away (| head) is an EPIPE on the stream; the failed write reports it.
    process.stdout.on('error', ignoreStreamError);
  }

  protected render(batch: EventBatch): Uint8Array {
    return batch.jsonBytes();
  }

  async close(): Promise<void> {
    // stdout stays open for the process; waiting for an empty write makes sure all is out.
    const stream = this.stream;
    this.stream = undefined;
    if (stream && !stream.destroyed) await new Promise<void>((resolve) => stream.write('', () => resolve()));
    process.stdout.off('error', ignoreStreamError);
  }
}

function ignoreStreamError(): void {}
