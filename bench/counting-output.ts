import type { EventBatch, Output } from 'deep-faker';

/** An output that counts events and renders each batch's JSON lines, writing nothing. */
export class CountingOutput implements Output {
  readonly name = 'count';
  readonly doneWithBatchOnSettle = true;
  delivered = 0;
  async open() {}
  async write(batch: EventBatch) {
    this.delivered += batch.size;
    batch.jsonLines();
  }
  async flush() {}
  async close() {}
  stats() {
    return { delivered: this.delivered, failed: 0, inFlight: 0 };
  }
}
