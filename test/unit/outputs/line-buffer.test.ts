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

describe('LineBuffer', () => {
  it('hands over all its lines with their ends and starts again empty', () => {
    const buffer = new LineBuffer();
    for (const [start, end] of ranges) buffer.push(source, start, end);
    const { bytes, ends } = buffer.take(3);
    expect(bytes.toString('utf8')).toBe(lines.join(''));
    expect([...ends]).toEqual(ranges.map(([, end]) => end - 1));
    expect(buffer.count).toBe(0);
    buffer.push(source, ...ranges[2]!);
    expect(buffer.take(1).bytes.toString('utf8')).toBe(lines[2]);
  });

  it('takes the first lines and keeps the rest, ends shifted', () => {
    const buffer = new LineBuffer();
    for (const [start, end] of ranges) buffer.push(source, start, end);
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

  it('grows past its first capacity without losing bytes', () => {
    const buffer = new LineBuffer();
    const line = Buffer.from('x'.repeat(999) + '\n');
    for (let i = 0; i < 1000; i++) buffer.push(line, 0, line.length);
    const { bytes, ends } = buffer.take(1000);
    expect(bytes.length).toBe(1_000_000);
    expect(ends[999]).toBe(999_999);
    expect(bytes.every((b, i) => b === (i % 1000 === 999 ? 10 : 120))).toBe(true);
  });
});
