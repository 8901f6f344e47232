/**
 * Compares two builds of this project on one command, the way this project's changes are
 * judged: both run at once, each pinned to a core of its own, swapped at every pair.
 * Run: npx tsx bench/pinned-pairs.ts --old /path/to/old/checkout [--new .] [--pairs 10] [--rate <regex>] -- <args>
 * e.g. -- bin/deep-faker.js run examples/ecommerce.ts --duration 100h --seed 42 --out /dev/null
 * Each side runs `node --max-semi-space-size=32 <args>` in its own checkout (built: `npm run
 * build` there). A ratio is old wall time / new: above 1, the new build is faster.
 * --rate: compare a rate the command prints instead (the last match of the regex's first
 * group in its output, flags g and m), new / old, to leave out what wall time also counts
 * (start-up, creating a million entities):
 *   --rate '"eventsPerSecond":([0-9.]+)' -- --import tsx bench/million-entities.ts --users 1000000
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
  options: { old: { type: 'string' }, new: { type: 'string', default: '.' }, pairs: { type: 'string', default: '10' }, rate: { type: 'string' } },
  allowPositionals: true,
});
const pairs = Number(values.pairs);
if (values.old === undefined || positionals.length === 0 || !Number.isInteger(pairs) || pairs < 2 || pairs % 2 !== 0) {
  console.error('usage: npx tsx bench/pinned-pairs.ts --old <checkout> [--new <checkout>] [--pairs N (even, ≥ 2)] [--rate <regex>] -- <node args>');
  process.exit(2);
}
if (spawnSync('taskset', ['-c', '1', 'true']).status !== 0) {
  console.error('pinned-pairs: needs taskset (util-linux) and a second core.');
  process.exit(2);
}

const rate = values.rate === undefined ? undefined : regexOf(values.rate);

function regexOf(source: string): RegExp {
  try {
    return new RegExp(source, 'gm');
  } catch (error) {
    console.error(`pinned-pairs: --rate ${source}: ${(error as Error).message}`);
    process.exit(2);
  }
}

/** What `node <args>` in `dir`, pinned to `core`, measured: its wall seconds, or the rate it printed. */
function measured(dir: string, core: number): Promise<number> {
  const begin = performance.now();
  const child = spawn('taskset', ['-c', String(core), process.execPath, '--max-semi-space-size=32', ...positionals], { cwd: resolve(dir), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return new Promise((done, fail) => child.on('close', (code) => {
    if (code !== 0) return fail(new Error(`${dir}: exit ${code}\n${output}`));
    if (rate === undefined) return done((performance.now() - begin) / 1000);
    // Thousands separators as the CLI prints them: 626,215 events/s.
    const printed = Number([...output.matchAll(rate)].at(-1)?.[1]?.replace(/,/g, ''));
    if (!Number.isFinite(printed)) return fail(new Error(`${dir}: no number matched --rate ${rate.source} in:\n${output}`));
    done(printed);
  }));
}

/** How a pair compares: above 1 the new build is faster either way (less time, or a higher rate). */
const compare = rate === undefined
  ? { ratio: (old: number, now: number) => old / now, show: (v: number) => `${v.toFixed(2)} s`, label: 'old/new time' }
  : { ratio: (old: number, now: number) => now / old, show: (v: number) => String(Math.round(v)), label: 'new/old rate' };
const ratios: number[] = [];
for (let pair = 1; pair <= pairs; pair++) {
  const oldCore = pair % 2;
  const [oldValue, newValue] = await Promise.all([measured(values.old, oldCore), measured(values.new!, 1 - oldCore)]).catch((error: Error) => {
    console.error(`pinned-pairs: ${error.message}`);
    process.exit(1);
  });
  ratios.push(compare.ratio(oldValue, newValue));
  console.log(`pair ${pair}: old ${compare.show(oldValue)} on core ${oldCore}, new ${compare.show(newValue)} on core ${1 - oldCore}: ${ratios.at(-1)!.toFixed(3)}`);
}
const swapped = Array.from({ length: pairs / 2 }, (_, i) => Math.sqrt(ratios[2 * i]! * ratios[2 * i + 1]!));
const geomean = Math.exp(swapped.reduce((sum, r) => sum + Math.log(r), 0) / swapped.length);
console.log(`${compare.label}: geometric mean over swapped pairs ${geomean.toFixed(3)} (each ${swapped.map((r) => r.toFixed(3)).join(' / ')}); median of single pairs ${median(ratios).toFixed(3)}; new faster in ${ratios.filter((r) => r > 1).length} of ${pairs}`);
