import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleSimulation } from '../../../src/engine/bundle-simulation.js';
import { SimFolder } from '../../helpers/cli.js';

const folder = new SimFolder('bundle');
const made: string[] = [];
afterAll(() => {
  folder.remove();
  // A test's threads end without the exit event that removes a bundle in a run.
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const SIM = (extra: string) => `
import { defineEvent, Field, Simulation, NewEvent } from 'deep-faker';
import { DURATION } from './helper.js';
const Ping = defineEvent('Ping', { n: Field.int({ faker: 'random_int', min: 1, max: 3 }) });
const sim = new Simulation({ duration: DURATION, nFlows: 2, events: [Ping] });
sim.flow(function* ping(ctx) { yield NewEvent(ctx, Ping); });
${extra}
export default sim;
`;

describe('bundleSimulation', () => {
  it('makes one module of the file and its local imports, packages imported from where Node finds them', async () => {
    folder.write('helper.ts', `export const DURATION: string = '5m';\n`);
    const url = pathToFileURL(folder.write('sim.ts', SIM(''))).href;
    const bundle = await bundleSimulation(url);
    expect(bundle).toMatch(/^file:.*simulation\.mjs$/);
    made.push(dirname(fileURLToPath(bundle!)));
    const text = readFileSync(new URL(bundle!), 'utf8');
    expect(text).toContain('"5m"');
    expect(text).not.toMatch(/from "deep-faker"/);
    expect(text).toMatch(/from "file:\/\/[^"]*\/dist\/index\.js"/);
    expect(text).toContain('sourceMappingURL=data:application/json');
    // Made once per file.
    expect(await bundleSimulation(url)).toBe(bundle);
  });

  it('leaves a file that reads its own location or loads code at run time to tsx', async () => {
    folder.write('helper.ts', `export const DURATION: string = '5m';\n`);
    for (const [name, extra] of [
      ['meta.ts', 'console.log(new URL("./data.csv", import.meta.url));'],
      ['dynamic.ts', 'const later = () => import("./helper.js");'],
      ['dirname.ts', 'const here = typeof __dirname;'],
    ] as const) {
      expect(await bundleSimulation(pathToFileURL(folder.write(name, SIM(extra))).href), name).toBeNull();
    }
    // In a local import too.
    folder.write('helper-meta.ts', `export const DURATION: string = import.meta.url ? '5m' : '1m';\n`);
    const viaHelper = SIM('').replace("'./helper.js'", "'./helper-meta.js'");
    expect(await bundleSimulation(pathToFileURL(folder.write('via-helper.ts', viaHelper)).href)).toBeNull();
  });

  it('leaves a CommonJS file, and one that does not compile, to tsx', async () => {
    folder.write('helper.ts', `export const DURATION: string = '5m';\n`);
    expect(await bundleSimulation(pathToFileURL(folder.write('sim.cts', SIM(''))).href)).toBeNull();
    expect(await bundleSimulation(pathToFileURL(folder.write('broken.ts', 'const = ;')).href)).toBeNull();
    expect(await bundleSimulation(pathToFileURL(join(folder.path, 'missing.ts')).href)).toBeNull();
    expect(existsSync(join(folder.path, 'missing.ts'))).toBe(false);
  });
});
