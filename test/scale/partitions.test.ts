/**
 * Partitions, worker threads and shards: the output depends on (seed, partitions) only, and
 * the shards of a run are disjoint and merge back into exactly the single-process output.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { SimFolder, runCli } from '../helpers/cli.js';

const ARGS = ['--seed', '7', '--start', '2025-01-01T00:00:00Z', '--duration', '20m', '--quiet'];
const files: string[] = [];
function tmp(name: string): string {
  const path = join(tmpdir(), `deep-faker-scale-${process.pid}-${name}.jsonl`);
  files.push(path);
  return path;
}
const folder = new SimFolder('scale');
afterAll(() => {
  files.forEach((f) => rmSync(f, { force: true }));
  folder.remove();
});

async function run(name: string, extra: string[], file = 'examples/quickstart.ts'): Promise<string> {
  const out = tmp(name);
  const result = await runCli(['run', file, ...ARGS, ...extra, '--out', out], { timeoutMs: 60_000 });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return readFileSync(out, 'utf8');
}

/** `file` run with `partitions` in this thread and in 2 worker threads: the same bytes, returned. */
async function sameInWorkers(name: string, file: string, partitions: string): Promise<string> {
  const inProcess = await run(`${name}-w0`, ['--partitions', partitions], file);
  expect(await run(`${name}-w2`, ['--partitions', partitions, '--workers', '2'], file)).toBe(inProcess);
  return inProcess;
}

/** A simulation file whose one flow emits one event type, `Name`, with `fields` (source text). */
function oneEventSim(fileName: string, name: string, fields: string, preamble = ''): string {
  return folder.write(fileName, `
import { defineEvent, Field, Simulation, NewEvent } from 'deep-faker';
${preamble}
const ${name} = defineEvent('${name}', ${fields});
const sim = new Simulation({ duration: '5m', nFlows: 20, events: [${name}] });
sim.flow(function* emit(ctx) { yield NewEvent(ctx, ${name}); });
export default sim;
`);
}

type Event = { sys__eid: string; sys__ets: number; sys__sid: string; user_id?: string };
const parse = (text: string): Event[] => text.trim().split('\n').map((l) => JSON.parse(l) as Event);
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const partitionOf = (eid: string) => BASE62.indexOf(eid[0]!) * 62 + BASE62.indexOf(eid[1]!);

