/**
 * Hands events to every output in batches, in time order, and holds generation back when an
 * output falls behind: at most `maxInFlight` batches wait on each output. In live mode it
 * also holds each event until the wall clock reaches its time.
 */
import { DeepFakerError, isDeepFakerError } from '../errors.js';
import { createByteBatch, createRecordBatch, type RecordBatch } from '../outputs/event-batch.js';
import { RenderedRecords } from '../outputs/rendered-records.js';
import { LineBuffer } from '../outputs/line-buffer.js';
import type { EventBatch, EventRecord, Output } from '../outputs/output.js';
import type { EventConsumer } from './event-consumer.js';
import type { Pacer } from './pacer.js';
import type { LineBatch } from './worker-protocol.js';
import { TypeCounts } from './type-counts.js';
import { sleep } from '../util/sleep.js';

/** Timestamps the buffer starts with room for (it grows to a batch and stays). */
const FIRST_TIMES = 1024;

interface OutputLane {
  readonly output: Output;
  readonly limit: number;
  readonly pending: Promise<void>[];
}

export interface SinkOptions {
  readonly batchSize: number;
  /** Live mode; undefined releases events as fast as outputs take them. */
  readonly pacer?: Pacer;
  /** Wakes a live-mode wait when the run stops. */
  readonly signal?: AbortSignal;
  /** Called after each batch with the count delivered and the time of the last event. */
  readonly onBatch?: (events: number, lastTs: number) => void;
}

export class EventSink implements EventConsumer {
  /** Buffered events: objects (see renderAhead), or JSON lines rendered by worker threads. */
  private readonly records: RenderedRecords;
  private readonly lines: LineBuffer;
  /** Where batches of records are rendered as JSON lines when an output asks. */
  private readonly rendering: LineBuffer;
  /** Where records are rendered as they come, once renderAhead is set. */
  private readonly renderedAhead: LineBuffer;
  /**
   * Set once an output has read a batch's JSON lines as the batch was handed to it (the
   * outputs of a run stay the same): from then on records are rendered as they come, a
   * chunk at a time, while their strings are in cache. Until then, and for outputs that
   * read only objects (SQL), nothing is rendered that no output reads.
   */
  private renderAhead = false;
  /** sys__ets of each buffered event (the first `buffered`), in order, whichever form it has. */
  private times = new Float64Array(FIRST_TIMES);
  private buffered = 0;
  private readonly lanes: OutputLane[];
  /** Every output reads a batch only until its write settles: batch buffers can be reused. */
  private readonly reuseBuffers: boolean;
  private handed = 0;
  /** The first delivery failure; the run stops when it is set. */
  failure: Error | undefined;

  constructor(outputs: readonly Output[], private readonly options: SinkOptions) {
    this.lanes = outputs.map((output) => ({ output, limit: Math.max(1, output.maxInFlight ?? 1), pending: [] }));
    this.reuseBuffers = outputs.every((output) => output.doneWithBatchOnSettle === true);
    this.lines = LineBuffer.forLines(options.batchSize);
    this.rendering = LineBuffer.forLines(options.batchSize);
    this.renderedAhead = LineBuffer.forLines(options.batchSize);
    this.records = new RenderedRecords(this.renderedAhead);
  }

  /** Events accepted so far, per event type; lines name their slots (see `pushLines`). */
  readonly typeCounts = new TypeCounts();

  /** Events accepted so far, per event type, in the order each type first came. */
  get eventsByType(): Map<string, number> {
    return this.typeCounts.toMap();
  }

  push(event: EventRecord): void {
    this.records.push(event, this.renderAhead);
    if (this.buffered === this.times.length) this.growTimes(1);
    this.times[this.buffered++] = event.sys__ets;
    this.typeCounts.add(this.typeCounts.slotOf(event.event_type));
  }

  /**
   * Adds events [from, to) of a batch rendered as JSON lines. `slots`: this sink's
   * `typeCounts` slot of each of the batch's type names (`typeCounts.slotsOf`).
   */
  pushLines(batch: LineBatch, from: number, to: number, slots: Int32Array): void {
    this.lines.pushLines(batch.bytes, batch.ends, from, to);
    if (this.buffered + to - from > this.times.length) this.growTimes(to - from);
    for (let i = from; i < to; i++) {
      this.times[this.buffered++] = batch.ts[i]!;
      this.typeCounts.add(slots[batch.types[i]!]!);
    }
  }

