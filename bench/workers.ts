/**
 * All cores: the quick-start workload over 24 simulated hours in 4 partitions, run in this
 * thread and in 2 worker threads through the CLI; the outputs must be byte-identical.
 * Run: npx tsx bench/workers.ts [--partitions 4] [--hours 24] [--dir /dev/shm]
 * --dir: where the two output files go (default: the system's temp directory). On a 2-core
 * machine a disk's writeback takes CPU from the 2-worker run that the single thread leaves
 * idle: tmpfs (/dev/shm) measures the engine's own scaling, a disk what a user would see.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { partitions: { type: 'string', default: '4' }, hours: { type: 'string', default: '24' }, dir: { type: 'string', default: tmpdir() } } });

function run(workers: number): { seconds: number; runSeconds: number; events: number; file: string } {
  const file = join(values.dir!, `deep-faker-workers-${workers}.jsonl`);
  const begin = performance.now();
  const result = spawnSync(process.execPath, [
    '--max-semi-space-size=32', 'bin/deep-faker.js', 'run', 'bench/workloads/quickstart-24h.ts',
    '--duration', `${values.hours}h`, '--partitions', values.partitions!, '--workers', String(workers), '--out', file,
  ], { encoding: 'utf8' });
  const seconds = (performance.now() - begin) / 1000;
  if (result.status !== 0) throw new Error(result.stderr);
  const [, count, runSeconds] = /([\d,]+) events in ([\d.]+) s/.exec(result.stderr)!;
  return { seconds, runSeconds: Number(runSeconds), events: Number(count!.replace(/,/g, '')), file };
}

const single = run(0);
const two = run(2);
const same = readFileSync(single.file).equals(readFileSync(two.file));
const rate = (r: { seconds: number; events: number }) => Math.round(r.events / r.seconds).toLocaleString('en-US');
console.log(`${values.partitions} partitions, ${values.hours} simulated hours, ${single.events.toLocaleString('en-US')} events to ${values.dir} (process wall time, start-up included)`);
console.log(`this thread:      ${single.seconds.toFixed(2)} s  ${rate(single)} events/s  (run() alone ${single.runSeconds.toFixed(2)} s)`);
console.log(`2 worker threads: ${two.seconds.toFixed(2)} s  ${rate(two)} events/s  (run() alone ${two.runSeconds.toFixed(2)} s)  speed-up ${(single.seconds / two.seconds).toFixed(2)}x, run() alone ${(single.runSeconds / two.runSeconds).toFixed(2)}x; outputs identical: ${same}`);
rmSync(single.file, { force: true });
rmSync(two.file, { force: true });
