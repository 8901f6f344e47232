import { describe, expect, it } from 'vitest';
import { LineBuffer } from '../../../src/outputs/line-buffer.js';

const lines = ['{"a":"é"}\n', '{"b":"日本"}\n', '{"c":1}\n'];
const source = Buffer.from(lines.join(''), 'utf8');
const ranges: [number, number][] = [];
for (let start = 0, i = 0; i < lines.length; i++) {
  const end = start + Buffer.byteLength(lines[i]!);
  ranges.push([start, end]);
  start = end;
}
/** Where each line of `source` ends, '\n' excluded. */
const sourceEnds = Uint32Array.from(ranges.map(([, end]) => end - 1));

describe('LineBuffer', () => {
  it('hands over all its lines with their ends and starts again empty', () => {
    const buffer = LineBuffer.forLines(3);
    buffer.pushLines(source, sourceEnds, 0, 1);
    buffer.pushLines(source, sourceEnds, 1, 3);
    const { bytes, ends } = buffer.take(3);
    expect(bytes.toString('utf8')).toBe(lines.join(''));
    expect([...ends]).toEqual([...sourceEnds]);
    expect(buffer.count).toBe(0);
    buffer.pushLines(source, sourceEnds, 2, 3);
    const last = buffer.take(1);
    expect(last.bytes.toString('utf8')).toBe(lines[2]);
    expect([...last.ends]).toEqual([Buffer.byteLength(lines[2]!) - 1]);
  });

  it('takes the first lines and keeps the rest, ends shifted', () => {
    const buffer = LineBuffer.forLines(3);
    buffer.pushLines(source, sourceEnds, 0, 3);
    const first = buffer.take(1);
    expect(first.bytes.toString('utf8')).toBe(lines[0]);
    const rest = buffer.take(2);
    expect(rest.bytes.toString('utf8')).toBe(lines[1]! + lines[2]!);
    expect([...rest.ends]).toEqual([Buffer.byteLength(lines[1]!) - 1, Buffer.byteLength(lines[1]! + lines[2]!) - 1]);
  });

  it('encodes text lines into the same bytes, growing as it goes', () => {
    const buffer = new LineBuffer(4);
    for (const line of lines) buffer.pushText(line.slice(0, -1));
    const { bytes, ends } = buffer.take();
    expect(bytes.equals(source)).toBe(true);
    expect([...ends]).toEqual(ranges.map(([, end]) => end - 1));
  });

  it('writes the next lines into a recycled buffer if it is big enough, else into a new one', () => {
    const buffer = new LineBuffer(64);
    buffer.pushText('{"a":1}');
    const first = buffer.take();
    buffer.recycle(first.bytes.buffer as ArrayBuffer);
    buffer.pushText('{"b":2}');
    const second = buffer.take();
    expect(second.bytes.buffer === first.bytes.buffer).toBe(true);
    expect(second.bytes.toString('utf8')).toBe('{"b":2}\n');
    buffer.recycle(new ArrayBuffer(8));
    buffer.pushText('{"c":3}');
    const third = buffer.take();
    expect(third.bytes.buffer.byteLength).toBe(64);
    expect(third.bytes.toString('utf8')).toBe('{"c":3}\n');
  });

  it('makes no buffer until a line comes, and none after taking all', () => {
    const buffer = new LineBuffer(1 << 20);
    expect(buffer.take().bytes.buffer.byteLength).toBe(0);
    buffer.pushText('{"a":1}');
    const { bytes } = buffer.take();
    expect(bytes.buffer.byteLength).toBe(1 << 20);
    expect(buffer.take().bytes.buffer.byteLength).toBe(0);
  });

  it('grows past its first capacity without losing bytes', () => {
    const buffer = LineBuffer.forLines(3);
    const line = Buffer.from('x'.repeat(999) + '\n');
    for (let i = 0; i < 1000; i++) buffer.pushLines(line, Uint32Array.of(999), 0, 1);
    const { bytes, ends } = buffer.take(1000);
    expect(bytes.length).toBe(1_000_000);
    expect(ends[999]).toBe(999_999);
    expect(bytes.every((b, i) => b === (i % 1000 === 999 ? 10 : 120))).toBe(true);
  });
});
