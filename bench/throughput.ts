/**
 * Throughput: the quick-start workload at scale (24 simulated hours) written to a JSONL file,
 * side by side with a bare faker-js loop writing the same event shapes.
 * Run: npx tsx bench/throughput.ts [--hours 24] [--flows 12] [--history current|full] [--rounds N]
 * The hand-written floor (engine-floor.ts) runs the same workload without the engine: see there.
 */
import { parseArgs } from 'node:util';
import { FileOutput } from 'deep-faker';
import { bareFakerLoop, type Mix } from './bare-faker-loop.js';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { quickstartAtScale } from './workloads/quickstart-scale.js';
import { median, parseRounds } from './rounds.js';

const { values } = parseArgs({
  options: {
    hours: { type: 'string', default: '24' }, flows: { type: 'string', default: '12' },
    history: { type: 'string', default: 'current' }, rounds: { type: 'string', default: '1' },
  },
});
const hours = Number(values.hours);
const nFlows = Number(values.flows);
// On a noisy machine one round can be off by a third: --rounds N measures the three side by
// side N times and gives the median ratios too.
const rounds = parseRounds('throughput', values.rounds);
const floorScript = fileURLToPath(new URL('./engine-floor.ts', import.meta.url));
const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(10);
const engineRatios: number[] = [];
const floorRatios: number[] = [];

/** The bare loop over `mix` scaled by `share`, rounded per type. */
const bareShare = (mix: Mix, share: number) => bareFakerLoop({
  AccountCreated: Math.round(mix.AccountCreated * share), ProductAdded: Math.round(mix.ProductAdded * share), OrderCompleted: Math.round(mix.OrderCompleted * share),
}, '/tmp/deep-faker-bare.jsonl');

// The mix of event types the engine makes, from a run with no output before the rounds (the
// same every round: the run is seeded). Every round then runs in a warm process.
const mixRun = await quickstartAtScale({ duration: `${hours}h`, nFlows, initialUsers: 1000, history: values.history as 'full' | 'current' })
  .run({ outputs: [], log: () => {} });
const mix = mixRun.eventsByType as Mix;
// The bare loop writes up to 400,000 events a round, half just before the engine runs and half
// just after: this machine's speed drifts by a third from one minute to the next, and
// bracketing the engine puts the loop's figure at the same moments.
const share = Math.min(400_000, mixRun.events) / 2 / mixRun.events;

for (let round = 1; round <= rounds; round++) {
  const before = await bareShare(mix, share);
  const sim = quickstartAtScale({ duration: `${hours}h`, nFlows, initialUsers: 1000, history: values.history as 'full' | 'current' });
  const summary = await sim.run({ outputs: [new FileOutput('/tmp/deep-faker-bench.jsonl')], log: () => {} });
  const after = await bareShare(mix, share);
  // Both halves write as many events: the rate of the whole is their harmonic mean.
  const bare = 2 / (1 / before + 1 / after);
  const floor = JSON.parse(execFileSync(process.execPath, [...process.execArgv, floorScript, '--hours', String(hours), '--flows', String(nFlows)], { encoding: 'utf8' })) as { eventsPerSecond: number };
  const engine = summary.eventsPerSecond;
  engineRatios.push(engine / bare);
  floorRatios.push(floor.eventsPerSecond / bare);
  if (round === 1) console.log(`workload: quick-start, ${hours} simulated hours, nFlows ${nFlows}/s, history ${values.history}: ${summary.events.toLocaleString('en-US')} events`);
  if (rounds > 1) console.log(`round ${round}:`);
  console.log(`bare faker-js loop:   ${fmt(bare)} events/s  (just before the engine ${fmt(before).trim()}, just after ${fmt(after).trim()})`);
  console.log(`deep-faker engine:    ${fmt(engine)} events/s  (${(engine / bare).toFixed(1)}x the bare loop)`);
  console.log(`hand-written floor:   ${fmt(floor.eventsPerSecond)} events/s  (${(floor.eventsPerSecond / bare).toFixed(1)}x the bare loop; the engine runs at ${Math.round((100 * engine) / floor.eventsPerSecond)}% of it)`);
}
if (rounds > 1) {
  console.log(`median of ${rounds} rounds: engine ${median(engineRatios).toFixed(1)}x the bare loop (${engineRatios.map((r) => r.toFixed(1)).join(' / ')}), floor ${median(floorRatios).toFixed(1)}x (${floorRatios.map((r) => r.toFixed(1)).join(' / ')})`);
}
console.log(`peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);

