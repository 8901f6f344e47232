/**
 * Compares two builds of this project on one command, the way this project's changes are
 * judged: both run at once, each pinned to a core of its own, swapped at every pair.
 * Run: npx tsx bench/pinned-pairs.ts --old /path/to/old/checkout [--new .] [--pairs 10] -- <args>
 * e.g. -- bin/deep-faker.js run examples/ecommerce.ts --duration 100h --seed 42 --out /dev/null
 * Each side runs `node --max-semi-space-size=32 <args>` in its own checkout (built: `npm run
 * build` there). A ratio is old wall time / new: above 1, the new build is faster.
 *
 * Runs one after the other could not resolve 5% here: the same run varied by up to 47%.
 * Pairs run at once see the same moment of the machine, but a virtual machine's cores can
 * differ in speed (by up to 1.6x on this one, see bench/README.md, "All cores"): a pair then
 * says more about the cores than the builds. Swapping the cores at every pair and taking the
 * geometric mean of each two consecutive pairs cancels that; the median of single pairs is
 * printed too, and agrees with it on a day whose cores are alike. Needs taskset and 2 cores.
 */
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { median } from './rounds.js';

const { values, positionals } = parseArgs({
  options: { old: { type: 'string' }, new: { type: 'string', default: '.' }, pairs: { type: 'string', default: '10' } },
  allowPositionals: true,
});
const pairs = Number(values.pairs);
if (values.old === undefined || positionals.length === 0 || !Number.isInteger(pairs) || pairs < 2 || pairs % 2 !== 0) {
  console.error('usage: npx tsx bench/pinned-pairs.ts --old <checkout> [--new <checkout>] [--pairs N (even, ≥ 2)] -- <node args>');
  process.exit(2);
}
if (spawnSync('taskset', ['-c', '1', 'true']).status !== 0) {
  console.error('pinned-pairs: needs taskset (util-linux) and a second core.');
  process.exit(2);
}

/** Wall seconds of `node <args>` in `dir`, pinned to `core`. */
function timed(dir: string, core: number): Promise<number> {
  const begin = performance.now();
  const child = spawn('taskset', ['-c', String(core), process.execPath, '--max-semi-space-size=32', ...positionals], { cwd: resolve(dir), stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((done, fail) => child.on('close', (code) => {
    if (code === 0) done((performance.now() - begin) / 1000);
    else fail(new Error(`${dir}: exit ${code}\n${stderr}`));
  }));
}

const ratios: number[] = [];
for (let pair = 1; pair <= pairs; pair++) {
  const oldCore = pair % 2;
  const [oldSeconds, newSeconds] = await Promise.all([timed(values.old, oldCore), timed(values.new!, 1 - oldCore)]);
  ratios.push(oldSeconds / newSeconds);
  console.log(`pair ${pair}: old ${oldSeconds.toFixed(2)} s on core ${oldCore}, new ${newSeconds.toFixed(2)} s on core ${1 - oldCore}: ${ratios.at(-1)!.toFixed(3)}`);
}
const swapped = Array.from({ length: pairs / 2 }, (_, i) => Math.sqrt(ratios[2 * i]! * ratios[2 * i + 1]!));
const geomean = Math.exp(swapped.reduce((sum, r) => sum + Math.log(r), 0) / swapped.length);
console.log(`old/new: geometric mean over swapped pairs ${geomean.toFixed(3)} (each ${swapped.map((r) => r.toFixed(3)).join(' / ')}); median of single pairs ${median(ratios).toFixed(3)}; new faster in ${ratios.filter((r) => r > 1).length} of ${pairs}`);
