/**
 * A script-style simulation file (one that ends in `await sim.run(...)` instead of exporting
 * the simulation) runs once under the CLI, with the CLI's flags, and sees the CLI's summary.
 */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SimFolder, runCli } from '../helpers/cli.js';

const folder = new SimFolder('script');
const out = join(tmpdir(), `deep-faker-script-${process.pid}.jsonl`);
afterAll(() => {
  folder.remove();
  rmSync(out, { force: true });
});

const file = folder.write('script.ts', `
import { defineEvent, Field, Simulation, NewEvent, AddDecay, FileOutput } from 'deep-faker';
const Ping = defineEvent('ScriptPing', { n: Field.int({ faker: 'random_int', min: 1, max: 5 }) });
const sim = new Simulation({ duration: '1m', nFlows: 2, randomSeed: 3, startTime: '2025-01-01T00:00:00Z' });
sim.flow(function* pinger(ctx) {
  yield NewEvent(ctx, Ping);
  yield AddDecay(ctx, { rate: 0.5, seconds: 5 });
  yield NewEvent(ctx, Ping);
});
const summary = await sim.run({ outputs: [new FileOutput(${JSON.stringify(out)})] });
console.error('the file saw ' + summary.events + ' events');
`);

describe('a script-style simulation file', () => {
  it('runs once, with the CLI flags and the file own outputs, and gets the summary', async () => {
    const result = await runCli(['run', file, '--seed', '9']);
    expect(result.status).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(result.stderr).toContain(`the file saw ${lines.length} events`);
    expect(result.stderr).toMatch(/seed 9, stopped by end/);
    expect(result.stderr.match(/^deep-faker: \d/gm)).toHaveLength(1);
  });

  it('runs in worker threads too, byte for byte as in one thread', async () => {
    await runCli(['run', file, '--partitions', '2', '--quiet']);
    const inThread = readFileSync(out, 'utf8');
    const result = await runCli(['run', file, '--partitions', '2', '--workers', '2', '--quiet']);
    expect(result.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(inThread);
  });
});

describe('a simulation file in a CommonJS project (no "type": "module")', () => {
  it('loads through require(esm) and writes the same bytes as in an ES module project', async () => {
    const { mkdirSync, symlinkSync, writeFileSync } = await import('node:fs');
    const { REPO } = await import('../helpers/cli.js');
    const project = new SimFolder('cjs');
    try {
      mkdirSync(join(project.path, 'node_modules'));
      symlinkSync(REPO, join(project.path, 'node_modules', 'deep-faker'), 'dir');
      const source = readFileSync(join(REPO, 'examples', 'quickstart.ts'), 'utf8');
      const outputs: string[] = [];
      for (const type of [undefined, 'module']) {
        writeFileSync(join(project.path, 'package.json'), JSON.stringify(type ? { type } : { name: 'cjs-project' }));
        const sim = project.write('sim.ts', source);
        const target = join(tmpdir(), `deep-faker-cjs-${process.pid}-${type ?? 'commonjs'}.jsonl`);
        const result = await runCli(['run', sim, '--seed', '2', '--start', '2025-01-01T00:00:00Z', '--duration', '1m', '--quiet', '--out', target], { cwd: project.path });
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        outputs.push(readFileSync(target, 'utf8'));
        rmSync(target, { force: true });
      }
      expect(outputs[0]!.length).toBeGreaterThan(1000);
      expect(outputs[0]).toBe(outputs[1]);
    } finally {
      project.remove();
    }
  });
});
