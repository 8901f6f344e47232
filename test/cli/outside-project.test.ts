/**
 * A simulation file with no copy of the package installed for it (a sim.ts on its own, run by
 * a global or npx-fetched CLI; a pod whose file comes from a ConfigMap): its `import
 * 'deep-faker'` gets the copy that runs it, however the file is loaded. Files live in the
 * system's temp directory, outside this repository, where Node finds no deep-faker.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedFor } from '../../src/engine/own-package.js';
import { runCli, SimFolder, type CliResult } from '../helpers/cli.js';

const SIM = `import { defineEvent, defineEntity, Field, StateField, Simulation, NewEvent, AddDecay, SetState } from 'deep-faker';
const Joined = defineEvent('Joined', { user_id: Field.string({ primaryKey: true, faker: 'uuid4' }), email: Field.string({ faker: 'email' }) });
const Visited = defineEvent('Visited', { user_id: Field.string(), page: Field.string({ faker: 'random_element', elements: ['home', 'cart'] }) });
const Member = defineEntity('Member', { sourceEvent: Joined, primaryKey: 'user_id', state: { visits: StateField.int({ default: 0 }) } });
const sim = new Simulation({ duration: '10m', nFlows: 2, randomSeed: 5, partitions: 2 });
sim.flow(function* visit(ctx) {
  yield NewEvent(ctx, Joined, { saveEntity: Member });
  yield AddDecay(ctx, { rate: 0.1, seconds: 20 });
  yield NewEvent(ctx, Visited, { mutate: SetState(Member, [['visits', 'add', 1]]) });
});
export default sim;
`;
const ARGS = ['--start', '2025-01-01T00:00:00Z', '--quiet'];

/** Each way a file is loaded: CommonJS through tsx, an ES module bundled, an ES module through tsx. */
const CASES = [
  { name: 'a CommonJS file (no package.json)', manifest: undefined, extra: '' },
  { name: 'an ES-module file (bundled)', manifest: { type: 'module' }, extra: '' },
  { name: 'an ES-module file that reads import.meta (through tsx)', manifest: { type: 'module' }, extra: 'if (!import.meta.url.startsWith("file:")) throw new Error("no url");\n' },
];

describe('a simulation file outside any project', () => {
  const outside = mkdtempSync(join(tmpdir(), 'deep-faker-outside-'));
  const inside = new SimFolder('outside');
  const results = new Map<string, CliResult[]>();
  let reference: CliResult;

  beforeAll(async () => {
    reference = await runCli(['run', inside.write('sim.ts', SIM), ...ARGS, '--out', '-']);
    for (const [i, c] of CASES.entries()) {
      const dir = join(outside, `case-${i}`);
      mkdirSync(dir);
      if (c.manifest !== undefined) writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `sim-${i}`, ...c.manifest }));
      const file = join(dir, 'sim.ts');
      writeFileSync(file, SIM + c.extra);
      const runs: CliResult[] = [];
      for (const workers of ['0', '2']) runs.push(await runCli(['run', file, ...ARGS, '--workers', workers, '--out', '-'], { cwd: dir }));
      results.set(c.name, runs);
    }
  }, 60_000);

  afterAll(() => {
    rmSync(outside, { recursive: true, force: true });
    inside.remove();
  });

  it('finds no copy installed there, and one inside this package', () => {
    expect(installedFor(outside)).toBe(false);
    expect(installedFor(inside.path)).toBe(true);
  });

  for (const c of CASES) {
    it(`${c.name} gets the copy that runs it, in this thread and in workers: the same bytes as inside`, () => {
      expect(reference.stderr).toBe('');
      expect(reference.stdout.split('\n').length).toBeGreaterThan(20);
      for (const run of results.get(c.name)!) {
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(run.stdout).toBe(reference.stdout);
      }
    });
  }

  it("a CommonJS file's mistakes point at its own lines (a source-mapped stack)", async () => {
    const dir = join(outside, 'throws');
    mkdirSync(dir);
    const source = SIM.replace("  yield NewEvent(ctx, Visited", "  if (ctx.random() < 2) throw new RangeError('no visits today');\n  yield NewEvent(ctx, Visited");
    const lines = source.split('\n');
    const line = lines.findIndex((l) => l.includes('no visits today')) + 1;
    const column = lines[line - 1]!.indexOf('new RangeError') + 1;
    writeFileSync(join(dir, 'sim.ts'), source);
    const run = await runCli(['run', 'sim.ts', ...ARGS, '--out', '-'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr.trimEnd()).toBe(`deep-faker: error: flow "visit": the flow's code threw RangeError: no visits today (at sim.ts:${line}:${column})`);
  });

  it('a package that is not installed is named in one line, with how to fix it', async () => {
    const dir = join(outside, 'missing');
    mkdirSync(dir);
    const file = join(dir, 'sim.ts');
    writeFileSync(file, `import 'no-such-package-anywhere/sub';\n${SIM}`);
    const run = await runCli(['run', file, ...ARGS, '--out', '-'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr.trimEnd()).toBe(`deep-faker: error: ${file}: cannot load: it imports "no-such-package-anywhere/sub", which Node cannot find. Install it where the file is (npm install no-such-package-anywhere) or remove the import.`);
  });
});
