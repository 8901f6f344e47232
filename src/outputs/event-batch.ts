import type { EventBatch, EventRecord } from './output.js';

/** Wraps events as a batch whose JSON lines are rendered once, however many outputs read them. */
export function createEventBatch(events: readonly EventRecord[]): EventBatch {
  let lines: string | undefined;
  return {
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
