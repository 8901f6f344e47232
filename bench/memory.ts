/**
 * Memory: 10 million events streamed to a file through the CLI, peak RSS read from /proc;
 * and what full history costs per entity version, measured on the heap.
 * Run: npx tsx bench/memory.ts [--events 10000000]
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { EventBatch, HistoryMode, Output } from 'deep-faker';
import { fixedPopulation, Member } from './workloads/fixed-population.js';

const { values } = parseArgs({ options: { events: { type: 'string', default: '10000000' } } });
const OUT = '/tmp/deep-faker-memory.jsonl';

/** The process's peak resident set so far (VmHWM: a sample of VmRSS could fall between peaks). */
function peakRssOf(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
    return line ? Number(line.replace(/\D+/g, '')) * 1024 : 0;
  } catch {
    return 0;
  }
}

async function streamToFile(events: number): Promise<{ peakRss: number; summary: string }> {
  const child = spawn(process.execPath, ['--max-semi-space-size=32', 'bin/deep-faker.js', 'run', 'bench/workloads/fixed-population-24h.ts', '--max-events', String(events), '--out', OUT]);
  let peakRss = 0;
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const poll = setInterval(() => (peakRss = Math.max(peakRss, peakRssOf(child.pid!))), 100);
  await new Promise((resolve) => child.on('close', resolve));
  clearInterval(poll);
  return { peakRss, summary: stderr.split('\n')[0]! };
}

class NullOutput implements Output {
  readonly name = 'null';
  async open() {}
  async write(_batch: EventBatch) {}
  async flush() {}
  async close() {}
  stats() {
    return { delivered: 0, failed: 0, inFlight: 0 };
  }
}

/**
 * Heap bytes per version: the same run with history 'full' and 'current', divided by versions
 * kept; and what a bounded history ({ keep: '10m' }) holds beyond 'current' in that run.
 */
async function costPerVersion(): Promise<{ versions: number; bytesPerVersion: number; fullExtra: number; keptExtra: number }> {
  const heapAfter = async (history: HistoryMode) => {
    const sim = fixedPopulation({ users: 10_000, duration: '2h', nFlows: 40, history });
    await sim.run({ outputs: [new NullOutput()], log: () => {} });
    globalThis.gc?.();
    const heap = process.memoryUsage().heapUsed;
    const versions = history !== 'current' ? sim.query(Member).reduce((n, m) => n + sim.history(Member, m.user_id)!.length, 0) : 0;
    return { heap, versions };
  };
  // Each run's simulation is garbage once its heap is measured: the next run's gc() takes it.
  const current = await heapAfter('current');
  const full = await heapAfter('full');
  const kept = await heapAfter({ keep: '10m' });
  return {
    versions: full.versions, bytesPerVersion: (full.heap - current.heap) / (full.versions - 10_000),
    fullExtra: full.heap - current.heap, keptExtra: kept.heap - current.heap,
  };
}

const events = Number(values.events);
const { peakRss, summary } = await streamToFile(events);
console.log(summary);
console.log(`streamed ${events.toLocaleString('en-US')} events (${(statSync(OUT).size / 2 ** 30).toFixed(2)} GiB) to a file; peak RSS ${Math.round(peakRss / 2 ** 20)} MiB (target < 300 MiB)`);
rmSync(OUT, { force: true });
if (globalThis.gc) {
  const { versions, bytesPerVersion, fullExtra, keptExtra } = await costPerVersion();
  console.log(`history 'full': ${versions.toLocaleString('en-US')} versions of 10,000 members; ≈ ${Math.round(bytesPerVersion)} bytes per version on the heap`);
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  console.log(`beyond history 'current', after 2 simulated hours: 'full' ${mib(fullExtra)} MiB, { keep: '10m' } ${mib(keptExtra)} MiB`);
} else {
  console.log("(run with node --expose-gc --import tsx bench/memory.ts to measure the cost of history 'full' per version)");
}
