import type { EventBatch, EventRecord } from './output.js';

const NEWLINE = 10;

/** Wraps events made in this thread: each is rendered as JSON once, however many outputs read it. */
export function createEventBatch(events: readonly EventRecord[]): EventBatch {
  let lines: string[] | undefined;
  let text: string | undefined;
  let bytes: Uint8Array | undefined;
  const rendered = (): string[] => (lines ??= events.map((event) => JSON.stringify(event)));
  const jsonLines = (): string => (text ??= events.length === 0 ? '' : rendered().join('\n') + '\n');
  return {
    size: events.length,
    events,
    jsonLine: (index) => rendered()[index]!,
    jsonLines,
    jsonBytes: () => (bytes ??= Buffer.from(jsonLines(), 'utf8')),
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

/** Where each '\n'-terminated line of `bytes` ends ('\n' excluded). */
export function lineEnds(bytes: Uint8Array, count: number): Uint32Array<ArrayBuffer> {
  const ends = new Uint32Array(count);
  let from = 0;
  for (let i = 0; i < count; i++) {
    const end = bytes.indexOf(NEWLINE, from);
    ends[i] = end;
    from = end + 1;
  }
  return ends;
}
