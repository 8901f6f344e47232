/**
 * Instructions per event of the quick-start workload, counted by valgrind's callgrind: the
 * same build and inputs give the same count to about 0.1%, whatever else the machine is doing,
 * where wall and CPU time here vary by a third from one minute to the next.
 * Run: npx tsx bench/instructions.ts [--old <checkout>] [--new .] [--minutes 20,80] [--runs 3] [--floor] [--bare]
 *
 * Each build runs the engine in-process (bench/workloads/engine-minutes.ts, bundled with the
 * package as built in that checkout: `npm run build` there) for two durations; the difference
 * of their counts over the difference of their events leaves start-up out. What made the
 * count repeat: the workload bundled beforehand (loaded through tsx, three runs of 20 minutes
 * counted 5.42, 5.50 and 5.64 billion), an output that renders at once (see
 * engine-minutes.ts), V8's --predictable with collection tasks and the memory reducer off and
 * a young generation of fixed size (one thread; collections that do not follow the clock),
 * fixed seeds, and fixed addresses (see FIXED_ADDRESSES). Two runs of 80 simulated minutes
 * then counted 4,312,474,812 and 4,312,475,757 instructions.
 *
 * --floor: counts the hand-written floor (bench/engine-floor.ts, this checkout's, with the
 * fakers of the --new build) the same way, in turns with the builds, and prints the engine's
 * count over the floor's: how many more instructions an event the engine runs than a program
 * of its shape with none of its generality (see bench/README.md, "The engine beside the floor").
 *
 * --bare: counts the bare faker-js loop that throughput.ts compares with (bench/workloads/
 * bare-loop-events.ts, in the engine's mix of event types) the same way, for as many events as
 * the engine makes in the two durations, and prints its count over the engine's: the
 * throughput target as work, where throughput.ts measures it as time (see bench/README.md,
 * "Work and time").
 *
 * What it does not see: cache misses and mispredicted branches, which instructions do not
 * cost. A change that saves instructions but moves a miss (see bench/README.md, "A million
 * entities") is judged by time as well. Needs valgrind; a pair of durations takes about a
 * minute per build.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { median, parseRounds } from './rounds.js';

const { values } = parseArgs({
  options: {
    old: { type: 'string' }, new: { type: 'string', default: '.' }, minutes: { type: 'string', default: '20,80' }, runs: { type: 'string', default: '3' },
    floor: { type: 'boolean', default: false }, bare: { type: 'boolean', default: false },
  },
});
const runs = parseRounds('instructions', values.runs);
const minutes = values.minutes!.split(',').map(Number);
if (minutes.length !== 2 || !minutes.every((m) => Number.isInteger(m) && m > 0) || minutes[0]! >= minutes[1]!) {
  console.error(`instructions: --minutes takes two whole numbers, the shorter first (e.g. 20,80), got "${values.minutes}".`);
  process.exit(2);
}
if (spawnSync('valgrind', ['--version']).status !== 0) {
  console.error('instructions: needs valgrind (apt-get install valgrind).');
  process.exit(2);
}

interface Count { instructions: number; events: number }

/** A program to count: its entry point (in this checkout) and its arguments for a length. */
interface Workload { readonly name: string; readonly entry: string; args(minutes: number): string[] }

const ENGINE: Workload = {
  name: 'engine-minutes',
  entry: fileURLToPath(new URL('./workloads/engine-minutes.ts', import.meta.url)),
  args: (length) => [String(length)],
};
const FLOOR: Workload = {
  name: 'engine-floor',
  entry: fileURLToPath(new URL('./engine-floor.ts', import.meta.url)),
  args: (length) => ['--hours', String(length / 60)],
};
/** The engine's events per simulated minute in this workload (1,737,479 in 24 hours). */
const ENGINE_EVENTS_PER_MINUTE = 1_206;
const BARE: Workload = {
  name: 'bare-loop-events',
  entry: fileURLToPath(new URL('./workloads/bare-loop-events.ts', import.meta.url)),
  args: (length) => [String(length * ENGINE_EVENTS_PER_MINUTE)],
};

/**
 * This checkout's `workload` bundled with the package built in `dir`, written in `dir`'s
 * node_modules, whence the package's own dependencies resolve. Returns the bundle's path.
 */
async function bundled(dir: string, workload: Workload): Promise<string> {
  const folder = join(resolve(dir), 'node_modules', '.cache', 'deep-faker-bench');
  mkdirSync(folder, { recursive: true });
  // Named by the checkout: checkouts may share one node_modules (a link).
  const outfile = join(folder, `${workload.name}-${createHash('sha1').update(resolve(dir)).digest('hex').slice(0, 8)}.mjs`);
  await build({
    entryPoints: [workload.entry], outfile, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning',
    alias: { 'deep-faker': join(resolve(dir), 'dist', 'index.js') },
    // Dependencies stay imports: from the checkout's node_modules, as the package uses them.
    packages: 'external',
  });
  return outfile;
}

