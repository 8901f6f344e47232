/**
 * deep-faker merge: shard files into the one-process stream (the shards themselves are in
 * test/scale/partitions.test.ts), and its mistakes in one line.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeFiles } from '../../src/cli/merge-files.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'deep-faker-merge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, lines: readonly string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.map((l) => `${l}\n`).join(''));
  return path;
}

/** A line as deep-faker writes it: the system fields last. */
const line = (tag: string, ets: number, extra = '') => `{"event_type":"E"${extra},"sys__eid":"${tag}abcdefghij","sys__ets":${ets},"sys__sid":"s"}`;

async function merged(files: readonly string[]): Promise<string[]> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  await mergeFiles(files, out);
  return text.trimEnd().split('\n');
}

describe('mergeFiles', () => {
  it('orders by sys__ets, then partition tag; equal keys keep the order of the files', async () => {
    const a = file('a.jsonl', [line('00', 1), line('00', 5), line('02', 5), line('00', 9)]);
    const b = file('b.jsonl', [line('01', 1), line('01', 5), line('01', 7), '', line('01', 12)]);
    expect(await merged([b, a])).toEqual([line('00', 1), line('01', 1), line('00', 5), line('01', 5), line('02', 5), line('01', 7), line('00', 9), line('01', 12)]);
  });

  it("reads the system fields at the end of a line, not a JSON field's keys of the same names", async () => {
    const a = file('json.jsonl', [line('00', 10, ',"meta":{"sys__ets":99,"sys__eid":"zz"}')]);
    const b = file('plain.jsonl', [line('01', 20)]);
    expect(await merged([b, a])).toEqual([line('00', 10, ',"meta":{"sys__ets":99,"sys__eid":"zz"}'), line('01', 20)]);
  });
});

describe('deep-faker merge: mistakes in one line', () => {
  const cases: [string, string[], RegExp][] = [
    ['no files', ['merge'], /^deep-faker: error: merge needs the files to merge, e\.g\. deep-faker merge shard-1\.jsonl/],
    ['an option of run', ['merge', 'x.jsonl', '--seed', '3'], /^deep-faker: error: --seed applies to run, not to merge\. merge takes files, --out and --quiet\.$/],
    ['a missing file', ['merge', join(dir, 'none.jsonl')], /^deep-faker: error: merge, .*none\.jsonl: cannot read it \(ENOENT\)\. Check the path\.$/],
    ['lines that are not deep-faker events', ['merge', file('text.txt', ['hello'])], /^deep-faker: error: merge, .*text\.txt, line 1: no sys__ets or sys__eid\. merge takes the JSON lines deep-faker run writes/],
    ['--out naming one of the files', ['merge', file('keep.jsonl', [line('00', 1)]), '--out', join(dir, '.', 'keep.jsonl')], /^deep-faker: error: merge: --out .*keep\.jsonl is one of the files to merge, which writing would empty first\. Write to another file\.$/],
    ['a file named twice', ['merge', file('once.jsonl', [line('00', 1)]), join(dir, 'once.jsonl')], /^deep-faker: error: merge: .*once\.jsonl is named twice; its events would be written twice\. Name each file once\.$/],
    ['a file out of time order', ['merge', file('back.jsonl', [line('00', 5), line('00', 3)])], /^deep-faker: error: merge, .*back\.jsonl, line 2: out of time order \(sys__ets 3 after 5\)\./],
  ];
  for (const [name, args, expected] of cases) {
    it(name, async () => {
      const result = await runCli(args);
      expect(result.status).toBe(1);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr.trimEnd()).toMatch(expected);
      if (name.startsWith('--out')) expect(readFileSync(join(dir, 'keep.jsonl'), 'utf8')).toBe(`${line('00', 1)}\n`);
    });
  }
});
