/**
 * loadSimulationFile in an ES-module project: the file's `import 'deep-faker'` is the copy the
 * caller already loaded (one instance of the package per thread, not a second one compiled
 * again under a loader namespace).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, SimFolder } from '../helpers/cli.js';

const folder = new SimFolder('load');
afterAll(() => folder.remove());

describe('loadSimulationFile', () => {
  it('gives an ES-module file the package copy already loaded', () => {
    const file = folder.write('shared.ts', `
import { defineEvent, Field, Simulation, NewEvent } from 'deep-faker';
const Tick = defineEvent('SharedTick', { n: Field.int({ faker: 'random_int', min: 1, max: 2 }) });
const sim = new Simulation({ duration: '1m', nFlows: 1, events: [Tick] });
sim.flow(function* tick(ctx) { yield NewEvent(ctx, Tick); });
export default sim;
`);
    const dist = pathToFileURL(join(REPO, 'dist', 'index.js')).href;
    const script = `
const { Simulation, loadSimulationFile } = await import(${JSON.stringify(dist)});
const { sim } = await loadSimulationFile(${JSON.stringify(file)});
console.log(JSON.stringify({ same: sim instanceof Simulation, flows: sim.flowNames }));
`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ same: true, flows: ['tick'] });
  });

  it("keeps each flow's name as written when the file is bundled with its local imports", () => {
    folder.write('names-helper.ts', `export function shop(): string { return 'helper'; }
export function* checkout(): Generator<never> {}
`);
    const file = folder.write('names.ts', `
import { defineEvent, Field, Simulation, NewEvent } from 'deep-faker';
import { shop, checkout } from './names-helper.js';
const Visit = defineEvent('NamesVisit', { n: Field.int({ default: 1 }) });
const sim = new Simulation({ duration: '1m', nFlows: 1 });
sim.flow(function* shop(ctx) { yield NewEvent(ctx, Visit); });
sim.flow(function* checkout(ctx) { yield NewEvent(ctx, Visit); });
void shop; void checkout;
export default sim;
`);
    const dist = pathToFileURL(join(REPO, 'dist', 'index.js')).href;
    const script = `
const { loadSimulationFile } = await import(${JSON.stringify(dist)});
const { sim } = await loadSimulationFile(${JSON.stringify(file)});
console.log(JSON.stringify(sim.flowNames));
`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(['shop', 'checkout']);
  });
});
