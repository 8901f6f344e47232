/**
 * All cores: the quick-start workload over 24 simulated hours in 4 partitions, run in this
 * thread and in 2 worker threads through the CLI; the outputs must be byte-identical.
 * Run: npx tsx bench/workers.ts [--partitions 4] [--hours 24] [--dir /dev/shm] [--rounds N]
 * --dir: where the output files go (default: the system's temp directory). On a 2-core
 * machine a disk's writeback takes CPU from the 2-worker run that the single thread leaves
 * idle: tmpfs (/dev/shm) measures the engine's own scaling, a disk what a user would see.
 *
 * What the machine allows, printed beside: the same partitions as 2 shard processes
 * (--shard 1/2 and 2/2) at once, with nothing shared between them; and, where taskset
 * exists, one partition's share of the work pinned to each core in turn. A run in 2
 * threads is as fast as its slower one: on a virtual machine whose cores differ in speed,
 * that, not the engine, bounds the speed-up.
 *
 * --rounds N: N rounds of (this thread, 2 workers, 2 shards), the first two in turns
 * (which one goes first alternates), and the median speed-ups: on a machine whose speed
 * drifts from one minute to the next, one round can be off by a third.
 *
 * Where Linux tells a process its children's CPU time, each run's CPU-seconds are printed
 * too, with the cores it kept busy on average. A run in this thread keeps more than one
 * busy (the collector's helper threads, the file writes), so on 2 cores the 2-worker run
 * can be at most (this thread's wall time) / (its own CPU-seconds / 2) faster: printed as
 * "at most".
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { median, parseRounds } from './rounds.js';

const { values } = parseArgs({ options: { partitions: { type: 'string', default: '4' }, hours: { type: 'string', default: '24' }, dir: { type: 'string', default: tmpdir() }, rounds: { type: 'string', default: '1' } } });
const rounds = parseRounds('workers', values.rounds);

interface Run { seconds: number; runSeconds: number; events: number; file: string }

/**
 * CPU-seconds used by this process's children that have ended (user and system: the 14th
 * and 15th fields after the command name in /proc/self/stat, in clock ticks of 1/100 s on
 * Linux), or undefined where there is no such file.
 */
function childrenCpuSeconds(): number | undefined {
  let stat: string;
  try {
    stat = readFileSync('/proc/self/stat', 'utf8');
  } catch {
    return undefined;
  }
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/** Runs `work` (child processes) and returns its result with the CPU-seconds the children used. */
async function withCpu<T>(work: () => Promise<T>): Promise<[T, number | undefined]> {
  const before = childrenCpuSeconds();
  const result = await work();
  const after = childrenCpuSeconds();
  return [result, before === undefined || after === undefined ? undefined : after - before];
}

/** ", 7.4 CPU-seconds (1.24 cores)", or nothing where CPU time is not known. */
function cpuText(cpu: number | undefined, seconds: number): string {
  return cpu === undefined ? '' : `, ${cpu.toFixed(1)} CPU-seconds (${(cpu / seconds).toFixed(2)} cores)`;
}

function cliArgs(file: string, extra: string[]): string[] {
  return [
    '--max-semi-space-size=32', 'bin/deep-faker.js', 'run', 'bench/workloads/quickstart-24h.ts',
    '--duration', `${values.hours}h`, '--partitions', values.partitions!, '--out', file, ...extra,
  ];
}

function summaryOf(stderr: string, seconds: number, file: string): Run {
  const [, count, runSeconds] = /([\d,]+) events in ([\d.]+) s/.exec(stderr)!;
  return { seconds, runSeconds: Number(runSeconds), events: Number(count!.replace(/,/g, '')), file };
}

/** One CLI process, started now; resolves when it exits. `pin`: a core for taskset. */
function runProcess(file: string, extra: string[], pin?: number): Promise<Run> {
  const args = cliArgs(file, extra);
  const begin = performance.now();
  const child = pin === undefined ? spawn(process.execPath, args) : spawn('taskset', ['-c', String(pin), process.execPath, ...args]);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => child.on('close', (code) => {
    if (code !== 0) reject(new Error(stderr));
    else resolve(summaryOf(stderr, (performance.now() - begin) / 1000, file));
  }));
}

