import type { EventBatch, EventRecord } from './output.js';
import { LineBuffer } from './line-buffer.js';
import { jsonLinesOf, pushJsonLines } from './json-lines-of.js';

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
 * As createEventBatch, rendering the JSON lines into `into` (whose buffers can be reused), or
 * with them rendered already (`rendered`: the events' lines, as LineBuffer.take gives them).
 */
export function createRecordBatch(events: readonly EventRecord[], into: LineBuffer, rendered?: { bytes: Buffer; ends: Uint32Array }): RecordBatch {
  let lines: string[] | undefined;
  let bytes: Buffer | undefined = rendered?.bytes;
  let ends: Uint32Array | undefined = rendered?.ends;
  let text: string | undefined;
  const jsonBytes = (): Buffer => {
    if (bytes === undefined) {
      if (lines === undefined) pushJsonLines(events, into);
      else for (let i = 0; i < lines.length; i++) into.pushText(lines[i]!);
      ({ bytes, ends } = into.take());
    }
    return bytes;
  };
  // Whichever form an output asks for first is rendered from the events; the other is made
  // from it, so that no batch is serialized twice.
  const jsonLine = (index: number): string => {
    if (lines !== undefined) return lines[index]!;
    if (bytes !== undefined) return bytes.toString('utf8', index === 0 ? 0 : ends![index - 1]! + 1, ends![index]!);
    lines = jsonLinesOf(events);
    return lines[index]!;
  };
  return {
    batch: {
      size: events.length,
      events,
      jsonLine,
      jsonBytes,
      jsonLines: () => (text ??= jsonBytes().toString('utf8')),
    },
    renderedBytes: () => bytes,
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
