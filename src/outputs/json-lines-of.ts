import type { EventRecord } from './output.js';
import type { LineBuffer } from './line-buffer.js';
import { touchString } from '../util/touch.js';

/**
 * Reads every string an event holds (touchString) before any is serialized, for a batch
 * rendered whole after it was made (jsonLinesOf): many of its strings are cold by then, an
 * entity's key, made when the entity was, anywhere in a heap of hundreds of thousands.
 * JSON.stringify meets those cache misses one at a time; this loop's reads do not depend on
 * each other, so the processor overlaps them (JSON.stringify's share with a million users
 * 795 -> 436 ms, when every batch was rendered whole). Reading a last character also flattens
 * a concatenated string (an email, a full name) before JSON.stringify meets it.
 */
function touchStrings(events: readonly EventRecord[]): void {
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    for (const key in event) touchString(event[key]);
  }
}

/**
 * Whether every value of the events in [from, to) is a primitive (no object or array).
 * pushJsonLines does not read their strings ahead as touchStrings does: in a run its events
 * are mostly rendered a chunk at a time as they come (RenderedRecords), strings still in
 * cache, and reading them ahead then cost more than it saved (quick-start 2.1% faster
 * without, in 12 pinned pairs; a million users 1.0%).
 */
function allPrimitive(events: readonly EventRecord[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const event = events[i]!;
    for (const key in event) {
      const value = event[key];
      if (typeof value === 'object' && value !== null) return false;
    }
  }
  return true;
}

/** Each event as one JSON line (no newline), as JSON.stringify writes it. */
export function jsonLinesOf(events: readonly EventRecord[]): string[] {
  touchStrings(events);
  return events.map((event) => JSON.stringify(event));
}

/**
 * Appends the JSON line (as JSON.stringify writes it) and '\n' of each event in [from, to)
 * to `into`. Events whose values are all primitives are serialized as one array, with one
 * JSON.stringify call, and split into lines where one event ends and the next begins
 * (LineBuffer.pushJsonArray): a call per event, and encoding each result on its own, cost
 * about 0.4 µs more per event.
 */
export function pushJsonLines(events: readonly EventRecord[], into: LineBuffer, from = 0, to = events.length): void {
  // Once an array cannot be split (an event does not start with event_type), the rest of the
  // range takes the per-event path: events of such a range are rarely all alike, and an
  // array that fails costs its serialization twice.
  let asArrays = allPrimitive(events, from, to);
  for (let start = from; start < to; start += EVENTS_PER_ARRAY) {
    const end = Math.min(to, start + EVENTS_PER_ARRAY);
    if (asArrays && into.pushJsonArray(JSON.stringify(events.slice(start, end)), end - start, EVENT_BOUNDARY)) continue;
    asArrays = false;
    for (let i = start; i < end; i++) into.pushText(JSON.stringify(events[i]));
  }
}

/**
 * Where one event ends and the next begins in a JSON array of flat events (values are
 * strings, numbers, booleans or null) whose first key is event_type. Nowhere else: inside a
 * string a quote is escaped, so the quote here opens a key, and only an event's first key
 * follows a '{' when no value is an object.
 */
const EVENT_BOUNDARY = '},{"event_type":';

/**
 * Events serialized per array: its text stays well under V8's largest regular object
 * (128 KB), so encoding it does not make a large object (a system call) per batch.
 */
const EVENTS_PER_ARRAY = 128;
