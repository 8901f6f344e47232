/**
 * The run command through the real CLI: help, the stdout / stderr split, and the same bytes
 * as an in-process run. Needs a build (npm run build).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, SimFolder, type CliResult } from '../helpers/cli.js';

const SIM = `import { defineEvent, Field, NewEvent, AddDecay, Simulation } from 'deep-faker';

const Ping = defineEvent('Ping', { id: Field.string({ faker: 'uuid4' }), n: Field.int({ faker: 'random_int', min: 1, max: 9 }) });
const sim = new Simulation({ duration: '30s', nFlows: 2, randomSeed: 5, startTime: '2025-01-01T00:00:00Z' });
sim.flow(function* ping(ctx) {
  yield NewEvent(ctx, Ping);
  yield AddDecay(ctx, { rate: 0.5, seconds: 3 });
  yield NewEvent(ctx, Ping);
});
export default sim;
`;

describe('CLI run', () => {
  const folder = new SimFolder('run');
  let file = '';
  let plain: CliResult;
  let again: CliResult;
  let quiet: CliResult;
  let limited: CliResult;

  beforeAll(async () => {
    file = folder.write('ping.ts', SIM);
    [plain, again] = await Promise.all([runCli(['run', file]), runCli(['run', file])]);
    [quiet, limited] = await Promise.all([runCli(['run', file, '--quiet', '--seed', '9']), runCli(['run', file, '--max-events', '5', '--out', '-'])]);
  });

  afterAll(() => folder.remove());

  it('--help prints the usage on stdout and exits 0', async () => {
    const help = await runCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage:');
    expect(help.stdout).toContain('deep-faker run <file.ts>');
    expect(help.stderr).toBe('');
  });

  it('--version prints the package\'s version, read from its package.json wherever the build put the code', async () => {
    const version = await runCli(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout).toBe(`${(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version}\n`);
  });

  it('stdout carries only JSON lines (stdout is the default output); the summary goes to stderr', () => {
    expect(plain.status).toBe(0);
    const lines = plain.stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.length).toBeGreaterThan(60);
    let last = 0;
    for (const line of lines) {
      const event = JSON.parse(line) as Record<string, unknown>;
      expect(event.event_type).toBe('Ping');
      expect(event.sys__ets as number).toBeGreaterThanOrEqual(last);
      last = event.sys__ets as number;
    }
    expect(plain.stderr).toMatch(new RegExp(`^deep-faker: ${lines.length} events in `));
    expect(plain.stderr).toContain('window 2025-01-01T00:00:00.000Z → 2025-01-01T00:00:30.000Z, seed 5');
    expect(plain.stderr).toContain('flow ping: started 60');
  });

  it('the same file and seed give the same bytes in another process', () => {
    expect(again.stdout).toBe(plain.stdout);
  });

  it('--quiet prints no summary; --seed changes the stream', () => {
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).not.toBe(plain.stdout);
    expect(quiet.stdout.split('\n')[0]).toMatch(/^\{"event_type":"Ping"/);
  });

  it('--max-events stops after that many events', () => {
    expect(limited.status).toBe(0);
    expect(limited.stdout.trimEnd().split('\n')).toEqual(plain.stdout.split('\n').slice(0, 5));
    expect(limited.stderr).toContain('stopped by maxEvents');
  });

  it('the quick start gives the golden bytes through the CLI too', async () => {
    const result = await runCli(['run', 'examples/quickstart.ts', '--seed', '42', '--start', '2025-01-01T00:00:00Z', '--max-events', '50', '--out', '-', '--quiet']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(readFileSync(new URL('../golden/quickstart-seed42.jsonl', import.meta.url), 'utf8'));
  });
});
