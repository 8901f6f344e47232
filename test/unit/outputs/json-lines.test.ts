import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { pushJsonLines } from '../../../src/outputs/json-lines-of.js';
import { LineBuffer } from '../../../src/outputs/line-buffer.js';
import type { EventRecord } from '../../../src/outputs/output.js';

/** What every line must be: JSON.stringify of its event, and '\n'. */
function expected(events: readonly EventRecord[]): { text: string; ends: number[] } {
  let text = '';
  const ends: number[] = [];
  for (const event of events) {
    text += JSON.stringify(event);
    ends.push(Buffer.byteLength(text));
    text += '\n';
  }
  return { text, ends };
}

function rendered(events: readonly EventRecord[], into = LineBuffer.forLines(events.length)): { text: string; ends: number[] } {
  pushJsonLines(events, into);
  const { bytes, ends } = into.take();
  return { text: bytes.toString('utf8'), ends: [...ends] };
}

function event(i: number, fields: Record<string, unknown> = {}): EventRecord {
  return { event_type: 'Ping', n: i, ...fields, sys__eid: `eid${i}`, sys__ets: 1735689600000 + i, sys__sid: 'session1' };
}

// Text that looks like the place where one event ends and the next begins, and its parts.
const TRICKY = ['},{"event_type":', '"},{"event_type":"', '\\"},{"event_type":', '}\n{', '},{', '"', '\\', '\u0000', '\n', 'é', '日本', '\ud83d\ude00', '\ud800', ']', '['];

describe('pushJsonLines', () => {
  it('writes each event as JSON.stringify does, one per line, across the arrays it serializes at once', () => {
    for (const count of [1, 2, 127, 128, 129, 300, 1000]) {
      const events = Array.from({ length: count }, (_, i) => event(i, { ok: i % 2 === 0, none: null, amount: i / 7 }));
      expect(rendered(events)).toEqual(expected(events));
    }
  });

  it('keeps events apart when their strings hold what separates events', () => {
    const events = TRICKY.map((text, i) => event(i, { text, [`k${i}`]: text }));
    expect(rendered(events)).toEqual(expected(events));
  });

  it('renders events that do not start with event_type or hold objects, as JSON.stringify does', () => {
    const events: EventRecord[] = [
      event(0),
      { n: 1, event_type: 'Late', sys__eid: 'a', sys__ets: 1, sys__sid: 's' },
      event(2, { nested: { event_type: 'x', list: [{ a: 1 }, { event_type: 'y' }] } }),
      event(3, { list: ['},{"event_type":'] }),
      event(4, { skipped: undefined, when: new Date(0) }),
    ];
    expect(rendered(events)).toEqual(expected(events));
    expect(rendered(events.slice(0, 2))).toEqual(expected(events.slice(0, 2)));
    expect(rendered([events[0]!, events[2]!])).toEqual(expected([events[0]!, events[2]!]));
  });

  it('stops serializing arrays for the rest of a batch once one cannot be split', () => {
    // The second event starts with another key: no boundary before it.
    const events: EventRecord[] = Array.from({ length: 300 }, (_, i) => event(i));
    events[1] = { n: 1, event_type: 'Late', sys__eid: 'a', sys__ets: 1, sys__sid: 's' };
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      const lines = rendered(events);
      expect(stringify.mock.calls.filter(([value]) => Array.isArray(value))).toHaveLength(1);
      stringify.mockRestore();
      expect(lines).toEqual(expected(events));
    } finally {
      stringify.mockRestore();
    }
  });

  it('ignores what an earlier batch left in a reused buffer', () => {
    const into = LineBuffer.forLines(4);
    // Bytes that hold boundaries between events, as an array of events would, copied in whole.
    const old = Buffer.from(`[${Array.from({ length: 50 }, (_, i) => JSON.stringify(event(i))).join(',')}]`);
    into.pushLines(old, Uint32Array.of(old.length), 0, 1);
    into.recycle(into.take().bytes.buffer as ArrayBuffer);
    // Shorter events, and the second does not start with event_type: its boundary is not one to
    // find, and the old ones after these lines must not be taken for it.
    const second: EventRecord[] = [event(1), { n: 2, event_type: 'Late', sys__eid: 'b', sys__ets: 2, sys__sid: 's' }];
    expect(rendered(second, into)).toEqual(expected(second));
  });

  it('matches JSON.stringify for any flat events', () => {
    const value = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc.constantFrom(...TRICKY),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    );
    const record = fc.dictionary(fc.constantFrom('a', 'b', 'text', 'event_type', 'n', '1'), value, { maxKeys: 5 });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), record), { maxLength: 300 }), (rows) => {
        // Most events start with event_type, as the engine's do; some do not.
        const events = rows.map(([typed, fields], i) => (typed ? { event_type: `T${i % 3}`, ...fields } : fields) as EventRecord);
        expect(rendered(events)).toEqual(expected(events));
      }),
      { numRuns: 300 },
    );
  });
});
