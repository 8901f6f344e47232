/**
 * Throughput: the quick-start workload at scale (24 simulated hours) written to a JSONL file,
 * side by side with a bare faker-js loop writing the same event shapes.
 * Run: npx tsx bench/throughput.ts [--hours 24] [--flows 12]
 * The hand-written floor (engine-floor.ts) runs the same workload without the engine: see there.
 */
import { parseArgs } from 'node:util';
import { FileOutput } from 'deep-faker';
import { bareFakerLoop } from './bare-faker-loop.js';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { quickstartAtScale } from './workloads/quickstart-scale.js';

const { values } = parseArgs({ options: { hours: { type: 'string', default: '24' }, flows: { type: 'string', default: '12' }, history: { type: 'string', default: 'current' } } });
const hours = Number(values.hours);
const nFlows = Number(values.flows);

const sim = quickstartAtScale({ duration: `${hours}h`, nFlows, initialUsers: 1000, history: values.history as 'full' | 'current' });
const summary = await sim.run({ outputs: [new FileOutput('/tmp/deep-faker-bench.jsonl')], log: () => {} });
const scale = Math.min(1, 400_000 / summary.events);
const mix = summary.eventsByType as Record<'AccountCreated' | 'ProductAdded' | 'OrderCompleted', number>;
const bare = await bareFakerLoop({
  AccountCreated: Math.round(mix.AccountCreated * scale), ProductAdded: Math.round(mix.ProductAdded * scale), OrderCompleted: Math.round(mix.OrderCompleted * scale),
}, '/tmp/deep-faker-bare.jsonl');
const floorScript = fileURLToPath(new URL('./engine-floor.ts', import.meta.url));
const floor = JSON.parse(execFileSync(process.execPath, [...process.execArgv, floorScript, '--hours', String(hours), '--flows', String(nFlows)], { encoding: 'utf8' })) as { eventsPerSecond: number };
const engine = summary.eventsPerSecond;
console.log(`workload: quick-start, ${hours} simulated hours, nFlows ${nFlows}/s, history ${values.history}: ${summary.events.toLocaleString('en-US')} events`);
console.log(`bare faker-js loop:   ${Math.round(bare).toLocaleString('en-US').padStart(10)} events/s`);
console.log(`deep-faker engine:    ${Math.round(engine).toLocaleString('en-US').padStart(10)} events/s  (${(engine / bare).toFixed(1)}x the bare loop)`);
console.log(`hand-written floor:   ${Math.round(floor.eventsPerSecond).toLocaleString('en-US').padStart(10)} events/s  (${(floor.eventsPerSecond / bare).toFixed(1)}x the bare loop; the engine runs at ${Math.round((100 * engine) / floor.eventsPerSecond)}% of it)`);
console.log(`peak RSS: ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`);