const inThread = (workers: number) => runProcess(join(values.dir!, `deep-faker-workers-${workers}.jsonl`), ['--workers', String(workers)]);
const rate = (r: { seconds: number; events: number }) => Math.round(r.events / r.seconds).toLocaleString('en-US');
const speedUps: number[] = [];
const runSpeedUps: number[] = [];
const shardSpeedUps: number[] = [];
const ceilings: number[] = [];
const files = new Set<string>();
for (let round = 1; round <= rounds; round++) {
  const firstSingle = round % 2 === 1;
  const first = await withCpu(() => inThread(firstSingle ? 0 : 2));
  const second = await withCpu(() => inThread(firstSingle ? 2 : 0));
  const [[single, singleCpu], [two, twoCpu]] = firstSingle ? [first, second] : [second, first];
  // Both cores busy for the whole 2-worker run is the best it can do.
  const ceiling = twoCpu === undefined ? undefined : single.seconds / (twoCpu / 2);
  if (ceiling !== undefined) ceilings.push(ceiling);
  const same = readFileSync(single.file).equals(readFileSync(two.file));
  const shards = await Promise.all([1, 2].map((k) => runProcess(join(values.dir!, `deep-faker-shard-${k}.jsonl`), ['--shard', `${k}/2`])));
  const shardSeconds = Math.max(...shards.map((s) => s.seconds));
  for (const file of [single.file, two.file, ...shards.map((s) => s.file)]) files.add(file);
  speedUps.push(single.seconds / two.seconds);
  runSpeedUps.push(single.runSeconds / two.runSeconds);
  shardSpeedUps.push(single.seconds / shardSeconds);
  if (round === 1) console.log(`${values.partitions} partitions, ${values.hours} simulated hours, ${single.events.toLocaleString('en-US')} events to ${values.dir} (process wall time, start-up included)`);
  if (rounds > 1) console.log(`round ${round} (${firstSingle ? 'this thread' : '2 workers'} first):`);
  console.log(`this thread:      ${single.seconds.toFixed(2)} s  ${rate(single)} events/s  (run() alone ${single.runSeconds.toFixed(2)} s${cpuText(singleCpu, single.seconds)})`);
  console.log(`2 worker threads: ${two.seconds.toFixed(2)} s  ${rate(two)} events/s  (run() alone ${two.runSeconds.toFixed(2)} s${cpuText(twoCpu, two.seconds)})  speed-up ${speedUps.at(-1)!.toFixed(2)}x, run() alone ${runSpeedUps.at(-1)!.toFixed(2)}x; outputs identical: ${same}`);
  if (ceiling !== undefined) console.log(`at most, with both cores busy throughout the 2-worker run: ${ceiling.toFixed(2)}x`);
  console.log(`what the machine allows: 2 shard processes at once, ${shards.map((s) => s.seconds.toFixed(2)).join(' and ')} s: ${shardSpeedUps.at(-1)!.toFixed(2)}x this thread`);
  if (!same) process.exitCode = 1;
}
if (rounds > 1) {
  const list = (values: number[]) => values.map((v) => v.toFixed(2)).join(' / ');
  console.log(`median of ${rounds} rounds: 2 workers ${median(speedUps).toFixed(2)}x (${list(speedUps)}), run() alone ${median(runSpeedUps).toFixed(2)}x (${list(runSpeedUps)}); 2 shard processes ${median(shardSpeedUps).toFixed(2)}x (${list(shardSpeedUps)})${ceilings.length > 0 ? `; at most ${median(ceilings).toFixed(2)}x (${list(ceilings)})` : ''}`);
}
if (spawnSync('taskset', ['-c', '0', 'true']).status === 0) {
  // One shard alone on each core in turn: the same work, so the times compare the cores.
  const cores: Run[] = [];
  for (const core of [0, 1]) cores.push(await runProcess(join(values.dir!, 'deep-faker-core.jsonl'), ['--shard', '1/2'], core));
  console.log(`the cores alone: shard 1/2 pinned to core 0 ${cores[0]!.seconds.toFixed(2)} s, to core 1 ${cores[1]!.seconds.toFixed(2)} s`);
  rmSync(join(values.dir!, 'deep-faker-core.jsonl'), { force: true });
}
for (const file of files) rmSync(file, { force: true });
