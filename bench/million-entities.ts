/**
 * One million initial users with filtered flows (is_logged_in is true / false) against the
 * same workload with 1,000 users: creation time, and events/s of the flows.
 * Run: npx tsx bench/million-entities.ts [--rounds N] [--large 1000000] [--hours 4]
 * Each measurement runs in a process of its own (started with this one's Node flags): in one
 * process a later round ran while the heap still held the earlier million, and its flows
 * slowed round after round (287k, 252k, 236k, 185k events/s in one run).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CountingOutput } from './counting-output.js';
import { fixedPopulation } from './workloads/fixed-population.js';
import { median, parseRounds } from './rounds.js';

interface Measurement { createSeconds: number; eventsPerSecond: number; events: number; peakRssMiB: number }

/**
 * Creation time is up to the first batch (members have no source event, so nothing is emitted
 * while they are created); the flows' rate is measured from there to the end.
 */
async function measure(users: number, hours: string): Promise<Measurement> {
  const sim = fixedPopulation({ users, duration: `${hours}h`, nFlows: 30 });
  let first: { wallMs: number; events: number } | undefined;
  const summary = await sim.run({
    outputs: [new CountingOutput()],
    log: () => {},
    onProgress: (p) => (first ??= { wallMs: p.wallMs, events: p.events }),
  });
  const flowSeconds = (summary.wallMs - first!.wallMs) / 1000;
  return {
    createSeconds: first!.wallMs / 1000,
    eventsPerSecond: (summary.events - first!.events) / flowSeconds,
    events: summary.events,
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

/** Runs measure(users) in a fresh process with this process's Node flags. */
function measureApart(users: number, hours: string): Measurement {
  const script = fileURLToPath(import.meta.url);
  const out = execFileSync(process.execPath, [...process.execArgv, script, '--users', String(users), '--hours', hours], { encoding: 'utf8' });
  return JSON.parse(out) as Measurement;
}

// On a noisy machine one pair of runs can be off by a third: --rounds N measures N pairs, each
// 1,000 users then a million, and gives the median of their ratios too. --large and --hours
// make a quicker run (the figures are the target's only at their defaults).
const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '1' }, users: { type: 'string' }, large: { type: 'string', default: '1000000' }, hours: { type: 'string', default: '4' } },
});
if (values.users !== undefined) {
  console.log(JSON.stringify(await measure(Number(values.users), values.hours)));
} else {
  const rounds = parseRounds('million-entities', values.rounds);
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const largeUsers = Number(values.large);
  if (!Number.isSafeInteger(largeUsers) || largeUsers < 1 || !(Number(values.hours) > 0)) {
    console.error(`million-entities: --large takes a whole number of users and --hours a positive number, got ${values.large} and ${values.hours}`);
    process.exit(2);
  }
  const ratios: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const small = measureApart(1_000, values.hours);
    const large = measureApart(largeUsers, values.hours);
    if (rounds > 1) console.log(`round ${round}:`);
    console.log(`${'1,000 users:'.padEnd(17)}created (and first batch) in ${small.createSeconds.toFixed(2)} s; flows ${fmt(small.eventsPerSecond)} events/s (${fmt(small.events)} events)`);
    console.log(`${`${fmt(largeUsers)} users:`.padEnd(17)}created (and first batch) in ${large.createSeconds.toFixed(2)} s; flows ${fmt(large.eventsPerSecond)} events/s (${fmt(large.events)} events); peak RSS ${large.peakRssMiB} MiB`);
    ratios.push(large.eventsPerSecond / small.eventsPerSecond);
    console.log(`ratio: ${ratios[ratios.length - 1]!.toFixed(2)} (target ≥ 0.67)`);
  }
  if (rounds > 1) {
    console.log(`median ratio of ${rounds} rounds: ${median(ratios).toFixed(2)} (target ≥ 0.67); ratios ${ratios.map((r) => r.toFixed(2)).join(' / ')}`);
  }
}