/**
 * Without address-space randomization where setarch can turn it off: V8's megamorphic cache
 * is indexed by the addresses of object shapes, and with them random its misses varied the
 * count of an 80-minute run by 0.6%; without, by 0.07%.
 */
const FIXED_ADDRESSES = spawnSync('setarch', ['-R', 'true']).status === 0 ? ['setarch', '-R'] : [];

/** One run of a bundled workload (`args`: for a length in simulated minutes) under callgrind. */
function counted(script: string, args: readonly string[]): Promise<Count> {
  const command = [
    ...FIXED_ADDRESSES, 'valgrind', '--tool=callgrind', '--callgrind-out-file=/dev/null',
    // Predictable: one thread, and collections that do not follow the clock (no tasks that
    // run when the event loop gets to them, no memory reducer on a timer). The young
    // generation fixed at the CLI's largest size, where a long run's grows to: V8's
    // --predictable-gc-schedule, used before, fixes it far smaller whatever the size flags say
    // (60 scavenges in 80 simulated minutes against 6), and the collector's share of the count
    // was several times what a run pays.
    process.execPath, '--predictable', '--no-minor-gc-task', '--no-incremental-marking-task',
    '--no-memory-reducer', '--hash-seed=1', '--random-seed=1', '--min-semi-space-size=32', '--max-semi-space-size=32',
    script, ...args,
  ];
  const child = spawn(command[0]!, command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return new Promise((done, fail) => child.on('close', (code) => {
    const instructions = /Collected : (\d+)/.exec(output);
    // The engine's workload prints `events N`, the floor its result as JSON.
    const events = /^events (\d+)$/m.exec(output) ?? /"events":(\d+)/.exec(output);
    if (code !== 0 || instructions === null || events === null) return fail(new Error(`${script}: exit ${code}\n${output}`));
    done({ instructions: Number(instructions[1]), events: Number(events[1]) });
  }));
}

/** Instructions per event of a bundled workload, start-up left out. */
async function perEvent(script: string, workload: Workload): Promise<number> {
  const short = await counted(script, workload.args(minutes[0]!));
  const long = await counted(script, workload.args(minutes[1]!));
  return (long.instructions - short.instructions) / (long.events - short.events);
}

// With --old the builds take turns, so that anything else drifting meets both.
const builds = values.old === undefined ? [values.new!] : [values.new!, values.old];
// One bundle per checkout, even when both builds name the same one.
const bundles = new Map(builds.map((dir) => [resolve(dir), bundled(dir, ENGINE)]));
const scripts = await Promise.all(builds.map((dir) => bundles.get(resolve(dir))!));
const floorScript = values.floor ? await bundled(values.new!, FLOOR) : undefined;
const counts: number[][] = builds.map(() => []);
const floorCounts: number[] = [];
const bareScript = values.bare ? await bundled(values.new!, BARE) : undefined;
const bareCounts: number[] = [];
for (let run = 0; run < runs; run++) {
  for (let b = 0; b < builds.length; b++) counts[b]!.push(await perEvent(scripts[b]!, ENGINE));
  if (floorScript !== undefined) floorCounts.push(await perEvent(floorScript, FLOOR));
  if (bareScript !== undefined) bareCounts.push(await perEvent(bareScript, BARE));
}
const format = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`quick-start, the difference of ${minutes[0]} and ${minutes[1]} simulated minutes, ${runs} run(s) each:`);
for (let b = 0; b < builds.length; b++) {
  console.log(`${builds[b]}: median ${format(median(counts[b]!))} instructions an event (${counts[b]!.map(format).join(' / ')})`);
}
if (values.old !== undefined) console.log(`new / old: ${(median(counts[0]!) / median(counts[1]!)).toFixed(4)}`);
if (floorScript !== undefined) {
  console.log(`floor (bench/engine-floor.ts): median ${format(median(floorCounts))} instructions an event (${floorCounts.map(format).join(' / ')})`);
  console.log(`engine / floor: ${(median(counts[0]!) / median(floorCounts)).toFixed(3)}`);
}
if (bareScript !== undefined) {
  console.log(`bare faker-js loop (bench/bare-faker-loop.ts): median ${format(median(bareCounts))} instructions an event (${bareCounts.map(format).join(' / ')})`);
  console.log(`bare loop / engine: ${(median(bareCounts) / median(counts[0]!)).toFixed(2)}x`);
}
