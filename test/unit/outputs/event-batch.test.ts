import { describe, expect, it } from 'vitest';
import { createByteBatch, createEventBatch } from '../../../src/outputs/event-batch.js';
import { LineBuffer } from '../../../src/outputs/line-buffer.js';
import type { EventRecord } from '../../../src/outputs/output.js';

const events: EventRecord[] = [
  { event_type: 'A', name: 'Zoë Ångström', sys__eid: 'e1', sys__ets: 1, sys__sid: 's' },
  { event_type: 'B', note: 'line\nbreak 日本 😀', sys__eid: 'e2', sys__ets: 2, sys__sid: 's' },
  { event_type: 'A', name: 'plain', sys__eid: 'e3', sys__ets: 3, sys__sid: 's' },
];
const text = events.map((e) => JSON.stringify(e) + '\n').join('');

describe('createEventBatch', () => {
  it('renders every form from the same JSON', () => {
    const batch = createEventBatch(events);
    expect(batch.size).toBe(3);
    expect(batch.jsonLines()).toBe(text);
    expect(Buffer.from(batch.jsonBytes()).toString('utf8')).toBe(text);
    expect(batch.jsonLine(1)).toBe(JSON.stringify(events[1]));
  });

  it('gives the same lines whichever form is asked for first', () => {
    const bytesFirst = createEventBatch(events);
    expect(Buffer.from(bytesFirst.jsonBytes()).toString('utf8')).toBe(text);
    expect(events.map((_, i) => bytesFirst.jsonLine(i))).toEqual(events.map((e) => JSON.stringify(e)));
    const linesFirst = createEventBatch(events);
    expect(linesFirst.jsonLine(2)).toBe(JSON.stringify(events[2]));
    expect(Buffer.from(linesFirst.jsonBytes()).toString('utf8')).toBe(text);
  });

  it('renders an empty batch as nothing', () => {
    expect(createEventBatch([]).jsonLines()).toBe('');
  });
});

describe('createByteBatch', () => {
  const lines = new LineBuffer(16);
  for (const event of events) lines.pushText(JSON.stringify(event));
  const { bytes, ends } = lines.take();
  const batch = createByteBatch(bytes, ends);

  it('ends lines where the bytes have their newlines, multi-byte text and escaped newlines included', () => {
    expect(bytes.length).toBeGreaterThan(text.length);
    expect([...ends].map((end) => bytes[end])).toEqual([10, 10, 10]);
    expect(bytes.toString('utf8')).toBe(text);
  });

  it('gives the bytes as they are, and decodes lines and events on demand', () => {
    expect(batch.size).toBe(3);
    expect(batch.jsonBytes()).toBe(bytes);
    expect(batch.jsonLines()).toBe(text);
    expect([0, 1, 2].map((i) => batch.jsonLine(i))).toEqual(events.map((e) => JSON.stringify(e)));
    expect(batch.events).toEqual(events);
  });
});
