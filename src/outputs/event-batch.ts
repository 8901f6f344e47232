import type { EventBatch, EventRecord } from './output.js';
import { LineBuffer } from './line-buffer.js';
import { renderJsonLines } from './render-json-lines.js';

/** Wraps events made in this thread: each is rendered as JSON once, however many outputs read it. */
export function createEventBatch(events: readonly EventRecord[]): EventBatch {
  return createRecordBatch(events, LineBuffer.forLines(events.length)).batch;
}

/** A batch of records, and the bytes its JSON lines went into, if an output asked for them. */
export interface RecordBatch {
  readonly batch: EventBatch;
  renderedBytes(): Uint8Array | undefined;
}

/**
 * As createEventBatch, rendering the JSON lines into `into` (whose buffers can be reused) at
 * the first ask: a run that writes only to databases never makes JSON. Once rendered, the
 * lines are served from the bytes, as for a batch from worker threads.
 */
export function createRecordBatch(events: readonly EventRecord[], into: LineBuffer): RecordBatch {
  let rendered: EventBatch | undefined;
  const lines = (): EventBatch => {
    if (rendered === undefined) {
      renderJsonLines(events, into);
      const { bytes, ends } = into.take();
      rendered = createByteBatch(bytes, ends);
    }
    return rendered;
  };
  return {
    batch: {
      size: events.length,
      events,
      jsonLine: (index) => lines().jsonLine(index),
      jsonBytes: () => lines().jsonBytes(),
      jsonLines: () => lines().jsonLines(),
    },
    renderedBytes: () => rendered?.jsonBytes(),
  };
}

/**
 * A batch that arrives as UTF-8 JSON lines (merged from worker threads): text outputs write
 * the bytes as they are; single lines and objects are decoded only when an output asks.
 * `ends[i]` is where line i ends in `bytes`, its '\n' excluded.
 */
export function createByteBatch(bytes: Buffer, ends: Uint32Array): EventBatch {
  let events: EventRecord[] | undefined;
  let text: string | undefined;
  const line = (index: number): string => bytes.toString('utf8', index === 0 ? 0 : ends[index - 1]! + 1, ends[index]!);
  return {
    size: ends.length,
    get events() {
      events ??= Array.from({ length: ends.length }, (_, i) => JSON.parse(line(i)) as EventRecord);
      return events;
    },
    jsonLine: line,
    jsonLines: () => (text ??= bytes.toString('utf8')),
    jsonBytes: () => bytes,
  };
}
