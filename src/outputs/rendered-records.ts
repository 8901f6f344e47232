import type { EventRecord } from './output.js';
import type { LineBuffer } from './line-buffer.js';
import { pushJsonLines } from './json-lines-of.js';

/**
 * Records rendered at a time: as many as pushJsonLines serializes in one JSON.stringify
 * array. With a million users 128 was faster than 64, 256 (1.031 against 1.019 and 1.021 in
 * pinned pairs) and 32 (0.982); 64 was slower for the quick-start too.
 */
export const RENDER_CHUNK = 128;

/**
 * The records of a batch being gathered, and, when asked to, their JSON lines, rendered a
 * chunk at a time as the records come rather than all at once when the batch is full: the
 * serializer then reads each event's strings soon after they were made or read (an entity's
 * key, read when its flow bound it), while they are still in cache.
 */
export class RenderedRecords {
  private records: EventRecord[] = [];
  /** Records [0, rendered) have their lines in `lines`. */
  private rendered = 0;

  constructor(private readonly lines: LineBuffer) {}

  get size(): number {
    return this.records.length;
  }

  /** Adds a record; with `render`, renders the waiting records once a chunk of them has come. */
  push(event: EventRecord, render: boolean): void {
    const count = this.records.push(event);
    if (render && count - this.rendered >= RENDER_CHUNK) this.renderTo(count);
  }

  /** Takes the first `count` records and their lines, rendering those not rendered yet. */
  takeRendered(count: number): { records: EventRecord[]; bytes: Buffer; ends: Uint32Array<ArrayBuffer> } {
    this.renderTo(count);
    const { bytes, ends } = this.lines.take(count);
    this.rendered -= count;
    return { records: this.takeRecords(count), bytes, ends };
  }

  /** Takes the first `count` records; alone, only where push was never asked to render. */
  takeRecords(count: number): EventRecord[] {
    const records = this.records;
    if (count === records.length) {
      this.records = [];
      return records;
    }
    this.records = records.slice(count);
    return records.slice(0, count);
  }

  private renderTo(count: number): void {
    if (count <= this.rendered) return;
    pushJsonLines(this.records, this.lines, this.rendered, count);
    this.rendered = count;
  }
}
