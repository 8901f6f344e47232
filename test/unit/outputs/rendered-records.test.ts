import { describe, expect, it } from 'vitest';
import { LineBuffer } from '../../../src/outputs/line-buffer.js';
import type { EventRecord } from '../../../src/outputs/output.js';
import { RENDER_CHUNK, RenderedRecords } from '../../../src/outputs/rendered-records.js';

const event = (n: number): EventRecord => ({ event_type: n % 3 === 0 ? 'Ping' : 'Pong', n, text: `é${'x'.repeat(n % 7)}`, sys__eid: `e${n}`, sys__ets: 1735689600000 + n, sys__sid: 's' });
const linesOf = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `${JSON.stringify(event(from + i))}\n`).join('');

function gathered(count: number, render: boolean): { pending: RenderedRecords; lines: LineBuffer; counts: number[] } {
  const lines = LineBuffer.forLines(64);
  const pending = new RenderedRecords(lines);
  const counts: number[] = [];
  for (let n = 0; n < count; n++) {
    pending.push(event(n), render);
    counts.push(lines.count);
  }
  return { pending, lines, counts };
}

describe('RenderedRecords', () => {
  it('renders the records a chunk at a time as they come, and the rest when taken', () => {
    const { pending, lines, counts } = gathered(300, true);
    // Lines rendered after each push: none until a chunk has come, then a chunk at once.
    expect(counts[RENDER_CHUNK - 2]).toBe(0);
    expect(counts[RENDER_CHUNK - 1]).toBe(RENDER_CHUNK);
    expect(counts[2 * RENDER_CHUNK - 1]).toBe(2 * RENDER_CHUNK);
    expect(counts[299]).toBe(2 * RENDER_CHUNK);
    const taken = pending.takeRendered(300);
    expect(taken.bytes.toString('utf8')).toBe(linesOf(0, 300));
    expect(taken.ends).toHaveLength(300);
    expect(taken.records.map((r) => r.n)).toEqual(Array.from({ length: 300 }, (_, n) => n));
    expect(pending.size).toBe(0);
    expect(lines.count).toBe(0);
  });

  it('takes the first part of what it holds, rendered, and keeps the rest in order', () => {
    const { pending } = gathered(300, true);
    // Fewer than are rendered, then more than are left rendered, then the rest.
    const first = pending.takeRendered(100);
    expect(first.bytes.toString('utf8')).toBe(linesOf(0, 100));
    const second = pending.takeRendered(150);
    expect(second.bytes.toString('utf8')).toBe(linesOf(100, 250));
    expect(second.records.map((r) => r.n)).toEqual(Array.from({ length: 150 }, (_, i) => 100 + i));
    for (let n = 300; n < 400; n++) pending.push(event(n), true);
    const rest = pending.takeRendered(pending.size);
    expect(rest.bytes.toString('utf8')).toBe(linesOf(250, 400));
    expect([...rest.ends].at(-1)).toBe(Buffer.byteLength(linesOf(250, 400)) - 1);
  });

  it('renders nothing when push is not asked to', () => {
    const { pending, lines, counts } = gathered(300, false);
    expect(counts.every((c) => c === 0)).toBe(true);
    expect(pending.takeRecords(200).map((r) => r.n)).toEqual(Array.from({ length: 200 }, (_, n) => n));
    expect(pending.size).toBe(100);
    expect(lines.count).toBe(0);
    // Asked later, it renders what it still holds.
    expect(pending.takeRendered(100).bytes.toString('utf8')).toBe(linesOf(200, 300));
  });
});
