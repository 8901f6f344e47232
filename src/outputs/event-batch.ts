import type { EventBatch, EventRecord } from './output.js';

/** Wraps events as a batch whose JSON lines are rendered once, however many outputs read them. */
export function createEventBatch(events: readonly EventRecord[]): EventBatch {
  let lines: string | undefined;
  return {
    size: events.length,
    events,
    jsonLines() {
      if (lines === undefined) {
        let text = '';
        for (let i = 0; i < events.length; i++) text += JSON.stringify(events[i]) + '\n';
        lines = text;
      }
      return lines;
    },
  };
}

/**
 * A batch of events that arrive as JSON lines (from worker threads): outputs that write text
 * use the lines as they are; the objects are parsed only if an output asks for them.
 */
export function createLineBatch(lines: readonly string[]): EventBatch {
  let events: EventRecord[] | undefined;
  let text: string | undefined;
  return {
    size: lines.length,
    get events() {
      events ??= lines.map((line) => JSON.parse(line) as EventRecord);
      return events;
    },
    jsonLines() {
      if (text === undefined) {
        text = '';
        for (let i = 0; i < lines.length; i++) text += lines[i] + '\n';
      }
      return text;
    },
  };
}