describe('partitions', () => {
  it('give byte-identical output whether 0, 1, 2 or 3 worker threads run them', async () => {
    const inProcess = await run('p4-w0', ['--partitions', '4']);
    expect(inProcess.length).toBeGreaterThan(1000);
    for (const workers of ['1', '2', '3']) {
      expect(await run(`p4-w${workers}`, ['--partitions', '4', '--workers', workers])).toBe(inProcess);
    }
  });

  it('carry text beyond ASCII from worker threads byte for byte', async () => {
    const file = oneEventSim('unicode.ts', 'Greeting', '{ text: Field.string({ faker: (f) => f.helpers.arrayElement(NAMES) }) }',
      "const NAMES = ['Zoë', 'Ångström', '日本語', 'emoji 😀', 'plain', 'line\\nbreak'];");
    const inProcess = await sameInWorkers('utf8', file, '3');
    const texts = new Set(parse(inProcess).map((e) => (e as Event & { text: string }).text));
    expect([...texts].sort()).toEqual(['line\\nbreak', 'plain', 'Zoë', 'Ångström', '日本語', 'emoji 😀'].map((t) => t.replace('\\n', '\n')).sort());
  });

  it('run a file that reads its own location in worker threads too (through tsx, not a bundle)', async () => {
    // Where the file is: a bundle of it would be elsewhere, so the workers import it as it is.
    const file = oneEventSim('located.ts', 'Seen', "{ folder: Field.string({ faker: () => HERE }), n: Field.int({ faker: 'random_int', min: 1, max: 9 }) }",
      "const HERE = new URL('.', import.meta.url).pathname.split('/').filter(Boolean).pop()!;");
    const inProcess = await sameInWorkers('located', file, '2');
    expect(new Set(parse(inProcess).map((e) => (e as Event & { folder: string }).folder))).toEqual(new Set([folder.path.split('/').pop()]));
  });

  it("name the same line of the file when a flow's code throws in a worker thread as in this thread", async () => {
    const file = folder.write('throws.ts', `
import { defineEvent, Field, Simulation, NewEvent } from 'deep-faker';
const Ping = defineEvent('Ping', { n: Field.int({ faker: 'random_int', min: 1, max: 3 }) });
const sim = new Simulation({ duration: '5m', nFlows: 2, events: [Ping] });
sim.flow(function* ping(ctx) {
  yield NewEvent(ctx, Ping);
  if (ctx.sessionId.length > 0) throw new Error('boom');
});
export default sim;
`);
    const messages = [];
    for (const workers of ['0', '2']) {
      const result = await runCli(['run', file, ...ARGS, '--partitions', '2', '--workers', workers, '--out', tmp(`throws-w${workers}`)], { timeoutMs: 60_000 });
      expect(result.status).toBe(1);
      messages.push(result.stderr);
    }
    expect(messages[0]).toMatch(/the flow's code threw Error: boom \(at .*throws\.ts:7:\d+\)/);
    expect(messages[1]).toBe(messages[0]);
  });

  it('merge in time order, tag event ids with their partition, and keep ids disjoint', async () => {
    const events = parse(await run('p3', ['--partitions', '3']));
    for (let i = 1; i < events.length; i++) {
      const [a, b] = [events[i - 1]!, events[i]!];
      expect(a.sys__ets < b.sys__ets || (a.sys__ets === b.sys__ets && partitionOf(a.sys__eid) <= partitionOf(b.sys__eid))).toBe(true);
    }
    const seen = new Set(events.map((e) => partitionOf(e.sys__eid)));
    expect([...seen].sort()).toEqual([0, 1, 2]);
    expect(new Set(events.map((e) => e.sys__eid)).size).toBe(events.length);
    // Users belong to one partition: a user_id's events all carry the same partition tag.
    const owner = new Map<string, number>();
    for (const e of events) {
      if (!e.user_id) continue;
      const p = partitionOf(e.sys__eid);
      expect(owner.get(e.user_id) ?? p).toBe(p);
      owner.set(e.user_id, p);
    }
  });

  it('keep the aggregate arrival rate: 4 partitions emit about as many events as 1', async () => {
    const one = parse(await run('p1', [])).length;
    const four = parse(await run('p4', ['--partitions', '4'])).length;
    expect(Math.abs(four - one) / one).toBeLessThan(0.1);
  });
});

describe('shards', () => {
  it('are disjoint and merge back into exactly the single-process output', async () => {
    const whole = await run('whole', ['--partitions', '4']);
    const shards = await Promise.all([1, 2, 3].map((k) => run(`shard-${k}`, ['--partitions', '4', '--shard', `${k}/3`])));
    const shardEvents = shards.map(parse);
    const ids = shardEvents.flat().map((e) => e.sys__eid);
    expect(new Set(ids).size).toBe(ids.length);
    const partitionsPerShard = shardEvents.map((events) => new Set(events.map((e) => partitionOf(e.sys__eid))));
    expect(partitionsPerShard.map((s) => [...s].sort())).toEqual([[0, 3], [1], [2]]);
    // A stable merge by (sys__ets, partition) of the shard files is the single-process stream.
    const lines = shards.map((text) => text.trim().split('\n'));
    const heads = lines.map(() => 0);
    const merged: string[] = [];
    for (;;) {
      let best = -1;
      let bestKey: [number, number] = [Infinity, Infinity];
      lines.forEach((shard, s) => {
        if (heads[s]! >= shard.length) return;
        const e = JSON.parse(shard[heads[s]!]!) as Event;
        const key: [number, number] = [e.sys__ets, partitionOf(e.sys__eid)];
        if (key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) [best, bestKey] = [s, key];
      });
      if (best < 0) break;
      merged.push(lines[best]![heads[best]!++]!);
    }
    expect(merged.join('\n') + '\n').toBe(whole);
    // deep-faker merge does the same, whatever the order of the files.
    const out = tmp('merged');
    const shardFiles = [3, 1, 2].map((k) => join(tmpdir(), `deep-faker-scale-${process.pid}-shard-${k}.jsonl`));
    const result = await runCli(['merge', ...shardFiles, '--out', out]);
    const summary = /^deep-faker: merged ([\d,]+) events from 3 file\(s\) in [\d.]+ s into (.+)\n$/.exec(result.stderr);
    expect(summary?.slice(1)).toEqual([(whole.split('\n').length - 1).toLocaleString('en-US'), out]);
    expect(result.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(whole);
  });

  it('reject a shard count above the partition count with a one-line error', async () => {
    const result = await runCli(['run', 'examples/quickstart.ts', ...ARGS, '--partitions', '2', '--shard', '1/3', '--out', tmp('bad')]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/shard 1\/3: .*2 partition/);
  });
});
