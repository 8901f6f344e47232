/**
 * A realistic workload: examples/ecommerce.ts as written (four entity types, in-flow Selects
 * with several conditions, function fakers, full history), over a longer window, to a JSONL
 * file. The quick-start has one entity type held by flows; code shared by every entity or
 * event type behaves differently with several (see bench/README.md, "Engine").
 * Run: npx tsx bench/ecommerce.ts [--hours 50] [--rounds N]
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FileOutput } from 'deep-faker';
import sim from '../examples/ecommerce.js';
import { median, parseRounds } from './rounds.js';

const { values } = parseArgs({ options: { hours: { type: 'string', default: '50' }, rounds: { type: 'string', default: '1' } } });
const rounds = parseRounds('ecommerce', values.rounds);
const rates: number[] = [];
for (let round = 1; round <= rounds; round++) {
  const cpu = process.cpuUsage();
  const summary = await sim.run({
    seed: 42, startTime: '2025-01-01T00:00:00Z', duration: `${values.hours}h`,
    outputs: [new FileOutput(join(tmpdir(), 'deep-faker-ecommerce.jsonl'))], log: () => {},
  });
  const used = process.cpuUsage(cpu);
  rates.push(summary.eventsPerSecond);
  console.log(`${rounds > 1 ? `round ${round}: ` : ''}${summary.events.toLocaleString('en-US')} events in ${(summary.wallMs / 1000).toFixed(2)} s: ${Math.round(summary.eventsPerSecond).toLocaleString('en-US')} events/s, ${((used.user + used.system) / 1e6).toFixed(2)} CPU-seconds`);
}
if (rounds > 1) console.log(`median of ${rounds} rounds: ${Math.round(median(rates)).toLocaleString('en-US')} events/s`);