  /** Events that still fit in the batch being gathered (at least one). */
  get room(): number {
    return Math.max(1, this.options.batchSize - this.buffered);
  }

  get needsFlush(): boolean {
    const n = this.buffered;
    if (n >= this.options.batchSize) return true;
    // Live mode: an event not yet due means everything before it should go out now.
    return this.options.pacer !== undefined && n > 0 && this.options.pacer.waitFor(this.times[n - 1]!) > 0;
  }

  /** Events handed to outputs so far. */
  get delivered(): number {
    return this.handed;
  }

  async flush(): Promise<void> {
    const pacer = this.options.pacer;
    if (pacer === undefined) return this.send(this.buffered);
    while (this.buffered > 0 && !this.options.signal?.aborted) {
      const wait = pacer.waitFor(this.times[0]!);
      if (wait > 0) await sleep(wait, this.options.signal);
      let due = 0;
      while (due < this.buffered && pacer.waitFor(this.times[due]!) <= 0) due++;
      await this.send(due);
    }
    // Stopped while waiting: what was generated is still delivered.
    await this.send(this.buffered);
  }

  /** Sends what is buffered and waits until every output has delivered or failed. */
  async drain(): Promise<void> {
    await this.send(this.buffered);
    for (const lane of this.lanes) {
      while (lane.pending.length > 0) await lane.pending.shift();
    }
    await Promise.all(this.lanes.map((lane) => lane.output.flush().catch((error: unknown) => this.fail(error, lane.output))));
  }

  private async send(count: number): Promise<void> {
    if (count === 0) return;
    const lastTs = this.times[count - 1]!;
    const all = count === this.buffered;
    let batch: EventBatch;
    // A batch rendered only when an output asks: whether one asked sets renderAhead.
    let lazy: RecordBatch | undefined;
    let recycle: () => void;
    // A run has events of one form: objects (this thread) or lines (worker threads).
    if (this.lines.count > 0) {
      const { bytes, ends } = this.lines.take(count);
      batch = createByteBatch(bytes, ends);
      recycle = () => this.lines.recycle(bytes.buffer as ArrayBuffer);
    } else if (this.renderAhead) {
      const { records, bytes, ends } = this.records.takeRendered(count);
      batch = createRecordBatch(records, this.rendering, { bytes, ends }).batch;
      recycle = () => this.renderedAhead.recycle(bytes.buffer as ArrayBuffer);
    } else {
      const made = createRecordBatch(this.records.takeRecords(count), this.rendering);
      lazy = made;
      batch = made.batch;
      recycle = () => {
        const bytes = made.renderedBytes();
        if (bytes !== undefined) this.rendering.recycle(bytes.buffer as ArrayBuffer);
      };
    }
    if (!all) this.times.copyWithin(0, count, this.buffered);
    this.buffered -= count;
    const writes: Promise<void>[] = [];
    for (const lane of this.lanes) {
      // Waiting here is the backpressure: generation pauses while this output catches up.
      while (lane.pending.length >= lane.limit) await lane.pending.shift();
      const write = lane.output.write(batch).catch((error: unknown) => this.fail(error, lane.output));
      lane.pending.push(write);
      writes.push(write);
    }
    // Outputs that say they are done with a batch when their write settles let its byte buffer
    // take a later batch: a fresh buffer per batch made V8 run full collections for the
    // external memory alone.
    if (this.reuseBuffers) void Promise.all(writes).then(recycle);
    if (lazy?.renderedBytes() !== undefined) this.renderAhead = true;
    this.handed += count;
    this.options.onBatch?.(this.handed, lastTs);
  }

  /** Times are kept in a typed array: a number array boxes each (they are not small integers). */
  private growTimes(more: number): void {
    const grown = new Float64Array(Math.max(this.buffered + more, this.times.length * 2));
    grown.set(this.times.subarray(0, this.buffered));
    this.times = grown;
  }

  private fail(error: unknown, output: Output): void {
    if (this.failure) return;
    if (isDeepFakerError(error)) this.failure = error;
    else {
      const message = error instanceof Error ? error.message : String(error);
      this.failure = new DeepFakerError('E_OUTPUT_FAILED', `${output.name}: delivery failed: ${message}`);
    }
  }
}
