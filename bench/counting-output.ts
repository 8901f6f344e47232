import type { EventBatch, Output } from 'deep-faker';

/**
 * An output that counts events and renders each batch, writing nothing: as JSON lines (a
 * string), or as the bytes a file output writes (`'bytes'`). It settles at once, so nothing
 * in a run waits on when a write completes.
 */
export class CountingOutput implements Output {
  readonly name = 'count';
  readonly doneWithBatchOnSettle = true;
  delivered = 0;
  constructor(private readonly render: 'lines' | 'bytes' = 'lines') {}
  async open() {}
  async write(batch: EventBatch) {
    this.delivered += batch.size;
    if (this.render === 'bytes') batch.jsonBytes();
    else batch.jsonLines();
  }
  async flush() {}
  async close() {}
  stats() {
    return { delivered: this.delivered, failed: 0, inFlight: 0 };
  }
}
